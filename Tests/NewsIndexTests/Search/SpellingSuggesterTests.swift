import Testing
@testable import NewsIndex

/// "Did you mean" over a small news index: which words are corrected, to what, and how the
/// correction is written.
@Suite struct SpellingSuggesterTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()
    let reader: IndexReader
    let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 10, day: 28))

    init() throws {
        corpus.write("brady.txt", "Tom Brady's wife Gisele Bundchen wants him to retire\n\nBrady says in Kursk that his wife Gisele would give him a year.\n")
        for n in 0..<12 {
            corpus.write("give-\(n).txt", "Aid story \(n)\n\nDonors give food and give money; the audits of the accounts go on, a Kurd official said.\n")
        }
        reader = try indexedReader(of: corpus, into: index)
    }

    func suggestion(_ query: String, hits: Int) throws -> String? {
        try SpellingSuggester(reader: reader).suggestion(for: query, tree: try syntax.parse(query), hits: hits)
    }

    @Test func aWordInNoStoryIsCorrected() throws {
        #expect(try suggestion("Kursl donors", hits: 0) == "kursk donors")
        #expect(try suggestion("Bundchen Gisle", hits: 0) == "Bundchen gisele")
    }

    @Test func theCorrectionIsWrittenAsTheStoriesWriteItNotAsItsStem() throws {
        // The index holds `account`; the stories write `accounts`.
        #expect(try suggestion("acounts", hits: 0) == "accounts")
        // `Tom Brady's wife`, then `Brady says`: the plain writing.
        #expect(try suggestion("Brday", hits: 0) == "brady")
    }

    @Test func aRareWordOfAQueryThatFindsStoriesIsTakenAsMeant() throws {
        #expect(try suggestion("Gisele Bundchen", hits: 1) == nil)
    }

    @Test func aRareWordOfAQueryThatFindsNothingMayBeAMisspelling() throws {
        // `gisele` is in one story, `give` (two edits away) in thirteen.
        #expect(try suggestion("gisele donors", hits: 0) == "give donors")
    }

    @Test func aRareWordIsTakenAsMeantBesideAWordInNoStory() throws {
        // `Gisle` explains why nothing was found; `Kursk` (one story, beside `Kurd` in twelve)
        // stays.
        #expect(try suggestion("Gisle Kursk", hits: 0) == "gisele Kursk")
    }

    @Test func aCorrectionKeepsTheFirstLetter() throws {
        // `ursk` is one edit from `kursk`, but typing seldom gets the first letter wrong.
        #expect(try suggestion("ursk", hits: 0) == nil)
    }

    @Test func onlyAQueryWithFewHitsAndAWordInNoStoryOrNoHitsMayBeCorrected() {
        let known = WeightedTerm(text: "kursk", documentFrequency: 1, idf: 1)
        let unknown = WeightedTerm(text: "kursl", documentFrequency: 0, idf: 1)
        #expect(SpellingSuggester.mayCorrect(hits: 0, terms: [known]))
        #expect(SpellingSuggester.mayCorrect(hits: 1, terms: [known, unknown]))
        #expect(!SpellingSuggester.mayCorrect(hits: 1, terms: [known]))
        #expect(!SpellingSuggester.mayCorrect(hits: SpellingSuggester.fewHits, terms: [unknown]))
    }
}
