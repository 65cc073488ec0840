internal import CZstd

/// Writes the `store` section: each story's record compressed on its own with zstd and a
/// dictionary trained on the segment's own stories, so showing one story decompresses only
/// that story, and short stories still compress well.
///
/// Section layout: dictionary length u32 (0 when no dictionary could be trained), the
/// dictionary, padding to 8 bytes, then per document its record's raw length u32, then
/// (documents + 1) u64 offsets of the compressed frames (from the start of the frames),
/// then the frames. A record is described by `StoredStoryRecord`.
struct StoredStoryWriter {
    static let compressionLevel: Int32 = 6
    static let dictionaryCapacity = 64 << 10
    /// Stories sampled to train the dictionary, and the most sample bytes taken.
    static let sampleStories = 400
    static let sampleBytes = 4 << 20

    private var raw = ByteBuffer()
    private var offsets: [Int] = [0]

    var memoryFootprint: Int { raw.count + offsets.count * 8 }

    mutating func add(_ story: Story) {
        StoredStoryRecord.encode(story, into: &raw)
        offsets.append(raw.count)
    }

    /// Trains the dictionary, compresses every record (the two halves on two threads), and
    /// lays out the section.
    func finish() -> [UInt8] {
        let count = offsets.count - 1
        let dictionary = trainDictionary()
        let half = count / 2
        let secondHalf = BackgroundResult { [self] in compress(half..<count, dictionary: dictionary) }
        let compressed = [compress(0..<half, dictionary: dictionary), secondHalf.wait()]
        let frameBytes = compressed[0].frames.count + compressed[1].frames.count
        var out = ByteBuffer(capacity: frameBytes + dictionary.count + count * 12 + 64)
        out.appendUInt32(UInt32(dictionary.count))
        out.append(contentsOf: dictionary)
        while out.count % 8 != 0 { out.append(0) }
        for i in 0..<count { out.appendUInt32(UInt32(offsets[i + 1] - offsets[i])) }
        out.appendUInt64(0)
        var base = 0
        for part in 0..<2 {
            for end in compressed[part].ends { out.appendUInt64(UInt64(base + end)) }
            base += compressed[part].frames.count
        }
        out.append(contentsOf: compressed[0].frames)
        out.append(contentsOf: compressed[1].frames)
        return out.bytes
    }

    /// The zstd frames of records `range`, back to back, and where each ends.
    private func compress(_ range: Range<Int>, dictionary: [UInt8]) -> (frames: [UInt8], ends: [Int]) {
        var frames = ByteBuffer(capacity: (offsets[range.upperBound] - offsets[range.lowerBound]) / 2)
        var ends: [Int] = []
        ends.reserveCapacity(range.count)
        raw.bytes.withUnsafeBytes { source in
            let cctx = ZSTD_createCCtx()
            defer { ZSTD_freeCCtx(cctx) }
            let cdict = dictionary.isEmpty ? nil : dictionary.withUnsafeBytes {
                ZSTD_createCDict($0.baseAddress, $0.count, Self.compressionLevel)
            }
            defer { if let cdict { ZSTD_freeCDict(cdict) } }
            var scratch = [UInt8](repeating: 0, count: 1 << 16)
            for i in range {
                let record = UnsafeRawBufferPointer(rebasing: source[offsets[i]..<offsets[i + 1]])
                let bound = ZSTD_compressBound(record.count)
                if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
                let n = scratch.withUnsafeMutableBytes { dst in
                    if let cdict {
                        return ZSTD_compress_usingCDict(cctx, dst.baseAddress, dst.count, record.baseAddress, record.count, cdict)
                    }
                    return ZSTD_compressCCtx(cctx, dst.baseAddress, dst.count, record.baseAddress, record.count, Self.compressionLevel)
                }
                precondition(ZSTD_isError(n) == 0, "zstd compression cannot fail with a bound-sized buffer")
                frames.append(contentsOf: scratch[..<n])
                ends.append(frames.count)
            }
        }
        return (frames.bytes, ends)
    }

    /// A dictionary from evenly spread stories, or none when there is too little to learn from.
    private func trainDictionary() -> [UInt8] {
        let count = offsets.count - 1
        guard count >= 16, raw.count >= 64 << 10 else { return [] }
        let stride = max(1, count / Self.sampleStories)
        var samples: [UInt8] = []
        var sizes: [Int] = []
        var i = 0
        while i < count && samples.count < Self.sampleBytes {
            samples.append(contentsOf: raw.bytes[offsets[i]..<offsets[i + 1]])
            sizes.append(offsets[i + 1] - offsets[i])
            i += stride
        }
        var dictionary = [UInt8](repeating: 0, count: Self.dictionaryCapacity)
        // Fixed fast-cover parameters: searching them (what ZDICT_trainFromBuffer does) cost
        // several times as much for a dictionary no better on news text.
        var parameters = ZDICT_fastCover_params_t()
        parameters.k = 50
        parameters.d = 8
        parameters.f = 20
        parameters.accel = 1
        parameters.nbThreads = 1
        parameters.splitPoint = 1.0
        parameters.zParams.compressionLevel = Self.compressionLevel
        let n = dictionary.withUnsafeMutableBytes { dict in
            samples.withUnsafeBytes { s in
                sizes.withUnsafeBufferPointer { z in
                    ZDICT_trainFromBuffer_fastCover(dict.baseAddress, dict.count, s.baseAddress, z.baseAddress,
                                                    UInt32(z.count), parameters)
                }
            }
        }
        guard ZDICT_isError(n) == 0, n > 0 else { return [] }
        return Array(dictionary[..<n])
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
