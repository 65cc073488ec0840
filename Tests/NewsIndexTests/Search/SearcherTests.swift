import Testing
@testable import NewsIndex

/// Three stories in the seed's form (`date …` then the lead on the same line): no headline,
/// so every token is body text and the lengths are known: 7, 4 and 8 tokens.
@Suite struct SearcherTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()
    let reader: IndexReader

    init() throws {
        corpus.write("d1.txt", "date 2025-01-01 alpha beta beta gamma delta.\n\nepsilon zeta.\n")
        corpus.write("d2.txt", "date 2025-01-02 beta omega omega.\n\nomega.\n")
        corpus.write("d3.txt", "date 2025-01-03 sigma tau upsilon.\n\nphi chi psi omega rho.\n")
        reader = try indexedReader(of: corpus, into: index)
    }

    func search(_ terms: [String], _ mode: Query.Mode = .all) throws -> [(String, Double)] {
        try Searcher(reader: reader).search(Query(terms: terms, mode: mode), limit: 10).hits.map {
            (try reader.storedStory(at: $0.address).path, $0.score)
        }
    }

    /// N = 3, avgdl = 19/3, df(beta) = 2: idf = ln(1 + 1.5/2.5) = ln 1.6.
    /// d1: tf 2, |d| 7 → 0.47000362924573563 · 2 · 2.2 / (2 + 1.2 · (0.25 + 0.75 · 7 / (19/3))).
    @Test func scoresMatchAHandComputation() throws {
        #expect(reader.documentCount == 3)
        #expect(reader.tokenCount == 19)
        let hits = try search(["beta"])
        #expect(hits.map(\.0) == ["d1.txt", "d2.txt"])
        #expect(abs(hits[0].1 - 0.62767257835373) < 1e-12)
        #expect(abs(hits[1].1 - 0.5534127240132888) < 1e-12)
    }

    @Test func idfFollowsLucenesFormula() {
        let bm25 = BM25(documentCount: 3, averageDocumentLength: 19.0 / 3)
        #expect(abs(bm25.idf(documentFrequency: 2) - 0.47000362924573563) < 1e-15)
        #expect(bm25.idf(documentFrequency: 3) > 0)
    }

    /// Okapi's query-term factor with k3 = k1 = 1.2: (2.2 · qtf) / (1.2 + qtf).
    @Test func repeatedQueryTermsSaturateLikeStoryTerms() throws {
        let bm25 = BM25(documentCount: 3, averageDocumentLength: 19.0 / 3)
        #expect(bm25.queryWeight(frequency: 1) == 1)
        #expect(abs(bm25.queryWeight(frequency: 2) - 1.375) < 1e-15)
        #expect(bm25.queryWeight(frequency: 1_000) < 2.2)
        let twice = try Searcher(reader: reader).search(Query(terms: ["beta"], frequencies: [2], mode: .all), limit: 10)
        #expect(abs(twice.hits[0].score - 1.375 * 0.62767257835373) < 1e-12)
        #expect(twice.terms[0].queryFrequency == 2)
        #expect(twice.terms[0].idf == bm25.idf(documentFrequency: 2))
    }

    @Test func allTermsAreRequiredByDefault() throws {
        #expect(try search(["beta", "omega"]).map(\.0) == ["d2.txt"])
        #expect(try search(["beta", "sigma"]).isEmpty)
    }

    @Test func anyModeRanksStoriesWithMoreTermsHigher() throws {
        let hits = try search(["beta", "omega"], .any)
        #expect(hits.first?.0 == "d2.txt")
        #expect(Set(hits.map(\.0)) == ["d1.txt", "d2.txt", "d3.txt"])
    }

    @Test func anUnknownTermMatchesNothing() throws {
        #expect(try search(["nonexistent"]).isEmpty)
        #expect(try search(["nonexistent", "beta"]).isEmpty)
        #expect(try search(["nonexistent", "beta"], .any).count == 2)
    }

    @Test func totalHitsCountsBeyondTheLimit() throws {
        let results = try Searcher(reader: reader).search(Query(terms: ["omega"], mode: .all), limit: 1)
        #expect(results.hits.count == 1)
        #expect(results.totalHits == 2)
    }

    @Test func statisticsSpanSegmentsSoScoresDoNotDependOnPlacement() throws {
        // The same three stories, split over two segments by adding in two runs.
        let split = TemporaryDirectory()
        let first = TemporaryDirectory(), second = TemporaryDirectory()
        first.write("d1.txt", "date 2025-01-01 alpha beta beta gamma delta.\n\nepsilon zeta.\n")
        second.write("d2.txt", "date 2025-01-02 beta omega omega.\n\nomega.\n")
        second.write("d3.txt", "date 2025-01-03 sigma tau upsilon.\n\nphi chi psi omega rho.\n")
        for dir in [first, second] {
            let writer = try IndexWriter(directory: split.path, analyzer: .standard)
            _ = try writer.add(try IngestInput.resolve([dir.path])) { _ in }
            try writer.commit()
        }
        let r = try IndexReader(directory: split.path, analyzer: .standard)
        #expect(r.manifest.segments.count == 2)
        let scores = try Searcher(reader: r).search(Query(terms: ["beta"], mode: .all), limit: 10).hits.map(\.score)
        #expect(scores.count == 2)
        #expect(abs(scores[0] - 0.62767257835373) < 1e-12)
        #expect(abs(scores[1] - 0.5534127240132888) < 1e-12)
    }
}

@Suite struct QueryParserTests {
    let parser = QueryParser(analyzer: .standard)

    @Test func termsAreAnalyzedAndCounted() throws {
        let query = try parser.parse("Lavrov KURSK lavrov")
        #expect(query.terms == ["lavrov", "kursk"])
        #expect(query.frequencies == [2, 1])
        // Different words with one stem are one term, counted once per word.
        #expect(try parser.parse("titles and a title").frequencies == [2])
    }

    @Test func stopWordsAreLeftOutBeforeStemming() throws {
        #expect(try parser.parse("What is the history of the Dewey classification?").terms
            == ["histori", "dewey", "classif"])
        #expect(try parser.parse("the ins and outs of the U.S.").terms == ["in", "out", "us"])
    }

    @Test func aQueryOfStopWordsOnlyKeepsThem() throws {
        #expect(try parser.parse("The Who").terms == ["the", "who"])
    }

    @Test(arguments: ["", "   ", "?!,", "— … ---"])
    func aQueryWithoutWordsIsAnError(_ text: String) {
        #expect(throws: QueryError.noSearchableTerms(query: text)) { try parser.parse(text) }
    }
}
