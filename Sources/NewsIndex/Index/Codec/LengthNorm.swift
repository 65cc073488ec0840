/// Document lengths quantised to one byte, as Lucene's `SmallFloat.intToByte4` does:
/// lengths below 24 are exact, longer ones keep four significant bits (within 12.5%,
/// rounded down). Scoring reads one byte per document instead of four, and a segment's
/// 256 possible length norms are computed once per query.
enum LengthNorm {
    /// Lengths below this are stored exactly.
    private static let exactLimit: UInt32 = 24

    static func encode(_ length: UInt32) -> UInt8 {
        if length < exactLimit { return UInt8(length) }
        return UInt8(exactLimit) + UInt8(toInt4(UInt64(length - exactLimit)))
    }

    static func decode(_ byte: UInt8) -> UInt32 { table[Int(byte)] }

    /// Every byte's length.
    static let table: [UInt32] = (0..<256).map { b in
        b < Int(exactLimit) ? UInt32(b) : exactLimit + UInt32(clamping: fromInt4(b - Int(exactLimit)))
    }

    /// Four significant bits: three stored, the leading one implicit, and the shift.
    private static func toInt4(_ i: UInt64) -> Int {
        let bits = 64 - i.leadingZeroBitCount
        if bits < 4 { return Int(i) }
        let shift = bits - 4
        return Int((i >> UInt64(shift)) & 0x07) | ((shift + 1) << 3)
    }

    private static func fromInt4(_ i: Int) -> UInt64 {
        let bits = UInt64(i & 0x07)
        let shift = (i >> 3) - 1
        return shift == -1 ? bits : (bits | 0x08) << UInt64(shift)
    }
}
