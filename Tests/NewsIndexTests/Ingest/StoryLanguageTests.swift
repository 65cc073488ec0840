import Testing
@testable import NewsIndex

/// Every story gets a language: what its page or item declares (the primary subtag), else
/// what CLD2 finds in its headline and the start of its body, else `und`.
@Suite struct StoryLanguageTests {
    func story(_ bytes: [UInt8], path: String) throws -> Story {
        try #require(try StoryReader().read(bytes, path: path).first)
    }

    func story(_ text: String, path: String) throws -> Story {
        try story(Array(text.utf8), path: path)
    }

    @Test(arguments: LanguageFixtures.stories)
    func eachFixtureStoryIsInItsLanguage(_ fixture: (file: String, language: String)) throws {
        let language = try story(try LanguageFixtures.bytes(fixture.file), path: fixture.file).language
        #expect(language == fixture.language, "\(fixture.file)")
    }

    @Test func aDeclaredLanguageIsKeptAsItsPrimarySubtag() throws {
        let page = "<html lang=\"pt-BR\"><head><title>Talks</title></head><body><article><p>The page says Portuguese, whatever its text says: the source knows best.</p></article></body></html>"
        #expect(try story(page, path: "p.html").language == "pt")
    }

    @Test func anUndeclaredStoryGetsTheLanguageItIsWrittenIn() throws {
        let wire = "Außenminister treffen sich in Moskau\n\nDie Außenminister trafen sich am Montag in Moskau, um über den Krieg, den Handel und das Schicksal der Soldaten zu sprechen, die im vergangenen Jahr ins Ausland geschickt wurden.\n"
        #expect(try story(wire, path: "de.txt").language == "de")
    }

    @Test func aPageDeclaringNoOneLanguageIsDetected() throws {
        let page = "<html lang=\"und\"><head><title>Talks in Moscow</title></head><body><article><p>The foreign ministers met in Moscow on Monday to discuss the war, trade and the fate of soldiers who were sent abroad last year, officials said after the talks ended.</p></article></body></html>"
        #expect(try story(page, path: "p.html").language == "en")
    }

    @Test func foreignNamesInTheFirstLinesDoNotMakeAnEnglishStoryForeign() throws {
        // CLD2's summary called this "af" (and a story on Kuala Lumpur "ms"): English under 80%.
        let wire = "Joost van der Westhuizen: Fearless rugby legend 'broke the mold'\n\n(CNN)Joost van der Westhuizen finally lost his brave battle with a body-wasting disease, but his powerful legacy lives on in modern rugby. Wheelchair-bound and barely able to talk in his later years, the South Africa legend passed away Monday aged 45.\n"
        #expect(try story(wire, path: "rugby.txt").language == "en")
    }

    @Test func tooLittleTextToTellIsUndetermined() throws {
        #expect(try story("Obama\n\nObama.\n", path: "o.txt").language == "und")
    }

    @Test func everyStoryOfAFeedGetsALanguage() throws {
        let feed = """
            <rss version="2.0"><channel><title>Wire</title><language>ko</language>
            <item><title>회담</title><description>최선희 외무상이 모스크바에서 라브로프 장관과 회담했다.</description><guid>1</guid></item>
            <item><title>Talks</title><description>The ministers met in Moscow.</description><guid>2</guid></item>
            </channel></rss>
            """
        let stories = try StoryReader().read(Array(feed.utf8), path: "feed.xml")
        #expect(stories.map(\.language) == ["ko", "ko"], "the channel's language holds for every item")
    }
}
