#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsIndex

/// One `newsidx search` as a plain value: what to search, where, and how to print it.
/// `SearchCommand` builds it from parsed arguments; `SearchFastPath` from the common
/// argument shapes without the parser's start-up cost.
struct SearchRequest: Equatable {
    var index: String
    var any: Bool
    var limit: Int
    var format: SearchCommand.OutputFormat
    var queries: String?
    var stats: Bool
    var explain = false
    var words: [String]
    /// `--since` / `--until`, as written (`DateRange` forms, relative ones included).
    var since: String? = nil
    var until: String? = nil
    /// `--lang`, as written: language codes, each perhaps a comma-separated list.
    var languages: [String] = []
    /// `--query-lang`, as written: the one language queries are analysed as.
    var queryLanguage: String? = nil
    var sort: SortOrder = .relevance
    /// `--recent`: the half-life, in days, of the decay of older stories' scores.
    var recencyHalfLife: Double? = nil
    /// "did you mean" on stderr for queries with few hits: on for one query unless
    /// `--no-suggest`, off for a batch unless `--suggest` (a run's stderr is for errors).
    var suggest = true
    /// A query that breaks the language's rules is an error (`--strict`), not searched as
    /// its plain words with a note.
    var strict = false
    /// Hits to pass over before the first shown (`--offset`, for paging).
    var offset = 0
    /// Print only the number of matching stories, counted exactly (`--count`).
    var count = false
    /// About how many words each snippet shows (`--snippet-words`; 0 for none).
    var snippetWords = SnippetBuilder.defaultWordCount
    /// One hit per cluster of copies (the default; `--no-collapse` turns it off).
    var collapse = true
    /// List every other member of a hit's cluster under it, not only the first few (`--expand`).
    var expand = false
    /// Pseudo-relevance feedback (`--feedback`), or nil for none.
    var feedback: RelevanceModel? = nil

    /// Whether this search folds copies into one hit: not for `--count` (which counts
    /// stories) nor for a trec run (whose judgments rank every story).
    var collapsing: Bool { collapse && !count && format != .trec }

