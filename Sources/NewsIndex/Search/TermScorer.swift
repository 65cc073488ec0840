/// One query term's postings in one segment, with what it takes to score them: its weight, the
/// segment's length norms, and upper bounds for the whole list and for any block.
final class TermScorer {
    let cursor: PostingsCursor
    /// The term's position in the query: scores are summed in this order, so a story's
    /// score never depends on the order pruning visited its terms in.
    let slot: Int
    /// The term's idf times its query weight (`BM25.queryWeight`).
    let weight: Double
    /// The most this term can add to any document's score in the segment.
    let upperBound: Double
    private let bm25: BM25
    private let norms: NormTable

    init(cursor: PostingsCursor, slot: Int, weight: Double, bm25: BM25, norms: NormTable) {
        self.cursor = cursor
        self.slot = slot
        self.weight = weight
        self.bm25 = bm25
        self.norms = norms
        upperBound = bm25.score(termFrequency: Int(cursor.bound.maxFrequency), weight: weight,
                                lengthNorm: norms[cursor.bound.minNorm])
    }

    /// The score of the current document, whose length-norm byte is `norm`.
    @inline(__always)
    func score(norm: UInt8) -> Double {
        bm25.score(termFrequency: cursor.freq, weight: weight, lengthNorm: norms[norm])
    }

    /// The most this term can add to `doc` (or any document of the block holding it), and
    /// the last document that bound covers.
    func blockBound(at doc: Int) -> (bound: Double, lastDoc: Int) {
        let (b, last) = cursor.blockBound(at: doc)
        return (bm25.score(termFrequency: Int(b.maxFrequency), weight: weight, lengthNorm: norms[b.minNorm]), last)
    }
}

/// The 256 values of BM25's length normalisation, one per length-norm byte.
struct NormTable {
    private let values: [Double]

    init(_ values: [Double]) { self.values = values }

    @inline(__always)
    subscript(_ byte: UInt8) -> Double { values.withUnsafeBufferPointer { $0[Int(byte)] } }
}

extension BM25 {
    /// Length normalisation for every length-norm byte, computed once per searcher.
    func normTable() -> NormTable {
        NormTable((0..<256).map { lengthNorm(documentLength: LengthNorm.decode(UInt8($0))) })
    }
}

/// What scoring needs of the segment being searched.
struct SegmentContext {
    let index: Int
    let norms: UnsafeRawBufferPointer
    let deletions: DeletionSet?
    let termCount: Int

    @inline(__always)
    func norm(_ doc: Int) -> UInt8 { norms[doc] }

    @inline(__always)
    func isDeleted(_ doc: Int) -> Bool { deletions?.contains(doc) ?? false }
}

/// Per-term contributions to the document being scored, summed in query order.
struct ScoreSheet {
    private var parts: [Double]

    init(terms: Int) { parts = [Double](repeating: 0, count: terms) }

    @inline(__always)
    mutating func set(_ slot: Int, _ value: Double) { parts[slot] = value }

    /// The total in query order; clears the sheet for the next document.
    @inline(__always)
    mutating func total() -> Double {
        var sum = 0.0
        for i in parts.indices {
            sum += parts[i]
            parts[i] = 0
        }
        return sum
    }
}
