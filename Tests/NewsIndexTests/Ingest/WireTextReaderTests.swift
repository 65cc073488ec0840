import NewsIndex
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    // MARK: Agency copy: headline, dateline, signature

    /// Yonhap as it files: headline, dateline, paragraphs, `(END)`.
    static let yonhapStory = """
        N. Korean FM says Kim-Putin summit raised ties to 'new height'

        SEOUL, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui highlighted last month's \
        meeting between the North's leader Kim Jong-un and Russian President Vladimir Putin in Beijing as \
        an event that raised the bilateral ties to a "new height," Russian media reported Monday.

        Choe made the remark at the talks with her Russian counterpart, Sergey Lavrov, in Moscow.

        (END)
        """

    static let reutersStory2025 = """
        Oil climbs as US sanctions on Rosneft, Lukoil rattle supply outlook

        LONDON, 27 October (Reuters) - Oil prices rose on Monday after the United States imposed \
        sanctions on Russia's two biggest oil companies, Rosneft and Lukoil.

        Brent crude futures were up 41 cents, or 0.6%, at $66.35 a barrel by 0900 GMT.

        (Reporting by Jane Doe in London; Editing by John Smith)
        """

    static let apStory = """
        Trump arrives in Malaysia at start of Asia trip

        KUALA LUMPUR, Malaysia (AP) — President Donald Trump arrived in Malaysia on Sunday, the first \
        stop of a three-country swing through Asia.

        Trump is expected to meet Chinese leader Xi Jinping later in the week.
        """

    static let afpStory = """
        French government survives no-confidence votes

        PARIS, Oct 27 (AFP) - France's government survived two no-confidence votes in parliament on \
        Monday, giving Prime Minister Sebastien Lecornu breathing space.

        The far-right motion fell 18 votes short. -- AFP
        """

    static let xinhuaStory = """
        China's industrial profits up 21.6 pct in September

        BEIJING, Oct. 27 (Xinhua) -- Profits of China's major industrial firms rose 21.6 percent \
        year on year in September, official data showed Monday.

        The data came from the National Bureau of Statistics. (Xinhua)
        """

    /// Reuters-21578 as distributed: the title line, then the indented dateline line.
    static let reuters21578Story = """
        COCOA EXPORTS FROM IVORY COAST RISE
            NEW YORK, March 3 (Reuter) - Cocoa exports from the Ivory Coast rose
        sharply in February, traders said.
            Shipments were expected to slow in March.
         Reuter
        """

    @Test(arguments: [
        (yonhapStory, "N. Korean FM says Kim-Putin summit raised ties to 'new height'", "SEOUL", "Yonhap"),
        (reutersStory2025, "Oil climbs as US sanctions on Rosneft, Lukoil rattle supply outlook", "LONDON", "Reuters"),
        (apStory, "Trump arrives in Malaysia at start of Asia trip", "KUALA LUMPUR, Malaysia", "AP"),
        (afpStory, "French government survives no-confidence votes", "PARIS", "AFP"),
        (xinhuaStory, "China's industrial profits up 21.6 pct in September", "BEIJING", "Xinhua"),
        (reuters21578Story, "COCOA EXPORTS FROM IVORY COAST RISE", "NEW YORK", "Reuters"),
    ])
    func agencyCopyGivesHeadlinePlaceAndSource(_ text: String, _ headline: String, _ place: String, _ source: String) {
        let story = read(text)
        #expect(story.title == headline)
        #expect(story.titleIsHeadline)
        #expect(story.place == place)
        #expect(story.source == source)
    }

    @Test func datelineStaysInTheBody() {
        let story = read(Self.yonhapStory)
        #expect(story.body.hasPrefix("SEOUL, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui"))
    }

    @Test func signatureAndEndMarkerStayInTheBody() {
        #expect(read(Self.yonhapStory).body.hasSuffix("in Moscow.\n\n(END)"))
    }

    @Test func leadTitleStartsAfterTheDateline() {
        let story = read("""
            SEOUL, Oct. 27 (Yonhap) -- North Korea fired a ballistic missile on Monday. It landed at sea.

            The launch came days before the APEC summit. (Yonhap)
            """)
        #expect(!story.titleIsHeadline)
        #expect(story.title == "North Korea fired a ballistic missile on Monday")
        #expect(story.place == "SEOUL")
        #expect(story.source == "Yonhap")
    }

    @Test func seedFormWithADatelineTakesItsTitleAfterTheDateline() {
        let story = read("date 2025-10-27 BEIJING, Oct. 27 (Xinhua) -- China's exports rose. Imports fell.\n")
        #expect(story.title == "China's exports rose")
        #expect(story.body == "BEIJING, Oct. 27 (Xinhua) -- China's exports rose. Imports fell.")
    }

    @Test func headlineFollowedDirectlyByTheDatelineIsAHeadline() {
        let story = read("""
            N. Korea fires ballistic missile into East Sea
            SEOUL, Oct. 27 (Yonhap) -- North Korea fired a ballistic missile on Monday,
            the military said.
            """)
        #expect(story.title == "N. Korea fires ballistic missile into East Sea")
        #expect(story.titleIsHeadline)
        #expect(story.body.hasPrefix("SEOUL, Oct. 27 (Yonhap) -- North Korea fired"))
    }

    @Test func lineOpeningWithADatelineIsNotAHeadline() {
        let story = read("""
            WASHINGTON (AP) — The Senate adjourned without a vote

            Negotiations are expected to resume on Tuesday.
            """)
        #expect(!story.titleIsHeadline)
        #expect(story.title == "The Senate adjourned without a vote")
        #expect(story.body.hasPrefix("WASHINGTON (AP) — The Senate adjourned"))
    }

    @Test func datelineAgencyWinsOverTheEndingWhenBothArePresent() {
        let story = read("MOSCOW (Reuters) - Russia tested a missile, officials said.\n\nNo details were given. (Yonhap)")
        #expect(story.source == "Reuters")
    }

    @Test func tassDatelineAfterAStandfirstGivesPlaceAndSource() {
        let story = read("""
            date 2017-02-13
            Lavrov says Russia hopes Mongolia's SCO status will be elevated

            Russia's top diplomat held talks with his Mongolian counterpart

            MOSCOW, February 13. /TASS/. Moscow expects Mongolia's status in the Shanghai Cooperation Organization to be elevated.
            """)
        #expect(story.place == "MOSCOW")
        #expect(story.source == "TASS")
        #expect(story.title == "Lavrov says Russia hopes Mongolia's SCO status will be elevated")
    }

    @Test func cnnDatelineWithoutAPlaceGivesTheSourceOnly() {
        let story = read("(CNN)Malaysia has asked Interpol to put out an alert for four suspects, police said Thursday.")
        #expect(story.source == "CNN")
        #expect(story.place == nil)
        #expect(story.title == "Malaysia has asked Interpol to put out an alert for four suspects, police said…")
    }

    @Test func datelineWithoutAnAgencyGivesThePlaceOnly() {
        let story = read("SEOUL, Oct. 27 -- North Korea fired a missile on Monday.\n\nIt flew 300 km.")
        #expect(story.place == "SEOUL")
        #expect(story.source == nil)
        #expect(story.title == "North Korea fired a missile on Monday")
    }

    // MARK: Dates in the header and the dateline

    @Test func datelineDayAgreesWithTheHeaderDate() {
        let story = read("date 2025-10-27\nSEOUL, Oct. 27 (Yonhap) -- North Korea said on Monday.\n\nMore.")
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func headerDateWinsOverADatelineDay() {
        // Filed late on Oct. 26 in Washington, dated Oct. 27 in the archive.
        let story = read("date 2025-10-27\nWASHINGTON, Oct. 26 (AP) — The Senate voted late Sunday.\n\nMore.")
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func datelineDayWithoutAYearGivesNoDate() {
        let story = read(Self.yonhapStory)
        #expect(story.date == nil)
    }

    @Test func fullDateInTheDatelineDatesTheStory() {
        let story = read("NEW YORK, March 8, 2017 /PRNewswire/ -- The Swedish fashion company H&M group announced a new brand.")
        #expect(story.date == StoryDate(year: 2017, month: 3, day: 8))
        #expect(story.source == "PRNewswire")
    }

    @Test(arguments: ["Oct. 27, 2025", "27 October 2025", "2025/10/27", "Monday, October 27, 2025", "2025-10-27"])
    func dateHeaderInOtherSpellingsIsUnderstood(_ spelling: String) {
        let story = read("date \(spelling)\nTrump heads to Asia\n\nThe president left on Friday.")
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.title == "Trump heads to Asia")
        #expect(story.body == "The president left on Friday.")
    }

    @Test func dateHeaderInProseSharingTheLeadLineLeavesTheRestAsLead() {
        let story = read("date Oct. 27, 2025 North Korean Foreign Minister Choe Son-hui met Lavrov.")
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.body == "North Korean Foreign Minister Choe Son-hui met Lavrov.")
    }

    @Test(arguments: [
        "Trump heads to Asia\nOct. 27, 2025\n\nThe president left on Friday.",
        "Oct. 27, 2025\nTrump heads to Asia\n\nThe president left on Friday.",
        "Trump heads to Asia\n\n27 October 2025\n\nThe president left on Friday.",
    ])
    func dateLineInTheHeaderAreaDatesTheStory(_ text: String) {
        let story = read(text)
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.title == "Trump heads to Asia")
        #expect(story.body == "The president left on Friday.")
    }

    // MARK: False positives

    @Test func agencyInMidSentenceIsNoDateline() {
        let story = read("Officials told reporters in Seoul (Reuters) - and others - that talks had failed.\n\nMore.")
        #expect(story.place == nil)
        #expect(story.source == nil)
    }

    @Test(arguments: ["(pictured)", "(file photo)", "(Pictured)"])
    func parentheticalAtTheEndIsNoAgency(_ ending: String) {
        #expect(read("Lavrov met Choe in Moscow.\n\nThe two ministers shook hands. \(ending)").source == nil)
    }

    @Test func titleInCapitalsIsAHeadlineNotADateline() {
        let story = read(Self.reutersStory)
        #expect(story.title == "SAUDI ARABIA REITERATES COMMITMENT TO OPEC PACT")
        #expect(story.place == nil)
    }

    @Test func headlineInCapitalsWithAnAttributionStaysTheHeadline() {
        let story = read("BRAZIL COTTON CROP LOWER -- USDA REPORT\n\nBrazil's cotton crop estimate has been reduced.")
        #expect(story.title == "BRAZIL COTTON CROP LOWER -- USDA REPORT")
        #expect(story.titleIsHeadline)
        #expect(story.place == nil)
    }

    // MARK: The shipped corpus

    @Test func seedStoryGivesDateSourceAndLeadTitle() throws {
        let story = WireTextReader().read(try repositoryFile("Corpus/2025-10-27-yonhap-choe-lavrov-moscow.txt"))
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.source == "Yonhap")
        #expect(story.place == nil)
        #expect(story.title.hasPrefix("North Korean Foreign Minister Choe Son-hui"))
    }

    @Test(arguments: Self.sampleStoryNames())
    func sampleStoryKeepsItsHeadline(_ name: String) throws {
        let bytes = try repositoryFile("Corpus/text/" + name)
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("date ") == true { lines.removeFirst() }
        let headline = String(lines.first ?? "").split(separator: " ").joined(separator: " ")
        let story = WireTextReader().read(bytes)
        if headline.isEmpty {
            #expect(!story.titleIsHeadline)
        } else {
            #expect(story.title == headline)
            #expect(story.titleIsHeadline)
        }
    }

    @Test(arguments: [
        ("na-01020.txt", "MOSCOW", "TASS"),
        ("na-02908.txt", "TOKYO", "TASS"),
        ("na-01228.txt", "Bonn, Germany", "CNN"),
        ("na-02529.txt", "Hong Kong", "CNN"),
    ])
    func sampleStoryWithADatelineGivesPlaceAndSource(_ name: String, _ place: String, _ source: String) throws {
        let story = WireTextReader().read(try repositoryFile("Corpus/text/" + name))
        #expect(story.place == place)
        #expect(story.source == source)
    }

    @Test(arguments: ["reut-00001.txt", "bbc-tech-284.txt", "na-00231.txt", "na-01193.txt"])
    func sampleStoryWithoutADatelineHasNoPlace(_ name: String) throws {
        #expect(WireTextReader().read(try repositoryFile("Corpus/text/" + name)).place == nil)
    }

    /// The `.txt` files of `Corpus/text`, found from this source file's location.
    static func sampleStoryNames(filePath: String = #filePath) -> [String] {
        var components = filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)  // Ingest/X.swift, NewsIndexTests, Tests
        let path = (components + ["Corpus", "text"]).joined(separator: "/")
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".txt") { names.append(name) }
        }
        return names.sorted()
    }

    @Test func sampleStoriesAreFound() {
        #expect(Self.sampleStoryNames().count >= 50)
    }
}