    func run() throws {
        let batch: [QueryBatch.Entry]
        if let queries {
            batch = try QueryBatch.load(queries)
        } else {
            batch = [QueryBatch.Entry(id: "1", text: Self.spaceSeparated(words))]
        }
        let today = Self.today()
        let reader = try withIndex { () throws(IndexError) in try IndexReader(directory: index, analyzer: .standard) }
        // Queries are read for the languages the index holds (or the one --query-lang pins).
        let pinned = try queryLanguageCode()
        let analyzer = try withIndex { () throws(IndexError) in try reader.queryAnalyzer(pinned: pinned) }
        let syntax = QuerySyntax(analyzer: analyzer, today: today)
        let mode: Query.Mode = any ? .any : .all
        let window = try dateWindow(today: today)
        let languageFilter = try self.languageFilter()
        let filters = [window.map { QueryNode.date($0) }, languageFilter].compactMap { $0 }
        // Plain words ranked by relevance need no tree: the query parser's flat query is
        // what the tree would flatten to, without the cost of building it.
        let plainAllowed = filters.isEmpty && sort == .relevance && recencyHalfLife == nil
        var parsed: [(QueryBatch.Entry, ParsedQuery, QueryNote?)] = []
        for entry in batch {
            var tree: QueryNode
            var note: QueryNote? = nil
            do {
                if plainAllowed && QuerySyntax.isPlainWords(entry.text) {
                    parsed.append((entry, .plain(try QueryParser(analyzer: analyzer).parse(entry.text, mode: mode)), nil))
                    continue
                }
                if strict {
                    tree = try syntax.parse(entry.text, mode: mode)
                } else {
                    let reading = try syntax.parseLeniently(entry.text, mode: mode)
                    tree = reading.tree
                    note = reading.note
                }
            } catch {
                guard let queries else { throw CommandFailure.usage(error.description) }
                if strict { throw CommandFailure.usage("\(queries): query \(entry.id): \(error)") }
                // A batch goes on without a query that has no words, or a date that does not exist.
                Terminal.warning("\(queries): query \(entry.id): \(error)")
                continue
            }
            if let note { Terminal.note((queries == nil ? "" : "query \(entry.id): ") + note.description) }
            parsed.append((entry, .tree(tree), note))
        }
        let isBatch = queries != nil
        var latencies = LatencyStats()
        // The hits up to the last one shown are ranked; `--count` ranks one but counts all.
        let (end, overflow) = offset.addingReportingOverflow(limit)
        let depth = count ? 1 : overflow ? Int.max : end
        let collapsing = self.collapsing
        let found = try withIndex { () throws(IndexError) -> Bool in
            var searcher = Searcher(reader: reader)
            if count { searcher.exhaustiveLimit = .max }
            let formatter = HitFormatter(reader: reader, format: format, explainer: explain ? searcher : nil,
                                         snippetWords: snippetWords, expand: expand)
            var anyMatches = false
            for (entry, query, note) in parsed {
                let start = ContinuousClock.now
                // Feedback's first pass and reading of stories, once: collapsing may rank deeper.
                let plan = try feedback.map { model throws(IndexError) in
                    switch query {
                    case .plain(let flat): try searcher.feedbackPlan(for: QueryNode(flat), mode: flat.mode, model: model)
                    case .tree(let tree):
                        try searcher.feedbackPlan(for: tree, filters: filters, mode: mode,
                                                  recencyHalfLifeDays: recencyHalfLife, model: model)
                    }
                }
                func run(_ depth: Int) throws(IndexError) -> SearchResults {
                    let options = SearchOptions(limit: depth, order: sort, recencyHalfLifeDays: recencyHalfLife)
                    if let plan { return try searcher.search(plan.query, options: plan.options(options)) }
                    switch query {
                    case .plain(let flat): return try searcher.search(flat, limit: depth)
                    case .tree(let tree): return try searcher.search(tree.filtered(by: filters), options: options)
                    }
                }
                var results: SearchResults
                var grouped: [CollapsedHit]
                if collapsing {
                    (results, grouped) = try Collapse.rank(depth: depth, reader: reader, run)
                } else {
                    results = try run(depth)
                    grouped = []
                }
                anyMatches = anyMatches || results.totalHits > 0
                let queryID = isBatch ? entry.id : nil
                if count {
                    latencies.record(ContinuousClock.now - start)
                    Terminal.output(formatter.renderCount(results, queryID: queryID, notes: note.map { [$0.description] } ?? [],
                                                          feedback: plan))
                } else {
                    if !collapsing {
                        // Only text and JSON name a hit's cluster; a run or a list of paths
                        // never opens the cluster file.
                        grouped = format == .text || format == .json
                            ? try Collapse.annotate(results.hits, reader: reader)
                            : results.hits.map { CollapsedHit(hit: $0, cluster: 0, similar: []) }
                    }
                    grouped = offset < grouped.count ? Array(grouped[offset..<min(grouped.count, depth)]) : []
                    results.hits = grouped.map(\.hit)
                    let hits = try formatter.prepare(results, clusters: grouped)
                    let elapsed = ContinuousClock.now - start
                    latencies.record(elapsed)
                    let page = HitFormatter.Page(results: results, hits: hits, offset: offset, elapsed: elapsed)
                    Terminal.output(formatter.render(page, queryID: queryID, queryText: entry.text,
                                                     notes: note.map { [$0.description] } ?? [], feedback: plan))
                }
                if suggest && SpellingSuggester.mayCorrect(hits: results.totalHits, terms: results.terms),
                   let tree = query.tree(syntax, mode: mode, text: entry.text)?.filtered(by: filters),
                   let better = try SpellingSuggester(reader: reader).suggestion(for: entry.text, tree: tree, hits: results.totalHits) {
                    Terminal.standardError((isBatch ? "query \(entry.id): " : "") + "did you mean: \(better)\n")
                }
            }
            return anyMatches
        }
        if stats { Terminal.standardError(latencies.jsonLine() + "\n") }
        if !found { throw CommandFailure(status: .noMatch, message: nil) }
    }

