internal import CZstd

/// Writes the `store` section: stories' records packed into blocks of about `blockSize`
/// bytes, each compressed with zstd as soon as it fills, so a segment under construction
/// holds its text compressed.
///
/// Section layout: block count u32; per block its first document u32, offset of its
/// compressed bytes (from the start of the data that follows the table) u64, compressed
/// length u32 and raw length u32; then the compressed blocks. A raw block is a document
/// count u32, (count + 1) u32 offsets of the records within the records that follow, and
/// the records (see `StoredStoryRecord`).
struct StoredStoryWriter {
    static let blockSize = 16 << 10
    static let compressionLevel: Int32 = 3

    private struct Block {
        var firstDoc: UInt32
        var offset: UInt64
        var compressedLength: UInt32
        var rawLength: UInt32
    }

    private var blocks: [Block] = []
    private var compressed = ByteBuffer()
    private var pending = ByteBuffer()
    private var pendingOffsets: [UInt32] = [0]
    private var pendingFirstDoc: UInt32 = 0
    private var documentCount: UInt32 = 0

    /// Bytes held, for the writer's memory budget.
    var memoryFootprint: Int { compressed.count + pending.count + pendingOffsets.count * 4 + blocks.count * 20 }

    mutating func add(_ story: Story) {
        StoredStoryRecord.encode(story, into: &pending)
        pendingOffsets.append(UInt32(pending.count))
        documentCount += 1
        if pending.count >= Self.blockSize { closeBlock() }
    }

    /// The finished section.
    mutating func finish() -> [UInt8] {
        closeBlock()
        var out = ByteBuffer(capacity: 4 + blocks.count * 20 + compressed.count)
        out.appendUInt32(UInt32(blocks.count))
        for b in blocks {
            out.appendUInt32(b.firstDoc)
            out.appendUInt64(b.offset)
            out.appendUInt32(b.compressedLength)
            out.appendUInt32(b.rawLength)
        }
        out.append(contentsOf: compressed.bytes)
        return out.bytes
    }

    private mutating func closeBlock() {
        let count = pendingOffsets.count - 1
        guard count > 0 else { return }
        var raw = ByteBuffer(capacity: 4 + pendingOffsets.count * 4 + pending.count)
        raw.appendUInt32(UInt32(count))
        for o in pendingOffsets { raw.appendUInt32(o) }
        raw.append(contentsOf: pending.bytes)
        let packed = Self.compress(raw.bytes)
        blocks.append(Block(firstDoc: pendingFirstDoc, offset: UInt64(compressed.count),
                            compressedLength: UInt32(packed.count), rawLength: UInt32(raw.count)))
        compressed.append(contentsOf: packed)
        pending.removeAll()
        pendingOffsets = [0]
        pendingFirstDoc = documentCount
    }

    private static func compress(_ raw: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(raw.count))
        let n = raw.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                ZSTD_compress(dst.baseAddress, dst.count, src.baseAddress, src.count, compressionLevel)
            }
        }
        precondition(ZSTD_isError(n) == 0, "zstd compression cannot fail with a bound-sized buffer")
        out.removeSubrange(n...)
        return out
    }
}

/// One stored story's bytes: a flags byte (bit 0: title is a headline; bits 1–5: source,
/// byline, place, url, language present), the title, each present field in that order,
/// then the body; every string a varint length + UTF-8.
enum StoredStoryRecord {
    static func encode(_ story: Story, into out: inout ByteBuffer) {
        var flags: UInt8 = story.titleIsHeadline ? SegmentFormat.StoreFlag.titleIsHeadline : 0
        let optional = optionalFields(story)
        for (value, flag) in optional where value != nil { flags |= flag }
        out.append(flags)
        out.appendString(story.title)
        for (value, _) in optional { if let value { out.appendString(value) } }
        out.appendString(story.body)
    }

    /// Decodes a record; the date and item id live elsewhere and are filled in by the caller.
    static func decode(_ bytes: UnsafeRawBufferPointer, context: String) throws(IndexError) -> Story {
        var r = ByteCursor(bytes, context: context)
        let flags = try r.readUInt8()
        let title = try r.readString()
        func field(_ flag: UInt8) throws(IndexError) -> String? { flags & flag != 0 ? try r.readString() : nil }
        let source = try field(SegmentFormat.StoreFlag.hasSource)
        let byline = try field(SegmentFormat.StoreFlag.hasByline)
        let place = try field(SegmentFormat.StoreFlag.hasPlace)
        let url = try field(SegmentFormat.StoreFlag.hasURL)
        let language = try field(SegmentFormat.StoreFlag.hasLanguage)
        let body = try r.readString()
        return Story(title: title, titleIsHeadline: flags & SegmentFormat.StoreFlag.titleIsHeadline != 0,
                     source: source, byline: byline, place: place, url: url, language: language, body: body)
    }

    private static func optionalFields(_ story: Story) -> [(String?, UInt8)] {
        [(story.source, SegmentFormat.StoreFlag.hasSource), (story.byline, SegmentFormat.StoreFlag.hasByline),
         (story.place, SegmentFormat.StoreFlag.hasPlace), (story.url, SegmentFormat.StoreFlag.hasURL),
         (story.language, SegmentFormat.StoreFlag.hasLanguage)]
    }
}
