/// Why a story scored what it did: each query term's part in its BM25 score, with the
/// figures that made it, as Lucene's `explain` and Xapian's debug output give them.
public struct Explanation: Sendable, Equatable {
    /// One query term's contribution.
    public struct Term: Sendable, Equatable {
        /// The query term as people read it: a term with alternatives as `министр|министра`.
        public var term: String
        /// Occurrences in the headline and in the body. BM25 scores them as one field in
        /// which a headline occurrence counts `headlineWeight` times (BM25F).
        public var headlineFrequency: Int
        public var bodyFrequency: Int
        public var headlineWeight: Int
        public var documentFrequency: Int
        public var idf: Double
        /// How many times the term is in the query, and the weight that gives (`BM25.queryWeight`).
        public var queryFrequency: Int
        public var queryWeight: Double
        /// Whether `queryWeight` was set by feedback's mixture rather than by `queryFrequency`.
        public var weightedByFeedback: Bool
        /// queryWeight · idf · tf · (k1 + 1) / (tf + lengthNorm); 0 when the story lacks the term.
        public var score: Double

        /// The frequency BM25 used: headline occurrences weighted, plus body occurrences.
        public var termFrequency: Int { headlineWeight * headlineFrequency + bodyFrequency }
    }

    /// The story's score: the sum of its terms' scores, in query order.
    public var score: Double
    public var terms: [Term]
    /// The story's length as BM25 counts it (headline tokens weighted like headline
    /// occurrences), and that length as the one-byte norm keeps it and scoring used (exact
    /// below 24 tokens, at most 12.5% short above).
    public var documentLength: Int
    public var scoredLength: Int
    public var averageDocumentLength: Double
    /// k1 · (1 − b + b · scoredLength / averageDocumentLength).
    public var lengthNorm: Double
    public var k1: Double
    public var b: Double
    /// Live stories in the index: BM25's N.
    public var documentCount: Int
    /// How many times a headline word counts, in frequencies and in the length.
    public var headlineWeight: Int { SegmentFormat.headlineWeight }
}

extension Searcher {
    /// How `hit` (one of `results`) got its score, term by term.
    public func explain(_ hit: ScoredDocument, in results: SearchResults) throws(IndexError) -> Explanation {
        let segment = reader.segments[hit.address.segment]
        let doc = hit.address.doc
        let norm = segment.norms[doc]
        let scoredLength = Int(LengthNorm.decode(norm))
        let lengthNorm = bm25.lengthNorm(documentLength: UInt32(scoredLength))
        let headlineTokens = segment.headlineTokenCount(doc)
        var terms: [Explanation.Term] = []
        var total = 0.0
        for term in results.terms {
            var positions: [UInt32] = []
            if let postings = try TermPostings(term.text, in: segment) {
                let cursor = postings.cursor()
                cursor.advance(to: doc)
                if cursor.doc == doc { positions = cursor.positionsOfCurrentDocument() }
            }
            let distinct = PhraseMatcher.deduplicated(positions)
            let headline = distinct.filter { Int($0) < headlineTokens }.count
            let weight = bm25.queryWeight(of: term)
            let score = positions.isEmpty ? 0
                : bm25.score(termFrequency: positions.count, weight: term.idf * weight, lengthNorm: lengthNorm)
            total += score
            terms.append(Explanation.Term(
                term: AlternativeTerms.display(term.text), headlineFrequency: headline, bodyFrequency: distinct.count - headline,
                headlineWeight: SegmentFormat.headlineWeight,
                documentFrequency: term.documentFrequency, idf: term.idf, queryFrequency: term.queryFrequency,
                queryWeight: weight, weightedByFeedback: term.weight != nil, score: score))
        }
        return Explanation(score: total, terms: terms, documentLength: Int(segment.tokenCount(doc)),
                           scoredLength: scoredLength, averageDocumentLength: bm25.averageDocumentLength,
                           lengthNorm: lengthNorm, k1: bm25.k1, b: bm25.b, documentCount: bm25.documentCount)
    }
}
