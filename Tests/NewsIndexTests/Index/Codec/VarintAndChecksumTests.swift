import Testing
@testable import NewsIndex

@Suite struct VarintTests {
    @Test(arguments: [UInt64(0), 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), UInt64.max])
    func varintRoundTrips(_ value: UInt64) throws {
        var buffer = ByteBuffer()
        buffer.appendVarint(value)
        let (decoded, atEnd) = try buffer.bytes.withUnsafeBytes { raw throws -> (UInt64, Bool) in
            var cursor = ByteCursor(raw, context: "test")
            return (try cursor.readVarint(), cursor.isAtEnd)
        }
        #expect(decoded == value)
        #expect(atEnd)
    }

    @Test func truncatedVarintThrowsCorruptInsteadOfTrapping() {
        let bytes: [UInt8] = [0x80, 0x80]
        bytes.withUnsafeBytes { raw in
            var cursor = ByteCursor(raw, context: "seg-9.seg")
            #expect(throws: IndexError.self) { try cursor.readVarint() }
        }
    }

    @Test func overlongVarintThrowsCorrupt() {
        let bytes = [UInt8](repeating: 0xFF, count: 12) + [0x01]
        bytes.withUnsafeBytes { raw in
            var cursor = ByteCursor(raw, context: "x")
            #expect(throws: IndexError.self) { try cursor.readVarint() }
        }
    }

    @Test func fixedWidthIntegersAreLittleEndian() throws {
        var buffer = ByteBuffer()
        buffer.appendUInt32(0x0102_0304)
        #expect(buffer.bytes == [4, 3, 2, 1])
    }
}

@Suite struct ChecksumTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func xxh64MatchesReferenceVectors() {
        #expect(ContentHash.xxh64([]) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.xxh64(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(ContentHash.xxh64(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        // Longer than one 32-byte stripe.
        #expect(ContentHash.xxh64(Array("Nobody inspects the spammish repetition".utf8)) == 0xFBCE_A83C_8A37_8BF1)
    }
}
