/// A term pseudo-relevance feedback added to a query, with its weight in the second pass.
public struct FeedbackTerm: Sendable, Equatable {
    public var term: String
    public var weight: Double
}

/// What feedback makes of a query: the second pass to run, and what it added.
public struct FeedbackPlan: Sendable {
    /// The query the second pass runs (its filters included): the query itself when
    /// feedback was skipped.
    public var query: QueryNode
    /// Every scoring term's weight in the second pass (the query's own too, 0 when the
    /// mixture leaves it none); nil when feedback was skipped.
    public var weights: [String: Double]?
    /// The terms the relevance model added, heaviest first.
    public var added: [FeedbackTerm]
    /// The query's own share of the weights: 1 when feedback was skipped (`auto` left the
    /// query whole, a query read under `.all` found one story, or its stories offered no word).
    public var queryShare: Double

    /// Whether feedback changed the query.
    public var applied: Bool { weights != nil }

    /// `options` for the second pass: with the mixture's weights.
    public func options(_ options: SearchOptions) -> SearchOptions {
        var options = options
        options.weights = weights
        return options
    }
}

/// A search run twice, the second time with what the first pass's best stories say.
public struct FeedbackResults: Sendable {
    /// The second pass's results (their terms carry the mixed weights), or the query's own
    /// when feedback was skipped.
    public var results: SearchResults
    public var plan: FeedbackPlan

    /// The terms the relevance model added, heaviest first.
    public var added: [FeedbackTerm] { plan.added }
    public var queryShare: Double { plan.queryShare }
}

extension Searcher {
    /// Searches a plain query with pseudo-relevance feedback
    /// (`feedbackPlan(for:filters:mode:recencyHalfLifeDays:model:)`).
    public func search(_ query: Query, limit: Int, feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        precondition(query.weights == nil, "feedback reweights a query as written")
        return try search(QueryNode(query), mode: query.mode, options: SearchOptions(limit: limit), feedback: model)
    }

    /// Searches `tree` restricted by `filters` with pseudo-relevance feedback: its plan, then
    /// its second pass with `options`.
    public func search(_ tree: QueryNode, filters: [QueryNode] = [], mode: Query.Mode, options: SearchOptions,
                       feedback model: RelevanceModel) throws(IndexError) -> FeedbackResults {
        precondition(options.weights == nil, "feedback reweights a query as written")
        let plan = try feedbackPlan(for: tree, filters: filters, mode: mode,
                                    recencyHalfLifeDays: options.recencyHalfLifeDays, model: model)
        return FeedbackResults(results: try search(plan.query, options: plan.options(options)), plan: plan)
    }

