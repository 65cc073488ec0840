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

    @Test func aBodyGivenAsUTF8GivesTheSnippetItsStringGives() {
        let query = SnippetQuery(terms: terms(["lavrov": 2, "kursk": 2]))
        let fromString = builder.snippet(of: Self.story, for: query)
        let fromBytes = Array(Self.story.utf8).withUnsafeBufferPointer { builder.snippet(ofUTF8: $0, for: query) }
        #expect(fromBytes == fromString)
    }

    @Test func illFormedUTF8IsRepairedAsAStringRepairsIt() {
        // A lone continuation byte, a truncated three-byte sequence and an overlong form,
        // as a damaged segment could hand back.
        let bytes: [UInt8] = Array("Lavrov said ".utf8) + [0x80, 0xE2, 0x82] + Array(" in Kursk ".utf8) + [0xC0, 0xAF]
        let query = SnippetQuery(terms: terms(["lavrov": 2, "kursk": 2]))
        let s = bytes.withUnsafeBufferPointer { builder.snippet(ofUTF8: $0, for: query) }
        #expect(marked(s) == ["Lavrov", "Kursk"])
        #expect(s == builder.snippet(of: String(decoding: bytes, as: UTF8.self), for: query))
    }

    @Test func aLongStoryCutAtTheScanLimitEndsWithAnEllipsis() {
        let filler = Array(repeating: "The weather was mild and nothing else of note happened that day.", count: 1_000)
        let story = (["Lavrov met Choe in Moscow."] + filler).joined(separator: " ")
        let s = builder.snippet(of: story, terms: terms(["lavrov": 2, "choe": 2]))
        #expect(marked(s) == ["Lavrov", "Choe"])
        #expect(s.text.hasSuffix(" …"))
    }

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

    // MARK: Sentences and fragments

    static let spread = """
        Oil prices rose on Monday as traders weighed supply risks in the Gulf region.

        Analysts at several banks said demand in Asia had held up better than expected this winter. \
        Shipping rates were steady. Ports in Europe reported normal traffic for the season.

        The European Union agreed new sanctions against Moscow late on Tuesday, diplomats said.
        """

    /// The body text a fragment's `storyRange` points at, whitespace collapsed.
    func storyText(_ body: String, _ f: SnippetFragment) -> String {
        let scalars = Array(body.unicodeScalars)[f.storyRange]
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func spreadTermsGiveOneFragmentEachJoinedWithEllipses() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 30).snippet(of: Self.spread, terms: terms(["oil": 2, "sanction": 2]))
        #expect(s.fragments.map(\.text) == [
            "Oil prices rose on Monday as traders weighed supply risks in the Gulf region.",
            "The European Union agreed new sanctions against Moscow late on Tuesday, diplomats said.",
        ])
        #expect(s.text == s.fragments[0].text + " … " + s.fragments[1].text)
        #expect(marked(s) == ["Oil", "sanctions"])
    }

    @Test func fragmentsCarryTheirOwnHighlightsAndPlaceInTheStory() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 30).snippet(of: Self.spread, terms: terms(["oil": 2, "sanction": 2]))
        for f in s.fragments {
            #expect(storyText(Self.spread, f) == f.text)
            let scalars = Array(f.text.unicodeScalars)
            #expect(f.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }.count == 1)
        }
        #expect(s.fragments[0].storyRange.lowerBound == 0)
    }

    @Test func storyRangesCountCodePoints() {
        let body = "Zürich — café owners met.\n\nÉmigrés   said the café was shut. Nothing else happened today at all, officials added later on."
        let s = SnippetBuilder(analyzer: .standard, wordCount: 8).snippet(of: body, terms: terms(["emigr": 1]))
        let f = try! #require(s.fragments.first)
        #expect(f.text == "Émigrés said the café was shut.")
        #expect(storyText(body, f) == f.text)
        #expect(f.storyRange.lowerBound == Array(body.unicodeScalars).firstIndex(of: "É"))
    }

    @Test func aShortSentenceIsGivenTheWholeSentencesAroundItThatFit() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 30).snippet(of: Self.spread, terms: terms(["ship": 1]))
        #expect(s.fragments.count == 1)
        #expect(s.fragments[0].text.hasPrefix("Shipping rates were steady. Ports in Europe"))
        #expect(s.text.hasPrefix("… "))
        #expect(s.text.hasSuffix("diplomats said."), "the story's end is shown, so no ellipsis follows")
    }

    @Test func aLongSentenceIsCutBetweenWordsAroundItsHits() {
        let words = (1...60).map { "word\($0)" }
        let text = words[..<40].joined(separator: " ") + " needle " + words[40...].joined(separator: " ") + "."
        let s = SnippetBuilder(analyzer: .standard, wordCount: 10).snippet(of: text, terms: terms(["needl": 1]))
        let shown = s.fragments[0].text.split(separator: " ")
        #expect(shown.count == 10)
        #expect(shown.allSatisfy { $0 == "needle" || words.contains(String($0)) })
        #expect(marked(s) == ["needle"])
        #expect(s.text.hasPrefix("… ") && s.text.hasSuffix(" …"))
    }

    @Test func termsInOneSentenceNeedOnlyOneFragment() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 30).snippet(of: Self.story, terms: terms(["lavrov": 2, "kursk": 2]))
        #expect(s.fragments.count == 1)
        #expect(s.fragments[0].text == "Lavrov also said Russia will never forget the deeds of North Korean soldiers in the Kursk region.")
    }

    @Test func noMoreThanThreeFragments() {
        let text = (1...6).map { "Sentence \($0) mentions term\($0) among other words. Nothing else of any note happened there at all on that long day." }.joined(separator: " ")
        let query = (1...6).map { WeightedTerm(text: "term\($0)", documentFrequency: 1, idf: 1) }
        let s = SnippetBuilder(analyzer: .standard, wordCount: 30).snippet(of: text, terms: query)
        #expect(s.fragments.map(\.text) == (1...3).map { "Sentence \($0) mentions term\($0) among other words." })
    }

    @Test func aSmallBudgetKeepsToOneFragment() {
        let s = SnippetBuilder(analyzer: .standard, wordCount: 12).snippet(of: Self.spread, terms: terms(["oil": 2, "sanction": 2]))
        #expect(s.fragments.count == 1)
    }

    @Test func zeroWordsGiveNoSnippet() {
        #expect(SnippetBuilder(analyzer: .standard, wordCount: 0).snippet(of: Self.story, terms: terms(["lavrov": 1])) == .empty)
    }

    // MARK: Phrases

    @Test func aPhraseIsMarkedAsOneStretch() {
        let phrase = [WeightedTerm(text: "north", documentFrequency: 1, idf: 1), WeightedTerm(text: "korean", documentFrequency: 1, idf: 1)]
        let s = SnippetBuilder(analyzer: .standard, wordCount: 20).snippet(of: Self.story, terms: [], phrases: [phrase])
        #expect(marked(s) == ["North Korean"])
    }

    @Test func phraseWordsApartAreNotMarked() {
        let phrase = [WeightedTerm(text: "korean", documentFrequency: 1, idf: 1), WeightedTerm(text: "soldier", documentFrequency: 1, idf: 1)]
        let s = builder.snippet(of: "Korean troops and soldiers. Korean soldiers came.", terms: [], phrases: [phrase])
        #expect(marked(s) == ["Korean soldiers"])
    }

    @Test func aPhraseAndASingleTermAreMarkedSeparately() {
        let phrase = [WeightedTerm(text: "kursk", documentFrequency: 1, idf: 1), WeightedTerm(text: "region", documentFrequency: 1, idf: 1)]
        let s = SnippetBuilder(analyzer: .standard, wordCount: 20).snippet(of: Self.story, terms: terms(["lavrov": 1]), phrases: [phrase])
        #expect(marked(s) == ["Lavrov", "Kursk region"])
    }
}
