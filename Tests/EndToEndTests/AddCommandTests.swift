import Foundation
import Testing

/// `newsidx add`, and how every subcommand chooses its index folder.
@Suite struct AddCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    // MARK: Choosing the index folder

    @Test func indexFlagChoosesTheIndexFolder() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try tmp.mkdir("work")
        expectExit(try newsidx(["add", "--index", tmp("chosen"), corpus], cwd: tmp("work")), 0)
        #expect(tmp.exists("chosen/CURRENT"))
        #expect(!tmp.exists("work/Index"))
        expectExit(try newsidx(["search", "--index", tmp("chosen"), "Rotterdam"], cwd: tmp("work")), 0)
    }

    @Test func envVarChoosesTheIndexFolderWithoutTheFlag() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try tmp.mkdir("work")
        let env = ["NEWSIDX_INDEX": tmp("from-env")]
        expectExit(try newsidx(["add", corpus], cwd: tmp("work"), environment: env), 0)
        #expect(tmp.exists("from-env/CURRENT"))
        #expect(!tmp.exists("work/Index"))
        expectExit(try newsidx(["search", "Rotterdam"], cwd: tmp("work"), environment: env), 0)
    }

    @Test func indexFlagWinsOverEnvVar() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try tmp.mkdir("work")
        let env = ["NEWSIDX_INDEX": tmp("from-env")]
        expectExit(try newsidx(["add", "--index", tmp("from-flag"), corpus], cwd: tmp("work"), environment: env), 0)
        #expect(tmp.exists("from-flag/CURRENT"))
        #expect(!tmp.exists("from-env"))
        #expect(!tmp.exists("work/Index"))
    }

    @Test func defaultIndexIsIndexInTheWorkingDirectory() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try tmp.mkdir("work")
        expectExit(try newsidx(["add", corpus], cwd: tmp("work")), 0)
        #expect(tmp.exists("work/Index/CURRENT"))
        expectExit(try newsidx(["search", "Rotterdam"], cwd: tmp("work")), 0)
    }

    // MARK: What gets indexed

    @Test func firstAddSaysHowManyStoriesItAdded() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        let r = try newsidx(["add", "--index", tmp("idx"), corpus])
        expectExit(r, 0)
        #expect(r.stdout.contains("added 3"), "\(r)")
    }

    @Test func foldersAreWalkedRecursively() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try tmp.write("corpus/sub/deeper/still/delta.txt", wireStory(
            "Lighthouse keeper retires", "The last lighthouse keeper on the island retired after forty years."))
        expectExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", "lighthouse"])
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.count == 1)
        #expect(hits.first?["path"] as? String == "sub/deeper/still/delta.txt")
        expectExit(try newsidx(["search", "--index", tmp("idx"), "Zermatt"]), 0)
    }

    @Test func htmlAndHtmPagesAreIndexedBesideWireText() throws {
        try tmp.write("corpus/wire.txt", wireStory("Ferry timetable changes", "The island ferry timetable changes in May."))
        try tmp.write("corpus/page.html", """
            <!DOCTYPE html><html><head><title>Walrus colony grows</title></head>
            <body><article><h1>Walrus colony grows</h1><p>Researchers counted more walruses on the northern beach this summer.</p></article></body></html>
            """)
        try tmp.write("corpus/old.htm", """
            <html><head><title>Kite festival returns</title></head>
            <body><p>The kite festival returns to the dunes after a two-year pause.</p></body></html>
            """)
        let r = try newsidx(["add", "--index", tmp("idx"), tmp("corpus")])
        expectExit(r, 0)
        #expect(r.stdout.contains("added 3"), "\(r)")
        for word in ["ferry", "walruses", "kite"] {
            expectExit(try newsidx(["search", "--index", tmp("idx"), word]), 0)
        }
    }

    @Test func readdingTheSameTreeChangesNothingAndSaysSo() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        let before = indexSnapshot(tmp("idx"))
        #expect(before["CURRENT"] != nil)
        let r = try newsidx(["add", "--index", tmp("idx"), corpus])
        expectExit(r, 0)
        #expect(r.stdout.contains("nothing changed"), "\(r)")
        let after = indexSnapshot(tmp("idx"))
        #expect(after["CURRENT"] == before["CURRENT"], "CURRENT changed")
        #expect(after.keys.sorted() == before.keys.sorted(), "index files changed")
        #expect(after == before, "index file contents changed")
    }

    @Test func twoRootsBothHoldingATxtAreIndexedSeparately() throws {
        let rootA = try tmp.write("rootA/a.txt", wireStory("Kestrel nests on the tower", "A kestrel pair nests on the clock tower, wardens said."))
        let rootB = try tmp.write("rootB/a.txt", wireStory("Heron returns to the pond", "A grey heron returns to the park pond, wardens said."))
        _ = (rootA, rootB)
        expectExit(try newsidx(["add", "--index", tmp("idx"), tmp("rootA"), tmp("rootB")]), 0)
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", "wardens"])
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.count == 2, "\(r)")
        #expect(Set(hits.compactMap { $0["root"] as? String }) == [tmp("rootA"), tmp("rootB")], "\(r)")
        #expect(hits.allSatisfy { $0["path"] as? String == "a.txt" }, "\(r)")
        #expect(Set(hits.compactMap { idArgument($0["id"]) }).count == 2, "the two stories share an id\n\(r)")
    }

    @Test func quietPrintsNothingOnStdoutOnSuccess() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        let r = try newsidx(["add", "--quiet", "--index", tmp("idx"), corpus])
        expectExit(r, 0)
        #expect(r.stdout.isEmpty, "\(r)")
        expectExit(try newsidx(["search", "--index", tmp("idx"), "Rotterdam"]), 0)
    }

    @Test func symlinkLoopIsReportedButNotFatal() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try FileManager.default.createSymbolicLink(atPath: tmp("corpus/sub/backlink"), withDestinationPath: corpus)
        let r = try newsidx(["add", "--index", tmp("idx"), corpus])
        expectExit(r, 0)
        #expect(r.stderr.contains("backlink"), "the loop is not reported on stderr\n\(r)")
        for word in ["Rotterdam", "orchard", "Zermatt"] {
            expectExit(try newsidx(["search", "--index", tmp("idx"), word]), 0)
        }
    }

    // MARK: Changed files

    /// Indexes the small corpus, returns the id of `alpha.txt`, rewrites it (Rotterdam → Antwerp) and adds again.
    private func indexThenRewriteAlpha() throws -> String {
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        let before = try newsidx(["search", "--index", tmp("idx"), "--json", "Rotterdam"])
        try requireExit(before, 0)
        let id = try #require(idArgument(jsonObjects(before).first?["id"]), "\(before)")
        try tmp.write("corpus/alpha.txt", wireStory(
            "Harbour cranes busy again in Antwerp",
            "Dock workers in Antwerp returned on Wednesday and the cranes were loading ships by noon."))
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        return id
    }

    @Test func changedFileIsFoundByItsNewWordsNotItsOld() throws {
        _ = try indexThenRewriteAlpha()
        expectExit(try newsidx(["search", "--index", tmp("idx"), "Antwerp"]), 0)
        expectExit(try newsidx(["search", "--index", tmp("idx"), "Rotterdam"]), 1)
    }

    @Test func changedFileDoesNotChangeTheStoryCount() throws {
        _ = try indexThenRewriteAlpha()
        let r = try newsidx(["stats", "--index", tmp("idx"), "--json"])
        expectExit(r, 0)
        #expect(jsonInt(jsonObjects(r).first?["stories"]) == 3, "\(r)")
    }

    @Test func changedFileKeepsItsStoryId() throws {
        let id = try indexThenRewriteAlpha()
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", "Antwerp"])
        expectExit(r, 0)
        #expect(idArgument(jsonObjects(r).first?["id"]) == id, "\(r)")
        let shown = try newsidx(["show", "--index", tmp("idx"), id])
        expectExit(shown, 0)
        #expect(shown.stdout.contains("Dock workers in Antwerp returned on Wednesday"), "\(shown)")
        #expect(!shown.stdout.contains("Rotterdam"), "\(shown)")
    }

    @Test func showPathPrintsTheChangedText() throws {
        let id = try indexThenRewriteAlpha()
        let shown = try newsidx(["show", "--index", tmp("idx"), tmp("corpus/alpha.txt")])
        expectExit(shown, 0)
        #expect(shown.stdout.contains("Dock workers in Antwerp returned on Wednesday"), "\(shown)")
        #expect(!shown.stdout.contains("Rotterdam"), "\(shown)")
        let idWord = try Regex("\\b" + NSRegularExpression.escapedPattern(for: id) + "\\b")
        #expect(shown.stdout.contains(idWord), "show does not print the story id \(id)\n\(shown)")
    }

    // MARK: Failures of add itself

    @Test func addWithoutPathsIsAUsageErrorAndCreatesNoIndex() throws {
        let r = try newsidx(["add", "--index", tmp("idx")])
        expectExit(r, 2)
        #expect(!r.stderr.isEmpty)
        #expect(!tmp.exists("idx"))
    }

    @Test func indexPathThatIsARegularFileExits3() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        let blocker = try tmp.write("not-a-folder", "I am a regular file.\n")
        let r = try newsidx(["add", "--index", blocker, corpus])
        expectExit(r, 3)
        #expect(!r.stderr.isEmpty, "no error message\n\(r)")
        #expect(FileManager.default.contents(atPath: blocker) == Data("I am a regular file.\n".utf8))
    }
}
