import Foundation
import Testing
@testable import NewsIndex

@Suite struct IndexWriterTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func add(_ paths: [String], wait: Double = 30) throws -> (AddSummary, [String]) {
        var options = IndexWriter.Options()
        options.lockWait = wait
        let writer = try IndexWriter(directory: index.path, analyzer: .standard, options: options)
        var skipped: [String] = []
        let summary = try writer.add(try IngestInput.resolve(paths)) { event in
            if case .skipped(let path, _) = event { skipped.append(path) }
        }
        try writer.commit()
        return (summary, skipped)
    }

    func reader() throws -> IndexReader { try IndexReader(directory: index.path, analyzer: .standard) }

    func story(_ words: String) -> String { "date 2025-10-27 \(words).\n\nA second paragraph.\n" }

    @Test func addingAFolderIndexesEveryStory() throws {
        corpus.write("a.txt", story("alpha"))
        corpus.write("sub/b.txt", story("beta"))
        let (summary, _) = try add([corpus.path])
        #expect(summary.added == 2)
        #expect(try reader().documentCount == 2)
    }

    @Test func addingTheSameTreeAgainChangesNothing() throws {
        corpus.write("a.txt", story("alpha"))
        _ = try add([corpus.path])
        let before = index.files()
        let current = try String(contentsOfFile: index.path + "/CURRENT", encoding: .utf8)
        let (summary, _) = try add([corpus.path])
        #expect(summary == AddSummary(added: 0, updated: 0, unchanged: 1, skipped: 0, bytes: summary.bytes))
        #expect(index.files() == before)
        #expect(try String(contentsOfFile: index.path + "/CURRENT", encoding: .utf8) == current)
    }

    @Test func aChangedFileReplacesItsOldVersionAndKeepsItsID() throws {
        let path = corpus.write("a.txt", story("alpha"))
        _ = try add([corpus.path])
        let id = try reader().addresses(ofPath: "a.txt").map { try reader().storyID(at: $0) }
        corpus.write("a.txt", story("omega"))
        let (summary, _) = try add([path])
        #expect(summary.updated == 1 && summary.added == 0)
        let r = try reader()
        #expect(r.documentCount == 1)
        let addresses = r.addresses(ofPath: "a.txt")
        #expect(addresses.count == 1)
        #expect(addresses.map { r.storyID(at: $0) } == id)
        #expect(try r.storedStory(at: addresses[0]).story.body.contains("omega"))
        let results = try Searcher(reader: r).search(Query(terms: ["alpha"], mode: .all), limit: 10)
        #expect(results.hits.isEmpty)
    }

    @Test func twoRootsMayHoldTheSameRelativePath() throws {
        let other = TemporaryDirectory()
        corpus.write("a.txt", story("alpha"))
        other.write("a.txt", story("beta"))
        let (summary, _) = try add([corpus.path, other.path])
        #expect(summary.added == 2)
        #expect(try reader().manifest.roots.count == 2)
    }

    @Test func aFileInsideAKnownRootKeepsThatRoot() throws {
        corpus.write("sub/a.txt", story("alpha"))
        _ = try add([corpus.path])
        let (summary, _) = try add([corpus.path + "/sub"])
        #expect(summary.unchanged == 1 && summary.added == 0)
        #expect(try reader().manifest.roots.count == 1)
    }

    @Test func unreadableContentIsSkippedAndTheRestIndexed() throws {
        corpus.write("good.txt", story("alpha"))
        corpus.write("empty.txt", "")
        corpus.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3])
        corpus.write("notes.pdf", "%PDF-1.4")
        let (summary, skipped) = try add([corpus.path])
        #expect(summary.added == 1)
        #expect(Set(skipped.map { ($0 as NSString).lastPathComponent }) == ["empty.txt", "binary.txt", "notes.pdf"])
    }

    @Test func filesOverTheSizeLimitAreSkippedWithoutBeingRead() throws {
        corpus.write("big.txt", String(repeating: "word ", count: 300_000))
        var options = IndexWriter.Options()
        options.maxFileSize = 1 << 20
        let writer = try IndexWriter(directory: index.path, analyzer: .standard, options: options)
        var reasons: [String] = []
        let summary = try writer.add(try IngestInput.resolve([corpus.path])) { event in
            if case .skipped(_, let reason) = event { reasons.append(reason) }
        }
        #expect(summary.skipped == 1)
        #expect(reasons.first?.contains("limit") == true)
    }

    @Test func aSmallMemoryBudgetSplitsTheIndexIntoSegmentsWithNothingLost() throws {
        for i in 0..<300 {
            corpus.write("s\(i).txt", story("story number\(i) about talks in Seoul " + String(repeating: "filler words ", count: 40)))
        }
        var options = IndexWriter.Options()
        options.memoryBudget = 64 << 10
        let writer = try IndexWriter(directory: index.path, analyzer: .standard, options: options)
        let summary = try writer.add(try IngestInput.resolve([corpus.path])) { _ in }
        try writer.commit()
        #expect(summary.added == 300)
        let r = try reader()
        #expect(r.manifest.segments.count > 3)
        #expect(r.documentCount == 300)
        let hits = try Searcher(reader: r).search(Query(terms: ["seoul"], mode: .all), limit: 1000)
        #expect(hits.hits.count == 300)
        #expect(try Searcher(reader: r).search(Query(terms: ["number217"], mode: .all), limit: 10).hits.count == 1)
    }

    func writer(budget: Int = 64 << 10, mergeFactor: Int = 8) throws -> IndexWriter {
        var options = IndexWriter.Options()
        options.memoryBudget = budget
        options.mergeFactor = mergeFactor
        return try IndexWriter(directory: index.path, analyzer: .standard, options: options)
    }

    func segmentFiles() -> [String] { index.files().filter { $0.hasPrefix("seg-") } }

    @Test func aCommitMergesTheSegmentsOfAFullTier() throws {
        for i in 0..<300 {
            corpus.write("s\(i).txt", story("story number\(i) about talks in Seoul " + String(repeating: "filler words ", count: 40)))
        }
        let w = try writer(mergeFactor: 2)
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        try w.commit()
        let r = try reader()
        #expect(r.manifest.segments.count == 1)
        #expect(segmentFiles() == [SegmentFormat.fileName(segment: r.manifest.segments[0].id)])
        #expect(r.documentCount == 300)
        #expect(try Searcher(reader: r).search(Query(terms: ["seoul"], mode: .all), limit: 1000).hits.count == 300)
        #expect(try Searcher(reader: r).search(Query(terms: ["number217"], mode: .all), limit: 10).hits.count == 1)
    }

    @Test func aCommitWritesSeveralPlannedMergesAtOnceWithNothingLost() throws {
        for i in 0..<300 {
            corpus.write("s\(i).txt", story("story number\(i) about talks in Seoul " + String(repeating: "filler words ", count: 40)))
        }
        var options = IndexWriter.Options()
        options.memoryBudget = 64 << 10
        options.mergeFactor = 3
        options.mergeFloor = 10
        let w = try IndexWriter(directory: index.path, analyzer: .standard, options: options)
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        let flushed = Set(segmentFiles())
        #expect(flushed.count > MergePolicy.freshMergeWidth, "enough flushed segments for two merges")
        try w.commit()
        let r = try reader()
        let policy = MergePolicy(mergeFactor: 3, floorDocuments: 10)
        let merged = r.manifest.segments.filter { !flushed.contains(SegmentFormat.fileName(segment: $0.id)) }
        #expect(merged.count >= 2)
        #expect(policy.nextMerge(r.manifest.segments) == nil)
        #expect(Set(segmentFiles()) == Set(r.manifest.segments.map { SegmentFormat.fileName(segment: $0.id) }))
        #expect(r.documentCount == 300)
        #expect(try Searcher(reader: r).search(Query(terms: ["seoul"], mode: .all), limit: 1000).hits.count == 300)
        for i in [0, 99, 217, 299] {
            #expect(try Searcher(reader: r).search(Query(terms: ["number\(i)"], mode: .all), limit: 10).hits.count == 1)
        }
        #expect(try IndexCheck.run(directory: index.path).isSound)
    }

    @Test func compactingLeavesOneSegmentWithoutTheDeletedStories() throws {
        for i in 0..<300 {
            corpus.write("s\(i).txt", story("story number\(i) about talks in Seoul " + String(repeating: "filler words ", count: 40)))
        }
        do {
            let first = try writer(mergeFactor: 100)
            _ = try first.add(try IngestInput.resolve([corpus.path])) { _ in }
            try first.commit()
        }
        let before = try reader()
        #expect(before.manifest.segments.count > 1)
        let id = before.addresses(ofPath: "s17.txt").map { before.storyID(at: $0) }
        corpus.write("s17.txt", story("story number17 rewritten about Pyongyang"))
        let second = try writer(mergeFactor: 100)
        _ = try second.add(try IngestInput.resolve([corpus.path])) { _ in }
        try second.commit()
        #expect(index.files().contains { $0.contains(".del-") })
        #expect(try second.compact())
        #expect(try !second.compact(), "a compact index is left as it is")

        let r = try reader()
        #expect(r.manifest.segments.count == 1 && r.manifest.segments[0].deletedCount == 0)
        #expect(!index.files().contains { $0.contains(".del-") })
        #expect(segmentFiles().count == 1)
        #expect(r.documentCount == 300)
        let addresses = r.addresses(ofPath: "s17.txt")
        #expect(addresses.map { r.storyID(at: $0) } == id)
        #expect(try r.storedStory(at: addresses[0]).story.body.contains("Pyongyang"))
        #expect(try Searcher(reader: r).search(Query(terms: ["seoul"], mode: .all), limit: 1000).hits.count == 299)
    }

    /// Phrases are answered from positions and snippets mark them: a compaction that drops
    /// deleted stories renumbers the rest and re-encodes every list's positions.
    @Test func phrasesAndSnippetsAreRightAfterACompactionDropsDeletedStories() throws {
        for i in 0..<300 {
            let words = i % 2 == 0 ? "the grain corridor deal held" : "the deal on the grain corridor held"
            corpus.write("s\(i).txt", story("story number\(i) " + String(repeating: "filler words ", count: i % 40) + words + " in Seoul"))
        }
        do {
            let first = try writer(mergeFactor: 100)
            _ = try first.add(try IngestInput.resolve([corpus.path])) { _ in }
            try first.commit()
        }
        #expect(try reader().manifest.segments.count > 1)
        let w = try writer(mergeFactor: 100)
        for i in stride(from: 0, to: 300, by: 3) { _ = try w.remove(w.select(relativePath: "s\(i).txt")) }
        try w.commit()
        #expect(try w.compact())

        let r = try reader()
        #expect(r.manifest.segments.count == 1)
        let results = try Searcher(reader: r).search(try QuerySyntax(analyzer: .standard).parse("\"grain corridor deal\""),
                                                     options: SearchOptions(limit: 1000))
        let found = Set(try results.hits.map { try r.storedStory(at: $0.address).path })
        #expect(found == Set((0..<300).filter { $0 % 2 == 0 && $0 % 3 != 0 }.map { "s\($0).txt" }))
        let snippets = SnippetBuilder(analyzer: .standard, wordCount: 30)
        for hit in results.hits.prefix(10) {
            let snippet = snippets.snippet(of: try r.storedStory(at: hit.address).story.body,
                                           terms: results.singleTerms, phrases: results.phrases)
            let scalars = Array(snippet.text.unicodeScalars)
            #expect(snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0])) } == ["grain corridor deal"])
        }
    }

    @Test func aStoryMergedEarlierInTheSessionIsStillReplacedWhenItsFileChanges() throws {
        corpus.write("old/a.txt", story("alpha first version"))
        corpus.write("old/b.txt", story("beta"))
        _ = try add([corpus.path])
        let w = try writer()
        corpus.write("new/c.txt", story("gamma"))
        _ = try w.add(try IngestInput.resolve([corpus.path + "/new"])) { _ in }
        #expect(try w.compact())
        corpus.write("old/a.txt", story("alpha second version"))
        let summary = try w.add(try IngestInput.resolve([corpus.path + "/old"])) { _ in }
        try w.commit()
        #expect(summary.updated == 1)
        let r = try reader()
        #expect(r.documentCount == 3)
        let hits = try Searcher(reader: r).search(Query(terms: ["alpha"], mode: .all), limit: 10).hits
        #expect(hits.count == 1)
        #expect(try r.storedStory(at: hits[0].address).story.body.contains("second"))
    }

    @Test func overlappingInputsIndexEachFileOnce() throws {
        corpus.write("sub/a.txt", story("alpha"))
        corpus.write("b.txt", story("beta"))
        let (summary, _) = try add([corpus.path + "/sub/a.txt", corpus.path, corpus.path + "/sub", corpus.path])
        #expect(summary.added == 2)
        #expect(try reader().documentCount == 2)
    }

    @Test func aFileAddedTwiceBeforeACommitIsIndexedOnce() throws {
        corpus.write("a.txt", story("alpha first version"))
        let w = try writer()
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        corpus.write("a.txt", story("alpha second version"))
        let second = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        try w.commit()
        #expect(second.added == 0 && second.updated == 0)
        #expect(try reader().documentCount == 1)
    }

    @Test func removingAStoryAddedInTheSameSessionDeletesIt() throws {
        corpus.write("a.txt", story("alpha"))
        corpus.write("b.txt", story("beta"))
        let w = try writer()
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        #expect(try w.remove(try w.select(relativePath: "a.txt")) == 1)
        try w.commit()
        let r = try reader()
        #expect(r.documentCount == 1)
        #expect(try Searcher(reader: r).search(Query(terms: ["alpha"], mode: .all), limit: 10).hits.isEmpty)
    }

    @Test func aMissingPathIsRejectedBeforeAnythingIsWritten() throws {
        #expect(throws: InputError.missingPath("/no/such/newsidx/path")) {
            try IngestInput.resolve([corpus.path, "/no/such/newsidx/path"])
        }
    }

    @Test func aSecondWriterGivesUpWithBusyNamingTheHolder() throws {
        let first = try IndexWriter(directory: index.path, analyzer: .standard)
        var options = IndexWriter.Options()
        options.lockWait = 0.1
        #expect {
            try IndexWriter(directory: index.path, analyzer: .standard, options: options)
        } throws: { error in
            guard case .busy(_, let pid) = error as? IndexError else { return false }
            return pid == getpid()
        }
        withExtendedLifetime(first) {}
    }

    @Test func leftoversOfACrashedWriterAreRemovedByTheNextWriter() throws {
        corpus.write("a.txt", story("alpha"))
        _ = try add([corpus.path])
        index.write("seg-99.seg", "half written")
        index.write("CURRENT.tmp", "manifest-99")
        _ = try IndexWriter(directory: index.path, analyzer: .standard)
        #expect(!index.files().contains("seg-99.seg"))
        #expect(!index.files().contains("CURRENT.tmp"))
        #expect(try reader().documentCount == 1)
    }

    @Test func aReaderOpenedBeforeACommitKeepsItsState() throws {
        corpus.write("a.txt", story("alpha"))
        _ = try add([corpus.path])
        let old = try reader()
        corpus.write("b.txt", story("beta"))
        corpus.write("a.txt", story("gamma"))
        _ = try add([corpus.path])
        #expect(old.documentCount == 1)
        let stored = try old.storedStory(at: DocumentAddress(segment: 0, doc: 0))
        #expect(stored.story.body.contains("alpha"))
        #expect(try reader().documentCount == 2)
    }

    @Test func openingWithNoIndexSaysItIsMissing() {
        #expect(throws: IndexError.missing(directory: index.path + "/none")) {
            try IndexReader(directory: index.path + "/none", analyzer: .standard)
        }
    }
}
