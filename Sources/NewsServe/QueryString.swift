/// The `name=value&…` pairs of a URL's query, decoded as browsers encode forms
/// (`application/x-www-form-urlencoded`: `+` is a space, `%XX` a byte), and the encoding
/// back for the links a page makes.
struct QueryString: Sendable, Equatable {
    /// Decoding fails on a `%` not followed by two hex digits, or bytes that are not UTF-8:
    /// the name of the parameter at fault, or nil when the name itself is broken.
    struct Malformed: Error, Equatable {
        var parameter: String?
    }

    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(_ query: Substring?) throws(Malformed) {
        guard let query, !query.isEmpty else { return }
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw Malformed(parameter: nil) }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { throw Malformed(parameter: name) }
            pairs.append((name, value))
        }
    }

    static func == (a: QueryString, b: QueryString) -> Bool {
        a.pairs.map(\.name) == b.pairs.map(\.name) && a.pairs.map(\.value) == b.pairs.map(\.value)
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// How many times `name` is given.
    func count(_ name: String) -> Int { pairs.reduce(0) { $0 + ($1.name == name ? 1 : 0) } }

    var names: [String] { pairs.map(\.name) }

    /// With `name` set to `value` (replacing every earlier value), or removed when nil.
    func setting(_ name: String, _ value: String?) -> QueryString {
        var copy = self
        copy.pairs.removeAll { $0.name == name }
        if let value { copy.pairs.append((name, value)) }
        return copy
    }

    /// `name=value&…`, percent-encoded.
    var encoded: String {
        pairs.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    static func decode(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(hex), let l = it.next().flatMap(hex) else { return nil }
                bytes.append(h << 4 | l)
            default: bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(b >> 4)])
                out.unicodeScalars.append(digits[Int(b & 15)])
            }
        }
        return out
    }
}
