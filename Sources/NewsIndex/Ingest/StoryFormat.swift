/// The formats ingest reads. A file is a candidate by its extension; which reader reads it
/// is decided by its content, so a feed saved as `.xml` or a page saved as `.txt` is read
/// for what it is.
public enum StoryFormat: String, Sendable, CaseIterable {
    /// Plain-text wire copy: `date` header, headline, dateline, paragraphs, signature.
    case wireText = "text"
    /// A saved web page.
    case html
    /// IPTC NewsML-G2: a `newsItem`, or a `newsMessage` of several.
    case newsML = "newsml-g2"
    /// IPTC NITF 3.x: one `nitf` story.
    case nitf
    /// An RSS 2.0 (`rss`) or RSS 1.0 (`rdf:RDF`) feed.
    case rss
    /// An Atom feed (`feed`).
    case atom

    /// Extensions of files worth opening; `.gz` is looked through to the name inside.
    static let candidateExtensions: Set<String> = [
        "txt", "text", "html", "htm", "xhtml", "xml", "nitf", "newsml", "rss", "atom",
    ]

    /// The XML formats, by the lower-cased local name of their root element (a doctype's
    /// name counts too: `<!DOCTYPE nitf …>`).
    static let xmlRoots: [String: StoryFormat] = [
        "newsitem": .newsML, "newsmessage": .newsML, "nitf": .nitf, "rss": .rss, "rdf": .rss, "feed": .atom,
    ]

    /// True when a file with this name may hold stories (by its extension, case-insensitive).
    public static func isCandidate(_ path: String) -> Bool {
        candidateExtensions.contains(extensionOf(path).lowercased())
    }

    /// The format of `bytes` (already decompressed, known not to be binary), judged by the
    /// markup at its start, whatever the extension (a feed saved as `.xml`, NITF as `.txt`);
    /// the extension only decides for text whose root element no reader knows.
    static func detect(_ bytes: [UInt8], path: String) -> StoryFormat? {
        switch MarkupSniffer.rootElement(bytes) {
        case nil:
            return .wireText
        case let root?:
            if MarkupSniffer.htmlRoots.contains(root) { return .html }
            if let format = xmlRoots[root] { return format }
            // Markup of another kind: a page fragment saved as .html is still a page, and
            // wire text may open with a ticker such as `<AXP>`.
            switch extensionOf(path).lowercased() {
            case "html", "htm", "xhtml": return .html
            case "txt", "text": return .wireText
            default: return nil
            }
        }
    }

    /// The name of the file inside a `.gz` (the path without `.gz`), and whether it had one.
    static func nameInside(_ path: String) -> (name: String, compressed: Bool) {
        extensionOf(path).lowercased() == "gz" ? (String(path.dropLast(3)), true) : (path, false)
    }

    /// The extension of the last path component, without its dot; `""` when there is none
    /// (a leading dot, as in `.profile`, does not start an extension).
    static func extensionOf(_ path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] }
            ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...])
    }

    /// True when the bytes are evidently not text: a NUL byte in the first 8 KiB, or more
    /// than 10% C0 control bytes there other than tab, LF, FF and CR.
    ///
    /// UTF-16 with a byte-order mark has NUL bytes but is text, and ingest decodes it, so it
    /// is not binary. UTF-16 without a mark, and UTF-32, count as binary.
    static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if TextDecoding.utf16ByteOrder(bytes) != nil { return false }
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(8192))
        var controls = 0
        for b in head {
            switch b {
            case 0: return true
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x01...0x1F: controls += 1
            default: continue
            }
        }
        return controls * 10 > head.count
    }
}
