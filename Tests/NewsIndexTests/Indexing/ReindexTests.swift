import Foundation
import Testing
@testable import NewsIndex

/// `IndexWriter.reindex`: the index follows its corpus roots as they change on disk.
@Suite struct ReindexTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func story(_ words: String) -> String { "date 2025-10-27 \(words).\n\nA second paragraph.\n" }

    func add(_ paths: [String]) throws {
        let writer = try IndexWriter(directory: index.path, analyzer: .standard)
        _ = try writer.add(try IngestInput.resolve(paths)) { _ in }
        try writer.commit()
    }

    /// Runs a reindex and commits it: its summary, its events, and whether it published.
    @discardableResult
    func reindex() throws -> (summary: AddSummary, events: [AddEvent], published: Bool) {
        let writer = try IndexWriter(directory: index.path, analyzer: .standard)
        var events: [AddEvent] = []
        let summary = try writer.reindex { event in
            if case .progress = event { return }
            events.append(event)
        }
        return (summary, events, try writer.commit())
    }

    func reader() throws -> IndexReader { try IndexReader(directory: index.path, analyzer: .standard) }

    /// The id and root-relative path of every live story.
    func stories() throws -> [String: UInt64] {
        let r = try reader()
        var found: [String: UInt64] = [:]
        try r.forEachLiveDocument { _, record in found[record.path + (record.item.map { "#" + $0 } ?? "")] = record.storyID }
        return found
    }

    func hits(_ word: String) throws -> Int {
        try Searcher(reader: reader()).search(Query(terms: [word], mode: .all), limit: 100).hits.count
    }

    /// The file's modification time, and a way to put it back after rewriting the file.
    func mtime(_ path: String) -> timespec {
        var st = stat()
        stat(path, &st)
        return st.st_mtim
    }

    func setMtime(_ path: String, _ time: timespec) {
        var times = [time, time]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    func contents(_ directory: TemporaryDirectory) -> [String: Data] {
        var all: [String: Data] = [:]
        for name in directory.files() where name != "LOCK" {
            all[name] = FileManager.default.contents(atPath: directory.path + "/" + name)
        }
        return all
    }

    // MARK: Files that appear, change and go

    @Test func aNewFileUnderARootIsAdded() throws {
        corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        corpus.write("sub/b.txt", story("beta"))
        let (summary, _, _) = try reindex()
        #expect(summary.added == 1 && summary.unchanged == 1)
        #expect(try hits("beta") == 1)
    }

    @Test func aChangedFileReplacesItsStoryAndKeepsItsID() throws {
        corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        let id = try stories()["a.txt"]
        corpus.write("a.txt", story("omega, rewritten at greater length"))
        let (summary, _, _) = try reindex()
        #expect(summary.updated == 1 && summary.added == 0)
        #expect(try stories() == ["a.txt": try #require(id)])
        #expect(try hits("omega") == 1 && hits("alpha") == 0)
    }

    @Test func aRemovedFilesStoryIsDeleted() throws {
        corpus.write("a.txt", story("alpha"))
        let gone = corpus.write("b.txt", story("beta"))
        try add([corpus.path])
        try FileManager.default.removeItem(atPath: gone)
        let (summary, _, _) = try reindex()
        #expect(summary.removed == 1)
        #expect(try Array(stories().keys) == ["a.txt"])
        #expect(try hits("beta") == 0)
    }

    @Test func aMovedFileKeepsItsStoryAndID() throws {
        let old = corpus.write("a.txt", story("alpha"))
        corpus.write("b.txt", story("beta"))
        try add([corpus.path])
        let id = try #require(try stories()["a.txt"])
        try FileManager.default.createDirectory(atPath: corpus.path + "/2025", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: old, toPath: corpus.path + "/2025/a.txt")
        let (summary, _, _) = try reindex()
        #expect(summary.moved == 1 && summary.added == 0 && summary.removed == 0)
        #expect(try stories()["2025/a.txt"] == id)
        #expect(try stories()["a.txt"] == nil)
        #expect(try hits("alpha") == 1)
    }

    @Test func aMovedFileTakesItsStoredStoryAsItWas() throws {
        let old = corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        let before = try reader().storedStory(at: try #require(try reader().addresses(ofPath: "a.txt").first))
        try FileManager.default.moveItem(atPath: old, toPath: corpus.path + "/b.txt")
        let (summary, _, _) = try reindex()
        #expect(summary.moved == 1)
        let after = try reader().storedStory(at: try #require(try reader().addresses(ofPath: "b.txt").first))
        #expect(after.id == before.id && after.contentHash == before.contentHash)
        #expect(after.story == before.story)
    }

    @Test func aFileMovedOverAnotherReplacesItsStory() throws {
        let old = corpus.write("a.txt", story("alpha"))
        corpus.write("b.txt", story("beta"))
        try add([corpus.path])
        let id = try stories()["a.txt"]
        try FileManager.default.removeItem(atPath: corpus.path + "/b.txt")
        try FileManager.default.moveItem(atPath: old, toPath: corpus.path + "/b.txt")
        let (summary, _, _) = try reindex()
        #expect(summary.moved == 1 && summary.removed == 1)
        #expect(try stories() == ["b.txt": try #require(id)])
        #expect(try hits("beta") == 0)
    }

    @Test func aSecondCopyOfAMovedFileIsANewStory() throws {
        let old = corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        let id = try #require(try stories()["a.txt"])
        try FileManager.default.copyItem(atPath: old, toPath: corpus.path + "/b.txt")
        try FileManager.default.moveItem(atPath: old, toPath: corpus.path + "/c.txt")
        let (summary, _, _) = try reindex()
        #expect(summary.moved == 1 && summary.added == 1)
        let found = try stories()
        #expect(found.count == 2 && found.values.contains(id) && Set(found.values).count == 2)
        #expect(try hits("alpha") == 2)
    }

    // MARK: Nothing changed

    @Test func nothingChangedRewritesNothing() throws {
        corpus.write("a.txt", story("alpha"))
        corpus.write("sub/b.txt", story("beta"))
        try add([corpus.path])
        let before = contents(index)
        let (summary, _, published) = try reindex()
        #expect(summary.unchanged == 2 && !summary.changedAnything)
        #expect(!published)
        #expect(contents(index) == before)
    }

    @Test func aFileWhoseSizeAndTimeAreUnchangedIsNotRead() throws {
        // Rewritten with other words of the same length and its time put back: only reading
        // it would tell, and the index still holding the old words shows it was not read.
        let path = corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        let time = mtime(path)
        corpus.write("a.txt", story("gamma"))
        setMtime(path, time)
        let (summary, _, published) = try reindex()
        #expect(summary.unchanged == 1 && !published)
        #expect(try hits("alpha") == 1 && hits("gamma") == 0)
    }

    @Test func aTouchedFileIsConfirmedByItsHashAndNotReadAgainNextTime() throws {
        let path = corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        let id = try stories()["a.txt"]
        var later = mtime(path)
        later.tv_sec += 10
        setMtime(path, later)
        let (summary, _, _) = try reindex()
        #expect(summary.unchanged == 1 && !summary.changedAnything)
        #expect(try stories()["a.txt"] == id)
        // The new time is recorded: a same-size rewrite with that time is not read.
        corpus.write("a.txt", story("gamma"))
        setMtime(path, later)
        let (second, _, published) = try reindex()
        #expect(second.unchanged == 1 && !published)
        #expect(try hits("alpha") == 1)
    }

    @Test func filesOfOtherTypesArePassedOverSilently() throws {
        corpus.write("a.txt", story("alpha"))
        corpus.write("notes.pdf", "%PDF-1.4")
        try add([corpus.path])
        let (summary, events, _) = try reindex()
        #expect(summary.skipped == 0 && events.isEmpty)
    }

    // MARK: Feeds

    func feed(_ items: [(guid: String, title: String)]) -> String {
        let body = items.map { "<item><guid>\($0.guid)</guid><title>\($0.title)</title><description>\($0.title) in full.</description></item>" }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\(body.joined())</channel></rss>"
    }

    @Test func aChangedFeedUpdatesItsItemsAndKeepsTheUnchangedOnes() throws {
        corpus.write("wire.rss", feed([("1", "Harbour strike"), ("2", "Orchard frost")]))
        try add([corpus.path])
        let ids = try stories()
        corpus.write("wire.rss", feed([("1", "Harbour strike"), ("3", "Glacier museum opens")]))
        let (summary, _, _) = try reindex()
        #expect(summary.added == 1 && summary.removed == 1 && summary.unchanged == 1)
        let after = try stories()
        #expect(after["wire.rss#1"] == ids["wire.rss#1"])
        #expect(after["wire.rss#2"] == nil && after["wire.rss#3"] != nil)
    }

    @Test func aMovedFeedKeepsItsItemsIDs() throws {
        let old = corpus.write("wire.rss", feed([("1", "Harbour strike"), ("2", "Orchard frost")]))
        try add([corpus.path])
        let ids = try stories()
        try FileManager.default.moveItem(atPath: old, toPath: corpus.path + "/archive.rss")
        let (summary, _, _) = try reindex()
        #expect(summary.moved == 2 && summary.added == 0 && summary.removed == 0)
        let after = try stories()
        #expect(after["archive.rss#1"] == ids["wire.rss#1"] && after["archive.rss#2"] == ids["wire.rss#2"])
        #expect(after.count == 2)
    }

    @Test func aFeedWithNewItemsIsNotReadAgainWhenUnchanged() throws {
        let path = corpus.write("wire.rss", feed([("1", "Harbour strike")]))
        try add([corpus.path])
        corpus.write("wire.rss", feed([("1", "Harbour strike"), ("2", "Orchard frost")]))
        try reindex()
        let time = mtime(path)
        corpus.write("wire.rss", feed([("1", "Harbour strike"), ("2", "Orchard frozt")]))
        setMtime(path, time)
        let (summary, _, published) = try reindex()
        #expect(summary.unchanged == 2 && !published)
    }

    // MARK: Roots that are not there

    @Test func aMissingRootKeepsItsStoriesAndIsReported() throws {
        corpus.write("a.txt", story("alpha"))
        let mount = corpus.path + "/disk"
        corpus.write("disk/b.txt", story("beta"))
        try add([mount])
        try FileManager.default.moveItem(atPath: mount, toPath: corpus.path + "/elsewhere")
        let (summary, events, published) = try reindex()
        #expect(summary.removed == 0 && !published)
        #expect(events.contains { if case .rootUnavailable(let path, _) = $0 { path == mount } else { false } })
        #expect(try hits("beta") == 1)
    }

    @Test func anEmptyRootThatHeldStoriesIsTakenForAnUnmountedDisk() throws {
        let gone = corpus.write("a.txt", story("alpha"))
        try add([corpus.path])
        try FileManager.default.removeItem(atPath: gone)
        let (summary, events, _) = try reindex()
        #expect(summary.removed == 0)
        #expect(events.contains { if case .rootUnavailable = $0 { true } else { false } })
        #expect(try hits("alpha") == 1)
    }

    @Test func otherRootsAreReindexedWhenOneIsMissing() throws {
        let other = TemporaryDirectory()
        corpus.write("a.txt", story("alpha"))
        other.write("b.txt", story("beta"))
        try add([corpus.path, other.path + "/b.txt"])
        try FileManager.default.removeItem(atPath: corpus.path)
        other.write("c.txt", story("gamma"))
        let (summary, events, _) = try reindex()
        #expect(summary.added == 1 && events.count == 1)
        #expect(try hits("alpha") == 1 && hits("gamma") == 1)
    }
}
