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
        let q = Int(value &>> UInt32(r))
        return q < escapeQuotient ? q + 1 + r : escapeQuotient + 1 + 32
    }

    /// The bits all of `values` take with parameter `r`.
    static func length(of values: ArraySlice<UInt32>, parameter r: Int) -> Int {
        var total = 0
        for v in values { total += length(of: v, parameter: r) }
        return total
    }

    /// The parameter that codes `values` in the fewest bits (0 for none). Starts from the
    /// width of their mean and walks to the cheaper neighbour while there is one: without
    /// escapes the length is convex in the parameter, and escapes are rare near the best.
    static func cheapestParameter(_ values: ArraySlice<UInt32>) -> Int {
        guard !values.isEmpty else { return 0 }
        var sum: UInt64 = 0
        for v in values { sum += UInt64(v) }
        let mean = sum / UInt64(values.count)
        var r = min(maxParameter, max(0, UInt64.bitWidth - mean.leadingZeroBitCount - 1))
        var best = length(of: values, parameter: r)
        for step in stride(from: 1, through: -1, by: -2) {
            while r + step >= 0 && r + step <= maxParameter {
                let next = length(of: values, parameter: r + step)
                guard next < best else { break }
                best = next
                r += step
            }
        }
        return r
    }
}

/// Appends Rice codes (`RiceCode`) to a byte buffer, low bits first.
struct RiceWriter {
    private var pending: UInt64 = 0
    private var pendingBits = 0

    mutating func write(_ value: UInt32, parameter r: Int, into out: inout ByteBuffer) {
        let q = Int(value &>> UInt32(r))
        if q < RiceCode.escapeQuotient {
            let low = UInt64(value) & ((1 &<< UInt64(r)) - 1)
            append(1 &<< UInt64(q) | low &<< UInt64(q + 1), count: q + 1 + r, into: &out)
        } else {
            append(1 &<< UInt64(RiceCode.escapeQuotient), count: RiceCode.escapeQuotient + 1, into: &out)
            append(UInt64(value), count: 32, into: &out)
        }
    }

    /// Writes the bits still pending, the last byte padded with zero bits.
    mutating func finish(into out: inout ByteBuffer) {
        if pendingBits > 0 { out.append(UInt8(truncatingIfNeeded: pending)) }
        pending = 0
        pendingBits = 0
    }

    /// `count` is at most 32, so with at most 7 bits pending everything fits in 64.
    @inline(__always)
    private mutating func append(_ bits: UInt64, count: Int, into out: inout ByteBuffer) {
        pending |= bits &<< UInt64(pendingBits)
        pendingBits += count
        while pendingBits >= 8 {
            out.append(UInt8(truncatingIfNeeded: pending))
            pending &>>= 8
            pendingBits -= 8
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
