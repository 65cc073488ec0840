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
    /// The query's own share of the second pass's weights: 1 when feedback was skipped
    /// (`--feedback auto` left the query whole, or its stories offered no word).
    public var queryShare: Double
    /// The query the results answer: the second pass's (what it matches, for counting by
    /// facet), or the one given when feedback added nothing.
    public var query: QueryNode
}

extension Searcher {
    /// Searches a plain query with pseudo-relevance feedback: `search(_:mode:options:feedback:)`
    /// for the tree of `query`.
    public func search(_ query: Query, limit: Int, feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        precondition(query.weights == nil, "feedback reweights a query as written")
        return try search(QueryNode(query), mode: query.mode, options: SearchOptions(limit: limit), feedback: model)
    }

    /// Searches with pseudo-relevance feedback (`RelevanceModel`): ranks `tree` as given
    /// (by relevance), reads the words of its best `model.documents` stories from their
    /// stored text, as the index analysed them (their language's analysis, stop words left
    /// out), and ranks again by the mixture of the query's scoring terms and the relevance
    /// model, each term weighted by its share. A word the model finds that is a form of a
    /// query word adds to that word.
    ///
    /// What the query requires still holds in the second pass: under `.all` (`mode`, how the
    /// tree was read) the whole query decides which stories match and feedback only how they
    /// rank; under `.any` stories with any of the mixture's words match, within the query's
    /// required clauses (filters, `+words`) and outside its exclusions, as RM3's expanded
    /// query does. `options` (order, recency, limit) apply to the second pass.
    ///
    /// With `model.adaptiveSlope`, the query's share follows its first pass
    /// (`RelevanceModel.shareOfQuery`). A query left whole, or whose stories offer no word
    /// to learn from, is answered as a plain search would answer it, nothing added.
    public func search(_ tree: QueryNode, mode: Query.Mode, options: SearchOptions,
                       feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        precondition(options.weights == nil, "feedback reweights a query as written")
        let depth = max(2, model.documents)
        let first = try search(tree, options: SearchOptions(limit: depth, recencyHalfLifeDays: options.recencyHalfLifeDays))
        // The plain answer: the first pass's own when it ranked as deep (or every match),
        // counting them exactly, else a search of its own.
        func plain() throws(IndexError) -> FeedbackResults {
            let limit = options.limit
            let reusable = options.order == .relevance
                && (limit == depth || first.totalHitsIsExact && (limit <= first.hits.count || first.hits.count < depth))
            return FeedbackResults(results: reusable ? Self.prefix(first, limit) : try search(tree, options: options),
                                   added: [], queryShare: 1, query: tree)
        }
        let scores = first.hits.map(\.score)
        let share = model.shareOfQuery(best: scores.first ?? 0, second: scores.count > 1 ? scores[1] : 0)
        guard share < 1, model.terms > 0, !first.terms.isEmpty else { return try plain() }
        var stories: [RelevanceModel.Story] = []
        var words = FeedbackWords()
        for hit in first.hits.prefix(max(0, model.documents)) {
            let counts = try reader.withStoredStory(at: hit.address) { stored, body in
                words.counts(language: stored.story.languageCode,
                             title: stored.story.titleIsHeadline ? stored.story.title : nil, body: body)
            }
            stories.append(RelevanceModel.Story(score: hit.score, counts: counts))
        }
        guard stories.contains(where: { $0.score > 0 && $0.counts.contains { $0 > 0 } }) else { return try plain() }
        var owner: [String: String] = [:]
        for term in first.terms {
            for form in AlternativeTerms.split(term.text) where owner[form] == nil { owner[form] = term.text }
        }
        var weights: [String: Double] = [:]
        var order: [String] = []
        for (term, weight) in model.expand(query: first.terms.map { ($0.text, $0.queryFrequency) }, stories: stories,
                                           words: words.word, originalWeight: share) {
            let into = owner[term] ?? term
            if weights[into] == nil { order.append(into) }
            weights[into, default: 0] += weight
        }
        var secondOptions = options
        secondOptions.weights = weights
        let second = Self.feedbackTree(tree, mode: mode, terms: order)
        let results = try search(second, options: secondOptions)
        let asked = Set(first.terms.map(\.text))
        let added = order.filter { !asked.contains($0) }.map { FeedbackTerm(term: $0, weight: weights[$0]!) }
        return FeedbackResults(results: results, added: added.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term
        }, queryShare: share, query: second)
    }

    /// The second pass's tree: the mixture's `terms` as optional words, under what `tree`
    /// requires: all of it under `.all`; under `.any` its filters, `+words` and exclusions,
    /// with at least one of the mixture's words in place of the query's own.
    static func feedbackTree(_ tree: QueryNode, mode: Query.Mode, terms: [String]) -> QueryNode {
        let words = terms.map { QueryNode.match(QueryNode.Match(.term($0))) }
        guard mode == .any else { return .boolean(must: [tree], should: words, mustNot: []) }
        let (required, excluded) = requiredUnderAny(tree)
        if required.isEmpty { return .boolean(must: [], should: words, mustNot: excluded) }
        return .boolean(must: required + [.boolean(must: [], should: words, mustNot: [])], should: [], mustNot: excluded)
    }

    /// What an any-term tree requires besides one of its words: its filters and required
    /// words (`must` clauses, through groups that are themselves required) and its exclusions.
    private static func requiredUnderAny(_ node: QueryNode) -> (must: [QueryNode], mustNot: [QueryNode]) {
        guard case .boolean(let must, _, let mustNot) = node else { return node.onlyFilters ? ([node], []) : ([], []) }
        var required: [QueryNode] = []
        var excluded = mustNot
        for clause in must {
            if case .boolean = clause, !clause.onlyFilters {
                let inner = requiredUnderAny(clause)
                required += inner.must
                excluded += inner.mustNot
            } else {
                required.append(clause)
            }
        }
        return (required, excluded)
    }

    /// The first `limit` hits of `results`, the rest as they were.
    private static func prefix(_ results: SearchResults, _ limit: Int) -> SearchResults {
        var results = results
        results.hits = Array(results.hits.prefix(max(0, limit)))
        return results
    }
}

