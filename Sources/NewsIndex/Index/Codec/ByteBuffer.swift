/// A growable little-endian byte sink: the one way segment, deletion and manifest bytes are built.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// Bytes allocated, used or not: what the buffer costs in memory.
    var capacity: Int { bytes.capacity }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(contentsOf other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    mutating func appendUInt32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func appendUInt64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites the four bytes at `offset`, already appended.
    mutating func setUInt32(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { for i in 0..<4 { bytes[offset + i] = $0[i] } }
    }

    /// LEB128: seven bits a byte, low bits first, high bit set on all but the last byte.
    mutating func appendVarint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func appendVarint(_ v: Int) { appendVarint(UInt64(v)) }

    /// A varint length, then the UTF-8 bytes.
    mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { u in
            appendVarint(u.count)
            bytes.append(contentsOf: u)
        }
    }

    mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
    }
}

extension [UInt8] {
    /// LEB128, as `ByteBuffer.appendVarint`, for the per-term lists a segment builds in memory.
    @inline(__always)
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }
}
