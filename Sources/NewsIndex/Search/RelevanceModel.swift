/// Pseudo-relevance feedback by RM3 (Lavrenko & Croft's relevance model, interpolated with
/// the query; Abdul-Jaleel et al., TREC 2004), as Anserini's `Rm3Reranker` computes it: the
/// first pass's best stories are taken as relevant, each story's term counts (as fractions
/// of its length) are added up weighted by its score, the `terms` heaviest words of that sum
/// are kept and scaled to sum to 1, and the query's own words (their counts, scaled to sum
/// to 1) are mixed in with weight `originalWeight`. The mixture's weights are the second
/// pass's query weights.
public struct RelevanceModel: Sendable, Equatable {
    /// First-pass stories taken as relevant.
    public var documents: Int
    /// Words the relevance model keeps.
    public var terms: Int
    /// The share of the original query in the mixture, from 0 to 1.
    public var originalWeight: Double

    /// Anserini's defaults (pyserini's `set_rm3()`): 10 stories, 10 words, half and half.
    public init(documents: Int = 10, terms: Int = 10, originalWeight: Double = 0.5) {
        self.documents = documents
        self.terms = terms
        self.originalWeight = originalWeight
    }

    /// One feedback story: its first-pass score and how many times each of its words occurs.
    struct Story {
        var score: Double
        var counts: [String: Int]
    }

    /// The second pass's terms and weights, heaviest first (ties by term): the query's own
    /// terms (`query`, with their counts) and the relevance model's, mixed. With no story to
    /// learn from, the query as it was, its counts scaled to sum to 1.
    func expand(query: [(term: String, count: Int)], stories: [Story]) -> [(term: String, weight: Double)] {
        var mixture: [String: Double] = [:]
        let queryTotal = Double(query.reduce(0) { $0 + $1.count })
        for (term, count) in query where queryTotal > 0 {
            mixture[term, default: 0] += originalWeight * Double(count) / queryTotal
        }
        let model = relevanceModel(stories)
        let modelTotal = model.reduce(0) { $0 + $1.weight }
        if modelTotal > 0 {
            for (term, weight) in model { mixture[term, default: 0] += (1 - originalWeight) * weight / modelTotal }
        } else {
            for term in mixture.keys { mixture[term]! /= originalWeight > 0 ? originalWeight : 1 }
        }
        return Self.heaviestFirst(mixture.filter { $0.value > 0 }.map { ($0.key, $0.value) })
    }

    /// The `terms` heaviest words of the stories' length-normalised counts weighted by score.
    private func relevanceModel(_ stories: [Story]) -> [(term: String, weight: Double)] {
        var sum: [String: Double] = [:]
        for story in stories {
            let length = Double(story.counts.values.reduce(0, +))
            guard length > 0, story.score > 0 else { continue }
            for (term, count) in story.counts { sum[term, default: 0] += story.score * Double(count) / length }
        }
        return Array(Self.heaviestFirst(sum.map { ($0.key, $0.value) }).prefix(max(0, terms)))
    }

    private static func heaviestFirst(_ weights: [(term: String, weight: Double)]) -> [(term: String, weight: Double)] {
        weights.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
    }
}
