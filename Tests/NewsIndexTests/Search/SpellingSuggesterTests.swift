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

    @Test func aWordInTheVocabularyIsNeverCorrectedEvenWhenNothingIsFound() throws {
        // `gisele` is in one story, `give` (two edits away) in thirteen: still meant.
        #expect(try suggestion("gisele donors", hits: 0) == nil)
        // The same word in capitals is the same term.
        #expect(try suggestion("GISELE KURSK", hits: 0) == nil)
    }

    @Test func aRareWordIsTakenAsMeantBesideAWordInNoStory() throws {
        // `Gisle` explains why nothing was found; `Kursk` (one story, beside `Kurd` in twelve)
        // stays.
        #expect(try suggestion("Gisle Kursk", hits: 0) == "gisele Kursk")
    }

    @Test(arguments: ["the", "a", "+the", "I"])
    func wordsTheAnalyzerDropsAreNeverCorrected(_ dropped: String) throws {
        // A stop word or a lone letter is left out of the query: correcting it (`a` to `s`,
        // `the` to `tom`) would propose another query.
        #expect(try suggestion("Gisle \(dropped)", hits: 0) == "gisele \(dropped)")
    }

    @Test func onlyWholeWordsAreCorrectedNotPiecesSplitByMarks() throws {
        // A pasted headline read as plain words: `F**ked` gives `f` and `ked`; `ked` alone is
        // not a word of the query.
        let lenient = try syntax.parseLeniently("Gisle F**kd")
        #expect(lenient.note != nil)
        let suggested = try SpellingSuggester(reader: reader).suggestion(for: "Gisle F**kd", tree: lenient.tree, hits: 0)
        #expect(suggested == "gisele F**kd")
    }

    @Test func aCorrectionKeepsTheFirstLetter() throws {
        // `ursk` is one edit from `kursk`, but typing seldom gets the first letter wrong.
        #expect(try suggestion("ursk", hits: 0) == nil)
    }

    @Test func onlyAQueryWithFewHitsAndAWordInNoStoryOrNoHitsMayBeCorrected() {
        let known = WeightedTerm(text: "kursk", documentFrequency: 1, idf: 1)
        let unknown = WeightedTerm(text: "kursl", documentFrequency: 0, idf: 1)
        #expect(SpellingSuggester.mayCorrect(hits: 1, terms: [known, unknown]))
        #expect(!SpellingSuggester.mayCorrect(hits: 1, terms: [known]))
        #expect(!SpellingSuggester.mayCorrect(hits: 0, terms: [known]), "a word in the vocabulary is taken as meant")
        #expect(!SpellingSuggester.mayCorrect(hits: SpellingSuggester.fewHits, terms: [unknown]))
    }
}
