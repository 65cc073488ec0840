/// The file formats that ingest reads, chosen by file extension.
public enum StoryFormat: String, Sendable {
    /// Plain-text wire copy: `date` header, headline, paragraphs (`.txt`).
    case wireText = "text"
    /// A saved web page (`.html`, `.htm`).
    case html

    /// The format for a file name by its extension (case-insensitive), or nil when ingest
    /// does not read that type.
    public static func forPath(_ path: String) -> StoryFormat? {
        switch extensionOf(path).lowercased() {
        case "txt": .wireText
        case "html", "htm": .html
        default: nil
        }
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
