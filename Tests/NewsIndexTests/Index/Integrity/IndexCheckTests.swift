import Foundation
import Testing
@testable import NewsIndex

/// `IndexCheck` finds each kind of damage and names its file; `IndexRepair` drops what
/// cannot be read, counts the stories lost, and leaves an index that opens and checks sound.
@Suite struct IndexCheckTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func story(_ words: String) -> String { "date 2025-10-27 \(words).\n\nA second paragraph.\n" }

    /// Adds `names` in one commit, writing those not yet written (each with its own word).
    func add(_ names: [String]) throws {
        for name in names where !FileManager.default.fileExists(atPath: corpus.path + "/" + name) {
            corpus.write(name, story("word\(name.prefix(1)) story"))
        }
        let writer = try IndexWriter(directory: index.path, analyzer: .standard)
        _ = try writer.add(try IngestInput.resolve(names.map { corpus.path + "/" + $0 })) { _ in }
        try writer.commit()
    }

    /// Segment 1 holds a and b, segment 2 holds c; then b is changed, so segment 1 gets a
    /// deletion file and segment 3 holds the new b.
    func threeSegments() throws {
        try add(["a.txt", "b.txt"])
        try add(["c.txt"])
        corpus.write("b.txt", story("changed"))
        try add(["b.txt"])
    }

    func flipByte(_ name: String, at offset: Int) throws {
        let path = index.path + "/" + name
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset >= 0 ? offset : bytes.count + offset] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func check() throws -> IndexCheckReport { try IndexCheck.run(directory: index.path) }

    @Test func aSoundIndexHasNoProblems() throws {
        try threeSegments()
        let report = try check()
        #expect(report.isSound)
        #expect(report.segmentsChecked == 3)
        #expect(report.documentsChecked == 4)
        #expect(report.strayFiles.isEmpty)
    }

    @Test func aCheckWhereThereIsNoIndexThrowsMissing() {
        #expect(throws: IndexError.missing(directory: index.path)) { try IndexCheck.run(directory: index.path) }
    }

    @Test func aFlippedBitInASegmentIsReportedWithItsSection() throws {
        try threeSegments()
        try flipByte("seg-2.seg", at: 20)
        let problems = try check().problems
        #expect(problems.count == 1)
        #expect(problems.first?.file == "seg-2.seg")
        #expect(problems.first?.detail.hasPrefix("checksum mismatch in the") == true)
        #expect(problems.first?.scope == .segment(id: 2, liveStories: 1))
    }

    @Test func aMissingSegmentIsReportedAsMissing() throws {
        try threeSegments()
        _ = FileManager.default.createFile(atPath: index.path + "/seg-9.seg", contents: Data())
        try FileManager.default.removeItem(atPath: index.path + "/seg-3.seg")
        let report = try check()
        #expect(report.problems == [IndexProblem(file: "seg-3.seg", detail: "missing", scope: .segment(id: 3, liveStories: 1))])
        #expect(report.strayFiles == ["seg-9.seg"])
    }

    @Test func aDamagedDeletionFileIsReportedAgainstItsSegment() throws {
        try threeSegments()
        let deletion = index.files().first { $0.hasPrefix("seg-1.del-") }!
        try flipByte(deletion, at: -1)
        let problems = try check().problems
        #expect(problems == [IndexProblem(file: deletion, detail: "checksum mismatch", scope: .segment(id: 1, liveStories: 1))])
    }

    @Test func aDamagedManifestIsReportedAndCannotBeRepaired() throws {
        try threeSegments()
        let manifest = index.files().first { $0.hasPrefix("manifest-") }!
        try flipByte(manifest, at: 20)
        let report = try check()
        #expect(report.problems.map(\.file) == [manifest])
        #expect(report.problems.first?.scope == .manifest)
        #expect(throws: IndexRepair.Failure.unrepairable(report.problems[0])) {
            try IndexRepair.run(directory: index.path, lockWait: 0)
        }
    }

    @Test func aDamagedClusterFileIsReportedAndRepairRebuildsItLosingNothing() throws {
        try threeSegments()
        let clusters = try #require(index.files().first { $0.hasPrefix("clusters-") })
        try flipByte(clusters, at: -1)
        let problems = try check().problems
        #expect(problems == [IndexProblem(file: clusters, detail: "checksum mismatch", scope: .clusters)])
        let outcome = try IndexRepair.run(directory: index.path, lockWait: 0)
        #expect(outcome.rebuiltClusters && outcome.dropped.isEmpty && outcome.lostStories == 0)
        #expect(try check().isSound)
        #expect(!index.files().contains(clusters))
        #expect(try IndexReader(directory: index.path, analyzer: .standard).documentCount == 3)
    }

    @Test func aMissingClusterFileIsReported() throws {
        try threeSegments()
        let clusters = try #require(index.files().first { $0.hasPrefix("clusters-") })
        try FileManager.default.removeItem(atPath: index.path + "/" + clusters)
        #expect(try check().problems == [IndexProblem(file: clusters, detail: "missing", scope: .clusters)])
    }

    @Test func repairDropsTheDamagedSegmentAndCountsItsStories() throws {
        try threeSegments()
        try flipByte("seg-2.seg", at: 20)
        let outcome = try IndexRepair.run(directory: index.path, lockWait: 0)
        #expect(outcome.dropped.map(\.segment) == [2])
        #expect(outcome.lostStories == 1)
        #expect(outcome.published?.segments.map(\.id) == [1, 3])
        #expect(outcome.rebuiltClusters, "the grouping of copies covers the segments left")
        #expect(try check().isSound)
        #expect(!index.files().contains("seg-2.seg"))
        let reader = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(reader.documentCount == 2)
        #expect(reader.addresses(ofPath: "c.txt").isEmpty)
    }

    @Test func repairDropsTheWholeSegmentOfADamagedDeletionFileSoNoReplacedStoryReturns() throws {
        try threeSegments()
        let deletion = index.files().first { $0.hasPrefix("seg-1.del-") }!
        try flipByte(deletion, at: -1)
        let outcome = try IndexRepair.run(directory: index.path, lockWait: 0)
        #expect(outcome.dropped == [IndexRepair.Dropped(segment: 1, file: deletion, detail: "checksum mismatch", lostStories: 1)])
        let reader = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(reader.addresses(ofPath: "b.txt").count == 1)
        #expect(reader.addresses(ofPath: "a.txt").isEmpty)
    }

    @Test func aRepairedIndexTakesTheLostStoriesBackWhenItsFilesAreAddedAgain() throws {
        try threeSegments()
        try FileManager.default.removeItem(atPath: index.path + "/seg-2.seg")
        _ = try IndexRepair.run(directory: index.path, lockWait: 0)
        try add(["a.txt", "b.txt", "c.txt"])
        let reader = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(reader.documentCount == 3)
        #expect(try check().isSound)
    }

    @Test func repairingASoundIndexPublishesNothing() throws {
        try threeSegments()
        let files = index.files()
        let outcome = try IndexRepair.run(directory: index.path, lockWait: 0)
        #expect(outcome.published == nil && outcome.dropped.isEmpty)
        #expect(index.files() == files)
    }

    @Test func repairWaitsForTheWriterLock() throws {
        try threeSegments()
        let writer = try IndexWriter(directory: index.path, analyzer: .standard)
        #expect(throws: IndexRepair.Failure.self) { try IndexRepair.run(directory: index.path, lockWait: 0) }
        withExtendedLifetime(writer) {}
    }
}
