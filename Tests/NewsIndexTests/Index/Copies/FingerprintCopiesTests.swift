import Foundation
import Testing
@testable import NewsIndex

/// Fingerprint records read out of the segment files, as clustering verifies candidates.
@Suite struct FingerprintCopiesTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func indexTwoSegments() throws -> IndexReader {
        for (n, name) in ["reut-00001.txt", "reut-00110.txt", "reut-00128.txt"].enumerated() {
            let text = try String(contentsOfFile: RepositoryPath.root + "/Corpus/text/" + name, encoding: .utf8)
            corpus.write("\(n < 2 ? "a" : "b")/\(name)", text)
            if n == 1 || n == 2 {
                let w = try IndexWriter(directory: index.path, analyzer: .standard)
                _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
                try w.commit()
            }
        }
        return try IndexReader(directory: index.path, analyzer: .standard)
    }

    func mapped(_ stories: NumberedStories, _ number: Int) -> [UInt8] {
        let (s, doc) = stories.address(number)
        return Array(stories.segments[s].fingerprintBytes(doc))
    }

    @Test func aRecordReadFromTheFileIsTheMappedOne() throws {
        let r = try indexTwoSegments()
        #expect(r.segments.count == 2)
        let stories = NumberedStories(segments: r.segments, deletions: r.deletions)
        let copies = FingerprintCopies(stories)
        for number in 0..<stories.count {
            #expect(copies.record(number) == mapped(stories, number))
        }
    }

    @Test func aSegmentFileAlreadyUnlinkedIsStillRead() throws {
        let r = try indexTwoSegments()
        for segment in r.segments { try FileManager.default.removeItem(atPath: segment.file.path) }
        let stories = NumberedStories(segments: r.segments, deletions: r.deletions)
        let copies = FingerprintCopies(stories)
        for number in 0..<stories.count {
            #expect(copies.record(number) == mapped(stories, number))
        }
    }
}