/// The words of feedback stories as the index analysed them, counted as the index counts
/// them (a headline's `SegmentFormat.headlineWeight` times; a title taken from the body is
/// not read twice): without the stop words of the story's language, matched as written
/// before stemming as a query's are (`owned` stays, `own` goes), lone characters and bare
/// numbers, which say nothing about what a story is about (Anserini's RM3 keeps letters and
/// digits only, over an index without stop words).
///
/// The words are numbered across the stories of one search. Each word as written is judged
/// once per language and interned with its term, so a token costs two table lookups and no
/// allocation (a string per token, matched against the stop list, was three quarters of a
/// feedback search).
struct FeedbackWords {
    /// One language's analysis, with what it made of each word as written.
    private struct Reading {
        let analysis: LanguageAnalysis
        let context = AnalysisContext()
        let stops: StopWords
        var written = TermTable()
        /// Per word in `written`, its number in `terms`, or -1 when it is left out.
        var numbers: [Int32] = []

        init(language: String) {
            analysis = .of(language)
            stops = StopWords.of(language) ?? StopWords.english
        }
    }

    private var readings: [String: Reading] = [:]
    /// The language of the story being read, and the story's counts so far: state of one
    /// `counts` call, kept here so a token's work is one access to `self`.
    private var reading: Reading?
    private var tally: [Int32] = []
    private var terms = TermTable()

    /// How many times each word occurs in the story, by number (`word(_:)`).
    mutating func counts(language: String, title: String?, body: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let current = readings.removeValue(forKey: language) ?? Reading(language: language)
        reading = current
        tally = []
        if var title {
            title.withUTF8 { text in
                Analyzer.standard.forEachToken(inUTF8: text, language: current.analysis, context: current.context) { term, range in
                    add(term, written: UnsafeBufferPointer(rebasing: text[range]), times: Int32(SegmentFormat.headlineWeight))
                }
            }
        }
        Analyzer.standard.forEachToken(inUTF8: body, language: current.analysis, context: current.context) { term, range in
            add(term, written: UnsafeBufferPointer(rebasing: body[range]), times: 1)
        }
        readings[language] = reading.take()
        defer { tally = [] }
        return tally
    }

    /// Counts one token of the story being read.
    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>, times: Int32) {
        let w = reading!.written.intern(written)
        if w == reading!.numbers.count {
            let n = number(of: term, written: written, stops: reading!.stops)
            reading!.numbers.append(n)
        }
        let n = Int(reading!.numbers[w])
        guard n >= 0 else { return }
        if n >= tally.count { tally += repeatElement(0, count: n + 1 - tally.count) }
        tally[n] += times
    }

    /// The term numbered `n`.
    func word(_ n: Int) -> String {
        terms.withTerm(n) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number of `term`, or -1 when the word is left out.
    private mutating func number(of term: UnsafeBufferPointer<UInt8>, written: UnsafeBufferPointer<UInt8>, stops: StopWords) -> Int32 {
        var scalars = 0
        var digitsOnly = true
        for b in term {
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b < UInt8(ascii: "0") || b > UInt8(ascii: "9") { digitsOnly = false }
        }
        guard scalars > 1, !digitsOnly, !Self.isStopWord(written, stops) else { return -1 }
        return Int32(terms.intern(term))
    }

    /// Whether the word as written is on the stop list, in lower case as a query's words
    /// are matched (`AnalysisContext.lowerCase`); ASCII without allocating.
    private static func isStopWord(_ written: UnsafeBufferPointer<UInt8>, _ stops: StopWords) -> Bool {
        guard written.count <= 64, written.allSatisfy({ $0 < 0x80 }) else {
            return AnalysisContext.lowerCase(written, folded: nil).withUnsafeBufferPointer { stops.contains(utf8: $0) }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: written.count) { buffer in
            var n = 0
            for b in written where b != UInt8(ascii: "'") && b != UInt8(ascii: ".") && b != UInt8(ascii: ",") {
                buffer[n] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
                n += 1
            }
            return stops.contains(utf8: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }
}
