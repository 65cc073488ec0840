/// Turns file bytes into Unicode text the way every ingest reader does.
///
/// Text is UTF-8 unless it starts with a UTF-16 byte-order mark. Bytes that are not valid
/// UTF-8 become U+FFFD, so a damaged file still yields its readable parts.
enum TextDecoding {
    enum ByteOrder { case littleEndian, bigEndian }

    /// The byte order announced by a UTF-16 byte-order mark, or nil when there is none
    /// (a UTF-32 little-endian mark, `FF FE 00 00`, is not mistaken for one).
    static func utf16ByteOrder(_ bytes: UnsafeRawBufferPointer) -> ByteOrder? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE):
            if bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { return nil }
            return .littleEndian
        case (0xFE, 0xFF): return .bigEndian
        default: return nil
        }
    }

    static func hasUTF8ByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The text of `bytes` without its byte-order mark.
    static func string(_ bytes: [UInt8]) -> String {
        if let order = bytes.withUnsafeBytes(utf16ByteOrder) {
            return utf16String(bytes[2...], order)
        }
        if hasUTF8ByteOrderMark(bytes) {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func utf16String(_ bytes: ArraySlice<UInt8>, _ order: ByteOrder) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(order == .littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        if i < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }
}
