#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How results are ordered.
public enum SortOrder: String, Sendable, Equatable, CaseIterable {
    /// Best BM25 score first (the default).
    case relevance
    /// Latest date first; stories without a date last.
    case newest
    /// Earliest date first; stories without a date last.
    case oldest
}

/// What a tree search is asked for besides the query.
public struct SearchOptions: Sendable, Equatable {
    public var limit: Int
    public var order: SortOrder
    /// With a value, each story's score is multiplied by 0.5^(age / halfLife), its age in
    /// days counted back from the newest matching story (`--recent`); stories without a
    /// date count as old as the oldest matching one.
    public var recencyHalfLifeDays: Double?
    /// Query weights set outright per scoring term (feedback's mixture), in place of what
    /// the term's frequency in the query gives; a term not named keeps that.
    public var weights: [String: Double]?

    public init(limit: Int, order: SortOrder = .relevance, recencyHalfLifeDays: Double? = nil,
                weights: [String: Double]? = nil) {
        self.limit = limit
        self.order = order
        self.recencyHalfLifeDays = recencyHalfLifeDays
        self.weights = weights
    }
}

extension Searcher {
    /// Runs a query tree. A tree that is only words joined by one operator, ranked by
    /// relevance, takes the plain path (`search(_:limit:)`: Intersection or MaxScore with
    /// pruning); anything else goes through the boolean iterators (`DocIterator`), which
    /// visit every match, so the count is exact.
    ///
    /// A story's score is the sum of BM25 parts of the distinct text and headline terms of
    /// the clauses it matched (each term once, weighted by how often the query names it):
    /// a phrase scores as its words do, a prefix as the words it expanded to. Metadata
    /// fields, dates and paths filter without scoring.
    public func search(_ tree: QueryNode, options: SearchOptions) throws(IndexError) -> SearchResults {
        if options.order == .relevance, options.recencyHalfLifeDays == nil, var flat = tree.flatQuery() {
            flat.weights = options.weights
            return try search(flat, limit: options.limit)
        }
        let plan = try TreePlan(tree: tree, reader: reader, bm25: bm25, weights: options.weights)
        var matches: [(address: DocumentAddress, score: Double, day: Int32)] = []
        for (s, segment) in reader.segments.enumerated() {
            var cursors: [PostingsCursor] = []
            let root = try plan.iterator(for: tree, segment: segment, segmentIndex: s, norms: norms, cursors: &cursors)
            var sheet = ScoreSheet(terms: plan.terms.count)
            let deletions = reader.deletions[s]
            root.advance(to: 0)
            while root.doc != DocIterator.exhausted {
                let doc = root.doc
                if !(deletions?.contains(doc) ?? false) {
                    root.score(into: &sheet, norm: segment.norms[doc])
                    matches.append((DocumentAddress(segment: s, doc: doc), sheet.total(), segment.dayNumber(doc)))
                }
                root.advance(to: doc + 1)
            }
            if cursors.contains(where: \.isCorrupt) {
                throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings list is damaged")
            }
        }
        if let halfLife = options.recencyHalfLifeDays, halfLife > 0 {
            let dated = matches.lazy.map(\.day).filter { $0 != SegmentFormat.noDate }
            if let newest = dated.max(), let oldest = dated.min() {
                for i in matches.indices {
                    let day = matches[i].day == SegmentFormat.noDate ? oldest : matches[i].day
                    matches[i].score *= pow(0.5, Double(Int(newest) - Int(day)) / halfLife)
                }
            }
        }
        let limit = max(0, options.limit)
        var hits: [ScoredDocument]
        switch options.order {
        case .relevance:
            var top = TopKCollector(k: limit)
            for m in matches { top.collect(ScoredDocument(address: m.address, score: m.score)) }
            hits = top.results()
        case .newest, .oldest:
            let newest = options.order == .newest
            func before(_ a: (address: DocumentAddress, score: Double, day: Int32),
                        _ b: (address: DocumentAddress, score: Double, day: Int32)) -> Bool {
                let da = a.day == SegmentFormat.noDate, db = b.day == SegmentFormat.noDate
                if da != db { return db }
                if a.day != b.day { return newest ? a.day > b.day : a.day < b.day }
                if a.score != b.score { return a.score > b.score }
                if a.address.segment != b.address.segment { return a.address.segment < b.address.segment }
                return a.address.doc < b.address.doc
            }
            hits = matches.sorted(by: before).prefix(limit).map { ScoredDocument(address: $0.address, score: $0.score) }
        }
        var results = SearchResults(hits: hits, totalHits: matches.count, totalHitsIsExact: true, terms: plan.terms)
        results.phrases = plan.phrases
        results.phraseOnly = plan.phraseOnly
        return results
    }
}

