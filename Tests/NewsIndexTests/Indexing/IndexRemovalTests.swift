import Foundation
import Testing
@testable import NewsIndex

/// Deleting stories on request (`IndexWriter.select…`/`remove`) and forgetting corpus roots.
@Suite struct IndexRemovalTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func story(_ words: String) -> String { "date 2025-10-27 \(words).\n\nA second paragraph.\n" }

    func writer() throws -> IndexWriter { try IndexWriter(directory: index.path, analyzer: .standard) }

    func add(_ paths: [String]) throws {
        let w = try writer()
        _ = try w.add(try IngestInput.resolve(paths)) { _ in }
        try w.commit()
    }

    func paths() throws -> Set<String> {
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        var found: Set<String> = []
        try r.forEachLiveDocument { _, record in found.insert(record.path) }
        return found
    }

    /// Removes what `choose` selects and commits; returns how many stories went.
    func remove(_ choose: (IndexWriter) throws -> IndexWriter.Selection) throws -> Int {
        let w = try writer()
        let removed = try w.remove(try choose(w))
        try w.commit()
        return removed
    }

    func writeTree() throws {
        corpus.write("a.txt", story("alpha"))
        corpus.write("2025/b.txt", story("beta"))
        corpus.write("2025/10/c.txt", story("gamma"))
        corpus.write("2025-extra.txt", story("delta"))
        try add([corpus.path])
    }

    @Test func removingByIDDeletesThatStoryOnly() throws {
        try writeTree()
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        let id = r.storyID(at: try #require(r.addresses(ofPath: "a.txt").first))
        #expect(try remove { try $0.select(storyID: id) } == 1)
        #expect(try paths() == ["2025/b.txt", "2025/10/c.txt", "2025-extra.txt"])
    }

    @Test func removingByAbsolutePathDeletesThatFilesStories() throws {
        try writeTree()
        #expect(try remove { try $0.select(path: corpus.path + "/2025/b.txt") } == 1)
        #expect(try paths() == ["a.txt", "2025/10/c.txt", "2025-extra.txt"])
    }

    @Test func removingAFolderDeletesEveryStoryBelowItAndNothingBeside() throws {
        try writeTree()
        #expect(try remove { try $0.select(path: corpus.path + "/2025/") } == 2)
        #expect(try paths() == ["a.txt", "2025-extra.txt"])
    }

    @Test func removingByAPathRelativeToItsRoot() throws {
        try writeTree()
        #expect(try remove { try $0.select(relativePath: "2025/10") } == 1)
        #expect(try paths() == ["a.txt", "2025/b.txt", "2025-extra.txt"])
    }

    @Test func aSelectionMatchingNothingIsEmptyAndDeletesNothing() throws {
        try writeTree()
        let w = try writer()
        #expect(try w.select(storyID: 999).isEmpty)
        #expect(try w.select(path: corpus.path + "/nope.txt").isEmpty)
        #expect(try w.select(relativePath: "20").isEmpty)
        #expect(try w.remove(IndexWriter.Selection()) == 0)
        #expect(try !w.commit())
    }

    @Test func aStoryChosenTwiceIsDeletedOnce() throws {
        try writeTree()
        let total = try IndexReader(directory: index.path, analyzer: .standard).tokenCount
        let w = try writer()
        let file = try w.select(path: corpus.path + "/a.txt")
        #expect(try w.remove(file.union(try w.select(relativePath: "a.txt"))) == 1)
        try w.commit()
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(r.documentCount == 3 && r.tokenCount < total)
    }

    @Test func corpusRootsListsEachRootWithItsStoryCount() throws {
        let other = TemporaryDirectory()
        try writeTree()
        other.write("x.txt", story("epsilon"))
        try add([other.path])
        #expect(try writer().corpusRoots.map { "\($0.path) \($0.stories)" } == ["\(corpus.path) 4", "\(other.path) 1"])
        let counts = try IndexReader(directory: index.path, analyzer: .standard).storyCountsByRoot()
        #expect(counts.values.sorted() == [1, 4])
    }

    @Test func forgettingARootDeletesItsStoriesAndReindexNoLongerScansIt() throws {
        let other = TemporaryDirectory()
        try writeTree()
        other.write("x.txt", story("epsilon"))
        try add([other.path])
        do {
            let w = try writer()
            #expect(try w.removeRoot(path: corpus.path + "/") == 4)
            try w.commit()
        }
        #expect(try paths() == ["x.txt"])
        corpus.write("new.txt", story("zeta"))
        let again = try writer()
        let summary = try again.reindex { _ in }
        #expect(summary.added == 0 && summary.unchanged == 1)
        #expect(try again.corpusRoots.map(\.path) == [other.path])
    }

    @Test func forgettingAPathThatIsNotARootChangesNothing() throws {
        try writeTree()
        let w = try writer()
        #expect(try w.removeRoot(path: corpus.path + "/2025") == nil)
        #expect(try !w.commit())
    }
}
