internal import CZstd
import Synchronization

/// Reads stories back from a segment's `store` section (see `StoredStoryWriter`): one
/// zstd frame per story, decompressed with the segment's dictionary.
final class StoredStoryReader: @unchecked Sendable {
    private let section: UnsafeRawBufferPointer
    private let documentCount: Int
    private let lengthsStart: Int
    private let offsetsStart: Int
    private let framesStart: Int
    private let context: String
    private let dictionaryBytes: UnsafeRawBufferPointer

    /// True when the segment's stories were compressed with a trained dictionary.
    var hasDictionary: Bool { !dictionaryBytes.isEmpty }
    /// The decompression context and the digested dictionary, made on first use (a search
    /// that prints no text never pays for them).
    private let decoder = Mutex<(context: OpaquePointer?, dictionary: OpaquePointer?)>((nil, nil))

    init(section: UnsafeRawBufferPointer, documentCount: Int, context: String) throws(IndexError) {
        var c = ByteCursor(section, context: context)
        let dictLength = Int(try c.readUInt32())
        lengthsStart = (4 + dictLength + 7) / 8 * 8
        offsetsStart = lengthsStart + documentCount * 4
        framesStart = offsetsStart + (documentCount + 1) * 8
        guard dictLength <= section.count, framesStart <= section.count else {
            throw .corrupt(file: context, detail: "stored-story tables out of range")
        }
        self.section = section
        self.documentCount = documentCount
        self.context = context
        dictionaryBytes = UnsafeRawBufferPointer(rebasing: section[4..<(4 + dictLength)])
    }

    deinit {
        decoder.withLock { state in
            if let d = state.context { ZSTD_freeDCtx(d) }
            if let d = state.dictionary { ZSTD_freeDDict(d) }
        }
    }

    /// The stored fields of document `doc` (date and item id are not stored here).
    func story(_ doc: Int) throws(IndexError) -> Story {
        guard doc >= 0, doc < documentCount else { throw .corrupt(file: context, detail: "no stored story \(doc)") }
        let rawLength = Int(UInt32(littleEndian: section.loadUnaligned(fromByteOffset: lengthsStart + doc * 4, as: UInt32.self)))
        let from = UInt64(littleEndian: section.loadUnaligned(fromByteOffset: offsetsStart + doc * 8, as: UInt64.self))
        let to = UInt64(littleEndian: section.loadUnaligned(fromByteOffset: offsetsStart + doc * 8 + 8, as: UInt64.self))
        guard from <= to, to <= UInt64(section.count - framesStart), rawLength <= 1 << 30 else {
            throw .corrupt(file: context, detail: "stored story \(doc) out of range")
        }
        let frame = UnsafeRawBufferPointer(rebasing: section[(framesStart + Int(from))..<(framesStart + Int(to))])
        let raw = [UInt8](unsafeUninitializedCapacity: rawLength) { buffer, initialized in
            let n = decoder.withLock { state -> Int in
                if state.context == nil { state.context = ZSTD_createDCtx() }
                if !dictionaryBytes.isEmpty {
                    if state.dictionary == nil {
                        state.dictionary = ZSTD_createDDict(dictionaryBytes.baseAddress, dictionaryBytes.count)
                    }
                    return ZSTD_decompress_usingDDict(state.context, buffer.baseAddress, buffer.count,
                                                      frame.baseAddress, frame.count, state.dictionary)
                }
                return ZSTD_decompressDCtx(state.context, buffer.baseAddress, buffer.count, frame.baseAddress, frame.count)
            }
            initialized = ZSTD_isError(n) == 0 ? n : 0
        }
        guard raw.count == rawLength else {
            throw .corrupt(file: context, detail: "stored story \(doc) does not decompress")
        }
        return try withBytes(of: raw) { record throws(IndexError) in
            try StoredStoryRecord.decode(record, context: context)
        }
    }
}
