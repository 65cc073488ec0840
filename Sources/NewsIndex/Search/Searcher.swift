/// A query term with its index-wide statistics.
public struct WeightedTerm: Sendable, Equatable {
    public var text: String
    public var documentFrequency: Int
    public var idf: Double
}

/// The answer to a query: the best documents and how many matched in all.
public struct SearchResults: Sendable {
    public var hits: [ScoredDocument]
    /// Every live document that matched (exact: evaluation is exhaustive).
    public var totalHits: Int
    /// The query's terms with their weights, for snippets and explanations.
    public var terms: [WeightedTerm]
}

/// Runs queries over an `IndexReader`: document-at-a-time over each segment's postings,
/// BM25 scores from index-wide statistics, a top-k heap across segments.
public struct Searcher {
    public let reader: IndexReader
    public let bm25: BM25

    public init(reader: IndexReader) {
        self.reader = reader
        bm25 = BM25(k1: reader.manifest.k1, b: reader.manifest.b,
                    documentCount: reader.documentCount, averageDocumentLength: reader.averageDocumentLength)
    }

    public func weigh(_ query: Query) throws(IndexError) -> [WeightedTerm] {
        try query.terms.map { text throws(IndexError) in
            let df = try withUTF8Bytes(of: text) { u throws(IndexError) in try reader.documentFrequency(u) }
            return WeightedTerm(text: text, documentFrequency: df, idf: bm25.idf(documentFrequency: df))
        }
    }

    public func search(_ query: Query, limit: Int) throws(IndexError) -> SearchResults {
        let terms = try weigh(query)
        var top = TopKCollector(k: max(0, limit))
        for (s, segment) in reader.segments.enumerated() {
            var cursors: [(cursor: PostingsCursor, idf: Double)] = []
            for term in terms {
                let info = try withUTF8Bytes(of: term.text) { u throws(IndexError) in try segment.lookup(u) }
                if let info {
                    cursors.append((PostingsCursor(segment: segment, term: info), term.idf))
                } else if query.mode == .all {
                    cursors = []
                    break
                }
            }
            guard !cursors.isEmpty else { continue }
            switch query.mode {
            case .all: try intersect(&cursors, segment: s, into: &top)
            case .any: try union(&cursors, segment: s, into: &top)
            }
        }
        return SearchResults(hits: top.results(), totalHits: top.collected, terms: terms)
    }

    /// Documents holding every term: the rarest list leads, the others leap to its documents.
    private func intersect(
        _ cursors: inout [(cursor: PostingsCursor, idf: Double)], segment s: Int, into top: inout TopKCollector
    ) throws(IndexError) {
        cursors.sort { $0.cursor.docFreq < $1.cursor.docFreq }
        let segment = reader.segments[s]
        var candidate = cursors[0].cursor.doc
        outer: while candidate != PostingsCursor.exhausted {
            for i in 1..<max(1, cursors.count) {
                cursors[i].cursor.advance(to: candidate)
                let d = cursors[i].cursor.doc
                if d > candidate {
                    cursors[0].cursor.advance(to: d)
                    candidate = cursors[0].cursor.doc
                    continue outer
                }
            }
            if !reader.isDeleted(segment: s, doc: candidate) {
                let norm = bm25.lengthNorm(documentLength: segment.tokenCount(candidate))
                var score = 0.0
                for c in cursors { score += bm25.score(termFrequency: c.cursor.freq, idf: c.idf, lengthNorm: norm) }
                top.collect(ScoredDocument(address: DocumentAddress(segment: s, doc: candidate), score: score))
            }
            cursors[0].cursor.next()
            candidate = cursors[0].cursor.doc
        }
        try checkIntegrity(cursors.map(\.cursor), segment: segment)
    }

    /// Documents holding any term, scored by the terms they hold.
    private func union(
        _ cursors: inout [(cursor: PostingsCursor, idf: Double)], segment s: Int, into top: inout TopKCollector
    ) throws(IndexError) {
        let segment = reader.segments[s]
        while true {
            var doc = PostingsCursor.exhausted
            for c in cursors where c.cursor.doc < doc { doc = c.cursor.doc }
            if doc == PostingsCursor.exhausted { break }
            let deleted = reader.isDeleted(segment: s, doc: doc)
            let norm = bm25.lengthNorm(documentLength: segment.tokenCount(doc))
            var score = 0.0
            for i in cursors.indices where cursors[i].cursor.doc == doc {
                if !deleted {
                    score += bm25.score(termFrequency: cursors[i].cursor.freq, idf: cursors[i].idf, lengthNorm: norm)
                }
                cursors[i].cursor.next()
            }
            if !deleted { top.collect(ScoredDocument(address: DocumentAddress(segment: s, doc: doc), score: score)) }
        }
        try checkIntegrity(cursors.map(\.cursor), segment: segment)
    }

    private func checkIntegrity(_ cursors: [PostingsCursor], segment: SegmentReader) throws(IndexError) {
        if cursors.contains(where: \.isCorrupt) {
            throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings list is damaged")
        }
    }
}
