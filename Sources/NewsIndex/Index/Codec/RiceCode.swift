/// The Rice code positions are stored in (`PositionsEncoder`). With parameter `r`, a value
/// `v` is `v >> r` zero bits, a one bit, then the low `r` bits of `v`; bits are taken low
/// first, as the bit-packed postings are. A value near `2^r` takes about `r + 2` bits
/// whatever the spread of the others, where a fixed width takes the bits of the largest,
/// and decoding the zero bits is one trailing-zero count.
///
/// A quotient (`v >> r`) of `escapeQuotient` or more is written instead as `escapeQuotient`
/// zero bits, a one bit, then `v` in 32 bits: no value takes more than 49 bits, and a code
/// that is not escaped (at most 16 + 1 + 15 bits) always lies within one 64-bit load.
enum RiceCode {
    static let escapeQuotient = 16
    /// The largest parameter: a group stores two in one byte.
    static let maxParameter = 15

    /// The bits `value` takes with parameter `r`.
    @inline(__always)
    static func length(of value: UInt32, parameter r: Int) -> Int {
        let q = Int(truncatingIfNeeded: value &>> UInt32(truncatingIfNeeded: r))
        return q < escapeQuotient ? q &+ 1 &+ r : escapeQuotient + 1 + 32
    }

    /// The bits all of `values` take with parameter `r`.
    static func length(of values: ArraySlice<UInt32>, parameter r: Int) -> Int {
        let shift = UInt32(truncatingIfNeeded: r)
        let escaped = escapeQuotient + 32 - r
        var beyondOneAndR = 0
        for v in values {
            let q = Int(truncatingIfNeeded: v &>> shift)
            beyondOneAndR &+= q < escapeQuotient ? q : escaped
        }
        return beyondOneAndR &+ values.count &* (1 &+ r)
    }

    /// The parameter that codes `values` in the fewest bits (0 for none). Starts from the
    /// width of their mean (its neighbours measured in the same pass) and walks to the
    /// cheaper neighbour while there is one: without escapes the length is convex in the
    /// parameter, and escapes are rare near the best.
    static func cheapestParameter(_ values: ArraySlice<UInt32>) -> Int {
        guard !values.isEmpty else { return 0 }
        var sum: UInt64 = 0
        for v in values { sum &+= UInt64(v) }
        let mean = sum / UInt64(values.count)
        var r = min(maxParameter - 1, max(1, UInt64.bitWidth - mean.leadingZeroBitCount - 1))
        var (below, at, above) = lengths(of: values, around: r)
        while below < at && r > 0 {
            r -= 1
            (above, at) = (at, below)
            below = r > 0 ? length(of: values, parameter: r - 1) : .max
        }
        while above < at && r < maxParameter {
            r += 1
            (below, at) = (at, above)
            above = r < maxParameter ? length(of: values, parameter: r + 1) : .max
        }
        return r
    }

    /// The lengths of `values` with parameters `r - 1`, `r` and `r + 1`, in one pass.
    private static func lengths(of values: ArraySlice<UInt32>, around r: Int) -> (Int, Int, Int) {
        let shift = UInt32(truncatingIfNeeded: r - 1)
        var below = 0, at = 0, above = 0
        for v in values {
            let q = Int(truncatingIfNeeded: v &>> shift)
            below &+= q < escapeQuotient ? q : escapeQuotient + 32 - (r - 1)
            at &+= q >> 1 < escapeQuotient ? q >> 1 : escapeQuotient + 32 - r
            above &+= q >> 2 < escapeQuotient ? q >> 2 : escapeQuotient + 32 - (r + 1)
        }
        let n = values.count
        return (below &+ n &* r, at &+ n &* (r &+ 1), above &+ n &* (r &+ 2))
    }
}

