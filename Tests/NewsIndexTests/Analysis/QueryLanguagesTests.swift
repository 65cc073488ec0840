import Testing
@testable import NewsIndex

/// A query word is analysed for every language of the index written in its script; the
/// distinct forms are alternatives of one term. An index in one language reads queries
/// exactly as before.
@Suite struct QueryLanguagesTests {
    func analyzer(_ stories: [(String, Int)], pinned: String? = nil) -> Analyzer {
        Analyzer.standard.forQueries(QueryLanguages(stories: stories.map { (code: $0.0, stories: $0.1) }, pinned: pinned))
    }

    @Test func anEnglishIndexReadsQueriesAsBefore() {
        let english = analyzer([("en", 3787)])
        #expect(english.terms(in: "Talks in Kursk") == ["talk", "in", "kursk"])
        #expect(english.termsWithoutStopWords(in: "Talks in Kursk") == ["talk", "kursk"])
        #expect(english.terms(in: "министра") == ["министра"], "a Cyrillic word in an English index is folded only")
    }

    @Test func eachLanguageOfTheScriptGivesAnAlternative() {
        let mixed = analyzer([("ru", 10), ("und", 2), ("en", 50)])
        #expect(AlternativeTerms.split(mixed.terms(in: "министра")[0]) == ["министр", "министра"])
        #expect(AlternativeTerms.split(mixed.terms(in: "talks")[0]) == ["talk", "talks"], "English, then the neutral form")
    }

    @Test func formsThatAgreeAreOneTerm() {
        let mixed = analyzer([("en", 5), ("de", 5)])
        #expect(mixed.terms(in: "Kursk") == ["kursk"])
    }

    @Test func pinningAnalysesAsOneLanguageOnly() {
        let pinned = analyzer([("ru", 10), ("und", 2)], pinned: "ru")
        #expect(pinned.terms(in: "министра") == ["министр"])
        let neutral = analyzer([("ru", 10)], pinned: "und")
        #expect(neutral.terms(in: "министра") == ["министра"])
    }

    @Test func stopWordsAreTheQuerysLikeliestLanguages() {
        let mixed = analyzer([("en", 100), ("de", 10)])
        // "in" is on both lists, "the" on the English one, "war" on the German one: English.
        #expect(mixed.termsWithoutStopWords(in: "the war in Ukraine").map(AlternativeTerms.display) == ["war", "ukrain"])
        // "der", "in", "die" are German stop words: the query is German.
        #expect(mixed.termsWithoutStopWords(in: "der Krieg in der Ukraine").map(AlternativeTerms.display).contains("krieg"))
        #expect(!mixed.termsWithoutStopWords(in: "der Krieg in der Ukraine").contains("der"))
    }
}