    /// The range `--since` and `--until` leave open, or nil without them.
    func dateWindow(today: StoryDate?) throws(CommandFailure) -> DateRange? {
        guard since != nil || until != nil else { return nil }
        var window = DateRange(first: nil, last: nil)
        for (flag, value) in [("--since", since), ("--until", until)] {
            guard let value else { continue }
            do {
                let range = try DateRange.parse(value, today: today)
                window = window.intersection(flag == "--since" ? DateRange(first: range.first, last: nil)
                                                               : DateRange(first: nil, last: range.last))
            } catch {
                throw .usage("\(flag) \(value): \(Self.dateProblem(value, error))")
            }
        }
        if let a = window.first, let b = window.last, a > b {
            throw .usage("--since \(since ?? "") is after --until \(until ?? ""): no story can match")
        }
        return window
    }

    /// The language `--query-lang` pins queries' analysis to, checked.
    func queryLanguageCode() throws(CommandFailure) -> String? {
        guard let queryLanguage else { return nil }
        guard let code = LanguageTag.filterCode(queryLanguage) else {
            throw .usage("--query-lang \(queryLanguage): not a language code; give one such as en, ko, ru or zh (und: no language's stemming or stop words)")
        }
        return code
    }

    /// The stories `--lang` keeps: one language's, or any of several; nil without it.
    func languageFilter() throws(CommandFailure) -> QueryNode? {
        var codes: [String] = []
        for value in languages {
            for piece in value.split(separator: ",", omittingEmptySubsequences: false) {
                let written = String(piece)
                guard let code = LanguageTag.filterCode(written) else {
                    throw .usage("--lang \(value): '\(written)' is not a language code; give codes such as en, ko, ru or zh (und for stories whose language is unknown), separated by commas")
                }
                if !codes.contains(code) { codes.append(code) }
            }
        }
        return QueryNode.language(codes)
    }

    static func dateProblem(_ value: String, _ problem: DateRange.Problem) -> String {
        switch problem {
        case .impossible: return "there is no such date"
        case .reversed: return "the range ends before it starts"
        case .noToday: return "today's date is unknown"
        case .malformed: return "not a date: write 2025-10-27, 2025-10, 2025, a range 2025-10-01..2025-10-31, or 7d, 2w, 3m, 1y back from today"
        }
    }

    /// Today in UTC (relative dates count back from it); `NEWSIDX_TODAY` (YYYY-MM-DD)
    /// overrides it, for tests and reproducible runs.
    static func today() -> StoryDate? {
        if let fixed = getenv("NEWSIDX_TODAY"), let date = StoryDate(iso: String(cString: fixed)) { return date }
        return StoryDate(daysSinceEpoch: Int(time(nil) / 86_400))
    }

    /// `words.joined(separator: " ")`, spelled out: the stdlib's `joined` is not specialized
    /// for `[String]`, and its first call has the runtime look up `String`'s conformances by
    /// scanning the whole binary's conformance table (about 170,000 instructions, a few
    /// percent of a search process).
    static func spaceSeparated(_ words: [String]) -> String {
        var text = ""
        for (i, word) in words.enumerated() {
            if i > 0 { text += " " }
            text += word
        }
        return text
    }
}

/// A query ready to run: plain words as the flat query the fast searches take, anything
/// else as a tree.
enum ParsedQuery {
    case plain(Query)
    case tree(QueryNode)

    /// The tree, parsed now for a plain query (spelling suggestions need its columns).
    func tree(_ syntax: QuerySyntax, mode: Query.Mode, text: String) -> QueryNode? {
        switch self {
        case .plain: try? syntax.parse(text, mode: mode)
        case .tree(let tree): tree
        }
    }
}
