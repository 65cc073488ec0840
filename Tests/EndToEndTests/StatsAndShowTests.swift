import Foundation
import Testing

/// `newsidx stats` and `newsidx show`, including that the index alone serves stories.
@Suite struct StatsAndShowTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// A sentence of the seed story's text, as stored (one paragraph, whitespace normalised).
    static let seedSentence = "Lavrov also said Russia will never forget the \"heroic deeds performed\" by North Korean soldiers in the Kursk region"

    // MARK: stats

    private func statsJSON(_ index: String) throws -> [String: Any] {
        let r = try newsidx(["stats", "--index", index, "--json"])
        try requireExit(r, 0)
        #expect(r.stdoutLines.count == 1, "stats --json prints more than one line\n\(r)")
        return try #require(jsonObjects(r).first, "\(r)")
    }

    @Test func statsJsonIsOneObjectWithTheContractKeys() throws {
        let stats = try statsJSON(try indexShippedCorpus(in: tmp))
        for key in ["stories", "terms", "segments", "bytes", "roots"] {
            #expect(stats[key] != nil, "key \(key) missing: \(stats)")
        }
    }

    @Test func statsCountsTheShippedCorpus() throws {
        let stats = try statsJSON(try indexShippedCorpus(in: tmp))
        #expect(jsonInt(stats["stories"]) == Repo.shippedStoryCount, "\(stats)")
        #expect((jsonInt(stats["terms"]) ?? 0) > 0, "\(stats)")
        #expect((jsonInt(stats["segments"]) ?? 0) >= 1, "\(stats)")
        #expect((jsonInt(stats["bytes"]) ?? 0) > 0, "\(stats)")
    }

    @Test func statsListsTheAbsoluteCorpusRoot() throws {
        let stats = try statsJSON(try indexShippedCorpus(in: tmp))
        let roots = try #require(stats["roots"] as? [Any], "\(stats)")
        #expect(roots.compactMap { $0 as? String }.contains(Repo.corpus), "roots \(roots), expected \(Repo.corpus)")
    }

    // MARK: show

    /// The seed story's search hit (JSON) on an index of the shipped corpus.
    private func seedHit(_ index: String) throws -> [String: Any] {
        let r = try newsidx(["search", "--index", index, "--json", "Lavrov Kursk"])
        try requireExit(r, 0)
        return try #require(jsonObjects(r).first, "\(r)")
    }

    private func expectSeedStory(_ r: RunResult, title: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        expectExit(r, 0, sourceLocation: sourceLocation)
        if let title {
            #expect(r.stdout.contains(title), "title '\(title)' missing\n\(r)", sourceLocation: sourceLocation)
        }
        // The seed file's own text holds "date 2025-10-27" in its lead paragraph and ends
        // "(Yonhap)", so finding them anywhere would not prove the stored date and source are
        // printed: the date must be on a line apart from the lead paragraph (and not only in
        // the file name, which starts with the date), and the source must come before the text.
        #expect(printsSeedDate(r.stdout), "stored date 2025-10-27 not printed apart from the text\n\(r)", sourceLocation: sourceLocation)
        let sentence = r.stdout.range(of: Self.seedSentence)
        #expect(sentence != nil, "text missing\n\(r)", sourceLocation: sourceLocation)
        if let sentence {
            #expect(r.stdout[..<sentence.lowerBound].contains("Yonhap"),
                    "stored source Yonhap not printed before the text\n\(r)", sourceLocation: sourceLocation)
        }
        #expect(!r.stdout.contains("\u{1B}"), "ANSI escapes in piped output\n\(r)", sourceLocation: sourceLocation)
    }

    @Test func showByIdPrintsTheStoredStory() throws {
        let index = try indexShippedCorpus(in: tmp)
        let hit = try seedHit(index)
        let id = try #require(idArgument(hit["id"]))
        expectSeedStory(try newsidx(["show", "--index", index, id]), title: hit["title"] as? String)
    }

    @Test func showByAbsolutePathPrintsTheStoredStory() throws {
        let index = try indexShippedCorpus(in: tmp)
        let hit = try seedHit(index)
        expectSeedStory(try newsidx(["show", "--index", index, Repo.seedStory]), title: hit["title"] as? String)
    }

    @Test func showByPathRelativeToTheWorkingDirectoryPrintsTheStoredStory() throws {
        let index = try indexShippedCorpus(in: tmp)
        let hit = try seedHit(index)
        let r = try newsidx(["show", "--index", index, "Corpus/" + Repo.seedName], cwd: Repo.root)
        expectSeedStory(r, title: hit["title"] as? String)
    }

    @Test func showOfAnUnknownIdFailsWithAMessage() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["show", "--index", index, "987654321"])
        #expect(r.exitedNormally, "\(r)")
        #expect(r.status != 0, "\(r)")
        #expect(!r.stderr.isEmpty, "\(r)")
    }

    // MARK: Never reading the original files

    /// Copies the shipped corpus, indexes the copy, deletes the copy; returns the index path.
    private func indexDeletedCopy() throws -> String {
        try FileManager.default.copyItem(atPath: Repo.corpus, toPath: tmp("copy"))
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("copy")]), 0)
        try FileManager.default.removeItem(atPath: tmp("copy"))
        return tmp("idx")
    }

    @Test func showByIdWorksAfterTheOriginalsAreDeleted() throws {
        let index = try indexDeletedCopy()
        let hit = try seedHit(index)
        let id = try #require(idArgument(hit["id"]))
        expectSeedStory(try newsidx(["show", "--index", index, id]), title: hit["title"] as? String)
    }

    @Test func showByPathWorksAfterTheOriginalsAreDeleted() throws {
        let index = try indexDeletedCopy()
        let hit = try seedHit(index)
        expectSeedStory(try newsidx(["show", "--index", index, tmp("copy/" + Repo.seedName)]), title: hit["title"] as? String)
    }

    @Test func searchSnippetIsRightAfterTheOriginalsAreDeleted() throws {
        let index = try indexDeletedCopy()
        let r = try newsidx(["search", "--index", index, "--json", "Lavrov Kursk"])
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.count == 1, "\(r)")
        let hit = try #require(hits.first)
        #expect(hit["path"] as? String == Repo.seedName)
        let snippet = try #require(hit["snippet"] as? String)
        #expect(snippet.contains("Lavrov") && snippet.contains("Kursk"), "\(snippet)")
        #expect(Set(highlightedTexts(hit).map { $0.lowercased() }) == ["lavrov", "kursk"], "\(r)")
    }
}
