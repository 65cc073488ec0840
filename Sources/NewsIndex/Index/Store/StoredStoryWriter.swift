internal import CZstd

/// Writes the `store` section: each story's record compressed on its own with zstd and a
/// dictionary trained on the segment's own stories, so showing one story decompresses only
/// that story, and short stories still compress well.
///
/// Section layout: dictionary count u32, run count u32, each dictionary's length u32, per
/// run its first document u32 and its dictionary's index u32 (`noDictionary` for none),
/// the dictionaries back to back, padding to 8 bytes; then per document its record's raw
/// length u32, then (documents + 1) u64 offsets of the compressed frames (from the start of
/// the frames), then the frames. A run is a range of documents compressed with one
/// dictionary, from its first document to the next run's: a newly written segment has one;
/// a merge keeps the dictionaries of the large runs it copies and recompresses the stories
/// of small ones with a new dictionary. A record is described by `StoredStoryRecord`.
struct StoredStoryWriter {
    /// Level 4 with a 128 KB dictionary: on the news corpus as small as level 6 with a 64 KB
    /// one (10.03 MB either way) for 16% fewer instructions in the whole `add` (callgrind:
    /// 5.95 against 7.09 billion); level 3 saved more but grew the index 3%.
    static let compressionLevel: Int32 = 4
    static let dictionaryCapacity = 128 << 10
    /// Stories sampled to train the dictionary, and the most sample bytes taken.
    static let sampleStories = 400
    static let sampleBytes = 4 << 20
    static let noDictionary = UInt32.max

    private var raw = ByteBuffer()
    private var offsets: [Int] = [0]

    var count: Int { offsets.count - 1 }

    mutating func add(_ story: Story) {
        StoredStoryRecord.encode(story, into: &raw)
        offsets.append(raw.count)
    }

    /// Adds a record already encoded (a merge recompressing another segment's stories).
    mutating func add(record: UnsafeRawBufferPointer) {
        raw.append(contentsOf: record)
        offsets.append(raw.count)
    }

    /// The records compressed: one dictionary, one frame per record.
    struct Compressed {
        var dictionary: [UInt8]
        var rawLengths: [UInt32]
        /// The frames back to back, in the pieces the compressing threads made: never
        /// copied into one buffer, which would briefly hold them twice.
        var pieces: [[UInt8]]
        /// Where each record's frame ends, counted over the pieces together.
        var frameEnds: [Int]

