/// "Did you mean": corrections for likely misspelled query words, drawn from the index's
/// own vocabulary as Xapian's spelling suggestions are.
///
/// A word is a candidate for correction when it is in no story, or in a few (at most
/// `rareLimit`) and far fewer than a close word is. All candidates are looked for in one
/// pass over the vocabulary. Its correction is the indexed word at the smallest edit distance
/// (Damerau–Levenshtein: insertions, deletions, substitutions and swaps of neighbours; at
/// most 1 for words of up to 4 letters, 2 above), the one in the most stories among equals.
/// Only words written plainly (not in phrases, prefixes or metadata fields) are corrected.
public struct SpellingSuggester {
    public let reader: IndexReader

    /// A query with fewer hits than this is worth a suggestion.
    public static let fewHits = 3
    /// A word already in stories is corrected only to one in this many times as many.
    public static let frequencyRatio = 10

    public init(reader: IndexReader) { self.reader = reader }

    /// `text` (the query as written, which parsed into `tree`) with each likely misspelled
    /// word replaced by its correction, or nil when nothing needs correcting.
    public func suggestion(for text: String, tree: QueryNode) throws(IndexError) -> String? {
        var words: [(column: Int, length: Int, term: String)] = []
        let chars = Array(text)
        for m in tree.positiveMatches {
            guard case .term(let term) = m.kind, m.scope.isText, m.column + m.length <= chars.count,
                  !words.contains(where: { $0.column == m.column }) else { continue }
            // Only a word that is one term as written: `Jong-un` cannot be replaced by one word.
            let written = String(chars[m.column..<(m.column + m.length)])
            guard reader.analyzer.terms(in: written).count == 1 else { continue }
            // A word in more than a few stories is taken as meant: correcting it would need
            // a close word ten times as common, which is a different word, not a typo.
            guard try reader.documentFrequency(of: term) <= Self.rareLimit else { continue }
            words.append((m.column, m.length, term))
        }
        guard !words.isEmpty else { return nil }
        let corrections = try self.corrections(of: words.map(\.term))
        var replacements: [(column: Int, length: Int, word: String)] = []
        for (word, better) in zip(words, corrections) {
            if let better { replacements.append((word.column, word.length, better)) }
        }
        guard !replacements.isEmpty else { return nil }
        var out = chars
        for r in replacements.sorted(by: { $0.column > $1.column }) {
            out.replaceSubrange(r.column..<(r.column + r.length), with: Array(r.word))
        }
        return String(out)
    }

    /// Words in more stories than this are not corrected.
    public static let rareLimit = 3

    /// `correction(of:)` for each of `terms`, found in one pass over the vocabulary.
    func corrections(of terms: [String]) throws(IndexError) -> [String?] {
        var searches = terms.map { CorrectionSearch(Array($0.utf8)) }
        for segment in reader.segments {
            try segment.forEachTerm { t, info in
                guard !FieldTerm.isFieldTerm(t) else { return true }
                for i in searches.indices { searches[i].consider(t, documentFrequency: info.docFreq) }
                return true
            }
        }
        return searches.map { $0.best(ratio: Self.frequencyRatio) }
    }

    /// The indexed word `term` was most likely meant to be, or nil.
    public func correction(of term: String) throws(IndexError) -> String? {
        try corrections(of: [term])[0]
    }

    /// The search for one word's correction as the vocabulary goes by: its own document
    /// frequency, and the close words with theirs.
    struct CorrectionSearch {
        let target: [UInt8]
        let maxEdits: Int
        let bag: LetterBag
        var own = 0
        var candidates: [[UInt8]: Int] = [:]
        var scratch: DistanceScratch

        init(_ target: [UInt8]) {
            self.target = target
            maxEdits = target.count <= 4 ? 1 : 2
            bag = LetterBag(target)
            scratch = DistanceScratch(longest: target.count + maxEdits)
        }

        mutating func consider(_ t: UnsafeRawBufferPointer, documentFrequency df: Int) {
            guard abs(t.count - target.count) <= maxEdits else { return }
            if t.elementsEqual(target) {
                own += df
            } else if bag.distance(to: t) <= maxEdits,
                      SpellingSuggester.distance(target, t, limit: maxEdits, scratch: &scratch) <= maxEdits {
                candidates[Array(t), default: 0] += df
            }
        }

        /// The closest candidate, the most common among equals, if the word itself is in no
        /// story or the candidate is in `ratio` times as many.
        func best(ratio: Int) -> String? {
            var scratch = self.scratch
            var best: (word: [UInt8], distance: Int, df: Int)?
            for (word, df) in candidates where own == 0 || df >= own * ratio {
                let d = word.withUnsafeBytes { SpellingSuggester.distance(target, $0, limit: maxEdits, scratch: &scratch) }
                if let b = best, (b.distance, -b.df) < (d, -df)
                    || ((b.distance, -b.df) == (d, -df) && b.word.lexicographicallyPrecedes(word)) {
                    continue
                }
                best = (word, d, df)
            }
            return best.map { String(decoding: $0.word, as: UTF8.self) }
        }
    }

    /// Three rows of the distance table, allocated once per correction rather than per
    /// word of the vocabulary.
    struct DistanceScratch {
        var before: [Int]
        var previous: [Int]
        var current: [Int]

        init(longest: Int) {
            before = [Int](repeating: 0, count: longest + 2)
            previous = before
            current = before
        }
    }

    /// How many bytes of each value (folded into 64 buckets) a word has: the larger of the
    /// two words' surpluses over the other is a lower bound of their edit distance (an edit
    /// changes at most one byte's count on each side; a swap none), found without the table.
    struct LetterBag {
        private var counts = [Int16](repeating: 0, count: 64)

        init(_ word: [UInt8]) {
            for b in word { counts[Int(b & 63)] &+= 1 }
        }

        func distance(to other: UnsafeRawBufferPointer) -> Int {
            var delta = counts
            for b in other { delta[Int(b & 63)] &-= 1 }
            var surplus = 0, deficit = 0
            for d in delta {
                if d > 0 { surplus += Int(d) } else { deficit -= Int(d) }
            }
            return max(surplus, deficit)
        }
    }

    /// Optimal-string-alignment distance between `a` and `b`, or more than `limit` when it
    /// exceeds it (rows stop early once every cell is past the limit).
    static func distance(_ a: [UInt8], _ b: UnsafeRawBufferPointer, limit: Int) -> Int {
        var scratch = DistanceScratch(longest: max(a.count, b.count))
        return distance(a, b, limit: limit, scratch: &scratch)
    }

    static func distance(_ a: [UInt8], _ b: UnsafeRawBufferPointer, limit: Int, scratch: inout DistanceScratch) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        if scratch.current.count < m + 1 { scratch = DistanceScratch(longest: m) }
        for j in 0...m { scratch.previous[j] = j }
        for i in 1...n {
            scratch.current[0] = i
            var rowMin = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(scratch.previous[j] + 1, scratch.current[j - 1] + 1, scratch.previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, scratch.before[j - 2] + 1) }
                scratch.current[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            swap(&scratch.before, &scratch.previous)
            swap(&scratch.previous, &scratch.current)
        }
        return scratch.previous[m]
    }
}
