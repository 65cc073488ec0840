import Foundation
import Testing
@testable import NewsIndex

/// A merge's reads of a source's lists, through a buffer filled with pread.
@Suite struct SectionReadBufferTests {
    let dir = TemporaryDirectory()
    /// 300 KB of bytes that differ from their neighbours, so a misplaced read shows.
    let content: [UInt8] = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }

    /// A file of `content` and its section from byte 1,000 to 1,000 from the end.
    func section() throws -> (MappedFile, UnsafeRawBufferPointer) {
        let file = try MappedFile(path: dir.write("s.bin", bytes: content))
        return (file, UnsafeRawBufferPointer(rebasing: file.bytes[1_000..<content.count - 1_000]))
    }

    func expectRead(_ reader: SectionReadBuffer, _ range: Range<Int>) {
        let (bytes, offset) = reader.read(range)
        #expect(Array(bytes[offset..<offset + range.count]) == Array(content[1_000 + range.lowerBound..<1_000 + range.upperBound]))
        #expect(bytes.count >= offset + range.count + SectionReadBuffer.padding)
    }

    @Test func rangesReadInOrderAreTheSectionsBytes() throws {
        let (file, bytes) = try section()
        let reader = SectionReadBuffer(file: file, section: bytes)
        var start = 0
        for length in [0, 10, 5_000, 65_000, 3, 70_000, 1, 120_000] where start + length <= bytes.count {
            expectRead(reader, start..<start + length)
            start += length
        }
    }

    @Test func aRangeLongerThanAChunkIsReadWhole() throws {
        let (file, bytes) = try section()
        let reader = SectionReadBuffer(file: file, section: bytes)
        expectRead(reader, 100..<100 + 3 * SectionReadBuffer.chunk)
        expectRead(reader, 100 + 3 * SectionReadBuffer.chunk..<bytes.count)
    }

    @Test func readingFromTheStartAgainRereadsTheSection() throws {
        let (file, bytes) = try section()
        let reader = SectionReadBuffer(file: file, section: bytes)
        expectRead(reader, 200_000..<200_100)
        expectRead(reader, 0..<100)
    }

    @Test func theBytesAfterTheSectionsEndReadAsZeros() throws {
        let (file, bytes) = try section()
        let reader = SectionReadBuffer(file: file, section: bytes)
        let (read, offset) = reader.read(bytes.count - 5..<bytes.count)
        #expect(Array(read[offset + 5..<offset + 5 + SectionReadBuffer.padding]) == Array(repeating: 0, count: 8))
    }

    @Test func aFileUnlinkedAfterOpeningIsStillRead() throws {
        let (file, bytes) = try section()
        try FileManager.default.removeItem(atPath: file.path)
        let reader = SectionReadBuffer(file: file, section: bytes)
        expectRead(reader, 0..<bytes.count)
    }
}
