import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A tiny HTTP/1.1 client over a POSIX socket, for the `newsidx serve` tests: one request
// per connection (`Connection: close`), read to EOF, parsed as the server sent it. No
// URLSession, so what goes over the wire is exactly what the test wrote.

/// One response as received.
struct HTTPReply: CustomStringConvertible {
    var status: Int
    var reason: String
    /// Header fields in order, names as sent.
    var headers: [(name: String, value: String)]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of the header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body parsed as a JSON object, or nil.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) as? [String: Any]
    }

    var description: String {
        let shown = text.count > 3000 ? String(text.prefix(3000)) + "…[clipped]" : text
        return "HTTP \(status) \(reason)\n" + headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n") + "\n\n" + shown
    }
}

struct HTTPClientError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum HTTPTestClient {
    /// Sends `method path` to 127.0.0.1:`port` with `headers` (Host and Connection: close
    /// are added unless given) and `body` (with its Content-Length unless `headers` has
    /// one, or Transfer-Encoding), and reads the whole response.
    static func request(
        port: Int, method: String = "GET", path: String, headers: [(String, String)] = [],
        body: Data? = nil, timeout: Double = 15
    ) throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\n"
        let names = headers.map { $0.0.lowercased() }
        if !names.contains("host") { head += "Host: 127.0.0.1:\(port)\r\n" }
        if !names.contains("connection") { head += "Connection: close\r\n" }
        if let body, !names.contains("content-length"), !names.contains("transfer-encoding") {
            head += "Content-Length: \(body.count)\r\n"
        }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var raw = Data(head.utf8)
        if let body { raw.append(body) }
        let received = try exchange(port: port, bytes: raw, timeout: timeout)
        return try parse(received, bodyless: method == "HEAD")
    }

    static func get(port: Int, _ path: String, timeout: Double = 15) throws -> HTTPReply {
        try request(port: port, path: path, timeout: timeout)
    }

    /// Connects, writes `bytes`, reads until the server closes.
    static func exchange(port: Int, bytes: Data, timeout: Double) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPClientError(message: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw HTTPClientError(message: "connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        var sent = 0
        let all = [UInt8](bytes)
        while sent < all.count {
            let n = all[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            // The server may answer and close before reading a body it refuses.
            if n <= 0 { break }
            sent += n
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { received.append(contentsOf: buffer[..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                throw HTTPClientError(message: "no complete answer from 127.0.0.1:\(port) within \(timeout) s; got \(received.count) bytes")
            }
            // 0: end of stream; ECONNRESET after a full answer counts as one too.
            if n < 0 && errno != ECONNRESET {
                throw HTTPClientError(message: "recv: \(String(cString: strerror(errno)))")
            }
            break
        }
        return received
    }

    /// Parses a status line, header fields and a body delimited by Content-Length, chunked
    /// encoding or the end of the connection.
    static func parse(_ data: Data, bodyless: Bool = false) throws -> HTTPReply {
        let bytes = [UInt8](data)
        guard let end = find([13, 10, 13, 10], in: bytes, from: 0) else {
            throw HTTPClientError(message: "no header end in \(bytes.count) bytes: \(String(decoding: bytes.prefix(500), as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw HTTPClientError(message: "bad status line: \(lines[0])")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPClientError(message: "bad header line: \(line)") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var reply = HTTPReply(status: status, reason: statusParts.count > 2 ? String(statusParts[2]) : "", headers: headers, body: Data())
        let rest = Array(bytes[(end + 4)...])
        if bodyless {
            reply.body = Data(rest)
        } else if reply.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            reply.body = Data(try dechunk(rest))
        } else if let length = reply.header("Content-Length").flatMap({ Int($0) }) {
            guard rest.count >= length else {
                throw HTTPClientError(message: "body shorter (\(rest.count)) than its Content-Length (\(length))")
            }
            reply.body = Data(rest[..<length])
        } else {
            reply.body = Data(rest)
        }
        return reply
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var at = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: at) else { throw HTTPClientError(message: "truncated chunk size") }
            let sizeText = String(decoding: bytes[at..<lineEnd], as: UTF8.self).split(separator: ";")[0]
                .trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16) else { throw HTTPClientError(message: "bad chunk size \(sizeText)") }
            at = lineEnd + 2
            if size == 0 { return out }
            guard at + size <= bytes.count else { throw HTTPClientError(message: "truncated chunk") }
            out += bytes[at..<(at + size)]
            at += size + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// `s` percent-encoded for a query value (everything but unreserved characters).
func urlEncoded(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    var out = ""
    for b in s.utf8 {
        let c = Character(Unicode.Scalar(b))
        if b < 0x80, let scalar = c.unicodeScalars.first, allowed.contains(scalar) {
            out.append(c)
        } else {
            out += String(format: "%%%02X", b)
        }
    }
    return out
}
