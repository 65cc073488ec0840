internal import CZstd
import Synchronization

/// Reads stories back from a segment's `store` section (see `StoredStoryWriter`): one
/// zstd frame per story, decompressed with the dictionary of the run that holds it.
final class StoredStoryReader: @unchecked Sendable {
    /// A range of documents compressed with one dictionary, from `firstDocument` to the
    /// next run's.
    struct Run {
        var firstDocument: Int
        /// Index into `dictionaries`; nil when the run was compressed without one.
        var dictionary: Int?
    }

    let dictionaries: [UnsafeRawBufferPointer]
    let runs: [Run]
    private let section: UnsafeRawBufferPointer
    private let documentCount: Int
    private let lengthsStart: Int
    private let offsetsStart: Int
    private let framesStart: Int
    private let context: String

    /// True when some of the segment's stories were compressed with a trained dictionary.
    var hasDictionary: Bool { !dictionaries.isEmpty }
    /// The decompression context and each dictionary digested, made on first use (a search
    /// that prints no text never pays for them).
    private let decoder: Mutex<(context: OpaquePointer?, dictionaries: [OpaquePointer?])>

    init(section: UnsafeRawBufferPointer, documentCount: Int, context: String) throws(IndexError) {
        func corrupt(_ detail: String) -> IndexError { .corrupt(file: context, detail: detail) }
        var c = ByteCursor(section, context: context)
        let dictionaryCount = Int(try c.readUInt32())
        let runCount = Int(try c.readUInt32())
        guard dictionaryCount <= runCount, runCount <= documentCount, runCount > 0 || documentCount == 0 else {
            throw corrupt("implausible stored-story tables: \(dictionaryCount) dictionaries, \(runCount) runs")
        }
        var lengths: [Int] = []
        for _ in 0..<dictionaryCount { lengths.append(Int(try c.readUInt32())) }
        var runs: [Run] = []
        for n in 0..<runCount {
            let first = Int(try c.readUInt32())
            let dictionary = try c.readUInt32()
            guard first < documentCount, n == 0 ? first == 0 : first > runs[n - 1].firstDocument,
                  dictionary == StoredStoryWriter.noDictionary || Int(dictionary) < dictionaryCount
            else { throw corrupt("stored-story run \(n) out of range") }
            runs.append(Run(firstDocument: first,
                            dictionary: dictionary == StoredStoryWriter.noDictionary ? nil : Int(dictionary)))
        }
        var dictionaries: [UnsafeRawBufferPointer] = []
        var offset = c.offset
        for length in lengths {
            guard length <= section.count - offset else { throw corrupt("stored-story dictionary out of range") }
            dictionaries.append(UnsafeRawBufferPointer(rebasing: section[offset..<(offset + length)]))
            offset += length
        }
        lengthsStart = (offset + 7) / 8 * 8
        offsetsStart = lengthsStart + documentCount * 4
        framesStart = offsetsStart + (documentCount + 1) * 8
        guard framesStart <= section.count else { throw corrupt("stored-story tables out of range") }
        self.dictionaries = dictionaries
        self.runs = runs
        self.section = section
        self.documentCount = documentCount
        self.context = context
        decoder = Mutex((nil, [OpaquePointer?](repeating: nil, count: dictionaries.count)))
    }

    deinit {
        decoder.withLock { state in
            if let d = state.context { ZSTD_freeDCtx(d) }
            for d in state.dictionaries { if let d { ZSTD_freeDDict(d) } }
        }
    }

    /// The index of the run holding `doc`.
    func run(of doc: Int) -> Int {
        var lo = 0, hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runs[mid].firstDocument <= doc { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The length of document `doc`'s record before compression.
    func rawLength(_ doc: Int) -> Int {
        Int(UInt32(littleEndian: section.loadUnaligned(fromByteOffset: lengthsStart + doc * 4, as: UInt32.self)))
    }

    /// Document `doc`'s compressed frame, in place.
    func frame(_ doc: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard doc >= 0, doc < documentCount else { throw .corrupt(file: context, detail: "no stored story \(doc)") }
        let from = UInt64(littleEndian: section.loadUnaligned(fromByteOffset: offsetsStart + doc * 8, as: UInt64.self))
        let to = UInt64(littleEndian: section.loadUnaligned(fromByteOffset: offsetsStart + doc * 8 + 8, as: UInt64.self))
        guard from <= to, to <= UInt64(section.count - framesStart) else {
            throw .corrupt(file: context, detail: "stored story \(doc) out of range")
        }
        return UnsafeRawBufferPointer(rebasing: section[(framesStart + Int(from))..<(framesStart + Int(to))])
    }

    /// Document `doc`'s record, decompressed.
    func record(_ doc: Int) throws(IndexError) -> [UInt8] {
        let frame = try frame(doc)
        let rawLength = rawLength(doc)
        guard rawLength <= 1 << 30 else { throw .corrupt(file: context, detail: "stored story \(doc) out of range") }
        let d = runs[run(of: doc)].dictionary
        let raw = [UInt8](unsafeUninitializedCapacity: rawLength) { buffer, initialized in
            let n = decoder.withLock { state -> Int in
                if state.context == nil { state.context = ZSTD_createDCtx() }
                if let d {
                    if state.dictionaries[d] == nil {
                        // By reference: the dictionary stays in the mapped segment, which
                        // outlives this reader (`section` points into it as well); copying its
                        // dictionary (64 KB when measured) cost a third of digesting it.
                        state.dictionaries[d] = ZSTD_createDDict_byReference(dictionaries[d].baseAddress, dictionaries[d].count)
                    }
                    return ZSTD_decompress_usingDDict(state.context, buffer.baseAddress, buffer.count,
                                                      frame.baseAddress, frame.count, state.dictionaries[d])
                }
                return ZSTD_decompressDCtx(state.context, buffer.baseAddress, buffer.count, frame.baseAddress, frame.count)
            }
            initialized = ZSTD_isError(n) == 0 ? n : 0
        }
        guard raw.count == rawLength else {
            throw .corrupt(file: context, detail: "stored story \(doc) does not decompress")
        }
        return raw
    }

    /// `body` called with the stored fields of document `doc` (date and item id are not
    /// stored here), its body left empty, and the body's UTF-8 bytes, which are valid only
    /// during the call.
    func withStory<R>(_ doc: Int, _ body: (Story, UnsafeBufferPointer<UInt8>) throws(IndexError) -> R) throws(IndexError) -> R {
        try withBytes(of: try record(doc)) { record throws(IndexError) in
            let (story, range) = try StoredStoryRecord.decode(record, context: context)
            return try body(story, UnsafeRawBufferPointer(rebasing: record[range]).assumingMemoryBound(to: UInt8.self))
        }
    }
}
