/// Why a story scored what it did: each query term's part in its BM25 score, with the
/// figures that made it, as Lucene's `explain` and Xapian's debug output give them.
public struct Explanation: Sendable, Equatable {
    /// One query term's contribution.
    public struct Term: Sendable, Equatable {
        public var term: String
        /// Occurrences in the headline and in the body. BM25 scores them as one field, so
        /// the frequency it uses is their sum.
        public var headlineFrequency: Int
        public var bodyFrequency: Int
        public var documentFrequency: Int
        public var idf: Double
        /// How many times the term is in the query, and the weight that gives (`BM25.queryWeight`).
        public var queryFrequency: Int
        public var queryWeight: Double
        /// queryWeight · idf · tf · (k1 + 1) / (tf + lengthNorm); 0 when the story lacks the term.
        public var score: Double

        public var termFrequency: Int { headlineFrequency + bodyFrequency }
    }

    /// The story's score: the sum of its terms' scores, in query order.
    public var score: Double
    public var terms: [Term]
    /// Tokens indexed for the story, and the length BM25 used: that count as the one-byte
    /// length norm keeps it (exact below 24 tokens, at most 12.5% short above).
    public var documentLength: Int
    public var scoredLength: Int
    public var averageDocumentLength: Double
    /// k1 · (1 − b + b · scoredLength / averageDocumentLength).
    public var lengthNorm: Double
    public var k1: Double
    public var b: Double
    /// Live stories in the index: BM25's N.
    public var documentCount: Int
}

extension Searcher {
    /// How `hit` (one of `results`) got its score, term by term.
    public func explain(_ hit: ScoredDocument, in results: SearchResults) throws(IndexError) -> Explanation {
        let segment = reader.segments[hit.address.segment]
        let doc = hit.address.doc
        let norm = segment.norms[doc]
        let scoredLength = Int(LengthNorm.decode(norm))
        let lengthNorm = bm25.lengthNorm(documentLength: UInt32(scoredLength))
        let headlineTokens = try headlineTokenCount(segment, doc)
        var terms: [Explanation.Term] = []
        var total = 0.0
        for term in results.terms {
            var positions: [UInt32] = []
            if let info = try withUTF8Bytes(of: term.text, { u throws(IndexError) in try segment.lookup(u) }) {
                let cursor = PostingsCursor(segment: segment, term: info)
                cursor.advance(to: doc)
                if cursor.doc == doc { positions = cursor.positionsOfCurrentDocument() }
            }
            let headline = positions.filter { Int($0) < headlineTokens }.count
            let weight = bm25.queryWeight(frequency: term.queryFrequency)
            let score = positions.isEmpty ? 0
                : bm25.score(termFrequency: positions.count, weight: term.idf * weight, lengthNorm: lengthNorm)
            total += score
            terms.append(Explanation.Term(
                term: term.text, headlineFrequency: headline, bodyFrequency: positions.count - headline,
                documentFrequency: term.documentFrequency, idf: term.idf, queryFrequency: term.queryFrequency,
                queryWeight: weight, score: score))
        }
        return Explanation(score: total, terms: terms, documentLength: Int(segment.tokenCount(doc)),
                           scoredLength: scoredLength, averageDocumentLength: bm25.averageDocumentLength,
                           lengthNorm: lengthNorm, k1: bm25.k1, b: bm25.b, documentCount: bm25.documentCount)
    }

    /// The tokens the story's headline was indexed with (positions below this are the
    /// headline's; the body's start `SegmentFormat.bodyPositionGap` later), 0 without one.
    private func headlineTokenCount(_ segment: SegmentReader, _ doc: Int) throws(IndexError) -> Int {
        let story = try segment.storedStories.story(doc)
        guard story.titleIsHeadline else { return 0 }
        var count = 0
        reader.analyzer.forEachToken(in: story.title) { _, _ in count += 1 }
        return count
    }
}
