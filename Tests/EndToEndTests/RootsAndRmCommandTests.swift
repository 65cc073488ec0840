import Foundation
import Testing

/// `newsidx roots`, `newsidx roots rm DIR` and `newsidx rm ID|PATH...`.
@Suite struct RootsAndRmCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    func indexedCorpus() throws -> String {
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        return corpus
    }

    func paths(_ word: String) throws -> Set<String> {
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", "--any", word])
        return Set(jsonObjects(r).compactMap { $0["path"] as? String })
    }

    func everyPath() throws -> Set<String> { try paths("Rotterdam orchard Zermatt lighthouse") }

    // MARK: roots

    @Test func rootsListsEachRootWithItsStoryCount() throws {
        let corpus = try indexedCorpus()
        try tmp.write("more/delta.txt", wireStory("Lighthouse keeper retires", "The last lighthouse keeper retired."))
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("more")]), 0)
        let r = try newsidx(["roots", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdoutLines == ["\(corpus)  3 stories", "\(tmp("more"))  1 story"], "\(r)")
    }

    @Test func rootsMarksARootNotFoundOnDisk() throws {
        let corpus = try indexedCorpus()
        try FileManager.default.removeItem(atPath: corpus)
        let r = try newsidx(["roots", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdoutLines == ["\(corpus)  3 stories  (not found on disk)"], "\(r)")
    }

    @Test func rootsRmForgetsTheRootAndDeletesItsStories() throws {
        let corpus = try indexedCorpus()
        try FileManager.default.removeItem(atPath: corpus)
        let r = try newsidx(["roots", "rm", "--index", tmp("idx"), corpus])
        expectExit(r, 0)
        #expect(r.stdout == "forgot \(corpus): removed 3 stories\n", "\(r)")
        #expect(try newsidx(["roots", "--index", tmp("idx")]).stdout.isEmpty)
        #expect(try everyPath().isEmpty)
        let again = try newsidx(["reindex", "--index", tmp("idx")])
        expectExit(again, 0)
        #expect(again.stderr.isEmpty, "\(again)")
    }

    @Test func rootsRmOfAFolderThatIsNotARootExits2() throws {
        let corpus = try indexedCorpus()
        let r = try newsidx(["roots", "rm", "--index", tmp("idx"), corpus + "/sub"])
        expectExit(r, 2)
        #expect(r.stderr.contains("is not a corpus root"), "\(r)")
        #expect(try everyPath().count == 3)
    }

    // MARK: rm

    @Test func rmDeletesAStoryByID() throws {
        _ = try indexedCorpus()
        let hit = try #require(jsonObjects(try newsidx(["search", "--index", tmp("idx"), "--json", "Rotterdam"])).first)
        let r = try newsidx(["rm", "--index", tmp("idx"), try #require(idArgument(hit["id"]))])
        expectExit(r, 0)
        #expect(r.stdout == "removed 1 story\n", "\(r)")
        #expect(try everyPath() == ["beta.txt", "sub/gamma.txt"])
    }

    @Test func rmDeletesAStoryByPathEvenWhenTheFileIsGone() throws {
        let corpus = try indexedCorpus()
        try FileManager.default.removeItem(atPath: corpus + "/beta.txt")
        expectExit(try newsidx(["rm", "--index", tmp("idx"), corpus + "/beta.txt"]), 0)
        expectExit(try newsidx(["rm", "--index", tmp("idx"), "alpha.txt"], cwd: corpus), 0)
        #expect(try everyPath() == ["sub/gamma.txt"])
    }

    @Test func rmOfAFolderDeletesEveryStoryBelowIt() throws {
        let corpus = try indexedCorpus()
        let r = try newsidx(["rm", "--index", tmp("idx"), corpus + "/sub"])
        expectExit(r, 0)
        #expect(r.stdout == "removed 1 story\n", "\(r)")
        #expect(try everyPath() == ["alpha.txt", "beta.txt"])
    }

    @Test func rmOfSomethingUnknownExits2AndDeletesNothing() throws {
        let corpus = try indexedCorpus()
        let r = try newsidx(["rm", "--index", tmp("idx"), corpus + "/alpha.txt", "no-such.txt", "999"])
        expectExit(r, 2)
        #expect(r.stderr.contains("'no-such.txt'") && r.stderr.contains("'999'") && r.stderr.contains("nothing was deleted"), "\(r)")
        #expect(try everyPath().count == 3)
    }

    @Test func rmQuietPrintsNothing() throws {
        let corpus = try indexedCorpus()
        let r = try newsidx(["rm", "--quiet", "--index", tmp("idx"), corpus + "/alpha.txt"])
        expectExit(r, 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty, "\(r)")
    }

    @Test func aRemovedFileStillInItsRootComesBackAtTheNextReindex() throws {
        let corpus = try indexedCorpus()
        try requireExit(try newsidx(["rm", "--index", tmp("idx"), corpus + "/alpha.txt"]), 0)
        try requireExit(try newsidx(["reindex", "--index", tmp("idx")]), 0)
        #expect(try everyPath().count == 3)
    }

    @Test func rmWithoutAnIndexExits2() throws {
        expectExit(try newsidx(["rm", "--index", tmp("idx"), "1"]), 2)
        #expect(!tmp.exists("idx"))
    }
}
