import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `newsidx reindex`: what cron runs to keep an index in line with its corpus roots.
@Suite struct ReindexCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// The small corpus added to `idx`; returns the corpus folder.
    func indexedCorpus() throws -> String {
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        return corpus
    }

    func stories() throws -> Int? {
        let r = try newsidx(["stats", "--index", tmp("idx"), "--json"])
        try requireExit(r, 0)
        return jsonInt(jsonObjects(r).first?["stories"])
    }

    /// Story ids by path below the root, from a search for `word`.
    func ids(_ word: String) throws -> [String: String] {
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", word])
        var found: [String: String] = [:]
        for hit in jsonObjects(r) {
            if let path = hit["path"] as? String, let id = idArgument(hit["id"]) { found[path] = id }
        }
        return found
    }

    // MARK: What it does

    @Test func newChangedRemovedAndMovedFilesAreSummedUpOnOneLine() throws {
        let corpus = try indexedCorpus()
        let before = try ids("Rotterdam")
        try tmp.write("corpus/delta.txt", wireStory("Lighthouse keeper retires", "The last lighthouse keeper retired on Friday."))
        try tmp.write("corpus/beta.txt", wireStory("Frost hits orchard growers", "A late frost damaged apple orchards across the valley and beyond."))
        try FileManager.default.removeItem(atPath: corpus + "/sub/gamma.txt")
        try FileManager.default.moveItem(atPath: corpus + "/alpha.txt", toPath: corpus + "/sub/alpha.txt")
        let r = try newsidx(["reindex", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdoutLines.count == 1, "\(r)")
        #expect(r.stdout.hasPrefix("1 root: added 1, updated 1, moved 1, unchanged 0, removed 1"), "\(r)")
        #expect(r.stderr.isEmpty, "\(r)")
        #expect(try ids("Rotterdam") == ["sub/alpha.txt": try #require(before["alpha.txt"])])
        #expect(try ids("lighthouse").count == 1 && ids("Zermatt").isEmpty)
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        _ = try indexedCorpus()
        try tmp.write("corpus/delta.txt", wireStory("Lighthouse keeper retires", "The last lighthouse keeper retired."))
        let r = try newsidx(["reindex", "--quiet", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty, "\(r)")
        #expect(try stories() == 4)
    }

    // MARK: Nothing changed

    @Test func nothingChangedLeavesEveryIndexFileByteIdentical() throws {
        _ = try indexedCorpus()
        let before = indexSnapshot(tmp("idx"))
        let r = try newsidx(["reindex", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdout == "1 root: nothing changed: 3 stories already indexed\n", "\(r)")
        #expect(indexSnapshot(tmp("idx")) == before)
        #expect(indexFiles(tmp("idx"), prefix: "manifest-") == ["manifest-1"])
    }

    @Test func aFileWhoseSizeAndTimeAreUnchangedIsNotOpened() throws {
        // Run as nobody with a file nobody may read: reindex must not need to open it.
        let corpus = try writeSmallCorpus(in: tmp)
        let index = try tmp.mkdir("idx")
        try requireExit(try newsidx(["add", "--index", index, corpus]), 0)
        for path in [tmp.path, corpus] { chmod(path, 0o755) }
        chmod(index, 0o777)
        chmod(index + "/LOCK", 0o666)
        chmod(corpus + "/alpha.txt", 0o000)
        let r = try newsidx(["reindex", "--index", index], unprivileged: true)
        expectExit(r, 0)
        #expect(r.stderr.isEmpty, "\(r)")
        #expect(r.stdout.contains("nothing changed"), "\(r)")
        // Its time changed, the same file must be read, and cannot be.
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, corpus + "/alpha.txt", &times, 0)
        let touched = try newsidx(["reindex", "--index", index], unprivileged: true)
        expectExit(touched, 0)
        #expect(touched.stderr.contains("alpha.txt") && touched.stderr.contains("permission denied"), "\(touched)")
        #expect(try stories() == 3)
    }

    // MARK: Roots that cannot be scanned

    @Test func aMissingRootIsReportedAndItsStoriesKept() throws {
        let corpus = try indexedCorpus()
        try FileManager.default.moveItem(atPath: corpus, toPath: tmp("unmounted"))
        let r = try newsidx(["reindex", "--quiet", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(r.stderr.contains(corpus) && r.stderr.contains("kept") && r.stderr.contains("roots rm"), "\(r)")
        #expect(try stories() == 3)
    }

    @Test func anEmptiedRootIsTakenForAnUnmountedDisk() throws {
        let corpus = try indexedCorpus()
        try FileManager.default.removeItem(atPath: corpus)
        try tmp.mkdir("corpus")
        let r = try newsidx(["reindex", "--index", tmp("idx")])
        expectExit(r, 0)
        #expect(r.stderr.contains("no files in it"), "\(r)")
        #expect(try stories() == 3)
    }

    @Test func storiesBelowAFolderThatCannotBeEnteredAreKept() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        let index = try tmp.mkdir("idx")
        try requireExit(try newsidx(["add", "--index", index, corpus]), 0)
        for path in [tmp.path, corpus] { chmod(path, 0o755) }
        chmod(index, 0o777)
        chmod(index + "/LOCK", 0o666)
        chmod(corpus + "/sub", 0o000)
        let r = try newsidx(["reindex", "--index", index], unprivileged: true)
        chmod(corpus + "/sub", 0o755)
        expectExit(r, 0)
        #expect(r.stderr.contains("sub") && r.stderr.contains("permission denied"), "\(r)")
        #expect(try stories() == 3)
    }

    // MARK: Exit statuses

    @Test func withoutAnIndexItExits2AndCreatesNone() throws {
        let r = try newsidx(["reindex", "--index", tmp("idx")])
        expectExit(r, 2)
        #expect(r.stderr.contains("no index"), "\(r)")
        #expect(!tmp.exists("idx"))
    }

    @Test func aBadOptionExits2() throws {
        _ = try indexedCorpus()
        expectExit(try newsidx(["reindex", "--index", tmp("idx"), "--wait", "-1"]), 2)
        expectExit(try newsidx(["reindex", "--index", tmp("idx"), "extra-argument"]), 2)
    }

    @Test func addAndReindexExit75WhileAnotherWriterHoldsTheLock() throws {
        let corpus = try indexedCorpus()
        // This test process holds the lock as another writer would.
        let fd = open(tmp("idx/LOCK"), O_RDWR)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        defer { close(fd) }
        let reindex = try newsidx(["reindex", "--index", tmp("idx"), "--wait", "0.2"])
        expectExit(reindex, 75)
        #expect(reindex.stderr.contains("another newsidx is writing"), "\(reindex)")
        expectExit(try newsidx(["add", "--index", tmp("idx"), "--wait", "0.2", corpus]), 75)
    }
}