    /// Pseudo-relevance feedback (`RelevanceModel`) for `tree` restricted by `filters`
    /// (dates, languages, sources chosen beside the query): ranks it (by relevance), reads
    /// the words of its best `model.documents` stories from their stored text, as the index
    /// analysed them (their language's analysis, stop words left out), and mixes the query's
    /// scoring terms with the relevance model, each term weighted by its share. A word the
    /// model finds that is a form of a query word adds to that word.
    ///
    /// What the query requires still holds in the second pass: under `.all` (`mode`, how the
    /// tree was read) the whole query decides which stories match and feedback only how they
    /// rank; under `.any` stories with any of the mixture's words match, within the filters
    /// and the query's required clauses (`+words`, required groups, fields) and outside its
    /// exclusions, as RM3's expanded query does; a lone word is one of the words.
    ///
    /// With `model.adaptiveSlope`, the query's share follows its first pass
    /// (`RelevanceModel.shareOfQuery`). A query left whole, one read under `.all` that
    /// matches one story, or one whose stories offer no word to learn from keeps its own search.
    public func feedbackPlan(for tree: QueryNode, filters: [QueryNode] = [], mode: Query.Mode,
                             recencyHalfLifeDays: Double? = nil, model: RelevanceModel) throws(IndexError) -> FeedbackPlan {
        let query = tree.filtered(by: filters)
        let skipped = FeedbackPlan(query: query, weights: nil, added: [], queryShare: 1)
        let first = try search(query, options: SearchOptions(limit: max(2, model.documents), recencyHalfLifeDays: recencyHalfLifeDays))
        let scores = first.hits.map(\.score)
        let share = model.shareOfQuery(best: scores.first ?? 0, second: scores.count > 1 ? scores[1] : 0)
        guard share < 1, model.terms > 0, !first.terms.isEmpty else { return skipped }
        // Under `.all` feedback only reorders the query's matches: one match has no order to change.
        guard mode == .any || !first.totalHitsIsExact || first.totalHits > 1 else { return skipped }
        var stories: [RelevanceModel.Story] = []
        var words = FeedbackWords()
        for hit in first.hits.prefix(max(0, model.documents)) {
            let counts = try reader.withStoredStory(at: hit.address) { stored, body in
                words.counts(language: stored.story.languageCode,
                             title: stored.story.titleIsHeadline ? stored.story.title : nil, body: body)
            }
            stories.append(RelevanceModel.Story(score: hit.score, counts: counts))
        }
        guard stories.contains(where: { $0.score > 0 && $0.counts.contains { $0 > 0 } }) else { return skipped }
        var owner: [String: String] = [:]
        for term in first.terms {
            for form in AlternativeTerms.split(term.text) where owner[form] == nil { owner[form] = term.text }
        }
        var mixture: [String: Double] = [:]
        var order: [String] = []
        for (term, weight) in model.expand(query: first.terms.map { ($0.text, $0.queryFrequency) }, stories: stories,
                                           words: words.word, originalWeight: share) {
            let into = owner[term] ?? term
            if mixture[into] == nil { order.append(into) }
            mixture[into, default: 0] += weight
        }
        var weights = mixture
        for term in first.terms where weights[term.text] == nil { weights[term.text] = 0 }
        let asked = Set(first.terms.map(\.text))
        // Heaviest first already: the mixture's order, and only query words gain from merged forms.
        let added = order.filter { !asked.contains($0) }.map { FeedbackTerm(term: $0, weight: mixture[$0]!) }
        return FeedbackPlan(query: Self.feedbackTree(tree, filters: filters, mode: mode, terms: order), weights: weights,
                            added: added, queryShare: share)
    }

    /// The second pass's tree: the mixture's `terms` as optional words, under what `tree`
    /// requires: all of it under `.all`; under `.any` its required clauses and exclusions,
    /// with at least one of the mixture's words in place of its optional clauses (when it has
    /// some). `filters` always hold.
    static func feedbackTree(_ tree: QueryNode, filters: [QueryNode], mode: Query.Mode, terms: [String]) -> QueryNode {
        let words = terms.map { QueryNode.match(QueryNode.Match(.term($0))) }
        guard mode == .any else { return .boolean(must: [tree] + filters, should: words, mustNot: []) }
        var required = filters
        var excluded: [QueryNode] = []
        // Whether the query had optional clauses, which one of the mixture's words stands for.
        var optional = false
        switch tree {
        case .boolean(let must, let should, let mustNot):
            required = must + filters
            excluded = mustNot
            optional = !should.isEmpty
        case .match, .date, .path:
            if tree.onlyFilters { required = [tree] + filters } else { optional = true }
        }
        if required.isEmpty { return .boolean(must: [], should: words, mustNot: excluded) }
        guard optional else { return .boolean(must: required, should: words, mustNot: excluded) }
        return .boolean(must: required + [.boolean(must: [], should: words, mustNot: [])], should: [], mustNot: excluded)
    }
}

/// The words of feedback stories as the index analysed them, counted as the index counts
/// them (a headline's `SegmentFormat.headlineWeight` times; a title taken from the body is
/// not read twice): without the stop words of the story's language, matched as written
/// before stemming as a query's are (`owned` stays, `own` goes), lone characters and words of
/// digits alone (`2025`; `38.13` stays), which say nothing about what a story is about (Anserini's RM3 keeps letters and
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
        // Moved in and out, never copied: a copy would duplicate its tables on the first new word.
        reading = readings.removeValue(forKey: language) ?? Reading(language: language)
        let analysis = reading!.analysis, context = reading!.context
        if var title {
            title.withUTF8 { text in
                Analyzer.standard.forEachToken(inUTF8: text, language: analysis, context: context) { term, range in
                    add(term, written: UnsafeBufferPointer(rebasing: text[range]), times: Int32(SegmentFormat.headlineWeight))
                }
            }
        }
        Analyzer.standard.forEachToken(inUTF8: body, language: analysis, context: context) { term, range in
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