/// Writes Rice codes (`RiceCode`), low bits first, a 64-bit word at a time, then hands
/// them over as bytes: appending to a byte array a byte at a time cost a segment's write
/// more than the choice of parameters.
struct RiceWriter {
    private var words: [UInt64] = []
    private var current: UInt64 = 0
    private var currentBits = 0

    @inline(__always)
    mutating func write(_ value: UInt32, parameter r: Int) {
        let q = Int(truncatingIfNeeded: value &>> UInt32(truncatingIfNeeded: r))
        if q < RiceCode.escapeQuotient {
            let low = UInt64(value) & ((1 &<< UInt64(truncatingIfNeeded: r)) &- 1)
            append(1 &<< UInt64(truncatingIfNeeded: q) | low &<< UInt64(truncatingIfNeeded: q &+ 1), count: q &+ 1 &+ r)
        } else {
            append(1 &<< UInt64(RiceCode.escapeQuotient), count: RiceCode.escapeQuotient + 1)
            append(UInt64(value), count: 32)
        }
    }

    /// Appends the codes written since the last `finish` to `out`, the last byte padded
    /// with zero bits, and starts afresh.
    mutating func finish(into out: inout ByteBuffer) {
        let byteCount = words.count * 8 + (currentBits + 7) / 8
        if currentBits > 0 { words.append(current.littleEndian) }
        words.withUnsafeBytes { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<byteCount])) }
        words.removeAll(keepingCapacity: true)
        current = 0
        currentBits = 0
    }

    /// `code` holds `count` bits, at most 32.
    @inline(__always)
    private mutating func append(_ code: UInt64, count: Int) {
        current |= code &<< UInt64(truncatingIfNeeded: currentBits)
        currentBits &+= count
        if currentBits >= 64 {
            words.append(current.littleEndian)
            currentBits &-= 64
            current = code &>> UInt64(truncatingIfNeeded: count &- currentBits)
        }
    }
}

/// Reads Rice codes (`RiceCode`) from bytes, from a bit offset on. Reading past the end
/// of `bytes` sees zero bits, which no code holds that many of: the read fails, it never
/// leaves the buffer.
struct RiceReader {
    private let bytes: UnsafeRawBufferPointer
    /// The offset in bits of the next code from the start of `bytes`.
    private(set) var bit: Int

    init(_ bytes: UnsafeRawBufferPointer, bit: Int) {
        self.bytes = bytes
        self.bit = bit
    }

    /// The next value coded with parameter `r`; nil when the bits there are no code.
    @inline(__always)
    mutating func read(parameter r: Int) -> UInt32? {
        let w = window()
        let q = w.trailingZeroBitCount
        if q < RiceCode.escapeQuotient {
            bit += q + 1 + r
            let low = (w &>> UInt64(q + 1)) & ((1 &<< UInt64(r)) - 1)
            return UInt32(truncatingIfNeeded: UInt64(q) &<< UInt64(r) | low)
        }
        guard q == RiceCode.escapeQuotient else { return nil }
        bit += q + 1
        let value = UInt32(truncatingIfNeeded: window())
        bit += 32
        return value
    }

    /// Passes over the next value coded with parameter `r`; false when the bits there are no code.
    @inline(__always)
    mutating func skip(parameter r: Int) -> Bool {
        let q = window().trailingZeroBitCount
        if q < RiceCode.escapeQuotient {
            bit += q + 1 + r
            return true
        }
        bit += RiceCode.escapeQuotient + 1 + 32
        return q == RiceCode.escapeQuotient
    }

    /// At least the next 57 bits from `bit`, low first (zeros past the end of `bytes`).
    @inline(__always)
    private func window() -> UInt64 {
        let byte = bit &>> 3
        if byte + 8 <= bytes.count {
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self)) &>> UInt64(bit & 7)
        }
        var w: UInt64 = 0
        var i = 0
        while byte + i < bytes.count && i < 8 {
            w |= UInt64(bytes[byte + i]) &<< UInt64(8 * i)
            i += 1
        }
        return w &>> UInt64(bit & 7)
    }
}
