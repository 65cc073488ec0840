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
    let pinned: LanguageAnalysis?

    /// `stories`: the index's language codes with their story counts (any order).
    public init(stories: [(code: String, stories: Int)], pinned: String? = nil) {
        languages = stories.sorted { $0.stories != $1.stories ? $0.stories > $1.stories : $0.code < $1.code }
            .map { LanguageAnalysis.of($0.code) }
        self.pinned = pinned.map(LanguageAnalysis.of)
    }

    public static func == (a: QueryLanguages, b: QueryLanguages) -> Bool {
        a.languages == b.languages && a.pinned == b.pinned
    }

    /// English alone: how queries were read before stories had languages, and what an index
    /// of English stories gives.
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

    /// The stop list of the query's likeliest language, given its words as written.
    func stopWords(for words: [String]) -> StopWords? {
        if let pinned { return pinned.stopWords }
        var best: (list: StopWords, hits: Int)? = nil
        for language in languages {
            guard let list = language.stopWords else { continue }
            let hits = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
            if best == nil || hits > best!.hits { best = (list, hits) }
        }
        return best?.list
    }
}
