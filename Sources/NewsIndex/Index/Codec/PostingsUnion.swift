/// Several terms' lists in one segment read as one list, side by side, without merging them
/// into memory first: a story's frequency is the sum of theirs, its positions the union. It
/// is how the forms of a query word (`AlternativeTerms`) are scored as one term, and it feeds
/// a `PostingsCursor`'s block buffer, so a walk over it costs the cursor nothing extra between
/// refills.
///
/// The parts stand on or after the last story handed out; those holding that story stand on
/// it, so its positions can be read (`chunk` 1), and a part's block bound at any later story
/// covers the union's stories from there.
final class PostingsUnion {
    private let parts: [PostingsCursor]
    /// Stories handed out per refill: 1 when positions are wanted, else up to a block.
    let chunk: Int
    /// The last story handed out, -1 before the first.
    private var last = -1
    /// A bound for the stories of the last refill of several, and the story it holds
    /// through: every part stayed in the block it stood in when the refill began. A refill
    /// of one story leaves the parts where they were; their bounds are read when asked.
    private var refillBound = PostingsEncoder.Bound(maxFrequency: 0, minNorm: 0)
    private var refillThrough = -1
    private var refilledOne = false
    private var positionScratch: [UInt32] = []

    init(_ parts: [PostingsCursor], positions: Bool) {
        self.parts = parts
        chunk = positions ? 1 : BitPacking.blockSize
    }

    var isCorrupt: Bool {
        for p in parts where p.isCorrupt { return true }
        return false
    }

    /// The bound over the whole union: the parts' frequencies added, the shortest length.
    var bound: PostingsEncoder.Bound {
        var total = Self.nothing
        for p in parts { Self.add(p.bound, to: &total) }
        return total
    }

    /// Writes up to `chunk` of the next stories, in order, into `docs` and their summed
    /// frequencies into `freqs`; returns how many (none at the end). Stops at the end of any
    /// part's current block, so that `refillBound` covers what it wrote.
    func refill(docs: UnsafeMutablePointer<UInt32>, freqs: UnsafeMutablePointer<UInt32>) -> Int {
        let limit = chunk
        if last >= 0 {
            for p in parts where p.doc == last { p.next() }
        }
        refilledOne = limit == 1
        (refillBound, refillThrough) = refilledOne ? (refillBound, PostingsCursor.exhausted - 1) : partsBound(at: nil)
        var n = 0
        while n < limit {
            // The part standing lowest, and the lowest story of the others.
            var lowest = parts[0], others = PostingsCursor.exhausted
            for p in parts.dropFirst() {
                if p.doc < lowest.doc {
                    others = lowest.doc
                    lowest = p
                } else if p.doc < others {
                    others = p.doc
                }
            }
            let doc = lowest.doc
            guard doc <= refillThrough else { break }
            if doc < others {
                // Alone below the others: copy its run (the common case of one large form).
                let end = min(others, refillThrough + 1)
                while true {
                    docs[n] = UInt32(truncatingIfNeeded: lowest.doc)
                    freqs[n] = UInt32(truncatingIfNeeded: lowest.freq)
                    last = lowest.doc
                    n += 1
                    guard n < limit else { return n }
                    lowest.next()
                    guard lowest.doc < end else { break }
                }
            } else {
                var f = 0
                for p in parts where p.doc == doc { f += p.freq }
                docs[n] = UInt32(truncatingIfNeeded: doc)
                freqs[n] = UInt32(clamping: f)
                last = doc
                n += 1
                guard n < limit else { return n }
                for p in parts where p.doc == doc { p.next() }
            }
        }
        return n
    }

    /// Moves every part to its first story at or after `target`, which lies past the last
    /// story handed out, and hands out the first of them (`PostingsCursor.exhausted` at the
    /// end) with its frequencies added, and whether a part is damaged: a walk that leaps
    /// seldom reads the next ones.
    func leap(to target: Int) -> (doc: Int, freq: Int, damaged: Bool) {
        var doc = PostingsCursor.exhausted, freq = 0, damaged = false
        for p in parts {
            p.advance(to: target)
            damaged = damaged || p.isCorrupt
            if p.doc < doc {
                (doc, freq) = (p.doc, p.freq)
            } else if p.doc == doc && doc != PostingsCursor.exhausted {
                freq += p.freq
            }
        }
        if doc != PostingsCursor.exhausted { last = doc }
        refilledOne = true
        return (doc, freq, damaged)
    }

    /// The bound of the stories from `target` on, through the story it returns: the last
    /// refill's when `target` is among its stories, else the parts' block bounds added.
    func blockBound(at target: Int) -> (bound: PostingsEncoder.Bound, lastDoc: Int) {
        guard target <= last else { return partsBound(at: target) }
        return refilledOne ? partsBound(at: nil) : (refillBound, refillThrough)
    }

    /// The parts' block bounds at `target` (each at its own story when nil) added, through
    /// the first of their blocks to end; exhausted parts hold nothing more.
    private func partsBound(at target: Int?) -> (bound: PostingsEncoder.Bound, lastDoc: Int) {
        var total = Self.nothing
        var through = PostingsCursor.exhausted - 1
        for p in parts where p.doc != PostingsCursor.exhausted {
            let (b, t) = p.blockBound(at: target ?? p.doc)
            Self.add(b, to: &total)
            through = min(through, t)
        }
        return (total, through)
    }

    /// The positions of the last story handed out, merged in increasing order (when the
    /// union hands out one story at a time; none otherwise).
    func positionsOfLastStory() -> [UInt32] {
        positionScratch.removeAll(keepingCapacity: true)
        guard chunk == 1, last >= 0 else { return positionScratch }
        var forms = 0
        for p in parts where p.doc == last {
            p.withPositionsOfCurrentDocument { positionScratch.append(contentsOf: $0) }
            forms += 1
        }
        if forms > 1 { positionScratch.sort() }
        return positionScratch
    }

    /// The number of stories holding any of `terms` in `segment`: the largest list's count,
    /// plus each other list's stories that no list before it holds (probed by skipping).
    static func storyCount(of terms: [TermInfo], in segment: SegmentReader) -> Int {
        let ordered = terms.sorted { $0.docFreq > $1.docFreq }
        guard var count = ordered.first?.docFreq else { return 0 }
        var earlier = [PostingsCursor(segment: segment, term: ordered[0])]
        for term in ordered.dropFirst() {
            let cursor = PostingsCursor(segment: segment, term: term)
            while cursor.doc != PostingsCursor.exhausted {
                let doc = cursor.doc
                if !earlier.contains(where: { $0.advance(to: doc); return $0.doc == doc }) { count += 1 }
                cursor.next()
            }
            earlier.append(PostingsCursor(segment: segment, term: term))
        }
        return count
    }

    /// The bound of no story: adding a part's bound to it gives that bound.
    private static var nothing: PostingsEncoder.Bound { PostingsEncoder.Bound(maxFrequency: 0, minNorm: .max) }

    /// Adds `b` to `total`: a story in several parts has their frequencies added (saturating)
    /// and is no shorter than the shortest of them.
    private static func add(_ b: PostingsEncoder.Bound, to total: inout PostingsEncoder.Bound) {
        let (sum, overflow) = total.maxFrequency.addingReportingOverflow(b.maxFrequency)
        total.maxFrequency = overflow ? .max : sum
        total.minNorm = min(total.minNorm, b.minNorm)
    }
}
