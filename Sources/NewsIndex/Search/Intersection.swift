/// All-terms retrieval: the rarest list leads and the others leap to its documents; with
/// `prune`, once the top k is full, documents that cannot beat the k-th score are passed
/// over. Returns true when no matching document was skipped.
///
/// Pruning works at two grains. Block-max (Ding & Suel): while the bounds of the blocks
/// holding the candidate add up to less than the k-th score, the lead leaps past the first
/// of those blocks to end. Then, per candidate, the terms are scored in turn, the lead
/// first, and the candidate is dropped as soon as what it has plus the block bounds of the
/// terms still to come cannot reach the k-th score, before the other lists are moved for it:
/// a rare word leading a common one rarely scores enough alone.
enum Intersection {
    static func collect(
        _ scorers: [TermScorer], in segment: SegmentContext, into top: inout TopKCollector, prune: Bool
    ) -> Bool {
        let terms = scorers.sorted { $0.cursor.docFreq < $1.cursor.docFreq }
        let lead = terms[0].cursor
        var sheet = ScoreSheet(terms: segment.termCount)
        var skipped = false
        // Each term's block bound at the candidate, their sum, and the last document for
        // which all of them hold. Buffers, not arrays: written per candidate, an array
        // checks its uniqueness and bounds on every write.
        let bounds = UnsafeMutablePointer<Double>.allocate(capacity: terms.count)
        bounds.initialize(repeating: 0, count: terms.count)
        // The candidate's score from each term, in the order of `terms`.
        let scores = UnsafeMutablePointer<Double>.allocate(capacity: terms.count)
        scores.initialize(repeating: 0, count: terms.count)
        defer {
            bounds.deallocate()
            scores.deallocate()
        }
        var bound = 0.0
        var boundThrough = -1
        var candidate = lead.doc
        outer: while candidate != PostingsCursor.exhausted {
            let threshold = top.threshold
            let pruning = prune && threshold > -.infinity
            // Below this a score cannot enter the top k; the margin keeps rounding from
            // pruning a document that ties it.
            let floor = threshold * (1 - 1e-12)
            if pruning {
                // Block-max: recomputed only when the candidate leaves the blocks it was for.
                if candidate > boundThrough {
                    bound = 0
                    boundThrough = Int.max
                    for i in terms.indices {
                        let (b, last) = terms[i].blockBound(at: candidate)
                        bounds[i] = b
                        bound += b
                        boundThrough = min(boundThrough, last)
                    }
                }
                if bound < floor {
                    skipped = true
                    guard boundThrough < PostingsCursor.exhausted - 1 else { break }
                    lead.advance(to: boundThrough + 1)
                    candidate = lead.doc
                    continue
                }
            }
            let norm = segment.norm(candidate)
            var score = terms[0].score(norm: norm)
            scores[0] = score
            var rest = bound - bounds[0]
            for i in 1..<terms.count {
                if pruning && score + rest < floor {
                    skipped = true
                    lead.next()
                    candidate = lead.doc
                    continue outer
                }
                let t = terms[i]
                t.cursor.advance(to: candidate)
                let d = t.cursor.doc
                if d > candidate {
                    lead.advance(to: d)
                    candidate = lead.doc
                    continue outer
                }
                scores[i] = t.score(norm: norm)
                score += scores[i]
                rest -= bounds[i]
            }
            if !segment.isDeleted(candidate) {
                for i in terms.indices { sheet.set(terms[i].slot, scores[i]) }
                top.collect(ScoredDocument(address: DocumentAddress(segment: segment.index, doc: candidate),
                                           score: sheet.total()))
            }
            lead.next()
            candidate = lead.doc
        }
        return !skipped
    }
}
