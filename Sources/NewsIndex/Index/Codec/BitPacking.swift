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
        let base = source.baseAddress! + offset
        // One loop per width, so that every shift and mask is a constant (a third of the
        // instructions of the loop with the width in a register).
        switch width {
        case 0: out.update(repeating: 0, count: blockSize)
        case 1: unpack(base, width: 1, into: out)
        case 2: unpack(base, width: 2, into: out)
        case 3: unpack(base, width: 3, into: out)
        case 4: unpack(base, width: 4, into: out)
        case 5: unpack(base, width: 5, into: out)
        case 6: unpack(base, width: 6, into: out)
        case 7: unpack(base, width: 7, into: out)
        case 8: unpack(base, width: 8, into: out)
        case 9: unpack(base, width: 9, into: out)
        case 10: unpack(base, width: 10, into: out)
        case 11: unpack(base, width: 11, into: out)
        case 12: unpack(base, width: 12, into: out)
        case 13: unpack(base, width: 13, into: out)
        case 14: unpack(base, width: 14, into: out)
        case 15: unpack(base, width: 15, into: out)
        case 16: unpack(base, width: 16, into: out)
        case 17: unpack(base, width: 17, into: out)
        case 18: unpack(base, width: 18, into: out)
        case 19: unpack(base, width: 19, into: out)
        case 20: unpack(base, width: 20, into: out)
        default: unpack(base, width: width, into: out)
        }
    }

    /// Eight values take `width` whole bytes, so each group of eight starts on a byte and,
    /// within it, every value's byte and shift depend on the width alone.
    @inline(__always)
    private static func unpack(_ base: UnsafeRawPointer, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for group in 0..<(blockSize / 8) {
            let bytes = base + group * width
            let values = out + group * 8
            for j in 0..<8 {
                let bit = j * width
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                values[j] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            }
        }
    }

    static func packedSize(width: Int) -> Int { width * blockSize / 8 }
}
