/// "Did you mean": corrections for likely misspelled query words, drawn from the index's
/// own vocabulary as Xapian's spelling suggestions are.
///
/// Only a word in no story is a candidate: one the index holds in any form (as its stem or
/// as written, `ANYTHING` as `anything`) is taken as meant, however rare — in news rare words
/// are names (`Gisele` is not `give`, `Kursk` not `Kurd`). Nor is a word the analyzer leaves
/// out of queries (a stop word, a lone letter) or a piece of a word split by marks
/// (`F**ked`). A correction shares the word's first byte, as Lucene's DirectSpellChecker
/// requires by default: typing seldom gets the first letter wrong, and the vocabulary is
/// sorted, so only that stretch of it is read (reading it all cost a search process ten
/// times the search). Among those, the correction is the indexed word at the smallest edit
/// distance (Damerau–Levenshtein: insertions, deletions, substitutions and swaps of
/// neighbours; at most 1 for words of up to 4 letters, 2 above), the one in the most stories
/// among equals, and it is written as the stories write it (the index holds stems: `acounts`
/// becomes `accounts`, not `account`).
/// Only words written plainly (not in phrases, prefixes or metadata fields) are corrected,
/// and only in an index whose main language in the word's script (the one with most stories,
/// `QueryLanguages`) is English or has no stemmer: another language's vocabulary holds its
/// stems, which a correction could not be written back from, so the suggester stays silent.
public struct SpellingSuggester {
    public let reader: IndexReader

    /// A query with fewer hits than this is worth a suggestion.
    public static let fewHits = 3
    /// A word already in stories is corrected only to one in this many times as many.
    public static let frequencyRatio = 10

    public init(reader: IndexReader) { self.reader = reader }

    /// Whether a query that found `hits` stories, with these `terms`, may get a suggestion at
    /// all: fewer than `fewHits`, and a word in no story. Spares a search process parsing its
    /// query again for the suggester (generic string code whose type metadata is made on
    /// first use: a fifth of a headline search).
    public static func mayCorrect(hits: Int, terms: [WeightedTerm]) -> Bool {
        hits < fewHits && terms.contains { $0.documentFrequency == 0 }
    }

    /// `text` (the query as written, which parsed into `tree`, and found `hits` stories) with
    /// each likely misspelled word replaced by its correction, or nil when nothing needs
    /// correcting.
    public func suggestion(for text: String, tree: QueryNode, hits: Int = 0) throws(IndexError) -> String? {
        guard hits < Self.fewHits else { return nil }
        var words: [(column: Int, length: Int, term: String)] = []
        let chars = Array(text)
        let languages = try reader.queryAnalyzer().queryLanguages
        for m in tree.positiveMatches {
            guard case .term(let term) = m.kind, m.scope.isText, !m.isStopWord, m.column + m.length <= chars.count,
                  !words.contains(where: { $0.column == m.column }) else { continue }
            // Only a whole word that is one term as written: `Jong-un` cannot be replaced by
            // one word, nor `ked` of `F**ked` corrected alone.
            if m.column > 0, Self.continuesWord(chars[m.column - 1]) { continue }
            if m.column + m.length < chars.count, Self.continuesWord(chars[m.column + m.length]) { continue }
            let written = String(chars[m.column..<(m.column + m.length)])
            let surface = Analyzer.folding.terms(in: written)
            let main = languages.analyses(for: LanguageAnalysis.Script(surface[0])).specific.first
            guard surface.count == 1, main?.stemsEnglish ?? true,
                  reader.analyzer.terms(in: written).count == 1,
                  !StopWords.english.contains(surface[0]),
                  try reader.documentFrequency(of: term) == 0,
                  try reader.documentFrequency(of: surface[0]) == 0 else { continue }
            // The main language's form: the first of a term's alternatives.
            words.append((m.column, m.length, AlternativeTerms.split(term)[0]))
        }
        guard !words.isEmpty else { return nil }
        let corrections = try self.corrections(of: words.map(\.term))
        var replacements: [(column: Int, length: Int, word: String)] = []
        for (word, better) in zip(words, corrections) {
            if let better { replacements.append((word.column, word.length, try writtenForm(of: better))) }
        }
        guard !replacements.isEmpty else { return nil }
        var out = chars
        for r in replacements.sorted(by: { $0.column > $1.column }) {
            out.replaceSubrange(r.column..<(r.column + r.length), with: Array(r.word))
        }
        return String(out)
    }

    /// Whether `c`, beside a word, makes it part of a longer one the query's marks split.
    static func continuesWord(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "*" || c == "'" || c == "’"
    }

    /// `correction(of:)` (an indexed term) for each of `terms`, found in one pass over the
    /// stretch of the vocabulary starting with each one's first byte.
    func corrections(of terms: [String]) throws(IndexError) -> [String?] {
        var searches = terms.map { CorrectionSearch(Array($0.utf8)) }
        var firstBytes: [UInt8] = []
        for search in searches {
            if let b = search.target.first, !firstBytes.contains(b) { firstBytes.append(b) }
        }
        for segment in reader.segments {
            for first in firstBytes {
                try segment.forEachTerm(withPrefix: [first]) { t, info in
                    for i in searches.indices where searches[i].target.first == first {
                        searches[i].consider(t, documentFrequency: info.docFreq)
                    }
                }
            }
        }
        return searches.map { $0.best(ratio: Self.frequencyRatio) }
    }

    /// How the stories write `term`: the first word in a story holding it whose term it is,
    /// lowercased, and preferably one written plainly (`pyongyang`, not `Pyongyang's`);
    /// `term` itself when no story shows it.
    func writtenForm(of term: String) throws(IndexError) -> String {
        for (s, segment) in reader.segments.enumerated() {
            guard let info = try withUTF8Bytes(of: term, { t throws(IndexError) in try segment.lookup(t) }) else { continue }
            let cursor = PostingsCursor(segment: segment, term: info)
            while cursor.doc != PostingsCursor.exhausted && reader.isDeleted(segment: s, doc: cursor.doc) { cursor.next() }
            guard cursor.doc != PostingsCursor.exhausted else { continue }
            let written = try reader.withStoredStory(at: DocumentAddress(segment: s, doc: cursor.doc)) { stored, body in
                var title = stored.story.title
                let inTitle = title.withUTF8 { writings(of: term, in: $0) }
                return inTitle.plain ?? writings(of: term, in: body).plain ?? inTitle.first
            }
            if let written { return written }
        }
        return term
    }

    /// The first writing of `term` in `text`, and the first with letters and digits alone,
    /// lowercased.
    private func writings(of term: String, in text: UnsafeBufferPointer<UInt8>) -> (first: String?, plain: String?) {
        let wanted = Array(term.utf8)
        var first: String?, plain: String?
        reader.analyzer.forEachToken(inUTF8: text) { t, range in
            guard plain == nil, t.elementsEqual(wanted) else { return }
            let written = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
            if first == nil { first = written }
            if written.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) { plain = written }
        }
        return (first, plain)
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
