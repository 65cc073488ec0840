import Testing
@testable import NewsIndex

@Suite struct SnippetBuilderTests {
    let builder = SnippetBuilder(analyzer: .standard, wordCount: 12)

    func terms(_ words: [String: Double]) -> [WeightedTerm] {
        words.sorted { $0.key < $1.key }.map { WeightedTerm(text: $0.key, documentFrequency: 1, idf: $0.value) }
    }

    /// The substrings the highlights point at, sliced by code points.
    func marked(_ s: Snippet) -> [String] {
        let scalars = Array(s.text.unicodeScalars)
        return s.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    static let story = """
        North Korean Foreign Minister Choe Son-hui met her Russian counterpart in Moscow on Monday.

        Officials said the talks covered trade, energy and the weather in general terms for an hour.

        Lavrov also said Russia will never forget the deeds of North Korean soldiers in the Kursk region.
        """

    @Test func choosesThePassageWithTheMostQueryTerms() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 20).snippet(of: Self.story, terms: terms(["lavrov": 2, "kursk": 2]))
        #expect(marked(s) == ["Lavrov", "Kursk"])
    }

    @Test func rarerTermsOutweighCommonOnes() {
        let s = builder.snippet(of: Self.story, terms: terms(["moscow": 3, "north": 0.1]))
        #expect(marked(s).contains("Moscow"))
    }

    @Test func marksEllipsesWhereTheStoryWasCut() {
        let s = builder.snippet(of: Self.story, terms: terms(["trade": 1]))
        #expect(s.text.hasPrefix("…"))
        #expect(s.text.hasSuffix("…"))
    }

    @Test func whitespaceAndParagraphBreaksCollapseToSingleSpaces() {
        let s = builder.snippet(of: Self.story, terms: terms(["monday": 1]))
        #expect(!s.text.contains("\n"))
        #expect(!s.text.contains("  "))
    }

    @Test func highlightOffsetsCountCodePointsNotBytes() {
        let s = builder.snippet(of: "Über Café und Straße: café.", terms: terms(["cafe": 1]))
        #expect(marked(s) == ["Café", "café"])
    }

    @Test func aStoryWithoutTheTermsStillGivesItsLead() {
        let s = builder.snippet(of: Self.story, terms: terms(["absent": 1]))
        #expect(s.text.hasPrefix("North Korean Foreign Minister"))
        #expect(s.highlights.isEmpty)
    }

    @Test func anEmptyStoryGivesAnEmptySnippet() {
        #expect(builder.snippet(of: "", terms: terms(["x": 1])) == Snippet(text: "", highlights: []))
    }

    @Test func aShortStoryIsShownWholeWithoutEllipses() {
        let s = builder.snippet(of: "Lavrov met Choe.", terms: terms(["choe": 1]))
        #expect(s.text == "Lavrov met Choe.")
        #expect(marked(s) == ["Choe"])
    }

    @Test func inflectedFormsOfAQueryWordAreMarked() {
        let s = builder.snippet(of: "Talks ended; the talking continued and nobody talked.", terms: terms(["talk": 1]))
        #expect(marked(s) == ["Talks", "talking", "talked"])
    }
}
