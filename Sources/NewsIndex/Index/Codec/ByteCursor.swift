/// Bounds-checked little-endian reads from mapped index bytes.
///
/// Every read checks its bounds and throws `IndexError.corrupt` instead of trapping, so a
/// truncated or bit-flipped file gives an error, never a crash.
struct ByteCursor {
    let base: UnsafeRawBufferPointer
    var offset: Int
    /// What is being read, for error messages ("seg-3.seg postings").
    let context: String

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0, context: String) {
        self.base = base
        self.offset = offset
        self.context = context
    }

    var isAtEnd: Bool { offset >= base.count }

    func corrupt(_ what: String) -> IndexError { .corrupt(file: context, detail: what) }

    mutating func readUInt8() throws(IndexError) -> UInt8 {
        guard offset < base.count else { throw corrupt("unexpected end at byte \(offset)") }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func readUInt32() throws(IndexError) -> UInt32 {
        guard offset >= 0, base.count - offset >= 4 else { throw corrupt("unexpected end at byte \(offset)") }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func readUInt64() throws(IndexError) -> UInt64 {
        guard offset >= 0, base.count - offset >= 8 else { throw corrupt("unexpected end at byte \(offset)") }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func readVarint() throws(IndexError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < base.count else { throw corrupt("unexpected end in a varint at byte \(offset)") }
            let b = base[offset]
            offset += 1
            guard shift < 64 else { throw corrupt("varint longer than 64 bits at byte \(offset)") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A varint that must fit in `Int` and not exceed `limit`.
    mutating func readLength(max limit: Int) throws(IndexError) -> Int {
        let v = try readVarint()
        guard v <= UInt64(limit) else { throw corrupt("length \(v) exceeds \(limit) at byte \(offset)") }
        return Int(v)
    }

    mutating func readBytes(_ n: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard n >= 0, offset >= 0, base.count - offset >= n else {
            throw corrupt("\(n) bytes run past the end at byte \(offset)")
        }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
    }

    /// A varint length, then UTF-8 (repaired if invalid).
    mutating func readString() throws(IndexError) -> String {
        let n = try readLength(max: base.count)
        let raw = try readBytes(n)
        return String(decoding: raw, as: UTF8.self)
    }
}

/// Runs `body` over the UTF-8 bytes of `text`, keeping the error type (which
/// `String.withUTF8` does not).
func withUTF8Bytes<R>(
    of text: String, _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R
) throws(IndexError) -> R {
    var text = text
    var result: Result<R, IndexError>?
    text.withUTF8 { u in
        result = Result { () throws(IndexError) -> R in try body(UnsafeRawBufferPointer(u)) }
    }
    return try result!.get()
}

/// Runs `body` over the bytes of `bytes`, keeping the error type.
func withBytes<R>(
    of bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(IndexError) -> R
) throws(IndexError) -> R {
    var result: Result<R, IndexError>?
    bytes.withUnsafeBytes { raw in
        result = Result { () throws(IndexError) -> R in try body(raw) }
    }
    return try result!.get()
}
