/// The character encoding a page is parsed with, decided before libxml2 sees it.
///
/// libxml2 2.9 follows a `<meta charset>` declaration, but without one it reads UTF-8 only
/// until the first invalid byte and then switches to Latin-1 for the rest of the page. So
/// the encoding is settled here, as browsers settle it:
/// - a byte-order mark names UTF-8 or UTF-16;
/// - else the page's declaration, `<meta charset>` or `<meta http-equiv="Content-Type">`
///   (Latin-1 and ASCII declarations read as Windows-1252, whose curly quotes are in
///   0x80–0x9F; UTF-16 declared without a byte-order mark reads as UTF-8);
/// - else UTF-8 when the bytes are UTF-8, and Windows-1252 when they are not: a page with no
///   declaration whose high bytes do not form UTF-8 sequences was written in a Western
///   single-byte encoding. A page that is UTF-8 but damaged (more valid multi-byte sequences
///   than invalid ones, as when a file is cut mid-character) stays UTF-8.
/// Pages read as UTF-8 go to libxml2 as UTF-8, invalid bytes replaced by U+FFFD; other
/// declared encodings go to libxml2 as they are.
enum HTMLEncoding: Equatable {
    /// UTF-8 (after any byte-order mark), or text to decode to it: UTF-16 with a byte-order
    /// mark, or UTF-8 with invalid bytes.
    case utf8
    /// Windows-1252 undeclared: transcoded to UTF-8 before parsing.
    case windows1252
    /// Parse the bytes as they are, in the named encoding, or in the one the page declares
    /// when nil.
    case declared(String?)

    /// The encoding for a page.
    static func of(_ bytes: [UInt8]) -> HTMLEncoding {
        if bytes.withUnsafeBytes(TextDecoding.utf16ByteOrder) != nil || TextDecoding.hasUTF8ByteOrderMark(bytes) {
            return .utf8
        }
        guard let label = bytes.withUnsafeBufferPointer(declaredCharset) else {
            let check = bytes.withUnsafeBufferPointer(UTF8Check.init)
            return check.invalid > 0 && check.multiByte <= check.invalid ? .windows1252 : .utf8
        }
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819",
             "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return .declared("windows-1252")
        default:
            return .declared(nil)
        }
    }

    /// The UTF-8 text of bytes to be read as UTF-8: the bytes themselves without a byte-order
    /// mark when they are valid, else decoded with U+FFFD for what is not. NUL characters,
    /// at which libxml2 would stop reading, become U+FFFD too, as in browsers.
    static func utf8Text(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.withUnsafeBytes(TextDecoding.utf16ByteOrder) == nil {
            let body = TextDecoding.hasUTF8ByteOrderMark(bytes) ? Array(bytes[3...]) : bytes
            if body.withUnsafeBufferPointer(UTF8Check.init).invalid == 0 { return withoutNUL(body) }
        }
        return withoutNUL(Array(TextDecoding.string(bytes).utf8))
    }

    /// UTF-8 text with each NUL replaced by U+FFFD.
    private static func withoutNUL(_ text: [UInt8]) -> [UInt8] {
        guard hasNUL(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 16)
        for b in text {
            if b == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(b) }
        }
        return out
    }

    /// Bytes in a declared encoding with each NUL replaced by a space: in the single- and
    /// multi-byte encodings pages declare, a zero byte is always NUL.
    static func withoutNUL(declared bytes: [UInt8]) -> [UInt8] {
        guard hasNUL(bytes) else { return bytes }
        return bytes.map { $0 == 0 ? 0x20 : $0 }
    }

    private static func hasNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ASCIIByte.firstIndex(of: 0, in: $0) != nil }
    }

    /// Windows-1252 bytes as UTF-8. The five bytes it leaves undefined read as the C1
    /// controls of the same value, as browsers do; NUL reads as U+FFFD.
    static func utf8(fromWindows1252 bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                if b == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(b) }
                continue
            }
            let scalar = b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt32(b)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        return out
    }

    /// The characters of Windows-1252's 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Counts of well-formed multi-byte UTF-8 sequences and of invalid ones.
    struct UTF8Check {
        var multiByte = 0
        var invalid = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = bytes.count
            let base = bytes.baseAddress.map(UnsafeRawPointer.init)
            while i < n {
                // Eight bytes at a time through ASCII text: most of a page is markup.
                if let base, i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default:
                    invalid += 1
                    i += 1
                    continue
                }
                var k = 1
                var ok = true
                while k < length {
                    guard i + k < n else { ok = false; break }
                    let c = bytes[i + k]
                    let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                    guard c >= lo, c <= hi else { ok = false; break }
                    k += 1
                }
                if ok {
                    multiByte += 1
                    i += length
                } else {
                    invalid += 1
                    i += max(1, k)
                }
            }
        }
    }

    /// The `charset` of the first `<meta>` tag before `<body>`, in either form
    /// (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`).
    static func declaredCharset(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < text.count {
            guard text[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if hasTagName("body", text, at: i + 1) { return nil }
            if hasTagName("meta", text, at: i + 1) {
                var end = i + 5
                while end < text.count, text[end] != UInt8(ascii: ">") { end += 1 }
                if let label = charsetValue(UnsafeBufferPointer(rebasing: text[(i + 5)..<end])) { return label }
                i = end
            }
            i += 1
        }
        return nil
    }

    /// True when `name` (lower-case ASCII) starts at `i`, in any case, and ends there.
    private static func hasTagName(_ name: StaticString, _ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let count = name.utf8CodeUnitCount
        guard i + count < text.count else { return false }
        for k in 0..<count where text[i + k] | 0x20 != name.utf8Start[k] { return false }
        switch text[i + count] {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"): return true
        default: return false
        }
    }

    /// The value after `charset=` in the text of a tag, unquoted.
    private static func charsetValue(_ tag: UnsafeBufferPointer<UInt8>) -> String? {
        let key = "charset".utf8
        var i = 0
        while i + key.count <= tag.count {
            guard zip(tag[i...], key).allSatisfy({ $0 | 0x20 == $1 }) else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < tag.count, tag[j] == 0x20 { j += 1 }
            guard j < tag.count, tag[j] == UInt8(ascii: "=") else {
                i += 1
                continue
            }
            j += 1
            while j < tag.count, tag[j] == 0x20 || tag[j] == UInt8(ascii: "\"") || tag[j] == UInt8(ascii: "'") { j += 1 }
            var end = j
            while end < tag.count, isLabelByte(tag[end]) { end += 1 }
            return end > j ? String(decoding: tag[j..<end], as: UTF8.self) : nil
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
