import Foundation
import Testing

/// `newsidx compact`: one segment afterwards, the same answers, and clear errors.
@Suite struct CompactCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    private func segmentCount(_ index: String) throws -> Int? {
        let r = try newsidx(["stats", "--index", index, "--json"])
        try requireExit(r, 0)
        return jsonInt(jsonObjects(r).first?["segments"])
    }

    /// An index of the small corpus added in three runs, one segment each.
    private func indexInThreeSegments() throws -> String {
        let index = tmp("idx")
        let corpus = try writeSmallCorpus(in: tmp)
        for path in ["alpha.txt", "beta.txt", "sub/gamma.txt"] {
            try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus + "/" + path]), 0)
        }
        return index
    }

    @Test func compactingLeavesOneSegmentThatAnswersAsBefore() throws {
        let index = try indexInThreeSegments()
        #expect(try segmentCount(index) == 3)
        let before = try newsidx(["search", "--index", index, "--any", "--format", "trec", "Rotterdam orchard Zermatt"])
        try requireExit(before, 0)

        let r = try newsidx(["compact", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.hasPrefix("compacted 3 segments into 1: 3 stories"), "\(r)")
        #expect(try segmentCount(index) == 1)
        let after = try newsidx(["search", "--index", index, "--any", "--format", "trec", "Rotterdam orchard Zermatt"])
        try requireExit(after, 0)
        #expect(Set(after.stdoutLines.map { $0.split(separator: " ")[2] }) == Set(before.stdoutLines.map { $0.split(separator: " ")[2] }))
        #expect(after.stdoutLines.count == 3)
    }

    @Test func compactingACompactIndexSaysSoAndChangesNothing() throws {
        let index = try indexInThreeSegments()
        try requireExit(try newsidx(["compact", "--index", index]), 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: index).sorted()
        let r = try newsidx(["compact", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.hasPrefix("already compact: 1 segment, 3 stories"), "\(r)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: index).sorted() == files)
    }

    @Test func compactingWhereThereIsNoIndexIsAUsageError() throws {
        let r = try newsidx(["compact", "--index", tmp("none")])
        try requireExit(r, 2)
        #expect(r.stderr.contains("no index at"), "\(r)")
        #expect(!tmp.exists("none"), "compact must not create an index")
    }
}
