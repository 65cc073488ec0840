/// A query term with its index-wide statistics.
public struct WeightedTerm: Sendable, Equatable {
    public var text: String
    public var documentFrequency: Int
    public var idf: Double
    /// How many times the term occurs in the query.
    public var queryFrequency = 1
    /// A query weight set outright (feedback), in place of what `queryFrequency` gives.
    public var weight: Double?
}

/// The answer to a query: the best documents and how many matched in all.
public struct SearchResults: Sendable {
    public var hits: [ScoredDocument]
    /// Live documents that matched: exact when `totalHitsIsExact`, else a lower bound (the
    /// engine skipped documents that could not reach the top).
    public var totalHits: Int
    public var totalHitsIsExact: Bool
    /// The query's terms with their weights, for snippets and explanations.
    public var terms: [WeightedTerm]
    /// The query's exact phrases, as sequences of its terms: snippets mark each as one
    /// stretch where its words stand together.
    public var phrases: [[WeightedTerm]] = []
    /// The terms a snippet marks on their own: all of `terms` but those the query names
    /// only inside phrases.
    public var singleTerms: [WeightedTerm] { terms.filter { !phraseOnly.contains($0.text) } }
    var phraseOnly: [String] = []
}

/// Runs queries over an `IndexReader`: document-at-a-time over each segment's postings,
/// BM25 scores from index-wide statistics, a top-k heap across segments; all-terms
/// queries intersect, any-term queries prune with MaxScore and block bounds.
public struct Searcher {
    public let reader: IndexReader
    public let bm25: BM25
    /// BM25's length normalisation for every length-norm byte, made once for all the
    /// queries this searcher runs.
    let norms: NormTable

    /// Up to this many candidates in a segment are scored without pruning, so small result
    /// sets get exact counts.
    public var exhaustiveLimit = 2_000

    public init(reader: IndexReader) {
        self.reader = reader
        bm25 = BM25(k1: reader.manifest.k1, b: reader.manifest.b,
                    documentCount: reader.documentCount, averageDocumentLength: reader.averageDocumentLength)
        norms = bm25.normTable()
    }

    public func search(_ query: Query, limit: Int) throws(IndexError) -> SearchResults {
        // Each term is looked up once per segment; the same entries give its postings and its
        // document frequency: summed over segments (deleted stories count until they are
        // merged away, as in Lucene), capped at the live story count.
        var found: [[TermPostings?]] = []
        for segment in reader.segments {
            found.append(try query.terms.map { text throws(IndexError) in
                try TermPostings(text, in: segment, positions: false)
            })
        }
        let terms = query.terms.enumerated().map { slot, text in
            let df = min(found.reduce(0) { $0 + ($1[slot]?.docFreq ?? 0) }, reader.documentCount)
            return WeightedTerm(text: text, documentFrequency: df, idf: bm25.idf(documentFrequency: df),
                                queryFrequency: query.frequencies[slot], weight: query.weights?[text])
        }
        var top = TopKCollector(k: max(0, limit))
        var exact = true
        for (s, segment) in reader.segments.enumerated() {
            var scorers: [TermScorer] = []
            for (slot, term) in terms.enumerated() {
                if let postings = found[s][slot] {
                    scorers.append(TermScorer(cursor: postings.cursor(), slot: slot,
                                              weight: term.idf * bm25.queryWeight(of: term),
                                              bm25: bm25, norms: norms))
                } else if query.mode == .all {
                    scorers = []
                    break
                }
            }
            guard !scorers.isEmpty else { continue }
            let context = SegmentContext(index: s, norms: segment.norms, deletions: reader.deletions[s],
                                         termCount: terms.count)
            // Small candidate sets are scored in full, so their match counts are exact.
            switch query.mode {
            case .all:
                let prune = scorers.map(\.cursor.docFreq).min()! > exhaustiveLimit
                exact = Intersection.collect(scorers, in: context, into: &top, prune: prune) && exact
            case .any:
                let prune = scorers.map(\.cursor.docFreq).reduce(0, +) > exhaustiveLimit
                exact = MaxScore.collect(scorers, in: context, into: &top, prune: prune) && exact
            }
            if scorers.contains(where: \.cursor.isCorrupt) {
                throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings list is damaged")
            }
        }
        return SearchResults(hits: top.results(), totalHits: top.collected, totalHitsIsExact: exact, terms: terms)
    }
}
