import NewsIndex

/// One page of results, with everything the page and the API show about it.
struct SearchOutcome: Sendable {
    var hits: [ShownHit]
    var totalHits: Int
    var totalHitsIsExact: Bool
    /// From the parsed query to the prepared hits, in milliseconds.
    var tookMilliseconds: Double
    /// How the query was read when it broke the language's rules.
    var note: QueryNote?
    /// The query with likely misspelled words corrected ("did you mean").
    var suggestion: String?
    var facets: Facets?
    /// The words feedback added, with their weights, when it was asked for.
    var feedbackTerms: [FeedbackTerm]?
}

/// A hit as shown: its story, snippet and cluster of copies.
struct ShownHit: Sendable {
    var rank: Int
    var hit: ScoredDocument
    var stored: StoredStory
    var snippet: Snippet
    var cluster: UInt64
    var similar: [SimilarStory]
}

/// A copy listed under the hit that stands for its cluster.
struct SimilarStory: Sendable {
    var id: UInt64
    var root: String
    var path: String
    var title: String
    var date: StoryDate?
}

/// Counts of the matching stories by source, place, language and period.
struct Facets: Sendable, Equatable {
    struct Count: Sendable, Equatable {
        var value: String
        var count: Int
    }
    var sources: [Count]
    var places: [Count]
    var languages: [Count]
    /// Periods in order, `2025-10` (months) or `2025` (years, when the matches span more
    /// than `FacetCounter.monthsShown` months).
    var periods: [Count]
}

/// Runs a search as `newsidx search` does — the query language with its plain-words
/// fallback, filters, copies collapsed, snippets — and gathers what a page of it shows.
struct SearchService: Sendable {
    let snippets = SnippetBuilder(analyzer: .standard)
    /// Sources, places and languages of every story, for facets.
    let facetColumns: FacetColumns

    func run(_ parameters: SearchParameters, reader: IndexReader, today: StoryDate?) throws(SearchFailure) -> SearchOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let analyzer: Analyzer
        do throws(IndexError) {
            analyzer = try reader.queryAnalyzer()
        } catch {
            throw .index(error)
        }
        let reading: LenientQuery
        do throws(QueryError) {
            reading = try QuerySyntax(analyzer: analyzer, today: today).parseLeniently(parameters.query, mode: parameters.mode)
        } catch {
            throw .query(error)
        }
        var filters: [QueryNode] = []
        if let window = parameters.window { filters.append(.date(window)) }
        if let source = parameters.source { filters.append(Self.field(.source, source)) }
        if let place = parameters.place { filters.append(Self.field(.place, place)) }
        if let language = parameters.language, let filter = QueryNode.language([language]) { filters.append(filter) }
        let tree = reading.tree.filtered(by: filters)
        do throws(IndexError) {
            let searcher = Searcher(reader: reader)
            let depth = parameters.offset + parameters.limit
            let plan = try parameters.feedback.map { model throws(IndexError) in
                try searcher.feedbackPlan(for: reading.tree, filters: filters, mode: parameters.mode, model: model)
            }
            // With feedback the stories that match are the second pass's (for the facets too).
            let matching = plan?.query ?? tree
            func run(_ limit: Int) throws(IndexError) -> SearchResults {
                let options = SearchOptions(limit: limit, order: parameters.sort)
                return try searcher.search(matching, options: plan?.options(options) ?? options)
            }
            var (results, grouped) = try Collapse.rank(depth: depth, reader: reader, run)
            let page = parameters.offset < grouped.count ? Array(grouped[parameters.offset..<min(grouped.count, depth)]) : []
            let snippetQuery = SnippetQuery(terms: results.singleTerms, phrases: results.phrases)
            let lookup = StoryLookup(reader: reader)
            var hits: [ShownHit] = []
            for (i, group) in page.enumerated() {
                let (stored, snippet) = try reader.withStoredStory(at: group.hit.address) { stored, body in
                    (stored, snippets.snippet(ofUTF8: body, for: snippetQuery, language: stored.story.languageCode))
                }
                hits.append(ShownHit(rank: parameters.offset + i + 1, hit: group.hit, stored: stored, snippet: snippet,
                                     cluster: group.cluster, similar: try lookup.stories(group.similar.map(\.address))))
            }
            var facets: Facets?
            if parameters.facets {
                let counted = try FacetCounter(reader: reader, columns: facetColumns).count(matching)
                facets = counted.facets
                // Counting every match for the facets settles a count the pruned ranking left open.
                results.totalHits = counted.matches
                results.totalHitsIsExact = true
            }
            var suggestion: String?
            if SpellingSuggester.mayCorrect(hits: results.totalHits, terms: results.terms) {
                suggestion = try SpellingSuggester(reader: reader).suggestion(for: parameters.query, tree: reading.tree, hits: results.totalHits)
            }
            return SearchOutcome(hits: hits, totalHits: results.totalHits, totalHitsIsExact: results.totalHitsIsExact,
                                 tookMilliseconds: (clock.now - start).milliseconds, note: reading.note, suggestion: suggestion, facets: facets,
                                 feedbackTerms: plan?.added)
        } catch {
            throw .index(error)
        }
    }

    /// The stories whose `field` holds `value`'s words, in order.
    static func field(_ field: FieldTerm.Field, _ value: String) -> QueryNode {
        let terms = Analyzer.standard.terms(in: value)
        let kind: QueryNode.Match.Kind = terms.count == 1 ? .term(terms[0]) : .phrase(terms, slop: 0, ordered: true)
        return .match(.init(kind, scope: .field(field)))
    }
}

/// Why a search could not run: the query (400, or the page with a hint) or the index (503).
enum SearchFailure: Error {
    case query(QueryError)
    case index(IndexError)
}
