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

    /// Unpacks one block from `source` at `offset`, adding `plus` to every value (a
    /// frequency is stored less one). The caller guarantees that at least
    /// `width * blockSize / 8 + 8` bytes are readable there (a segment's footer follows its
    /// postings, so whole-word loads never leave the file).
    @inline(__always)
    static func unpack(_ source: UnsafeRawBufferPointer, at offset: Int, width: Int, into out: UnsafeMutablePointer<UInt32>,
                       plus: UInt32 = 0) {
        let base = source.baseAddress! + offset
        withConstantWidth(width) { w in
            forEachValue(base, width: w) { j, value in out[j] = value &+ plus }
        }
    }

    /// Unpacks one block of gaps into their running sums from `start` (document numbers from
    /// the gaps between them), in the same pass; returns the last sum, in 64 bits so that a
    /// damaged block cannot wrap around unseen. Bytes readable as for `unpack`.
    @inline(__always)
    static func unpackSums(_ source: UnsafeRawBufferPointer, at offset: Int, width: Int, into out: UnsafeMutablePointer<UInt32>,
                           from start: UInt64) -> UInt64 {
        let base = source.baseAddress! + offset
        var running = start
        withConstantWidth(width) { w in
            forEachValue(base, width: w) { j, value in
                running &+= UInt64(value)
                out[j] = UInt32(truncatingIfNeeded: running)
            }
        }
        return running
    }

    /// Calls `body` with `width` as a constant for each width up to 20 (those a list of
    /// documents or frequencies uses), so that inlined, every shift and mask in it is one (a
    /// third of the instructions of the loop with the width in a register).
    @inline(__always)
    private static func withConstantWidth(_ width: Int, _ body: (Int) -> Void) {
        switch width {
        case 0: body(0)
        case 1: body(1)
        case 2: body(2)
        case 3: body(3)
        case 4: body(4)
        case 5: body(5)
        case 6: body(6)
        case 7: body(7)
        case 8: body(8)
        case 9: body(9)
        case 10: body(10)
        case 11: body(11)
        case 12: body(12)
        case 13: body(13)
        case 14: body(14)
        case 15: body(15)
        case 16: body(16)
        case 17: body(17)
        case 18: body(18)
        case 19: body(19)
        case 20: body(20)
        default: body(width)
        }
    }

    /// Eight values take `width` whole bytes, so each group of eight starts on a byte and,
    /// within it, every value's byte and shift depend on the width alone.
    @inline(__always)
    private static func forEachValue(_ base: UnsafeRawPointer, width: Int, _ body: (Int, UInt32) -> Void) {
        guard width > 0 else {
            for j in 0..<blockSize { body(j, 0) }
            return
        }
        let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
        for group in 0..<(blockSize / 8) {
            let bytes = base + group * width
            for j in 0..<8 {
                let bit = j * width
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                body(group * 8 + j, UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask))
            }
        }
    }

    static func packedSize(width: Int) -> Int { width * blockSize / 8 }
}
