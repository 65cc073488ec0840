#if canImport(Glibc)
import Glibc
#endif
import Hummingbird

/// One line per request on stderr: method, path, the query's parameter names with only
/// `q`'s value (other values may be long or private), status and milliseconds.
///
///     GET /search?q=Lavrov%20Kursk&page 200 3.2ms
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = response.status.code
            log(request, status: status, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, status: error.status.code, since: start)
            throw error
        } catch {
            log(request, status: 500, since: start)
            throw error
        }
    }

    func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let ms = (ContinuousClock.now - start).milliseconds
        var line = "\(request.method.rawValue) \(Self.shown(request.uri.path, query: request.uri.query)) \(status) \(Pages.formatMilliseconds(ms))ms\n"
        line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The path and the query's names, `q` with its value (still percent-encoded, so the
    /// line stays one line).
    static func shown(_ path: String, query: String?) -> String {
        guard let query, !query.isEmpty else { return path }
        let names = query.split(separator: "&").map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return parts[0] == "q" && parts.count > 1 ? "q=" + parts[1] : String(parts[0])
        }
        return path + "?" + names.joined(separator: "&")
    }
}

extension Duration {
    /// In milliseconds, fractions kept (a request's time, as the log and `took_ms` give it).
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
