/// Packs blocks of `blockSize` unsigned integers at a fixed bit width, low bits first: the
/// postings codec's block format. A block of width `w` takes exactly `w * blockSize / 8` bytes.
enum BitPacking {
    static let blockSize = 128

    /// The bits needed for the largest value (0 when all are 0).
    static func width(_ values: UnsafeBufferPointer<UInt32>) -> Int {
        var all: UInt32 = 0
        for v in values { all |= v }
        return 32 - all.leadingZeroBitCount
    }

    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout ByteBuffer) {
        precondition(values.count == blockSize)
        guard width > 0 else { return }
        var acc: UInt64 = 0
        var filled = 0
        for v in values {
            acc |= UInt64(v) << UInt64(filled)
            filled += width
            while filled >= 8 {
                out.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                filled -= 8
            }
        }
        precondition(filled == 0, "blockSize * width is a multiple of 8")
    }

    /// Unpacks one block from `source` at `offset`. The caller guarantees that at least
    /// `width * blockSize / 8 + 8` bytes are readable there (a segment's footer follows its
    /// postings, so whole-word loads never leave the file).
    @inline(__always)
    static func unpack(_ source: UnsafeRawBufferPointer, at offset: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            out.update(repeating: 0, count: blockSize)
            return
        }
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        let base = source.baseAddress! + offset
        var bit = 0
        for i in 0..<blockSize {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += width
        }
    }

    static func packedSize(width: Int) -> Int { width * blockSize / 8 }
}
