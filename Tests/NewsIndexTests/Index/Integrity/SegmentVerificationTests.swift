import Foundation
import Testing
@testable import NewsIndex

/// `SegmentReader.verifyStructure`: what `newsidx check` reads beyond the checksums.
@Suite struct SegmentVerificationTests {
    let dir = TemporaryDirectory()

    /// A segment of stories long enough for lists of full blocks, written to `name`.
    func segment(_ name: String = "seg-1.seg") throws -> (path: String, reader: SegmentReader) {
        var writer = SegmentWriter(analyzer: .standard)
        for i in 0..<300 {
            let record = DocumentRecord(storyID: UInt64(i), rootID: 1, path: "story-\(i).txt",
                                        contentHash: UInt64(i), fileSize: 100, mtimeNanoseconds: 0)
            let body = (0..<(20 + i % 30)).map { ["talks", "grain", "port", "Seoul"][($0 + i) % 4] }.joined(separator: " ")
            writer.add(record, Story(title: "Story \(i) on talks", titleIsHeadline: true, body: body))
        }
        let path = dir.path + "/" + name
        try writer.write(to: path)
        return (path, try SegmentReader(id: 1, path: path))
    }

    @Test func aSoundSegmentHasNoStructuralProblem() throws {
        #expect(try segment().reader.verifyStructure() == nil)
    }

    /// The checksums would catch this too; the structure check must not depend on them.
    @Test func damagedPositionsAreAStructuralProblem() throws {
        let (path, reader) = try segment()
        let start = reader.positions.baseAddress! - UnsafeRawPointer(reader.file.bytes.baseAddress!)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in start..<(start + reader.positions.count) where i % 2 == 0 { bytes[i] = 0 }
        let damaged = dir.write("seg-2.seg", bytes: bytes)
        let problem = try SegmentReader(id: 2, path: damaged).verifyStructure()
        #expect(problem?.contains("list damaged") == true)
    }
}