extension Searcher {
    /// Calls `body` with the address of every live story `tree` matches, in index order,
    /// without scoring: for counting matches by facet (a date histogram, sources).
    public func forEachMatch(of tree: QueryNode, _ body: (DocumentAddress) -> Void) throws(IndexError) {
        let plan = try TreePlan(tree: tree, reader: reader, bm25: bm25)
        for (s, segment) in reader.segments.enumerated() {
            var cursors: [PostingsCursor] = []
            let root = try plan.iterator(for: tree, segment: segment, segmentIndex: s, norms: norms, cursors: &cursors)
            let deletions = reader.deletions[s]
            root.advance(to: 0)
            while root.doc != DocIterator.exhausted {
                let doc = root.doc
                if !(deletions?.contains(doc) ?? false) { body(DocumentAddress(segment: s, doc: doc)) }
                root.advance(to: doc + 1)
            }
            if cursors.contains(where: \.isCorrupt) {
                throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings list is damaged")
            }
        }
    }
}

/// The index-wide part of running a tree: its scoring terms (each distinct text or
/// headline term once, with how often the query names it), prefixes expanded over every
/// segment's vocabulary, and the builder of each segment's iterators.
struct TreePlan {
    private(set) var terms: [WeightedTerm] = []
    /// Exact phrases (in order, no slop) of text or headline words, for snippets.
    private(set) var phrases: [[WeightedTerm]] = []
    /// Terms the query names only inside phrases.
    private(set) var phraseOnly: [String] = []
    private var slots: [String: Int] = [:]
    /// Per prefix (with its scope's marker bytes), the terms it expands to index-wide.
    private var expansions: [[UInt8]: [[UInt8]]] = [:]
    private let reader: IndexReader
    private let bm25: BM25

    init(tree: QueryNode, reader: IndexReader, bm25: BM25, weights: [String: Double]? = nil) throws(IndexError) {
        self.reader = reader
        self.bm25 = bm25
        var frequencies: [String: Int] = [:]
        var order: [String] = []
        var singles: [String] = []
        var exactPhrases: [[String]] = []
        func note(_ t: String) {
            if frequencies[t] == nil { order.append(t) }
            frequencies[t, default: 0] += 1
        }
        for m in tree.positiveMatches {
            switch m.kind {
            case .term(let t):
                if m.scope.scores {
                    note(t)
                    singles.append(t)
                }
            case .phrase(let ts, let slop, let ordered):
                if m.scope.scores {
                    for t in ts { note(t) }
                    if slop == 0 && ordered && ts.count > 1 { exactPhrases.append(ts) } else { singles += ts }
                }
            case .prefix(let p):
                let key = Self.prefixKey(p, m.scope)
                let expanded = try expand(key, stem: m.scope.isText ? p : nil)
                if m.scope.scores {
                    for t in expanded {
                        note(String(decoding: t, as: UTF8.self))
                        singles.append(String(decoding: t, as: UTF8.self))
                    }
                }
            }
        }
        // Expand prefixes inside exclusions too (they need no slots).
        try expandAll(tree)
        for t in order {
            let df = min(try reader.documentFrequency(of: t), reader.documentCount)
            slots[t] = terms.count
            terms.append(WeightedTerm(text: t, documentFrequency: df, idf: bm25.idf(documentFrequency: df),
                                      queryFrequency: frequencies[t]!, weight: weights?[t]))
        }
        phrases = exactPhrases.map { $0.map { terms[slots[$0]!] } }
        phraseOnly = order.filter { !singles.contains($0) }
    }

    private mutating func expandAll(_ node: QueryNode) throws(IndexError) {
        switch node {
        case .match(let m):
            if case .prefix(let p) = m.kind {
                _ = try expand(Self.prefixKey(p, m.scope), stem: m.scope.isText ? p : nil)
            }
        case .date, .path: break
        case .boolean(let must, let should, let mustNot):
            for c in must + should + mustNot { try expandAll(c) }
        }
    }

    /// The dictionary bytes a prefix in `scope` matches: field terms carry their marker.
    static func prefixKey(_ prefix: String, _ scope: QueryNode.Scope) -> [UInt8] {
        if case .field(let f) = scope { return Array(FieldTerm.term(f, prefix).utf8) }
        return Array(prefix.utf8)
    }

    /// The terms starting with `key` in any segment, in byte order; for a text prefix also
    /// the indexed stems of its common completions (`negotiat*` finds `negoti`, the stem of
    /// `negotiate` and `negotiation`, which does not start with `negotiat`).
    private mutating func expand(_ key: [UInt8], stem: String?) throws(IndexError) -> [[UInt8]] {
        if let known = expansions[key] { return known }
        var all = Set<[UInt8]>()
        for segment in reader.segments {
            for (t, _) in try segment.terms(withPrefix: key) {
                all.insert(t)
            }
        }
        if let stem {
            // Stemming can cut a word shorter than the prefix written (`negotiate` →
            // `negoti`), so the stems of the prefix's common completions count too.
            for suffix in ["", "e", "es", "ed", "ing", "ion", "ions", "s", "y", "ies"] {
                let stemmed = Array(EnglishStemmer.stem(stem + suffix).utf8)
                guard !stemmed.starts(with: key), !all.contains(stemmed) else { continue }
                for segment in reader.segments {
                    if try withBytes(of: stemmed, { u throws(IndexError) in try segment.lookup(u) }) != nil {
                        all.insert(stemmed)
                        break
                    }
                }
            }
        }
        let sorted = all.sorted { $0.lexicographicallyPrecedes($1) }
        expansions[key] = sorted
        return sorted
    }

