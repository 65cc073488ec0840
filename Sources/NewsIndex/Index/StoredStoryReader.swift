internal import CZstd

/// Reads stories back from a segment's `store` section (see `StoredStoryWriter`): finds the
/// block holding a document, decompresses it, and decodes the record.
struct StoredStoryReader {
    private let section: UnsafeRawBufferPointer
    private let blockCount: Int
    private let dataStart: Int
    private let documentCount: Int
    private let context: String

    init(section: UnsafeRawBufferPointer, documentCount: Int, context: String) throws(IndexError) {
        var c = ByteCursor(section, context: context)
        let count = Int(try c.readUInt32())
        guard count <= documentCount, section.count >= 4 + count * 20 else {
            throw .corrupt(file: context, detail: "stored-story block table out of range")
        }
        self.section = section
        blockCount = count
        dataStart = 4 + count * 20
        self.documentCount = documentCount
        self.context = context
        guard documentCount == 0 || (count > 0 && firstDoc(0) == 0) else {
            throw .corrupt(file: context, detail: "stored-story blocks do not cover the documents")
        }
    }

    private func firstDoc(_ block: Int) -> Int {
        Int(UInt32(littleEndian: section.loadUnaligned(fromByteOffset: 4 + block * 20, as: UInt32.self)))
    }

    /// The stored fields of document `doc` (date and item id are not stored here).
    func story(_ doc: Int) throws(IndexError) -> Story {
        // The last block starting at or before `doc`.
        var lo = 0, hi = blockCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if firstDoc(mid) <= doc { lo = mid } else { hi = mid - 1 }
        }
        var t = ByteCursor(section, offset: 4 + lo * 20 + 4, context: context)
        let offset = try t.readUInt64()
        let compressedLength = Int(try t.readUInt32())
        let rawLength = Int(try t.readUInt32())
        guard offset <= UInt64(section.count - dataStart), compressedLength <= section.count - dataStart - Int(offset),
              rawLength <= 1 << 30
        else { throw .corrupt(file: context, detail: "stored-story block \(lo) out of range") }
        let start = dataStart + Int(offset)
        var raw = [UInt8](repeating: 0, count: rawLength)
        let n = raw.withUnsafeMutableBytes { dst in
            ZSTD_decompress(dst.baseAddress, dst.count, section.baseAddress! + start, compressedLength)
        }
        guard ZSTD_isError(n) == 0, n == rawLength else {
            throw .corrupt(file: context, detail: "stored-story block \(lo) does not decompress")
        }
        return try withBytes(of: raw) { block throws(IndexError) in
            var c = ByteCursor(block, context: context)
            let count = Int(try c.readUInt32())
            let index = doc - firstDoc(lo)
            guard index < count, block.count >= 4 + (count + 1) * 4 else {
                throw .corrupt(file: context, detail: "stored-story block \(lo) lacks document \(doc)")
            }
            c.offset = 4 + index * 4
            let from = Int(try c.readUInt32()), to = Int(try c.readUInt32())
            let base = 4 + (count + 1) * 4
            guard from <= to, base + to <= block.count else {
                throw .corrupt(file: context, detail: "stored story \(doc) out of range")
            }
            return try StoredStoryRecord.decode(UnsafeRawBufferPointer(rebasing: block[(base + from)..<(base + to)]),
                                                context: context)
        }
    }
}
