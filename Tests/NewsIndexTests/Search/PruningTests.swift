import Testing
@testable import NewsIndex

/// MaxScore and block-max skipping must never change the top k: the pruned search agrees
/// with an exhaustive one (every match scored) on a corpus large enough for many blocks.
/// Pruning is forced on (`exhaustiveLimit` 0) so that small lists are pruned too.
@Suite struct PruningTests {
    static let corpus = TemporaryDirectory()
    static let index = TemporaryDirectory()
    static let reader: IndexReader = {
        // 3,000 stories over a Zipf-like vocabulary: common words fill many blocks.
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let vocabulary = (0..<400).map { "w\($0)" }
        for d in 0..<3000 {
            let length = 20 + next(200)
            let words = (0..<length).map { _ in vocabulary[min(next(400), next(400), next(400))] }
            corpus.write("s\(d).txt", "date 2025-01-01 " + words.joined(separator: " ") + ".\n")
        }
        let writer = try! IndexWriter(directory: index.path, analyzer: .standard)
        _ = try! writer.add(try! IngestInput.resolve([corpus.path])) { _ in }
        try! writer.commit()
        return try! IndexReader(directory: index.path, analyzer: .standard)
    }()

    static let queries: [[String]] = [
        ["w0", "w1"], ["w0", "w150"], ["w3", "w200", "w399"], ["w10", "w11", "w12", "w13"],
        ["w1", "w2", "w3", "w4", "w5", "w6"], ["w300"], ["w0", "w300", "w5"],
        // Words with several forms, read side by side (`PostingsUnion`).
        [AlternativeTerms.join(["w0", "w7"]), "w150"], [AlternativeTerms.join(["w2", "w390"]), AlternativeTerms.join(["w9", "w10"])],
        ["w250", AlternativeTerms.join(["w1", "w3", "w399"])],
    ]

    @Test(arguments: queries)
    func prunedAnyTermSearchKeepsTheExhaustiveTopTen(_ terms: [String]) throws {
        try expectSameTop(Query(terms: terms, mode: .any))
    }

    @Test(arguments: queries)
    func prunedAllTermsSearchKeepsTheExhaustiveTopTen(_ terms: [String]) throws {
        try expectSameTop(Query(terms: terms, mode: .all))
    }

    /// Guards the any-term test above against passing vacuously: common terms do get pruned.
    @Test func commonTermsArePrunedAndTheirCountMarkedAsAnEstimate() throws {
        let results = try Self.pruning.search(Query(terms: ["w0", "w1", "w2"], mode: .any), limit: 1)
        #expect(!results.totalHitsIsExact)
    }

    /// Guards the all-terms test against passing vacuously: a rarer word leading a common
    /// one has most of its stories passed over once the top is full.
    @Test func aRareLeadWithACommonWordIsPrunedAndItsCountMarkedAsAnEstimate() throws {
        let results = try Self.pruning.search(Query(terms: ["w0", "w150"], mode: .all), limit: 1)
        #expect(!results.totalHitsIsExact)
    }

    static var pruning: Searcher {
        var searcher = Searcher(reader: reader)
        searcher.exhaustiveLimit = 0
        return searcher
    }

    func expectSameTop(_ query: Query) throws {
        let searcher = Self.pruning
        let everything = try searcher.search(query, limit: 100_000)
        #expect(everything.totalHitsIsExact)
        for k in [1, 10, 50] {
            let pruned = try searcher.search(query, limit: k)
            #expect(pruned.hits == Array(everything.hits.prefix(k)), "k = \(k)")
            #expect(pruned.totalHits <= everything.totalHits)
        }
    }
}
