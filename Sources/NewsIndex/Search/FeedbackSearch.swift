/// A term pseudo-relevance feedback added to a query, with its weight in the second pass.
public struct FeedbackTerm: Sendable, Equatable {
    public var term: String
    public var weight: Double
}

/// A search run twice, the second time with what the first pass's best stories say.
public struct FeedbackResults: Sendable {
    /// The second pass's results; their terms carry the mixed weights.
    public var results: SearchResults
    /// The terms the relevance model added, heaviest first.
    public var added: [FeedbackTerm]
}

extension Searcher {
    /// Searches with pseudo-relevance feedback (`RelevanceModel`): ranks `query` as given,
    /// reads the words of its best `model.documents` stories from their stored text, as the
    /// index analysed them (their language's analysis, stop words left out), and ranks the
    /// mixture of the query and the relevance model as an any-term query, each term weighted
    /// by its share. A word the model finds that is a form of a query word adds to that word.
    ///
    /// With `model.adaptiveSlope`, the query's share follows its first pass
    /// (`RelevanceModel.shareOfQuery`); a query left whole is ranked as it is, nothing added.
    public func search(_ query: Query, limit: Int, feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        let first = try search(query, limit: max(2, model.documents))
        let scores = first.hits.map(\.score)
        let share = model.shareOfQuery(best: scores.first ?? 0, second: scores.count > 1 ? scores[1] : 0)
        if share >= 1 {
            // The first pass holds the answer when it ranked as deep, or ranked every match.
            let complete = limit <= first.hits.count || first.hits.count < max(2, model.documents)
            return FeedbackResults(results: complete ? Self.prefix(first, limit) : try search(query, limit: limit), added: [])
        }
        var stories: [RelevanceModel.Story] = []
        var analyses: [String: FeedbackWords] = [:]
        for hit in first.hits.prefix(max(0, model.documents)) {
            let counts = try reader.withStoredStory(at: hit.address) { stored, body in
                let language = stored.story.languageCode
                let words = analyses[language] ?? FeedbackWords(language: language)
                analyses[language] = words
                return words.counts(title: stored.story.title, body: body)
            }
            stories.append(RelevanceModel.Story(score: hit.score, counts: counts))
        }
        var owner: [String: String] = [:]
        for term in query.terms {
            for form in AlternativeTerms.split(term) where owner[form] == nil { owner[form] = term }
        }
        var weights: [String: Double] = [:]
        var order: [String] = []
        for (term, weight) in model.expand(query: Array(zip(query.terms, query.frequencies)), stories: stories,
                                           originalWeight: share) {
            let into = owner[term] ?? term
            if weights[into] == nil { order.append(into) }
            weights[into, default: 0] += weight
        }
        var expanded = Query(terms: order, mode: .any)
        expanded.weights = order.map { weights[$0]! }
        let results = try search(expanded, limit: limit)
        let asked = Set(query.terms)
        let added = order.filter { !asked.contains($0) }.map { FeedbackTerm(term: $0, weight: weights[$0]!) }
        return FeedbackResults(results: results, added: added.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term
        })
    }

    /// The first `limit` hits of `results`, the rest as they were.
    private static func prefix(_ results: SearchResults, _ limit: Int) -> SearchResults {
        var results = results
        results.hits = Array(results.hits.prefix(max(0, limit)))
        return results
    }
}

/// The words of a feedback story as the index analysed them, counted: headline and body,
/// without the stop words of the story's language, lone characters and bare numbers, which
/// say nothing about what a story is about (Anserini's RM3 keeps letters and digits only,
/// over an index without stop words).
struct FeedbackWords {
    let language: String
    private let stops: StopWords

    init(language: String) {
        self.language = language
        stops = Self.stopTerms(language)
    }

    func counts(title: String, body: UnsafeBufferPointer<UInt8>) -> [String: Int] {
        var counts: [String: Int] = [:]
        func count(_ term: UnsafeBufferPointer<UInt8>, _: Range<Int>) {
            guard term.count > 1, term.contains(where: { !($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) else { return }
            let word = String(decoding: term, as: UTF8.self)
            if !stops.contains(word) { counts[word, default: 0] += 1 }
        }
        Analyzer.standard.forEachToken(in: title, language: language, count)
        Analyzer.standard.forEachToken(in: String(decoding: body, as: UTF8.self), language: language, count)
        return counts
    }

    /// The stop words of `language` (English when it has none) as its analysis leaves them.
    static func stopTerms(_ language: String) -> StopWords {
        let list = StopWords.of(language) ?? StopWords.english
        var terms: [String] = []
        for word in list.sorted {
            Analyzer.standard.forEachToken(in: word, language: language) { term, _ in
                terms.append(String(decoding: term, as: UTF8.self))
            }
        }
        return StopWords(sorted: Array(Set(terms + list.sorted)).sorted())
    }
}
