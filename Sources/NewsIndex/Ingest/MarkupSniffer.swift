/// Finds the name of the first element of a document without parsing it: enough to tell a
/// web page from an RSS feed, an Atom feed or agency XML, whatever the file is called.
enum MarkupSniffer {
    /// Names that open an HTML document (lower-cased).
    static let htmlRoots: Set<String> = ["html", "head", "body", "!doctype html"]

    /// The lower-cased name of the first element (`html`, `rss`, `feed`, `newsitem`), or
    /// `!doctype X` for a doctype, skipping a byte-order mark, whitespace, the XML
    /// declaration, processing instructions and comments; nil when the text does not start
    /// with markup. Text with a UTF-16 byte-order mark is sniffed in its decoded form.
    static func rootElement(_ bytes: [UInt8]) -> String? {
        if bytes.withUnsafeBytes(TextDecoding.utf16ByteOrder) != nil {
            // UTF-8 has no 0xFF or 0xFE byte, so the decoded head is sniffed as UTF-8.
            return rootElement(Array(TextDecoding.string(Array(bytes.prefix(128 << 10))).utf8))
        }
        var i = TextDecoding.hasUTF8ByteOrderMark(bytes) ? 3 : 0
        let end = min(bytes.count, 64 << 10)
        while i < end {
            while i < end, bytes[i] == 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0D) { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: "<") else { return nil }
            if starts(bytes, i, "<?") {
                guard let close = find(bytes, from: i, "?>", end: end) else { return nil }
                i = close + 2
            } else if starts(bytes, i, "<!--") {
                guard let close = find(bytes, from: i, "-->", end: end) else { return nil }
                i = close + 3
            } else if starts(bytes, i, "<!") {
                // A doctype: `<!DOCTYPE html>` names an HTML page; other doctypes name their root.
                var j = i + 2
                while j < end, bytes[j] != UInt8(ascii: ">") { j += 1 }
                let words = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).lowercased().split(separator: " ")
                if words.count >= 2, words[0] == "doctype" {
                    return words[1] == "html" ? "!doctype html" : String(words[1].split(separator: ":").last ?? words[1])
                }
                i = j + 1
            } else {
                var j = i + 1
                while j < end, !(bytes[j] == 0x20 || bytes[j] == UInt8(ascii: ">") || bytes[j] == UInt8(ascii: "/")
                                 || (bytes[j] >= 0x09 && bytes[j] <= 0x0D)) { j += 1 }
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
                guard !name.isEmpty, name.utf8.first.map({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) == true else { return nil }
                // Drop a namespace prefix: `rdf:RDF` → `rdf`, `nitf:nitf` → `nitf`.
                return String(name.split(separator: ":").last ?? Substring(name))
            }
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard bytes.count - i >= p.count else { return false }
        for k in 0..<p.count where bytes[i + k] | (p[k] >= 0x41 ? 0x20 : 0) != p[k] | (p[k] >= 0x41 ? 0x20 : 0) { return false }
        return true
    }

    private static func find(_ bytes: [UInt8], from: Int, _ needle: String, end: Int) -> Int? {
        let n = Array(needle.utf8)
        var i = from
        while i + n.count <= end {
            if bytes[i] == n[0] && Array(bytes[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }
}
