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
    /// When set, feedback adapts to each query (`shareOfQuery(best:second:)`): the query's
    /// share grows with how far the first pass's best story stands out.
    public var adaptiveSlope: Double?

    /// The slope of `--feedback auto`, measured on make eval's four collections (docs/ranking.md).
    public static let autoSlope = 1.5

    /// Anserini's defaults (pyserini's `set_rm3()`): 10 stories, 10 words, half and half.
    public init(documents: Int = 10, terms: Int = 10, originalWeight: Double = 0.5, adaptiveSlope: Double? = nil) {
        self.documents = documents
        self.terms = terms
        self.originalWeight = originalWeight
        self.adaptiveSlope = adaptiveSlope
    }

    /// The query's share of the mixture, given the first pass's two best scores: with
    /// `adaptiveSlope`, `originalWeight` plus the slope times how far the best story stands
    /// out over the second (`best / second - 1`), at most 1, where feedback adds nothing.
    /// A query whose best story stands out looks for that story (a headline, a claim with one
    /// source), and words borrowed from it and its neighbours draw the ranking away from it;
    /// a query whose best stories score alike is about a topic they share.
    func shareOfQuery(best: Double, second: Double) -> Double {
        guard let slope = adaptiveSlope else { return originalWeight }
        guard second > 0, best > 0 else { return 1 }
        return min(1, max(originalWeight, originalWeight + slope * (best / second - 1)))
    }

    /// One feedback story: its first-pass score and how many times each word occurs in it,
    /// by the word's number (`counts[i]` is word `i`'s; the numbers are shared by the stories
    /// of one search, and `expand`'s `words` names them).
    struct Story {
        var score: Double
        var counts: [Int32]
    }

    /// The second pass's terms and weights, heaviest first (ties by term): the query's own
    /// terms (`query`, with their counts) and the relevance model's, mixed. With no story to
    /// learn from, the query as it was, its counts scaled to sum to 1.
    func expand(query: [(term: String, count: Int)], stories: [Story], words: (Int) -> String,
                originalWeight: Double? = nil) -> [(term: String, weight: Double)] {
        let originalWeight = originalWeight ?? self.originalWeight
        var mixture: [String: Double] = [:]
        let queryTotal = Double(query.reduce(0) { $0 + $1.count })
        for (term, count) in query where queryTotal > 0 {
            mixture[term, default: 0] += originalWeight * Double(count) / queryTotal
        }
        let model = relevanceModel(stories, words: words)
        let modelTotal = model.reduce(0) { $0 + $1.weight }
        if modelTotal > 0 {
            for (term, weight) in model { mixture[term, default: 0] += (1 - originalWeight) * weight / modelTotal }
        } else {
            for term in mixture.keys { mixture[term]! /= originalWeight > 0 ? originalWeight : 1 }
        }
        return mixture.filter { $0.value > 0 }.map { ($0.key, $0.value) }.sorted(by: Self.isHeavier)
    }

    /// The `terms` heaviest words of the stories' length-normalised counts weighted by score.
    private func relevanceModel(_ stories: [Story], words: (Int) -> String) -> [(term: String, weight: Double)] {
        var sum = [Double](repeating: 0, count: stories.reduce(0) { max($0, $1.counts.count) })
        for story in stories {
            let length = Double(story.counts.reduce(0) { $0 + Int($1) })
            guard length > 0, story.score > 0 else { continue }
            for (word, count) in story.counts.enumerated() where count > 0 {
                sum[word] += story.score * Double(count) / length
            }
        }
        // The stories hold thousands of words and the model keeps ten: one pass that keeps
        // the heaviest so far, rather than sorting them all; words are named only to break ties.
        let k = max(0, terms)
        guard k > 0 else { return [] }
        var top: [(word: Int, weight: Double)] = []
        top.reserveCapacity(k + 1)
        func heavier(_ a: (word: Int, weight: Double), _ b: (word: Int, weight: Double)) -> Bool {
            a.weight != b.weight ? a.weight > b.weight : words(a.word) < words(b.word)
        }
        for (word, weight) in sum.enumerated() where weight > 0 {
            guard top.count < k || heavier((word, weight), top[top.count - 1]) else { continue }
            var i = top.count
            while i > 0 && heavier((word, weight), top[i - 1]) { i -= 1 }
            top.insert((word, weight), at: i)
            if top.count > k { top.removeLast() }
        }
        return top.map { (words($0.word), $0.weight) }
    }

    /// The order of weights: heavier first, ties by term.
    private static func isHeavier(_ a: (term: String, weight: Double), than b: (term: String, weight: Double)) -> Bool {
        a.weight != b.weight ? a.weight > b.weight : a.term < b.term
    }
}
