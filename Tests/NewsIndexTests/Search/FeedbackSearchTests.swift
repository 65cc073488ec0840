import Testing
@testable import NewsIndex

/// Searching twice: the first pass's best stories lend their words to the second.
@Suite struct FeedbackSearchTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func story(_ date: String, _ title: String, _ body: String) -> String { "date \(date)\n\(title)\n\n\(body)\n" }

    /// Two stories on grain shipped from Odesa, one on Odesa's port that never says grain
    /// (the newest), and one on something else.
    func reader() throws -> IndexReader {
        corpus.write("a.txt", story("2025-10-27", "Grain ships leave Odesa", "The grain corridor from Odesa port carried wheat and maize to Istanbul."))
        corpus.write("b.txt", story("2025-10-26", "Odesa grain exports rise", "Grain exports through Odesa and the Danube ports rose, traders said."))
        corpus.write("c.txt", story("2025-10-28", "Drones strike Odesa port", "Drones hit the Odesa port overnight; the Danube ports were spared."))
        corpus.write("d.txt", story("2025-10-25", "Central bank holds rates", "The central bank kept its key rate unchanged on Thursday."))
        return try indexedReader(of: corpus, into: index)
    }

    func paths(_ r: IndexReader, _ hits: [ScoredDocument]) throws -> [String] {
        try hits.map { try r.record(at: $0.address).path.split(separator: "/").last.map(String.init) ?? "" }
    }

    @Test func aStoryThatSharesTheBestStoriesWordsIsFoundWithoutTheQueryWord() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let query = Query(terms: ["grain"], mode: .any)
        #expect(Set(try paths(r, searcher.search(query, limit: 10).hits)) == ["a.txt", "b.txt"])
        let fed = try searcher.search(query, limit: 10, feedback: RelevanceModel(documents: 2, terms: 5))
        let found = try paths(r, fed.results.hits)
        #expect(found.contains("c.txt"))
        #expect(!found.contains("d.txt"))
        #expect(Set(found.prefix(2)) == ["a.txt", "b.txt"])
        #expect(fed.added.contains { $0.term == "odesa" })
    }

    @Test func stopWordsAndTheQueryWordAreNeverAdded() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(Query(terms: ["grain"], mode: .any), limit: 10,
                                                 feedback: RelevanceModel(documents: 2, terms: 50))
        let added = fed.added.map(\.term)
        #expect(!added.contains("the") && !added.contains("and") && !added.contains("from"))
        #expect(!added.contains("grain"))
        #expect(added == fed.added.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }.map(\.term))
    }

    @Test func theSecondPassWeighsEachTermByItsShare() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(Query(terms: ["grain"], mode: .any), limit: 10,
                                                 feedback: RelevanceModel(documents: 2, terms: 5))
        let grain = fed.results.terms.first { $0.text == "grain" }
        #expect(grain?.weight != nil)
        let total = fed.results.terms.reduce(0) { $0 + ($1.weight ?? 0) }
        #expect(abs(total - 1) < 1e-9)
    }

    @Test func weightsSetOutrightDecideWhichWordCountsMore() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        var drones = Query(terms: ["drone", "wheat"], mode: .any)
        drones.weights = ["drone": 5, "wheat": 0.1]
        var wheat = drones
        wheat.weights = ["drone": 0.1, "wheat": 5]
        #expect(try paths(r, searcher.search(drones, limit: 1).hits) == ["c.txt"])
        #expect(try paths(r, searcher.search(wheat, limit: 1).hits) == ["a.txt"])
    }

    @Test(arguments: ["drone", "port"], [1, 2, 10])
    func aQueryLeftWholeIsAnsweredAsAPlainSearch(word: String, limit: Int) throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let query = Query(terms: [word], mode: .any)
        // A slope this steep leaves whole any query whose best story scores above the second.
        let fed = try searcher.search(query, limit: limit, feedback: RelevanceModel(documents: 3, adaptiveSlope: 1e9))
        let plain = try searcher.search(query, limit: limit)
        let ranked = try searcher.search(query, limit: 2).hits.map(\.score)
        try #require(ranked.count < 2 || ranked[0] > ranked[1], "the best story scores above the second")
        #expect(fed.added.isEmpty)
        #expect(fed.results.hits == plain.hits)
        #expect(fed.results.totalHits == plain.totalHits)
    }

    @Test func aModelWordThatIsAFormOfAQueryWordAddsToIt() throws {
        let r = try reader()
        let term = AlternativeTerms.join(["grain", "odesa"])
        let fed = try Searcher(reader: r).search(Query(terms: [term], mode: .any), limit: 10,
                                                 feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(!fed.added.contains { $0.term == "grain" || $0.term == "odesa" })
        #expect(fed.results.terms.filter { $0.text == term }.count == 1)
    }

    @Test func storyWordsCountAsIndexedWithoutStopWordsWrittenAsSuch() {
        var words = FeedbackWords()
        var body = "The owners owned the port; 2025 a X ports. It's THEIR port's, U.S."
        let numbered = body.withUTF8 { words.counts(language: "en", title: "Odesa port", body: $0) }
        var counts: [String: Int] = [:]
        for (n, c) in numbered.enumerated() where c > 0 { counts[words.word(n)] = Int(c) }
        #expect(counts["port"] == 5)
        #expect(counts["odesa"] == 2)
        #expect(counts["own"] == 1)
        #expect(counts["owner"] == 1)
        #expect(counts["us"] == 1)
        #expect(counts["the"] == nil && counts["2025"] == nil && counts["x"] == nil && counts["a"] == nil)
        #expect(counts["it"] == nil && counts["their"] == nil)
    }

    @Test func storiesInTwoLanguagesShareTheWordNumbers() {
        var words = FeedbackWords()
        var english = "Odesa port"
        var russian = "Одесса порт Odesa"
        let en = english.withUTF8 { words.counts(language: "en", title: nil, body: $0) }
        let ru = russian.withUTF8 { words.counts(language: "ru", title: nil, body: $0) }
        let odesa = try? #require(en.indices.first { words.word($0) == "odesa" })
        #expect(odesa.map { ru.count > $0 && ru[$0] == 1 } == true)
        #expect(Set((0..<ru.count).filter { ru[$0] > 0 }.map(words.word)).count == 3)
    }

    @Test func adaptiveFeedbackAddsWordsWhenTheBestStoriesScoreAlike() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(Query(terms: ["grain"], mode: .any), limit: 10,
                                                 feedback: RelevanceModel(documents: 2, terms: 5, adaptiveSlope: RelevanceModel.autoSlope))
        #expect(!fed.added.isEmpty)
        #expect(try paths(r, fed.results.hits).contains("c.txt"))
    }

    func tree(_ r: IndexReader, _ text: String, _ mode: Query.Mode) throws -> QueryNode {
        try QuerySyntax(analyzer: r.queryAnalyzer(pinned: nil), today: nil).parse(text, mode: mode)
    }

    @Test func allTermsFeedbackKeepsEveryQueryWordRequired() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let fed = try searcher.search(Query(terms: ["grain", "odesa"], mode: .all), limit: 10,
                                      feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(!fed.added.isEmpty)
        #expect(Set(try paths(r, fed.results.hits)) == ["a.txt", "b.txt"])
        #expect(fed.results.totalHits == 2)
    }

    @Test func allTermsFeedbackLeavesASingleMatchAlone() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(Query(terms: ["drone", "odesa"], mode: .all), limit: 10,
                                                 feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(!fed.plan.applied)
        #expect(try paths(r, fed.results.hits) == ["c.txt"])
    }

    @Test func anyTermFeedbackKeepsTheQuerysFiltersAndExclusions() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let model = RelevanceModel(documents: 2, terms: 5)
        let excluded = try searcher.search(tree(r, "grain -drones", .any), mode: .any, options: SearchOptions(limit: 10), feedback: model)
        #expect(!excluded.added.isEmpty)
        #expect(!(try paths(r, excluded.results.hits)).contains("c.txt"))
        let filtered = try searcher.search(tree(r, "grain path:b.txt", .any), mode: .any, options: SearchOptions(limit: 10), feedback: model)
        #expect(try paths(r, filtered.results.hits) == ["b.txt"])
    }

    @Test func aRequiredWordStaysRequiredUnderAny() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(tree(r, "+grain wheat", .any), mode: .any, options: SearchOptions(limit: 10),
                                                 feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(!fed.added.isEmpty)
        #expect(Set(try paths(r, fed.results.hits)) == ["a.txt", "b.txt"])
    }

    @Test func aTreeQueryGetsTheSameFeedbackAsItsPlainWords() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let model = RelevanceModel(documents: 2, terms: 5)
        let plain = try searcher.search(Query(terms: ["grain"], mode: .any), limit: 10, feedback: model)
        let fromTree = try searcher.search(tree(r, "grain.", .any), mode: .any, options: SearchOptions(limit: 10), feedback: model)
        #expect(fromTree.added == plain.added)
        #expect(fromTree.results.hits == plain.results.hits)
    }

    @Test func theFeedbackOrderAppliesToTheSecondPass() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(tree(r, "grain", .any), mode: .any,
                                                 options: SearchOptions(limit: 10, order: .newest),
                                                 feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(try paths(r, fed.results.hits) == ["c.txt", "a.txt", "b.txt"])
        #expect(fed.queryShare == 0.5)
    }

    @Test func aRequiredGroupOfAlternativesStaysRequiredUnderAny() throws {
        let r = try reader()
        let fed = try Searcher(reader: r).search(tree(r, "+(drones OR wheat) port", .any), mode: .any,
                                                 options: SearchOptions(limit: 10), feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(!fed.added.isEmpty)
        #expect(Set(try paths(r, fed.results.hits)) == ["a.txt", "c.txt"])
    }

    @Test(arguments: [Query.Mode.all, .any])
    func withNoWeightOnTheQueryEveryTermWeighsWhatTheMixtureGivesIt(mode: Query.Mode) throws {
        let r = try reader()
        // Grain and odesa count alike in the two best stories; the model keeps one word, grain.
        let fed = try Searcher(reader: r).search(tree(r, "grain odesa", mode), mode: mode, options: SearchOptions(limit: 10),
                                                 feedback: RelevanceModel(documents: 2, terms: 1, originalWeight: 0))
        #expect(fed.plan.weights == ["grain": 1, "odesa": 0])
        #expect(fed.results.terms.allSatisfy { $0.weight != nil })
        #expect(fed.results.terms.first { $0.text == "grain" }?.weight == 1)
    }

    @Test func requiredWordsAloneUnderAnyNeedNoWordOfTheModel() {
        let odesa = QueryNode.match(.init(.term("odesa"))), port = QueryNode.match(.init(.term("port")))
        let grain = QueryNode.match(.init(.term("grain")))
        let required = QueryNode.boolean(must: [odesa, port], should: [], mustNot: [])
        #expect(Searcher.feedbackTree(required, filters: [], mode: .any, terms: ["grain"])
                == .boolean(must: [odesa, port], should: [grain], mustNot: []))
        let withOptional = QueryNode.boolean(must: [odesa], should: [port], mustNot: [])
        #expect(Searcher.feedbackTree(withOptional, filters: [], mode: .any, terms: ["grain"])
                == .boolean(must: [odesa, .boolean(must: [], should: [grain], mustNot: [])], should: [], mustNot: []))
    }

    @Test func explanationsSayWhichWeightsFeedbackSet() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let fed = try searcher.search(Query(terms: ["grain"], mode: .any), limit: 10, feedback: RelevanceModel(documents: 2, terms: 5))
        let hit = try #require(fed.results.hits.first)
        let explained = try searcher.explain(hit, in: fed.results)
        #expect(explained.terms.allSatisfy { $0.weightedByFeedback })
        #expect(abs(explained.score - hit.score) < 1e-9)
        let plain = try searcher.search(Query(terms: ["grain"], mode: .any), limit: 1)
        #expect(try !searcher.explain(plain.hits[0], in: plain).terms.contains { $0.weightedByFeedback })
    }

    @Test func anyTermFeedbackFindsNewStoriesWithinFiltersGivenBesideTheQuery() throws {
        let r = try reader()
        let searcher = Searcher(reader: r)
        let october = try DateRange.parse("2025-10", today: nil)
        let query = try tree(r, "grain wheat", .any)
        let fed = try searcher.search(query, filters: [.date(october)], mode: .any, options: SearchOptions(limit: 10),
                                      feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(Set(try paths(r, fed.results.hits)) == ["a.txt", "b.txt", "c.txt"])
        let lateOctober = try DateRange.parse("2025-10-27..2025-10-31", today: nil)
        let late = try searcher.search(query, filters: [.date(lateOctober)], mode: .any, options: SearchOptions(limit: 10),
                                       feedback: RelevanceModel(documents: 2, terms: 5))
        #expect(Set(try paths(r, late.results.hits)) == ["a.txt", "c.txt"])
        let september = try searcher.search(query, filters: [.date(try DateRange.parse("2025-09", today: nil))], mode: .any,
                                            options: SearchOptions(limit: 10), feedback: RelevanceModel())
        #expect(september.results.hits.isEmpty)
    }
}
