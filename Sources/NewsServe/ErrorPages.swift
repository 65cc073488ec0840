import Hummingbird

/// What the router itself refuses, as pages and JSON rather than bare statuses: an unknown
/// path (404), a method other than GET or HEAD (405), a request with a body (413: nothing
/// here takes one). Never a trace: whatever else fails is a plain 500 page.
struct ErrorPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        guard request.method == .get || request.method == .head else {
            var response = api ? Responses.jsonError("only GET is served here", status: .methodNotAllowed)
                               : Responses.html(Pages.problem(title: "Not allowed", message: "This archive is read-only: pages are only fetched (GET)."), status: .methodNotAllowed)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        if let length = request.headers[.contentLength], length != "0" {
            return api ? Responses.jsonError("requests here take no body", status: .contentTooLarge)
                       : Responses.html(Pages.problem(title: "No body expected", message: "Requests here take no body."), status: .contentTooLarge)
        }
        if request.headers[.transferEncoding] != nil {
            return Responses.jsonError("requests here take no body", status: .contentTooLarge)
        }
        do {
            guard request.method == .head else { return try await next(request, context) }
            // HEAD is GET without the body (RFC 9110 §9.3.2): the same status and headers.
            var response = try await next(request, context)
            let length = response.body.contentLength
            response.body = ResponseBody()
            if let length { response.headers[.contentLength] = String(length) }
            return response
        } catch let error as HTTPError where error.status == .notFound {
            return api ? Responses.jsonError("no such endpoint: \(request.uri.path); see /openapi.json", status: .notFound)
                       : Responses.html(Pages.problem(title: "Page not found", message: "There is no page here. Search the archive from the box above."), status: .notFound)
        } catch let error as HTTPError {
            return api ? Responses.jsonError(error.body ?? "request refused", status: error.status)
                       : Responses.html(Pages.problem(title: "Request refused", message: error.body ?? "The request could not be served."), status: error.status)
        } catch {
            return api ? Responses.jsonError("internal error", status: .internalServerError)
                       : Responses.html(Pages.problem(title: "Something went wrong", message: "The page could not be made. Try again, or search for something else."), status: .internalServerError)
        }
    }
}
