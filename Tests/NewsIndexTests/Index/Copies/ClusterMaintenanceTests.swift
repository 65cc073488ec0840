import Foundation
import Testing
@testable import NewsIndex

/// Clusters of copies as the index changes: adding, reindexing, removing, compacting.
@Suite struct ClusterMaintenanceTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    static let body = FingerprintTests.story
    static let otherBody = FingerprintTests.other

    func wire(_ date: String, _ headline: String, _ body: String) -> String {
        "date \(date)\n\(headline)\n\n\(body)\n"
    }

    func writer() throws -> IndexWriter { try IndexWriter(directory: index.path, analyzer: .standard) }

    func add() throws {
        let w = try writer()
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        try w.commit()
    }

    /// Each cluster as the paths of its members, representative first.
    func clusters() throws -> [[String]] {
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        return try r.duplicateClusters().map { c in try c.members.map { try r.record(at: $0.address).path } }
    }

    func writeOriginalAndCopy() {
        corpus.write("original.txt", wire("2025-10-27", "Choe hails new height in ties with Russia", Self.body))
        corpus.write("copy.txt", wire("2025-10-28", "Lavrov and Choe meet in Moscow", "MOSCOW (AP) -- " + Self.body))
        corpus.write("other.txt", wire("2025-10-27", "Exports rise for a fourth month", Self.otherBody))
    }

    @Test func aCopyUnderAnotherHeadlineJoinsTheEarliestStorysCluster() throws {
        writeOriginalAndCopy()
        try add()
        #expect(try clusters() == [["original.txt", "copy.txt"]])
    }

    @Test func whenDatesTieTheLongestStoryRepresentsTheCluster() throws {
        corpus.write("short.txt", wire("2025-10-27", "Short", String(Self.body.dropLast(90))))
        corpus.write("long.txt", wire("2025-10-27", "Long", Self.body))
        try add()
        #expect(try clusters() == [["long.txt", "short.txt"]])
    }

    @Test func aCopyAddedLaterJoinsItsCluster() throws {
        writeOriginalAndCopy()
        try add()
        corpus.write("later/again.txt", wire("2025-10-29", "Again", Self.body + " The talks ended on Tuesday."))
        try add()
        #expect(try clusters() == [["original.txt", "copy.txt", "later/again.txt"]])
    }

    @Test func removingTheRepresentativePromotesTheNextEarliest() throws {
        writeOriginalAndCopy()
        corpus.write("third.txt", wire("2025-10-30", "Third", Self.body))
        try add()
        let w = try writer()
        _ = try w.remove(w.select(path: corpus.path + "/original.txt"))
        try w.commit()
        #expect(try clusters() == [["copy.txt", "third.txt"]])
    }

    @Test func removingAllButOneCopyLeavesNoCluster() throws {
        writeOriginalAndCopy()
        try add()
        let w = try writer()
        _ = try w.remove(w.select(path: corpus.path + "/copy.txt"))
        try w.commit()
        #expect(try clusters().isEmpty)
    }

    @Test func reindexingAFileRewrittenAsAnotherStoryTakesItOutOfTheCluster() throws {
        writeOriginalAndCopy()
        try add()
        corpus.write("copy.txt", wire("2025-10-28", "Now about exports", Self.otherBody + " Analysts expect more."))
        let w = try writer()
        _ = try w.reindex { _ in }
        try w.commit()
        #expect(try clusters() == [["other.txt", "copy.txt"]])
    }

    @Test func compactingKeepsTheClusters() throws {
        writeOriginalAndCopy()
        try add()
        corpus.write("b/copy2.txt", wire("2025-10-29", "Copy two", Self.body))
        try add()
        let before = try clusters()
        let w = try writer()
        try w.compact()
        #expect(try clusters() == before)
        #expect(before == [["original.txt", "copy.txt", "b/copy2.txt"]])
    }

    @Test func differentStoriesOnTheSameEventAreNotMerged() throws {
        corpus.write("a.txt", wire("2025-10-27", "Choe in Moscow", Self.body))
        corpus.write("b.txt", wire("2025-10-27", "Lavrov meets Choe", """
            Russian Foreign Minister Sergey Lavrov received his North Korean counterpart Choe Son-hui in Moscow \
            on Monday, the ministry said, in talks that covered the situation on the Korean Peninsula and \
            preparations for further contacts between the two countries' leaders. The ministers signed a plan \
            of exchanges for next year and discussed cooperation at the United Nations, where Moscow has \
            blocked new sanctions against Pyongyang.
            """))
        try add()
        #expect(try clusters().isEmpty)
    }

    @Test func aCommitNamesItsClusterFileAndRetiresThePreviousOne() throws {
        writeOriginalAndCopy()
        try add()
        corpus.write("more.txt", wire("2025-10-30", "More", Self.otherBody + " Shares rose."))
        try add()
        let files = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.hasPrefix("clusters-") }
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(files == ["clusters-\(r.manifest.clusterGeneration)"])
    }
}
