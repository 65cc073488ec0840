/// Any-term retrieval with MaxScore pruning (Turtle & Flood): terms are ordered by the most
/// they can add; with `prune`, once the top k is full, the low-bound terms whose bounds
/// together cannot lift a document past the k-th score stop producing candidates and are
/// only probed for documents the others found. Returns true when no matching document was
/// skipped, so the match count is exact.
enum MaxScore {
    static func collect(
        _ scorers: [TermScorer], in segment: SegmentContext, into top: inout TopKCollector, prune: Bool
    ) -> Bool {
        let terms = scorers.sorted { $0.upperBound < $1.upperBound }
        // prefix[i]: the bounds of terms[0...i] together.
        var prefix: [Double] = []
        var sum = 0.0
        for t in terms {
            sum += t.upperBound
            prefix.append(sum)
        }
        var sheet = ScoreSheet(terms: segment.termCount)
        var essential = 0  // terms[essential...] produce candidates
        var threshold = -Double.infinity
        var skipped = false
        /// True when bounds adding up to `bound` cannot beat the k-th score; the margin
        /// keeps rounding from pruning a document that ties or beats it.
        func hopeless(_ bound: Double) -> Bool { bound < threshold - abs(threshold) * 1e-12 }
        func raise() {
            guard prune else { return }
            threshold = top.threshold
            while essential < terms.count && hopeless(prefix[essential]) {
                essential += 1
                skipped = true
            }
        }
        raise()
        while essential < terms.count {
            var doc = PostingsCursor.exhausted
            for i in essential..<terms.count where terms[i].cursor.doc < doc { doc = terms[i].cursor.doc }
            if doc == PostingsCursor.exhausted { break }
            let deleted = segment.isDeleted(doc)
            let norm = segment.norm(doc)
            var partial = 0.0
            for i in essential..<terms.count where terms[i].cursor.doc == doc {
                let s = terms[i].score(norm: norm)
                partial += s
                sheet.set(terms[i].slot, s)
                terms[i].cursor.next()
            }
            if deleted {
                _ = sheet.total()
                continue
            }
            // Probe the non-essential terms, the strongest first, while they can still matter.
            var i = essential - 1
            while i >= 0 {
                if hopeless(partial + prefix[i]) { break }
                let cursor = terms[i].cursor
                cursor.advance(to: doc)
                if cursor.doc == doc {
                    let s = terms[i].score(norm: norm)
                    partial += s
                    sheet.set(terms[i].slot, s)
                }
                i -= 1
            }
            let score = sheet.total()
            if i >= 0 {
                skipped = true
                continue
            }
            top.collect(ScoredDocument(address: DocumentAddress(segment: segment.index, doc: doc), score: score))
            if prune && top.threshold > threshold { raise() }
        }
        return !skipped
    }
}
