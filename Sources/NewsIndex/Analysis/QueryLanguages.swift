/// The languages a query is analysed for: those the index holds stories in, most first, or
/// one the user pins (`--query-lang`).
///
/// Each word of a query is analysed as every language of the index written in its script
/// (a Cyrillic word as Russian and Bulgarian, a Latin one as English, German, Vietnamese…),
/// and folded only when the index also holds stories the neutral analysis indexed (unknown
/// language, no stemmer, other scripts). The distinct results are alternatives of one query
/// term, scored as one term, so an index in one language is searched exactly as before.
/// Stop words are those of the query's likeliest language: the one with most of the
/// query's words on its stop list, ties to the language with most stories.
public struct QueryLanguages: Sendable, Equatable {
    /// The index's languages, most stories first.
    let languages: [LanguageAnalysis]
    /// The language the user pinned the analysis to, if any.
    private(set) var pinned: LanguageAnalysis?

    /// `stories`: the index's language codes with their story counts (any order).
    public init(stories: [(code: String, stories: Int)], pinned: String? = nil) {
        languages = stories.sorted { $0.stories != $1.stories ? $0.stories > $1.stories : $0.code < $1.code }
            .map { LanguageAnalysis.of($0.code) }
        self.pinned = pinned.map(LanguageAnalysis.of)
    }

    /// English alone: how queries were read before stories had languages, what an index of
    /// English stories gives, and how metadata fields (`source:`, `place:`) are always read,
    /// since they are indexed so.
    public static let english = QueryLanguages(stories: [("en", 1)])

    /// The analyses a word in `script` gets: the specific ones of the languages in that
    /// script, and whether the neutral one is needed as well.
    func analyses(for script: LanguageAnalysis.Script) -> (specific: [LanguageAnalysis], neutral: Bool) {
        if let pinned {
            return pinned.isSpecific && pinned.script == script ? ([pinned], false) : ([], true)
        }
        var specific: [LanguageAnalysis] = []
        var neutral = languages.isEmpty
        for language in languages {
            if language.isSpecific && language.script == script { specific.append(language) } else { neutral = true }
        }
        return (specific, neutral)
    }

    /// The stop list of the query's likeliest language, given its words in lower case as
    /// written (`Analyzer.lowerCaseWords`); the words are read only when the index has
    /// more than one language with a stop list.
    func stopWords(for words: () -> [String]) -> StopWords? {
        if let pinned { return pinned.stopWords }
        var first: StopWords? = nil, more = false
        for language in languages {
            guard let list = language.stopWords else { continue }
            if first == nil { first = list } else { more = true }
        }
        guard more else { return first }
        let written = words()
        var best = first, bestHits = -1
        for language in languages {
            guard let list = language.stopWords else { continue }
            let hits = written.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if hits > bestHits { (best, bestHits) = (list, hits) }
        }
        return best
    }

    /// These languages with the analysis pinned to `code` (nil: not pinned).
    func pinning(_ code: String?) -> QueryLanguages {
        var copy = self
        copy.pinned = code.map(LanguageAnalysis.of)
        return copy
    }
}
