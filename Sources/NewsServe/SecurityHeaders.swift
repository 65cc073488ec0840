import Hummingbird

/// Headers on every response that keep hostile story text inert even if some escaping
/// were missed: no script runs (the pages have none), styles only from this server, no
/// framing, no MIME sniffing, no referrer leaking the query to the sites stories link to.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[SecurityHeaderName.referrerPolicy] = "no-referrer"
        response.headers[SecurityHeaderName.frameOptions] = "DENY"
        return response
    }
}

/// Header names HTTPTypes has no constant for.
enum SecurityHeaderName {
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    static let frameOptions = HTTPFields.Element.Name("X-Frame-Options")!
}
