import NewsIndex
import Testing

@Suite struct WireTextReaderTests {
    private func read(_ text: String) -> Story {
        WireTextReader().read(Array(text.utf8))
    }

    /// The Yonhap seed's layout: the date header shares its line with the lead paragraph.
    static let seedOpening = """
         date 2025-10-27 North Korean Foreign Minister Choe Son-hui highlighted last month's meeting \
        between the North's leader Kim Jong-un and Russian President Vladimir Putin in Beijing as an \
        event that raised the bilateral ties to a "new height," Russian media reported Monday.

        Choe made the remark at the talks with her Russian counterpart, Sergey Lavrov, in Moscow, \
        referring to the two leaders' bilateral talks that took place when they visited Beijing on \
        Sept. 3 to attend a military parade marking China's Victory Day.

        Trump met Kim three times during his first presidential term, including summits in \
        Singapore in 2018 and Vietnam in 2019. (Yonhap)
        """

    static let reutersStory = """
        date 1987-03-01
        SAUDI ARABIA REITERATES COMMITMENT TO OPEC PACT

        Saudi Arabian Oil Minister Hisham Nazer
        reiterated the kingdom's commitment to last December's OPEC
        accord to boost world oil prices and stabilise the market, the
        official Saudi Press Agency SPA said.
            Asked by the agency about the recent fall in free market
        oil prices, Nazer said Saudi Arabia "is fully adhering by the
        ... Accord."
         REUTER
        """

    static let bbcStory = """
        Hacker threat to Apple's iTunes

        Users of Apple's music jukebox iTunes need to update the software to avoid a potential security threat.

        Hackers can build malicious playlist files which could crash the program.
        """

