import Foundation
import Testing

/// `newsidx search` folding copies of a story into one hit, and `newsidx dups`, on the
/// shipped corpus with a republished copy of its seed story added.
@Suite struct DuplicatesCommandTests {
    let dir: TempDir
    let index: String
    /// The seed story republished a day later under another headline, its last paragraph dropped.
    let copyPath: String

    init() throws {
        dir = try TempDir()
        let seed = try String(contentsOfFile: Repo.seedStory, encoding: .utf8)
        var paragraphs = seed.components(separatedBy: "\n\n")
        paragraphs.removeLast()
        paragraphs[0] = paragraphs[0].replacingOccurrences(of: "date 2025-10-27 ", with: "")
        copyPath = try dir.write("republished/choe.txt",
                                 "date 2025-10-28\nChoe hails Kim-Putin summit in talks with Lavrov\n\n"
                                 + paragraphs.joined(separator: "\n\n") + "\n")
        index = dir("idx")
        try requireExit(try newsidx(["add", "--index", index, Repo.corpus, dir("republished")]), 0)
    }

    @Test func searchShowsACopyAsOneHitWithPlusOneSimilar() throws {
        let r = try newsidx(["search", "--index", index, "Lavrov Choe"])
        expectExit(r, 0)
        #expect(r.stdout.contains("+1 similar"))
        #expect(r.stdout.hasPrefix("2 stories match, showing 1–1 (1 similar folded in)"), "\(r)")
        #expect(r.stdout.components(separatedBy: Repo.seedName).count == 2, "the seed is listed once, under the copy")
        #expect(!r.stdout.contains("2. "))
    }

    @Test func noCollapseShowsEveryCopyAsAHit() throws {
        let r = try newsidx(["search", "--index", index, "--no-collapse", "Lavrov Choe"])
        expectExit(r, 0)
        #expect(!r.stdout.contains("similar"))
        #expect(r.stdout.contains("1. ") && r.stdout.contains("2. "))
    }

    @Test func jsonHitsCarryTheirClusterAndTheOtherMembers() throws {
        let hits = jsonObjects(try newsidx(["search", "--index", index, "--json", "Lavrov Choe"]))
        try #require(hits.count == 1)
        let similar = try #require(hits[0]["similar"] as? [[String: Any]])
        #expect(similar.count == 1)
        #expect(similar[0]["path"] as? String == Repo.seedName)
        #expect(similar[0]["date"] as? String == "2025-10-27")
        #expect(Set(similar[0].keys) == ["id", "root", "path", "title", "date"])
        // The cluster is named by its representative, the earliest story: the seed.
        #expect(jsonInt(hits[0]["cluster"]) == jsonInt(similar[0]["id"]))
    }

    @Test func jsonHitsWithoutCollapsingCarryTheClusterAndNoMembers() throws {
        let hits = jsonObjects(try newsidx(["search", "--index", index, "--json", "--no-collapse", "Lavrov Choe"]))
        try #require(hits.count == 2)
        #expect(jsonInt(hits[0]["cluster"]) == jsonInt(hits[1]["cluster"]))
        #expect((hits[0]["similar"] as? [Any])?.isEmpty == true)
    }

    @Test func aStoryWithoutCopiesIsTheClusterOfItself() throws {
        let hits = jsonObjects(try newsidx(["search", "--index", index, "--json", "--limit", "3", "Pyongyang"]))
        for hit in hits where (hit["similar"] as? [Any])?.isEmpty == true {
            #expect(jsonInt(hit["cluster"]) == jsonInt(hit["id"]))
        }
    }

    @Test func dupsListsTheClusterRepresentativeFirstWithSimilarities() throws {
        let r = try newsidx(["dups", "--index", index, "--json"])
        expectExit(r, 0)
        let clusters = jsonObjects(r)
        try #require(clusters.count == 1)
        let members = try #require(clusters[0]["members"] as? [[String: Any]])
        #expect(members.map { $0["path"] as? String } == [Repo.seedName, "choe.txt"])
        #expect(jsonInt(clusters[0]["cluster"]) == jsonInt(members[0]["id"]))
        #expect(Set(members[0].keys) == ["id", "root", "path", "title", "date", "similarity"])
        #expect((members[1]["similarity"] as? Double ?? 0) >= 0.7)
        let text = try newsidx(["dups", "--index", index])
        #expect(text.stdout.contains("2 stories"))
    }

    @Test func dupsAboveTheCopysSimilarityListsNothing() throws {
        let r = try newsidx(["dups", "--index", index, "--json", "--min-similarity", "1"])
        expectExit(r, 0)
        #expect(r.stdout.isEmpty)
        expectExit(try newsidx(["dups", "--index", index, "--min-similarity", "2"]), 2)
    }

    @Test func removingTheRepresentativeLeavesTheCopyAlone() throws {
        try requireExit(try newsidx(["rm", "--index", index, "--quiet", Repo.seedStory]), 0)
        let r = try newsidx(["search", "--index", index, "Lavrov Choe"])
        #expect(!r.stdout.contains("similar"))
        #expect(try newsidx(["dups", "--index", index]).stdout == "no duplicate stories\n")
    }
}
