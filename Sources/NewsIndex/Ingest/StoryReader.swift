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
        try readDocument(bytes, path: path).stories
    }

    /// Like `read`, also telling which format the content was read as (`newsidx extract`
    /// shows it), so the file is decompressed and sniffed once.
    public func readDocument(_ bytes: [UInt8], path: String) throws(IngestError) -> (format: StoryFormat, stories: [Story]) {
        var bytes = bytes
        let (name, compressedByName) = StoryFormat.nameInside(path)
        guard StoryFormat.isCandidate(name) else { throw .unsupportedFormat(path: path) }
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
        var withText = stories.filter { !$0.body.isEmpty }
        if withText.isEmpty { throw .noText }
        for i in withText.indices { withText[i].language = Self.language(of: withText[i]) }
        return (format, withText)
    }

    /// What `Story.language` holds: the primary subtag the source declares, else what CLD2
    /// reads in the headline and the start of the body, else `und`.
    static func language(of story: Story) -> String {
        if let declared = story.language.flatMap(LanguageTag.primary) { return declared }
        let headline = story.titleIsHeadline ? story.title : ""
        return LanguageDetector.detect(headline: headline, body: story.body, bodyLimit: detectedBodyBytes)?.code
            ?? LanguageTag.undetermined
    }

    /// How much of a body language detection reads: CLD2 costs about 290 instructions a
    /// byte, and names the language of this much news text as reliably as of a kilobyte.
    static let detectedBodyBytes = 256

    /// True for no bytes, or only ASCII whitespace after an optional UTF-8 byte-order mark.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        let text = TextDecoding.hasUTF8ByteOrderMark(bytes) ? bytes[3...] : bytes[...]
        return text.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }
}
