/// Reads one file of a news archive as a story, choosing the reader by file extension.
///
/// This is the entry point for indexing: it rejects what is not a story (empty, binary or
/// unsupported files, pages without text) with a reason, so a whole archive can be walked
/// and the failures reported per file.
public struct StoryReader: Sendable {
    public init() {}

    /// Reads the bytes of the file at `path`; the path is used only for its extension.
    ///
    /// The checks run cheapest first: the file type, then empty or binary content, then the
    /// format's reader, whose story must have a body.
    public func read(_ bytes: [UInt8], path: String) throws(IngestError) -> Story {
        guard let format = StoryFormat.forPath(path) else {
            let ext = StoryFormat.extensionOf(path)
            throw .unsupportedFormat(ext.isEmpty ? "" : "." + ext)
        }
        if Self.isBlank(bytes) { throw .empty }
        if bytes.withUnsafeBytes(StoryFormat.looksBinary) { throw .binary }
        let story = switch format {
        case .wireText: WireTextReader().read(bytes)
        case .html: HTMLReader().read(bytes)
        }
        if story.body.isEmpty { throw .noText }
        return story
    }

    /// True for no bytes, or only ASCII whitespace after an optional UTF-8 byte-order mark.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        let text = TextDecoding.hasUTF8ByteOrderMark(bytes) ? bytes[3...] : bytes[...]
        return text.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }
}
