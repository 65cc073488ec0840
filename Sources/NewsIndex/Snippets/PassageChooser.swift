/// Chooses which words of a story a snippet shows: up to `maxFragments` runs of words,
/// `budget` words in all, preferring whole sentences.
///
/// 1. The sentence whose marks score best is taken first: each distinct term or phrase it
///    holds counts its weight (rarer terms weigh more), a repeat adds a tenth, up to five.
/// 2. While the query's terms are spread out, the sentence adding the most weight not yet
///    shown is taken next, up to `maxFragments` sentences, but never so many that each would
///    get fewer than `minFragmentWords` words.
/// 3. The budget is shared: sentences that fit are shown whole, and the rest share what is
///    left; a sentence longer than its share is cut, at word boundaries, to the stretch that
///    shows its marks best, beginning or ending with the sentence when that costs nothing.
/// 4. Words left over go to whole neighbouring sentences that fit (the next one first), so a
///    short sentence gets its context.
/// Without any mark, the story's lead is shown.
struct PassageChooser {
    let words: [BodyScan.Word]
    /// Ranges of `words`, in order, covering them all.
    let sentences: [Range<Int>]
    let marks: [SnippetMark]
    /// Per mark key.
    let weights: [Double]
    let budget: Int
    var maxFragments = 3
    var minFragmentWords = 8

    /// Word ranges in story order, neither overlapping nor touching.
    func choose() -> [Range<Int>] {
        guard !words.isEmpty, budget > 0 else { return [] }
        guard !marks.isEmpty else { return [extend(lead(sentences), in: sentences, leftover: budget - lead(sentences).count)] }

        // Marks by sentence (marks are in story order; a mark belongs where it starts).
        var marksOf = [Range<Int>](repeating: 0..<0, count: sentences.count)
        var m = 0
        for (s, sentence) in sentences.enumerated() {
            let first = m
            while m < marks.count && marks[m].words.lowerBound < sentence.upperBound { m += 1 }
            marksOf[s] = first..<m
        }

        var covered = [Bool](repeating: false, count: weights.count)
        var picked: [Int] = []
        while picked.count < maxFragments {
            var best = -1, bestGain = 0.0
            for s in sentences.indices where !marksOf[s].isEmpty && !picked.contains(s) {
                let gain = score(marksOf[s], covered: covered)
                if gain > bestGain + 1e-9 {
                    best = s
                    bestGain = gain
                }
            }
            guard best >= 0 else { break }
            picked.append(best)
            for i in marksOf[best] { covered[marks[i].key] = true }
        }
        while picked.count > 1 && budget / picked.count < minFragmentWords { picked.removeLast() }

        // Share the budget: the shortest sentences first, each taking at most an equal share
        // of what remains.
        var shares = [Int](repeating: 0, count: picked.count)
        var remaining = budget
        let byLength = picked.indices.sorted { sentences[picked[$0]].count < sentences[picked[$1]].count }
        for (n, i) in byLength.enumerated() {
            shares[i] = min(sentences[picked[i]].count, remaining / (picked.count - n))
            remaining -= shares[i]
        }
        var ranges: [Range<Int>] = []
        for (i, s) in picked.enumerated() {
            let sentence = sentences[s]
            ranges.append(shares[i] >= sentence.count ? sentence : window(in: sentence, words: shares[i], marks: marksOf[s]))
        }
        for i in ranges.indices where ranges[i] == sentences[picked[i]] {
            let grown = extend(ranges[i], in: sentences, leftover: remaining, avoiding: ranges)
            remaining -= grown.count - ranges[i].count
            ranges[i] = grown
        }
        return Self.merged(ranges)
    }

    /// How much the marks `range` (indices into `marks`) show that `covered` does not.
    /// (Counted by looking back over the range, not with an array of counts: a passage
    /// holds a handful of marks, and this runs for every candidate window.)
    private func score(_ range: Range<Int>, covered: [Bool]) -> Double {
        var total = 0.0
        for i in range {
            let key = marks[i].key
            guard !covered[key] else { continue }
            var seenBefore = false
            var count = 1
            for j in range where j != i && marks[j].key == key {
                if j < i { seenBefore = true; break }
                count += 1
            }
            if !seenBefore { total += weights[key] * (1 + 0.1 * Double(min(count - 1, 5))) }
        }
        return total
    }

    /// The `count` words of `sentence` that show its marks best: the most weight, then the
    /// stretch that starts or ends with the sentence (keeping at least three words of context
    /// on the cut side) or else centres the marks.
    private func window(in sentence: Range<Int>, words count: Int, marks candidates: Range<Int>) -> Range<Int> {
        let noneCovered = [Bool](repeating: false, count: weights.count)
        precondition(count <= sentence.count)
        var best = sentence.lowerBound..<(sentence.lowerBound + count)
        var bestScore = -1.0, bestImbalance = Int.max
        for start in sentence.lowerBound...(sentence.upperBound - count) {
            let end = start + count
            var first = candidates.lowerBound
            while first < candidates.upperBound && marks[first].words.lowerBound < start { first += 1 }
            var last = first
            while last < candidates.upperBound && marks[last].words.upperBound < end { last += 1 }
            let inside = first..<last
            let s = score(inside, covered: noneCovered)
            var imbalance = 0
            if let f = inside.first, let l = inside.last {
                let before = marks[f].words.lowerBound - start
                let after = end - 1 - marks[l].words.upperBound
                if start == sentence.lowerBound {
                    imbalance = max(0, 3 - after)
                } else if end == sentence.upperBound {
                    imbalance = max(0, 3 - before)
                } else {
                    imbalance = abs(before - after)
                }
            }
            if s > bestScore + 1e-9 || (abs(s - bestScore) <= 1e-9 && imbalance < bestImbalance) {
                best = start..<end
                bestScore = s
                bestImbalance = imbalance
            }
        }
        return best
    }

    /// The first sentences that fit in the budget (the first one cut to it when it is longer).
    private func lead(_ sentences: [Range<Int>]) -> Range<Int> {
        0..<min(sentences[0].upperBound, budget)
    }

    /// `range` (whole sentences) grown by the whole sentences after it, then before it, that
    /// fit in `leftover` words and touch none of `others`.
    private func extend(_ range: Range<Int>, in sentences: [Range<Int>], leftover: Int, avoiding others: [Range<Int>] = []) -> Range<Int> {
        var range = range, leftover = leftover
        guard var after = sentences.firstIndex(where: { $0.lowerBound == range.upperBound }) ?? (range.upperBound == words.count ? sentences.count : nil),
              var before = sentences.lastIndex(where: { $0.upperBound == range.lowerBound }) ?? (range.lowerBound == 0 ? -1 : nil)
        else { return range }
        func free(_ r: Range<Int>) -> Bool { !others.contains { $0 != range && $0.overlaps(r) } }
        while after < sentences.count, sentences[after].count <= leftover, free(sentences[after]) {
            leftover -= sentences[after].count
            range = range.lowerBound..<sentences[after].upperBound
            after += 1
        }
        while before >= 0, sentences[before].count <= leftover, free(sentences[before]) {
            leftover -= sentences[before].count
            range = sentences[before].lowerBound..<range.upperBound
            before -= 1
        }
        return range
    }

    /// Sorted, with overlapping or touching ranges joined.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