        /// Calls `body` with the frame of record `i`.
        func withFrame<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R) throws(IndexError) -> R {
            var start = i == 0 ? 0 : frameEnds[i - 1], end = frameEnds[i]
            for piece in pieces {
                if end <= piece.count {
                    return try withBytes(of: piece) { (all) throws(IndexError) in
                        try body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                    }
                }
                start -= piece.count
                end -= piece.count
            }
            preconditionFailure("frame \(i) beyond the compressed pieces")
        }
    }

    /// Trains the dictionary and compresses every record, the two halves on two threads.
    func compress() -> Compressed {
        let dictionary = trainDictionary()
        let half = count / 2
        // A compressor each: a zstd context serves one thread.
        let secondHalf = BackgroundResult { [self] in compress(half..<count, with: FrameCompressor(dictionary: dictionary)) }
        let first = compress(0..<half, with: FrameCompressor(dictionary: dictionary))
        let second = secondHalf.wait()
        let ends = first.ends + second.ends.map { $0 + first.frames.count }
        return Compressed(dictionary: dictionary, rawLengths: rawLengths, pieces: [first.frames, second.frames], frameEnds: ends)
    }

    /// Appends the whole section to `file` (between its `begin` and `end`), for a segment
    /// whose stories were all added here.
    static func write(_ compressed: Compressed, count: Int, to file: SegmentFileWriter) throws(IndexError) {
        let head = compressed.dictionary.withUnsafeBytes { dictionary in
            let run = (firstDocument: 0, dictionary: compressed.dictionary.isEmpty ? nil : Optional(0))
            return Self.head(dictionaries: compressed.dictionary.isEmpty ? [] : [dictionary],
                             runs: count == 0 ? [] : [run], rawLengths: compressed.rawLengths,
                             frameEnds: compressed.frameEnds.lazy.map(UInt64.init))
        }
        try file.append(head)
        for piece in compressed.pieces { try file.append(piece) }
    }

    /// The section up to its frames: the dictionaries and the run table, the raw lengths
    /// and the frame offsets (`frameEnds` holds each frame's end; the leading 0 is added here).
    static func head(
        dictionaries: [UnsafeRawBufferPointer], runs: [(firstDocument: Int, dictionary: Int?)], rawLengths: [UInt32],
        frameEnds: some Collection<UInt64>
    ) -> [UInt8] {
        var out = ByteBuffer(capacity: 16 + dictionaries.count * 4 + runs.count * 8
                             + dictionaries.reduce(0) { $0 + $1.count } + rawLengths.count * 12)
        out.appendUInt32(UInt32(dictionaries.count))
        out.appendUInt32(UInt32(runs.count))
        for dictionary in dictionaries { out.appendUInt32(UInt32(dictionary.count)) }
        for run in runs {
            out.appendUInt32(UInt32(run.firstDocument))
            out.appendUInt32(run.dictionary.map { UInt32($0) } ?? noDictionary)
        }
        for dictionary in dictionaries { out.append(contentsOf: dictionary) }
        while out.count % 8 != 0 { out.append(0) }
        for length in rawLengths { out.appendUInt32(length) }
        out.appendUInt64(0)
        for end in frameEnds { out.appendUInt64(end) }
        return out.bytes
    }

    /// The zstd frames of records `range`, back to back, and where each ends.
    func compress(_ range: Range<Int>, with compressor: FrameCompressor) -> (frames: [UInt8], ends: [Int]) {
        var frames = ByteBuffer(capacity: (offsets[range.upperBound] - offsets[range.lowerBound]) / 2)
        var ends: [Int] = []
        ends.reserveCapacity(range.count)
        raw.bytes.withUnsafeBytes { source in
            for i in range {
                compressor.compress(UnsafeRawBufferPointer(rebasing: source[offsets[i]..<offsets[i + 1]]), into: &frames)
                ends.append(frames.count)
            }
        }
        return (frames.bytes, ends)
    }

    /// The bytes of the records held.
    var recordBytes: Int { raw.count }

    /// Each record's length.
    var rawLengths: [UInt32] { (0..<count).map { UInt32(offsets[$0 + 1] - offsets[$0]) } }

    /// A dictionary from evenly spread stories, or none when there is too little to learn from.
    func trainDictionary() -> [UInt8] {
        guard count >= 16, raw.count >= 64 << 10 else { return [] }
        // A dictionary much larger than a sixteenth of the text costs more than it saves.
        let capacity = min(Self.dictionaryCapacity, raw.count / 16)
        let stride = max(1, count / Self.sampleStories)
        var samples: [UInt8] = []
        var sizes: [Int] = []
        var i = 0
        while i < count && samples.count < Self.sampleBytes {
            samples.append(contentsOf: raw.bytes[offsets[i]..<offsets[i + 1]])
            sizes.append(offsets[i + 1] - offsets[i])
            i += stride
        }
        var dictionary = [UInt8](repeating: 0, count: capacity)
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

/// A zstd compression context, with the segment's dictionary digested once: compresses
/// records one frame each.
final class FrameCompressor {
    private let context: OpaquePointer
    private let dictionary: OpaquePointer?
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    init(dictionary bytes: [UInt8]) {
        context = ZSTD_createCCtx()
        dictionary = bytes.isEmpty ? nil : bytes.withUnsafeBytes {
            ZSTD_createCDict($0.baseAddress, $0.count, StoredStoryWriter.compressionLevel)
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        if let dictionary { ZSTD_freeCDict(dictionary) }
    }

    /// Appends `record`'s frame to `frames`.
    func compress(_ record: UnsafeRawBufferPointer, into frames: inout ByteBuffer) {
        let bound = ZSTD_compressBound(record.count)
        if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
        let n = scratch.withUnsafeMutableBytes { dst in
            if let dictionary {
                return ZSTD_compress_usingCDict(context, dst.baseAddress, dst.count, record.baseAddress, record.count, dictionary)
            }
            return ZSTD_compressCCtx(context, dst.baseAddress, dst.count, record.baseAddress, record.count,
                                     StoredStoryWriter.compressionLevel)
        }
        precondition(ZSTD_isError(n) == 0, "zstd compression cannot fail with a bound-sized buffer")
        frames.append(contentsOf: scratch[..<n])
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

    /// Decodes a record but for its body, which is left empty: returns where the body's UTF-8
    /// lies in `bytes` instead, so that a reader needing only its bytes (a snippet) makes no
    /// `String` of it. The date and item id live elsewhere and are filled in by the caller.
    static func decode(_ bytes: UnsafeRawBufferPointer, context: String) throws(IndexError) -> (story: Story, body: Range<Int>) {
        var r = ByteCursor(bytes, context: context)
        let flags = try r.readUInt8()
        let title = try r.readString()
        func field(_ flag: UInt8) throws(IndexError) -> String? { flags & flag != 0 ? try r.readString() : nil }
        let source = try field(SegmentFormat.StoreFlag.hasSource)
        let byline = try field(SegmentFormat.StoreFlag.hasByline)
        let place = try field(SegmentFormat.StoreFlag.hasPlace)
        let url = try field(SegmentFormat.StoreFlag.hasURL)
        let language = try field(SegmentFormat.StoreFlag.hasLanguage)
        let bodyLength = try r.readLength(max: bytes.count)
        let bodyStart = r.offset
        _ = try r.readBytes(bodyLength)
        let story = Story(title: title, titleIsHeadline: flags & SegmentFormat.StoreFlag.titleIsHeadline != 0,
                          source: source, byline: byline, place: place, url: url, language: language, body: "")
        return (story, bodyStart..<(bodyStart + bodyLength))
    }

    private static func optionalFields(_ story: Story) -> [(String?, UInt8)] {
        [(story.source, SegmentFormat.StoreFlag.hasSource), (story.byline, SegmentFormat.StoreFlag.hasByline),
         (story.place, SegmentFormat.StoreFlag.hasPlace), (story.url, SegmentFormat.StoreFlag.hasURL),
         (story.language, SegmentFormat.StoreFlag.hasLanguage)]
    }
}
