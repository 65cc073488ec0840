/// The ASCII character classes that the byte-level scanners of wire copy test (datelines,
/// written dates, signatures). Bytes of multi-byte UTF-8 sequences belong to none of them.
enum ASCIIByte {
    /// `A`–`Z`.
    @inline(__always) static func isUppercase(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    /// `a`–`z`.
    @inline(__always) static func isLowercase(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    /// `A`–`Z` or `a`–`z`.
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUppercase(b) || isLowercase(b) }
    /// `0`–`9`.
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// A space or a tab: the blanks inside a line.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}