    /// The iterator for `node` over one segment; every postings cursor it opens is added to
    /// `cursors` (checked for damage after the walk).
    func iterator(for node: QueryNode, segment: SegmentReader, segmentIndex: Int, norms: NormTable,
                  cursors: inout [PostingsCursor], scoring: Bool = true) throws(IndexError) -> DocIterator {
        func headline(_ d: Int) -> Int { segment.headlineTokenCount(d) }
        func open(_ bytes: [UInt8]) throws(IndexError) -> PostingsCursor? {
            guard let postings = try withBytes(of: bytes, { u throws(IndexError) in try TermPostings(u, in: segment) }) else {
                return nil
            }
            let c = postings.cursor()
            cursors.append(c)
            return c
        }
        func scorer(_ term: String, _ cursor: PostingsCursor, _ scope: QueryNode.Scope) -> TermScorer? {
            guard scoring, scope.scores, let slot = slots[term] else { return nil }
            let t = terms[slot]
            return TermScorer(cursor: cursor, slot: slot, weight: t.idf * bm25.queryWeight(of: t),
                              bm25: bm25, norms: norms)
        }
        func bytes(_ term: String, _ scope: QueryNode.Scope) -> [UInt8] {
            if case .field(let f) = scope { return Array(FieldTerm.term(f, term).utf8) }
            return Array(term.utf8)
        }
        switch node {
        case .match(let m):
            let headlineCheck: ((Int) -> Int)? = m.scope == .title ? { segment.headlineTokenCount($0) } : nil
            switch m.kind {
            case .term(let t):
                guard let c = try open(bytes(t, m.scope)) else { return EmptyIterator() }
                return TermIterator(cursor: c, scorer: scorer(t, c, m.scope), headline: headlineCheck)
            case .prefix(let p):
                var children: [DocIterator] = []
                for t in expansions[Self.prefixKey(p, m.scope)] ?? [] {
                    guard let c = try open(t) else { continue }
                    children.append(TermIterator(cursor: c, scorer: scorer(String(decoding: t, as: UTF8.self), c, m.scope),
                                                 headline: headlineCheck))
                }
                return children.isEmpty ? EmptyIterator() : children.count == 1 ? children[0] : OrIterator(children)
            case .phrase(let words, let slop, let ordered):
                var distinct: [String] = []
                for w in words where !distinct.contains(w) { distinct.append(w) }
                var phraseCursors: [PostingsCursor] = []
                var scorers: [TermScorer?] = []
                for w in distinct {
                    guard let c = try open(bytes(w, m.scope)) else { return EmptyIterator() }
                    phraseCursors.append(c)
                    scorers.append(scorer(w, c, m.scope))
                }
                return PhraseIterator(cursors: phraseCursors, scorers: scorers, order: words.map { distinct.firstIndex(of: $0)! },
                                      slop: slop, ordered: ordered, headline: headline,
                                      headlineOnly: m.scope == .title, zoned: m.scope.isText)
            }
        case .date(let range):
            return FilterIterator(documentCount: segment.documentCount) { d in
                let day = segment.dayNumber(d)
                return day != SegmentFormat.noDate && range.contains(day: Int(day))
            }
        case .path(let prefix):
            let p = Array(prefix.utf8)
            return FilterIterator(documentCount: segment.documentCount) { segment.pathHasPrefix($0, p) }
        case .boolean(let must, let should, let mustNot):
            var required: [DocIterator] = []
            for c in must {
                let it = try iterator(for: c, segment: segment, segmentIndex: segmentIndex, norms: norms, cursors: &cursors, scoring: scoring)
                if it is EmptyIterator { return it }
                required.append(it)
            }
            var optional: [DocIterator] = []
            for c in should {
                let it = try iterator(for: c, segment: segment, segmentIndex: segmentIndex, norms: norms, cursors: &cursors, scoring: scoring)
                if !(it is EmptyIterator) { optional.append(it) }
            }
            var base: DocIterator
            if !required.isEmpty {
                base = required.count == 1 ? required[0] : AndIterator(required)
                if !optional.isEmpty { base = OptionalIterator(required: base, optional: optional) }
            } else if !should.isEmpty {
                if optional.isEmpty { return EmptyIterator() }
                base = optional.count == 1 ? optional[0] : OrIterator(optional)
            } else {
                base = FilterIterator(documentCount: segment.documentCount) { _ in true }
            }
            var excluded: [DocIterator] = []
            for c in mustNot {
                let it = try iterator(for: c, segment: segment, segmentIndex: segmentIndex, norms: norms, cursors: &cursors, scoring: false)
                if !(it is EmptyIterator) { excluded.append(it) }
            }
            return excluded.isEmpty ? base : ExclusionIterator(positive: base, excluded: excluded)
        }
    }
}

extension QueryNode.Scope {
    /// Headline and body, or the headline: the story's words rather than a metadata field.
    var isText: Bool {
        if case .field = self { return false }
        return true
    }
}
