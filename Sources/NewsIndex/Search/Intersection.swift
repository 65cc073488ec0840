/// All-terms retrieval: the rarest list leads and the others leap to its documents; with
/// `prune`, once the top k is full, blocks whose bounds together cannot beat the k-th
/// score are skipped. Returns true when no matching document was skipped.
enum Intersection {
    static func collect(
        _ scorers: [TermScorer], in segment: SegmentContext, into top: inout TopKCollector, prune: Bool
    ) -> Bool {
        let terms = scorers.sorted { $0.cursor.docFreq < $1.cursor.docFreq }
        let lead = terms[0].cursor
        var sheet = ScoreSheet(terms: segment.termCount)
        var skipped = false
        // The block bounds at the candidate, valid through `boundThrough`.
        var bound = 0.0
        var boundThrough = -1
        var candidate = lead.doc
        outer: while candidate != PostingsCursor.exhausted {
            let threshold = top.threshold
            if prune && threshold > -.infinity {
                // Block-max: the bound of the blocks holding the candidate, recomputed only
                // when the candidate leaves the blocks it was computed for.
                if candidate > boundThrough {
                    bound = 0
                    boundThrough = Int.max
                    for t in terms {
                        let (b, last) = t.blockBound(at: candidate)
                        bound += b
                        boundThrough = min(boundThrough, last)
                    }
                }
                if bound < threshold * (1 - 1e-12) {
                    skipped = true
                    guard boundThrough < PostingsCursor.exhausted - 1 else { break }
                    lead.advance(to: boundThrough + 1)
                    candidate = lead.doc
                    continue
                }
            }
            for t in terms.dropFirst() {
                t.cursor.advance(to: candidate)
                let d = t.cursor.doc
                if d > candidate {
                    lead.advance(to: d)
                    candidate = lead.doc
                    continue outer
                }
            }
            if !segment.isDeleted(candidate) {
                let norm = segment.norm(candidate)
                for t in terms { sheet.set(t.slot, t.score(norm: norm)) }
                top.collect(ScoredDocument(address: DocumentAddress(segment: segment.index, doc: candidate),
                                           score: sheet.total()))
            }
            lead.next()
            candidate = lead.doc
        }
        return !skipped
    }
}
