import Hummingbird

extension Router {
    /// Answers GET and HEAD at `path` with `handler`; `ErrorPagesMiddleware` leaves a HEAD
    /// response its status and headers and drops its body (RFC 9110 §9.3.2).
    func read(_ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> Response) {
        on(path, method: .get, use: handler)
        on(path, method: .head, use: handler)
    }
}
