#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ASCII character classes that the byte-level scanners of wire copy and markup test
/// (datelines, written dates, signatures, class names, tags), and the search for a byte.
/// Bytes of multi-byte UTF-8 sequences belong to none of the classes.
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
    /// A space, tab, line feed, vertical tab, form feed or carriage return: HTML's and C's
    /// white space, which separates attribute values and class names.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// The first position of `byte` in `bytes` at or after `start` (memchr).
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