    @Test func readsTheSeedStoryOfTheRepository() throws {
        let story = WireTextReader().read(try repositoryFile("Corpus/2025-10-27-yonhap-choe-lavrov-moscow.txt"))
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.source == "Yonhap")
        #expect(!story.titleIsHeadline)
        #expect(story.title == "North Korean Foreign Minister Choe Son-hui highlighted last month's meeting…")
        #expect(story.body.hasPrefix("North Korean Foreign Minister Choe Son-hui highlighted"))
        #expect(story.body.hasSuffix("Vietnam in 2019. (Yonhap)"))
    }

    @Test func dateHeaderSharingTheFirstLineLeavesTheRestAsLeadParagraph() {
        let story = read(Self.seedOpening)
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.body.hasPrefix("North Korean Foreign Minister Choe Son-hui highlighted last month's meeting between"))
        #expect(story.body.split(separator: "\n\n").count == 3)
    }

    @Test func titleFromLeadIsShortenedAtAWordBoundary() {
        let story = read(Self.seedOpening)
        #expect(!story.titleIsHeadline)
        #expect(story.title == "North Korean Foreign Minister Choe Son-hui highlighted last month's meeting…")
        #expect(story.title.count <= 80)
    }

    @Test func dateAloneOnTheFirstLineIsFollowedByTheHeadline() {
        let story = read("""
            date 2017-02-16
            Woman unharmed after hostage situation in Dublin

            An investigation is under way after a woman was held hostage at a house in Dublin.
            """)
        #expect(story.date == StoryDate(year: 2017, month: 2, day: 16))
        #expect(story.title == "Woman unharmed after hostage situation in Dublin")
        #expect(story.titleIsHeadline)
        #expect(story.body == "An investigation is under way after a woman was held hostage at a house in Dublin.")
    }

    @Test func bbcStoryHasAHeadlineAndNoDate() {
        let story = read(Self.bbcStory)
        #expect(story.date == nil)
        #expect(story.title == "Hacker threat to Apple's iTunes")
        #expect(story.titleIsHeadline)
        #expect(story.body.hasPrefix("Users of Apple's music jukebox"))
        #expect(story.source == nil)
    }

    @Test func reutersHeadlineInCapitalsIsAHeadline() {
        let story = read(Self.reutersStory)
        #expect(story.title == "SAUDI ARABIA REITERATES COMMITMENT TO OPEC PACT")
        #expect(story.titleIsHeadline)
    }

    @Test func hardWrappedLinesAreJoinedWithASpace() {
        let story = read(Self.reutersStory)
        #expect(story.body.hasPrefix(
            "Saudi Arabian Oil Minister Hisham Nazer reiterated the kingdom's commitment to last December's OPEC accord"))
    }

    @Test func indentedLineStartsAParagraph() {
        let paragraphs = read(Self.reutersStory).body.split(separator: "\n\n")
        #expect(paragraphs.count == 2)
        #expect(paragraphs.last?.hasPrefix("Asked by the agency") == true)
    }

    @Test func tabIndentedLineStartsAParagraph() {
        let story = read("First paragraph goes on\nover two lines.\n\tSecond paragraph.\n")
        #expect(story.body == "First paragraph goes on over two lines.\n\nSecond paragraph.")
    }

    @Test func reuterLineNamesReutersAndStaysInTheBody() {
        let story = read(Self.reutersStory)
        #expect(story.source == "Reuters")
        #expect(story.body.hasSuffix("Accord.\" REUTER"))
    }

    @Test(arguments: [("(Yonhap)", "Yonhap"), ("(AFP)", "AFP"), ("(Kyodo News)", "Kyodo News")])
    func signatureInParenthesesNamesTheSource(_ signature: String, _ source: String) {
        let story = read("Officials met on Monday. \(signature)\n")
        #expect(story.source == source)
        #expect(story.body == "Officials met on Monday. \(signature)")
    }

    @Test(arguments: [
        "according to the World Travel and Tourism Council (WTTC).",
        "the figures came from the central bank (BoE)",
        "Officials met on Monday. (Reporting by John Smith and Jane Doe)",
        "Officials met on Monday. (see below)",
    ])
    func parenthesesThatAreNotASignatureGiveNoSource(_ ending: String) {
        #expect(read("Officials met.\n\nIt was said \(ending)").source == nil)
    }

    @Test func longFirstLineEndingInAPeriodIsAParagraphNotAHeadline() {
        let story = read("""
            Users of Apple's music jukebox iTunes need to update the software to avoid a potential security threat.

            Hackers can build malicious playlist files.
            """)
        #expect(!story.titleIsHeadline)
        #expect(story.body.hasPrefix("Users of Apple's music jukebox"))
    }

    @Test(arguments: ["TRADE GAP NARROWS IN U.S.", "LIEBERT CORP <LIEB> APPROVES MERGER WITH EMERSON CO.", "Markets brace for more..."])
    func headlineCanEndWithAnAbbreviationOrEllipsis(_ headline: String) {
        let story = read("\(headline)\n\nThe story.")
        #expect(story.title == headline)
        #expect(story.titleIsHeadline)
    }

    @Test func shortLineEndingASentenceIsAParagraphNotAHeadline() {
        let story = read("Prices rose sharply.\n\nThey fell later.")
        #expect(!story.titleIsHeadline)
        #expect(story.body == "Prices rose sharply.\n\nThey fell later.")
    }

    @Test func lineOverThirtyWordsIsNotAHeadline() {
        let line = Array(repeating: "word", count: 31).joined(separator: " ")
        let story = read("\(line)\n\nNext paragraph.")
        #expect(!story.titleIsHeadline)
        #expect(story.body.hasPrefix(line))
    }

    @Test func singleLineStoryIsBodyNotHeadline() {
        let story = read("Markets closed higher on Friday")
        #expect(story.body == "Markets closed higher on Friday")
        #expect(story.title == "Markets closed higher on Friday")
        #expect(!story.titleIsHeadline)
    }

    @Test func storyWithoutHeadlineAfterTheDateTakesItsTitleFromTheLead() {
        let story = read("date 2017-03-30\n\n\nDo other people feel the days passing by as we do? Oh, Dad! We are counting every hour, minute and second.")
        #expect(story.date == StoryDate(year: 2017, month: 3, day: 30))
        #expect(story.title == "Do other people feel the days passing by as we do?")
        #expect(!story.titleIsHeadline)
    }

    @Test(arguments: [
        ("Troops arrived on Sept. 3 in the city. Then they left.", "Troops arrived on Sept. 3 in the city"),
        ("The U.S. Senate voted on it. Then it adjourned.", "The U.S. Senate voted on it"),
        ("Mr. Bannister said prices rose. Others disagreed.", "Mr. Bannister said prices rose"),
        ("The summit runs from Oct. 31 to Nov. 1 in Gyeongju. More follows.", "The summit runs from Oct. 31 to Nov. 1 in Gyeongju"),
        ("John F. Kennedy spoke at 9 a.m. in Dallas. He left.", "John F. Kennedy spoke at 9 a.m. in Dallas"),
        ("\"It is over.\" She left the room.", "\"It is over.\""),
        ("Is it over? Nobody knows.", "Is it over?"),
    ])
    func leadSentenceDoesNotEndAtAbbreviations(_ body: String, _ title: String) {
        #expect(read(body).title == title)
    }

    @Test func leadWithoutSentenceEndIsTheWholeFirstParagraph() {
        let story = read("No full stop in this lead\nwrapped over two lines\n\nSecond paragraph.")
        #expect(story.title == "No full stop in this lead wrapped over two lines")
        #expect(!story.titleIsHeadline)
    }

    @Test func invalidDateHeaderIsBodyText() {
        let story = read("date 2025-13-45 Something happened.")
        #expect(story.date == nil)
        #expect(story.body == "date 2025-13-45 Something happened.")
    }

    @Test func whitespaceRunsCollapseToOneSpace() {
        #expect(read("Prices \t rose   sharply.\n\n\n\nThey fell  later.").body == "Prices rose sharply.\n\nThey fell later.")
    }

    @Test func crlfLineEndingsAreLineBreaks() {
        let story = read("Headline here\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext paragraph.\r\n")
        #expect(story.title == "Headline here")
        #expect(story.body == "First line second line.\n\nNext paragraph.")
    }

    @Test func utf8ByteOrderMarkIsDropped() {
        let story = WireTextReader().read([0xEF, 0xBB, 0xBF] + Array("date 2025-10-27 Text.".utf8))
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.body == "Text.")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes = Array("Gardai were called to ".utf8) + [0xFF, 0xC3] + Array(" the house.".utf8)
        let story = WireTextReader().read(bytes)
        #expect(story.body == "Gardai were called to \u{FFFD}\u{FFFD} the house.")
    }

    @Test func utf16WithByteOrderMarkIsDecoded() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Caf\u{E9} opens\n\nIt serves tea.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let story = WireTextReader().read(bytes)
        #expect(story.title == "Caf\u{E9} opens")
        #expect(story.body == "It serves tea.")
    }

    @Test func emptyInputGivesAnEmptyStory() {
        let story = WireTextReader().read([])
        #expect(story.body.isEmpty)
        #expect(story.title.isEmpty)
    }
}
