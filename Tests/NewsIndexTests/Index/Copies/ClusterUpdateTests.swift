import Foundation
import Testing
@testable import NewsIndex

/// A commit carries the previous clusters over and clusters only what changed: it must end
/// where clustering the whole index from scratch ends, commit after commit.
@Suite struct ClusterUpdateTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    /// Real stories of the repository's sample corpus, by name.
    static let stories: [(name: String, text: String)] = {
        let folder = RepositoryPath.root + "/Corpus/text"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.map { ($0, (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "") }
    }()

    func story(_ i: Int) -> String { Self.stories[i].text }

    /// A copy of story `i` as another outlet runs it: the same text with a line added.
    func copy(of i: Int) -> String { story(i) + "\n\nThis story has been corrected.\n" }

    func writer(mergeFactor: Int) throws -> IndexWriter {
        var options = IndexWriter.Options()
        options.mergeFactor = mergeFactor
        return try IndexWriter(directory: index.path, analyzer: .standard, options: options)
    }

    func add(mergeFactor: Int) throws {
        let w = try writer(mergeFactor: mergeFactor)
        _ = try w.add(try IngestInput.resolve([corpus.path])) { _ in }
        try w.commit()
    }

    func reindex(mergeFactor: Int) throws {
        let w = try writer(mergeFactor: mergeFactor)
        _ = try w.reindex { _ in }
        try w.commit()
    }

    /// Clusters as paths (representative first), in a fixed order.
    static func named(_ clusters: [NearDuplicateClustering.Cluster], in reader: IndexReader) throws -> [[String]] {
        try clusters.map { cluster in
            try cluster.members.map { try reader.record(at: DocumentAddress(segment: $0.segment, doc: $0.doc)).path }
        }.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    }

    /// The committed clusters, and those clustering the same state from scratch gives.
    func committedAndRecomputed() throws -> (committed: [[String]], recomputed: [[String]]) {
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        let committed = try r.duplicateClusters().map { c in try c.members.map { try r.record(at: $0.address).path } }
            .sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
        let recomputed = try Self.named(NearDuplicateClustering().clusters(segments: r.segments, deletions: r.deletions), in: r)
        return (committed, recomputed)
    }

    @Test(arguments: [8, 2])
    func commitsOfNewCopiesRemovalsAndRewritesEndWhereARecomputationEnds(mergeFactor: Int) throws {
        #expect(Self.stories.count >= 46)
        for i in 0..<40 { corpus.write("a/\(Self.stories[i].name)", story(i)) }
        for i in 0..<3 { corpus.write("b/copy-\(i).txt", copy(of: i)) }
        try add(mergeFactor: mergeFactor)
        var (committed, recomputed) = try committedAndRecomputed()
        #expect(committed.count == 3)
        #expect(committed == recomputed)

        // New copies of old stories, a second copy of one already copied, new stories.
        for i in 3..<8 { corpus.write("c/copy-\(i).txt", copy(of: i)) }
        corpus.write("c/again-0.txt", copy(of: 0) + "Updated at noon.\n")
        for i in 40..<44 { corpus.write("c/\(Self.stories[i].name)", story(i)) }
        try add(mergeFactor: mergeFactor)
        (committed, recomputed) = try committedAndRecomputed()
        #expect(committed.count == 8)
        #expect(committed.contains { $0.count == 3 })
        #expect(committed == recomputed)

        // An original removed, a copy rewritten as another story.
        try FileManager.default.removeItem(atPath: corpus.path + "/a/" + Self.stories[1].name)
        corpus.write("b/copy-2.txt", story(45))
        try reindex(mergeFactor: mergeFactor)
        (committed, recomputed) = try committedAndRecomputed()
        #expect(committed.count == 6)
        #expect(committed == recomputed)

        // A copy dated before its cluster's representative takes its place.
        corpus.write("d/early-3.txt", "date 1950-01-01\n" + copy(of: 3))
        try add(mergeFactor: mergeFactor)
        (committed, recomputed) = try committedAndRecomputed()
        #expect(committed.contains { $0.first == "d/early-3.txt" })
        #expect(committed == recomputed)
    }

    /// Story `i`'s words from `from` to `to` tenths of them, under a dated headline.
    func part(of i: Int, tenths range: Range<Int>, date: String) -> String {
        let words = story(i).split(whereSeparator: \.isWhitespace)
        let tenth = words.count / 10
        return "date \(date)\nPart \(range)\n\n" + words[(range.lowerBound * tenth)..<(range.upperBound * tenth)].joined(separator: " ") + "\n"
    }

    @Test func removingARepresentativeClustersAgainTheStoriesItsTestHadLeftOut() throws {
        // b holds a and c whole; c shares little with a: the cluster of a (the earliest) is
        // a and b, and c is only linked. Without a, b and c are copies.
        for i in 10..<40 { corpus.write("x/\(Self.stories[i].name)", story(i)) }
        corpus.write("a.txt", part(of: 0, tenths: 0..<6, date: "2020-01-01"))
        corpus.write("b.txt", part(of: 0, tenths: 0..<10, date: "2020-01-02"))
        corpus.write("c.txt", part(of: 0, tenths: 4..<10, date: "2020-01-03"))
        try add(mergeFactor: 8)
        var (committed, recomputed) = try committedAndRecomputed()
        #expect(committed == [["a.txt", "b.txt"]])
        #expect(committed == recomputed)
        try FileManager.default.removeItem(atPath: corpus.path + "/a.txt")
        try reindex(mergeFactor: 8)
        (committed, recomputed) = try committedAndRecomputed()
        #expect(committed == [["b.txt", "c.txt"]])
        #expect(committed == recomputed)
    }

    @Test func anUpdateKeepsUntouchedClustersAndJoinsNewCopiesWithoutARecomputation() throws {
        for i in 0..<40 { corpus.write("a/\(Self.stories[i].name)", story(i)) }
        corpus.write("b/copy-0.txt", copy(of: 0))
        try add(mergeFactor: 8)
        let before = try IndexReader(directory: index.path, analyzer: .standard)
        let previous = try #require(try before.clusterFile()).allClusters()
        corpus.write("c/copy-5.txt", copy(of: 5))
        corpus.write("c/again-0.txt", copy(of: 0) + "Updated.\n")
        try add(mergeFactor: 8)
        let after = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(after.segments.count == before.segments.count + 1)
        let origins = after.segments.indices.map { s in
            s < before.segments.count ? DocumentOrigins.Origin.previous(s) : .added
        }
        let updated = try #require(ClusterUpdate(clustering: NearDuplicateClustering()).clusters(
            previous: previous, segments: after.segments, deletions: after.deletions, origins: origins))
        let recomputed = NearDuplicateClustering().clusters(segments: after.segments, deletions: after.deletions)
        #expect(try Self.named(updated, in: after) == Self.named(recomputed, in: after))
        #expect(updated.count == 2)
    }

    @Test func anUpdateGivesWayToARecomputationWhenMuchChanged() throws {
        for i in 0..<4 { corpus.write("a/\(Self.stories[i].name)", story(i)) }
        try add(mergeFactor: 8)
        for i in 4..<8 { corpus.write("b/\(Self.stories[i].name)", story(i)) }
        try add(mergeFactor: 8)
        let r = try IndexReader(directory: index.path, analyzer: .standard)
        let origins: [DocumentOrigins.Origin] = [.previous(0), .added]
        #expect(ClusterUpdate(clustering: NearDuplicateClustering()).clusters(
            previous: [], segments: r.segments, deletions: r.deletions, origins: origins) == nil)
    }

    @Test func aMergeRecordsWhereEachOfItsDocumentsWas() {
        let previous = [Manifest.Segment(id: 1, documentCount: 3, tokenCount: 0, deletedCount: 0, deletionGeneration: 0)]
        let added = [Manifest.Segment(id: 2, documentCount: 2, tokenCount: 0, deletedCount: 0, deletionGeneration: 0)]
        var origins = DocumentOrigins(previous: previous, added: added)
        // Segment 1 loses its document 1; segment 2 follows it.
        origins.merged([1, 2], into: 3, maps: [[0, -1, 1], [2, 3]], documentCount: 4)
        guard case .renumbered(let docs) = origins.bySegment[3] else {
            Issue.record("not renumbered")
            return
        }
        #expect(docs == [DocumentOrigins.packed(segment: 0, doc: 0), DocumentOrigins.packed(segment: 0, doc: 2),
                         DocumentOrigins.fresh, DocumentOrigins.fresh])
        #expect(origins.bySegment[1] == nil && origins.bySegment[2] == nil)
    }
}
