/// Reads one file of a news archive as the stories it holds, choosing the reader by content.
///
/// This is the entry point for indexing: it rejects what is not a story (empty, binary or
/// unsupported files, damaged compression, pages without text) with a reason, so a whole
/// archive can be walked and the failures reported per file.
public struct StoryReader: Sendable {
    /// The most bytes a compressed file may expand to.
    public var maxSize: Int

    public init(maxSize: Int = 64 << 20) { self.maxSize = maxSize }

    /// Reads the bytes of the file at `path` (used for its extension only). `.gz` files, or
    /// any file starting with gzip's magic bytes, are decompressed first.
    ///
    /// The checks run cheapest first: the file type, decompression, empty or binary content,
    /// then the format's reader; stories without a body are dropped, and a file left with
    /// none is `.noText`.
    ///
    /// Wire text, pages, NITF and a bare NewsML-G2 `newsItem` give one story, whose `itemID`
    /// is nil. Feeds (RSS, Atom) and NewsML-G2 `newsMessage`s give one story per item with
    /// text, each with an `itemID` that stays the same when the file is rewritten, so that
    /// re-adding an updated feed updates its items.
    public func read(_ bytes: [UInt8], path: String) throws(IngestError) -> [Story] {
        var name = path
        var bytes = bytes
        let compressedByName = StoryFormat.extensionOf(path).lowercased() == "gz"
        if compressedByName { name = String(path.dropLast(3)) }
        guard StoryFormat.isCandidate(name) else {
            let ext = StoryFormat.extensionOf(path)
            throw .unsupportedFormat(ext.isEmpty ? "" : "." + ext)
        }
        if compressedByName || GzipDecoder.isGzip(bytes) {
            switch GzipDecoder(limit: maxSize).decompress(bytes) {
            case .success(let plain): bytes = plain
            case .failure(.tooLarge): throw .tooLarge(limit: maxSize)
            case .failure(.damaged): throw .damagedCompression
            }
        }
        if Self.isBlank(bytes) { throw .empty }
        if bytes.withUnsafeBytes(StoryFormat.looksBinary) { throw .binary }
        guard let format = StoryFormat.detect(bytes, path: name) else {
            throw .unknownMarkup(MarkupSniffer.rootElement(bytes) ?? "?")
        }
        let stories: [Story] = switch format {
        case .wireText: [WireTextReader().read(bytes)]
        case .html: [HTMLReader().read(bytes)]
        case .newsML: NewsMLG2Reader().read(bytes)
        case .nitf: [NITFReader().read(bytes)]
        case .rss, .atom: FeedReader().read(bytes)
        }
        let withText = stories.filter { !$0.body.isEmpty }
        if withText.isEmpty { throw .noText }
        return withText
    }

    /// The format `read` would use for these bytes, or nil; for `newsidx extract`.
    public func format(of bytes: [UInt8], path: String) -> StoryFormat? {
        var bytes = bytes
        var name = path
        if StoryFormat.extensionOf(path).lowercased() == "gz" { name = String(path.dropLast(3)) }
        if GzipDecoder.isGzip(bytes), case .success(let plain) = GzipDecoder(limit: maxSize).decompress(bytes) {
            bytes = plain
        }
        return StoryFormat.detect(bytes, path: name)
    }

    /// True for no bytes, or only ASCII whitespace after an optional UTF-8 byte-order mark.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        let text = TextDecoding.hasUTF8ByteOrderMark(bytes) ? bytes[3...] : bytes[...]
        return text.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }
}
