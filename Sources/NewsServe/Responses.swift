import Hummingbird
import NIOCore
import NewsJSON

/// Responses with the content types and caching this server sends.
enum Responses {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        body(page.description, type: "text/html; charset=utf-8", status: status)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text + "\n", type: "application/json", status: status)
    }

    /// `{"error": "…"}` with a status: how the API reports what a client sent wrong.
    static func jsonError(_ message: String, status: HTTPResponse.Status) -> Response {
        var o = JSONLine()
        o.add("error", message)
        return json(o.line, status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok, cache: String = "no-store") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
