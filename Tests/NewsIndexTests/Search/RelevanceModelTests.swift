import Testing
@testable import NewsIndex

/// RM3's arithmetic: the relevance model of the feedback stories, mixed with the query.
@Suite struct RelevanceModelTests {
    func weights(_ expanded: [(term: String, weight: Double)]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: expanded.map { ($0.term, $0.weight) })
    }

    /// RM3 over stories given as word counts, numbering their words in order of first use.
    func expand(_ model: RelevanceModel, query: [(term: String, count: Int)],
                stories: [(score: Double, counts: KeyValuePairs<String, Int>)]) -> [(term: String, weight: Double)] {
        var words: [String] = []
        let numbered = stories.map { story in
            var counts: [Int32] = []
            for (word, count) in story.counts {
                if !words.contains(word) { words.append(word) }
                let n = words.firstIndex(of: word)!
                if n >= counts.count { counts += repeatElement(0, count: n + 1 - counts.count) }
                counts[n] += Int32(count)
            }
            return RelevanceModel.Story(score: story.score, counts: counts)
        }
        return model.expand(query: query, stories: numbered, words: { words[$0] })
    }

    @Test func withNoStoryTheQueryComesBackScaledToOne() {
        let expanded = expand(RelevanceModel(), query: [("grain", 2), ("port", 1)], stories: [])
        #expect(expanded.map(\.term) == ["grain", "port"])
        #expect(abs(expanded[0].weight - 2.0 / 3) < 1e-12)
        #expect(abs(expanded[1].weight - 1.0 / 3) < 1e-12)
    }

    @Test func storiesCountAsFractionsOfTheirLengthWeightedByScore() {
        let model = RelevanceModel(documents: 2, terms: 10, originalWeight: 0)
        // odesa: 3 * 1/2 + 1 * 4/4 = 2.5; grain: 3 * 1/2 = 1.5; scaled to sum to 1.
        let w = weights(expand(model, query: [("grain", 1)], stories: [(3, ["odesa": 1, "grain": 1]), (1, ["odesa": 4])]))
        #expect(abs(w["odesa"]! - 2.5 / 4) < 1e-12)
        #expect(abs(w["grain"]! - 1.5 / 4) < 1e-12)
    }

    @Test func onlyTheHeaviestWordsOfTheModelAreKept() {
        let model = RelevanceModel(documents: 1, terms: 2, originalWeight: 0.5)
        let expanded = expand(model, query: [("grain", 1)], stories: [(1, ["odesa": 5, "port": 3, "ship": 1, "wheat": 1])])
        #expect(Set(expanded.map(\.term)) == ["grain", "odesa", "port"])
        let w = weights(expanded)
        #expect(abs(w["grain"]! - 0.5) < 1e-12)
        #expect(abs(w["odesa"]! - 0.5 * 5 / 8) < 1e-12)
        #expect(abs(w["port"]! - 0.5 * 3 / 8) < 1e-12)
    }

    @Test func wordsOfEqualWeightAreKeptInTheOrderOfTheirTerms() {
        let model = RelevanceModel(documents: 1, terms: 3, originalWeight: 0.5)
        let expanded = expand(model, query: [("grain", 1)], stories: [(1, ["wheat": 1, "odesa": 5, "ship": 1, "port": 3, "barley": 1])])
        #expect(expanded.map(\.term) == ["grain", "odesa", "port", "barley"])
    }

    @Test func aModelOfNoWordsLeavesTheQueryAsItWas() {
        let expanded = expand(RelevanceModel(documents: 1, terms: 0), query: [("grain", 1)], stories: [(1, ["odesa": 2])])
        #expect(expanded.map(\.term) == ["grain"])
        #expect(abs(expanded[0].weight - 1) < 1e-12)
    }

    @Test func aQueryWordTheStoriesUseGainsFromBoth() {
        let model = RelevanceModel(documents: 1, terms: 10, originalWeight: 0.5)
        let w = weights(expand(model, query: [("grain", 1)], stories: [(2, ["grain": 1, "odesa": 1])]))
        #expect(abs(w["grain"]! - (0.5 + 0.25)) < 1e-12)
        #expect(abs(w["odesa"]! - 0.25) < 1e-12)
    }

    @Test func withAllWeightOnTheQueryNothingIsAdded() {
        let model = RelevanceModel(documents: 1, terms: 10, originalWeight: 1)
        #expect(expand(model, query: [("grain", 1)], stories: [(2, ["odesa": 3])]).map(\.term) == ["grain"])
    }

    @Test func withoutASlopeTheQuerysShareIsFixed() {
        #expect(RelevanceModel(originalWeight: 0.5).shareOfQuery(best: 9, second: 1) == 0.5)
    }

    @Test(arguments: [(1.0, 1.0, 0.5), (1.1, 1.0, 0.65), (1.2, 1.0, 0.8), (2.0, 1.0, 1.0), (3.0, 0.0, 1.0)])
    func theQuerysShareGrowsAsItsBestStoryStandsOut(best: Double, second: Double, share: Double) {
        let model = RelevanceModel(originalWeight: 0.5, adaptiveSlope: 1.5)
        #expect(abs(model.shareOfQuery(best: best, second: second) - share) < 1e-12)
    }
}
