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
    /// (`RelevanceModel.shareOfQuery`). A query left whole, or whose stories offer no word
    /// to learn from, is answered as a plain search would answer it, nothing added.
    public func search(_ query: Query, limit: Int, feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        precondition(query.weights == nil, "feedback reweights a query as written")
        let depth = max(2, model.documents)
        let first = try search(query, limit: depth)
        // The plain answer: the first pass's own when it ranked as deep (or every match),
        // counting them exactly, else a search of its own.
        func plain() throws(IndexError) -> FeedbackResults {
            let reusable = limit == depth || first.totalHitsIsExact && (limit <= first.hits.count || first.hits.count < depth)
            return FeedbackResults(results: reusable ? Self.prefix(first, limit) : try search(query, limit: limit), added: [])
        }
        let scores = first.hits.map(\.score)
        let share = model.shareOfQuery(best: scores.first ?? 0, second: scores.count > 1 ? scores[1] : 0)
        guard share < 1, model.terms > 0 else { return try plain() }
        var stories: [RelevanceModel.Story] = []
        var analyses: [String: FeedbackWords] = [:]
        for hit in first.hits.prefix(max(0, model.documents)) {
            let counts = try reader.withStoredStory(at: hit.address) { stored, body in
                let language = stored.story.languageCode
                let words = analyses[language] ?? FeedbackWords(language: language)
                analyses[language] = words
                return words.counts(title: stored.story.titleIsHeadline ? stored.story.title : nil, body: body)
            }
            stories.append(RelevanceModel.Story(score: hit.score, counts: counts))
        }
        guard stories.contains(where: { $0.score > 0 && !$0.counts.isEmpty }) else { return try plain() }
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

/// The words of a feedback story as the index analysed them, counted as the index counts
/// them (a headline's `SegmentFormat.headlineWeight` times; a title taken from the body is
/// not read twice): without the stop words of the story's language, matched as written
/// before stemming as a query's are (`owned` stays, `own` goes), lone characters and bare
/// numbers, which say nothing about what a story is about (Anserini's RM3 keeps letters and
/// digits only, over an index without stop words).
struct FeedbackWords {
    let language: String
    private let analysis: LanguageAnalysis
    private let context = AnalysisContext()
    private let stops: StopWords

    init(language: String) {
        self.language = language
        analysis = .of(language)
        stops = StopWords.of(language) ?? StopWords.english
    }

    func counts(title: String?, body: UnsafeBufferPointer<UInt8>) -> [String: Int] {
        var counts: [String: Int] = [:]
        func count(_ text: UnsafeBufferPointer<UInt8>, times: Int) {
            Analyzer.standard.forEachToken(inUTF8: text, language: analysis, context: context) { term, range in
                let word = String(decoding: term, as: UTF8.self)
                guard word.unicodeScalars.count > 1, word.unicodeScalars.contains(where: { !("0"..."9").contains($0) }) else { return }
                let written = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
                if !stops.contains(written) { counts[word, default: 0] += times }
            }
        }
        if var title {
            title.withUTF8 { count($0, times: SegmentFormat.headlineWeight) }
        }
        count(body, times: 1)
        return counts
    }
}
