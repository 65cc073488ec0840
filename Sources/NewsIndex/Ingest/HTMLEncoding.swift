/// The character encoding a page is parsed with, decided before libxml2 sees it.
///
/// libxml2 2.9 follows a `<meta charset>` declaration, but without one it reads UTF-8 only
/// until the first invalid byte and then switches to Latin-1 for the rest of the page. So
/// pages declared or presumed UTF-8 are decoded here (invalid bytes become U+FFFD, as in
/// wire text) and handed over as UTF-8; pages that declare another encoding go to libxml2
/// as they are.
enum HTMLEncoding: Equatable {
    /// Decode as UTF-8 (or BOM-marked UTF-16) before parsing, and parse as UTF-8.
    case utf8
    /// Parse the bytes as they are, in the named encoding, or in the one the page declares
    /// when nil.
    case declared(String?)

    /// The encoding for a page: a byte-order mark, else its `<meta>` declaration, else UTF-8.
    ///
    /// As browsers do, a page that declares Latin-1 or ASCII is read as Windows-1252 (its
    /// curly quotes are in 0x80–0x9F), and one that declares UTF-16 without a byte-order mark
    /// is read as UTF-8.
    static func of(_ bytes: [UInt8]) -> HTMLEncoding {
        if bytes.withUnsafeBytes(TextDecoding.utf16ByteOrder) != nil || TextDecoding.hasUTF8ByteOrderMark(bytes) {
            return .utf8
        }
        guard let label = bytes.withUnsafeBufferPointer(declaredCharset) else { return .utf8 }
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
