import Synchronization

/// Words a query leaves out, kept sorted and found by binary search over their UTF-8 bytes:
/// a `Set<String>` would cost every search process a scan of the runtime's conformance table.
public struct StopWords: Sendable {
    /// The Snowball project's English stop list (Porter's `english/stop.txt`), as the
    /// tokenizer folds it: pronouns, forms of *be*, *have* and *do*, auxiliaries, articles,
    /// conjunctions, prepositions and a few adverbs. Its contracted forms (`don't`, `she'll`)
    /// are left out: without the apostrophe they fold to words such as `shell`, `ill` and
    /// `well`. `us` is not on the list either, so `U.S.` (`us`) stays searchable.
    ///
    /// Measured on Cranfield, CISI, Medline and SciFact (README, "Ranking quality"), leaving
    /// these words out of queries raised nDCG@10 on all four; Lucene's 33-word list did less.
    /// Stories are still indexed with every word, so document lengths are unchanged and the
    /// words remain searchable when a query has nothing else.
    ///
    /// A lone letter is a stop word too: it is what other tools leave of initials,
    /// possessives and contractions (`U.S.` split as `u s`, `Russia's` as `russia s`), which
    /// this analyzer indexes as `us` and `russia`; required in an all-terms query it matched
    /// nothing. Headline queries split that way went from 0.79 to 0.96 nDCG@10 on the news
    /// corpus; the test collections moved by 0.0005 (`vitamin D` keeps `vitamin`).
    public static let english = StopWords(loneLetters: true, sorted: [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "me", "more",
        "most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should",
        "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "with", "would", "you", "your", "yours", "yourself", "yourselves",
    ])

    /// The words, in ascending order.
    let sorted: [String]
    /// Whether every single letter a–z is a stop word as well.
    let loneLetters: Bool

    /// The words as UTF-8, in byte order: for matching words of stories without making strings.
    private let bytes: [[UInt8]]

    init(loneLetters: Bool = false, sorted: [String]) {
        self.loneLetters = loneLetters
        self.sorted = sorted
        bytes = sorted.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Whether the word, in lower case as UTF-8 bytes, is on the list.
    func contains(utf8 word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        if loneLetters, word.count == 1, word[0] >= UInt8(ascii: "a"), word[0] <= UInt8(ascii: "z") { return true }
        var lo = 0, hi = bytes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let order = bytes[mid].withUnsafeBufferPointer { entry in
                let c = memcmpBytes(entry.baseAddress!, word.baseAddress!, min(entry.count, word.count))
                return c != 0 ? c : entry.count - word.count
            }
            if order < 0 { lo = mid + 1 } else { hi = mid }
        }
        guard lo < bytes.count else { return false }
        return bytes[lo].elementsEqual(word)
    }

    /// Whether the word, in lower case, is on the list. Strings compare by canonical
    /// equivalence, so a query word typed decomposed (`e` and a combining accent) matches too;
    /// `contains(utf8:)` matches bytes, for the many words of feedback's stories.
    public func contains(_ word: String) -> Bool {
        if loneLetters, word.utf8.count == 1, let b = word.utf8.first, b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") {
            return true
        }
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < word { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == word
    }
}

extension StopWords {
    /// The stop list of the language `code` (`StopWordLists`: Snowball's where Snowball has
    /// one, else Lucene's), nil when there is none. English has its own (`english`).
    /// Each list is sorted when a query first needs it: all of them at once cost a search
    /// process 37 million instructions, twenty times the rest of a one-word search.
    static func of(_ code: String) -> StopWords? {
        built.withLock { lists in
            if let known = lists[code] { return known }
            guard let words = StopWordLists.words[code] else { return nil }
            let list = StopWords(sorted: Array(Set(words.split(separator: " ").map(String.init))).sorted())
            lists[code] = list
            return list
        }
    }

    private static let built = Mutex<[String: StopWords]>([:])
}
