/// The text of a page's `<script>` and `<style>` elements, cut out before libxml2 parses the
/// page: it is a third of the bytes of a typical news page, libxml2 reads it a character at
/// a time, and the reader never looks at it, except for JSON-LD (`type="application/ld+json"`),
/// which stays.
///
/// The cut follows libxml2's reading of the markup (recovering, as `HTMLReader` parses): a
/// script's text runs from the end of its start tag to the next `</script` in any case, or
/// to the end of the page; start tags are looked for outside comments, declarations and
/// attribute values; `<script/>` has no text. Where the page stops making sense to this
/// scan (a comment or tag that never closes), the rest is left as it is.
enum HTMLScriptText {
    /// `page` (UTF-8 or another ASCII-compatible encoding) without the text of its scripts
    /// and style sheets; the same array when it has none.
    static func removed(from page: [UInt8]) -> [UInt8] {
        page.withUnsafeBufferPointer { bytes in
            var cuts: [Range<Int>] = []
            var i = 0
            let n = bytes.count
            while let lt = ASCIIByte.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: i) {
                i = lt + 1
                guard i < n else { break }
                let next = bytes[i]
                if next == UInt8(ascii: "!") {
                    if startsWith(bytes, at: i + 1, "--") {
                        guard let end = find("-->", in: bytes, from: i + 3) else { break }
                        i = end + 3
                    } else {
                        guard let end = ASCIIByte.firstIndex(of: UInt8(ascii: ">"), in: bytes, from: i) else { break }
                        i = end + 1
                    }
                    continue
                }
                if next == UInt8(ascii: "?") {
                    guard let end = ASCIIByte.firstIndex(of: UInt8(ascii: ">"), in: bytes, from: i) else { break }
                    i = end + 1
                    continue
                }
                guard ASCIIByte.isLetter(next) else { continue }
                var nameEnd = i
                while nameEnd < n, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                let name = UnsafeBufferPointer(rebasing: bytes[i..<nameEnd])
                let isScript = HTMLBodyText.equalsIgnoringCase(name, "script")
                let isStyle = !isScript && HTMLBodyText.equalsIgnoringCase(name, "style")
                guard let tagEnd = endOfTag(bytes, from: nameEnd) else { break }
                i = tagEnd + 1
                guard isScript || isStyle, bytes[tagEnd - 1] != UInt8(ascii: "/") else { continue }
                let textEnd = findClosingTag(bytes, isScript ? "</script" : "</style", from: i) ?? n
                if isScript, HTMLBodyText.containsIgnoringCase(UnsafeBufferPointer(rebasing: bytes[nameEnd..<tagEnd]), "ld+json") {
                    i = textEnd
                    continue
                }
                if textEnd > i { cuts.append(i..<textEnd) }
                i = textEnd
            }
            guard !cuts.isEmpty else { return page }
            var out: [UInt8] = []
            out.reserveCapacity(n - cuts.reduce(0) { $0 + $1.count })
            var copied = 0
            for cut in cuts {
                out.append(contentsOf: bytes[copied..<cut.lowerBound])
                copied = cut.upperBound
            }
            out.append(contentsOf: bytes[copied..<n])
            return out
        }
    }

    /// The position of the `>` that ends a start tag whose attributes begin at `start`;
    /// a quoted value may hold `>`. Nil when the tag never ends.
    private static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        var quote: UInt8 = 0
        var afterEquals = false
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: ">") {
                return i
            } else if afterEquals, b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
                afterEquals = false
            } else if b == UInt8(ascii: "=") {
                afterEquals = true
            } else if !ASCIIByte.isWhitespace(b) {
                afterEquals = false
            }
            i += 1
        }
        return nil
    }

    private static func findClosingTag(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: StaticString, from start: Int) -> Int? {
        var i = start
        while let lt = ASCIIByte.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: i) {
            if startsWithIgnoringCase(bytes, at: lt, tag) { return lt }
            i = lt + 1
        }
        return nil
    }

    private static func find(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while let hit = ASCIIByte.firstIndex(of: text.utf8Start[0], in: bytes, from: i) {
            if startsWith(bytes, at: hit, text) { return hit }
            i = hit + 1
        }
        return nil
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] != text.utf8Start[k] { return false }
        return true
    }

    private static func startsWithIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] | 0x20 != text.utf8Start[k] | 0x20 { return false }
        return true
    }

    /// Bytes of an element name as libxml2's HTML parser reads one.
    private static func isNameByte(_ b: UInt8) -> Bool {
        ASCIIByte.isLetter(b) || ASCIIByte.isDigit(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
