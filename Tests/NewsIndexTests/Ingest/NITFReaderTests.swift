import NewsIndex
import Testing

@Suite struct NITFReaderTests {
    private func read(_ xml: String) -> Story {
        NITFReader().read(Array(xml.utf8))
    }

    /// An NITF 3.6 story as a wire service sends it: the DTD's doctype (never fetched),
    /// `head` with `docdata` and `pubdata`, `body.head` with headline, byline, distributor
    /// and dateline, `body.content` with paragraphs, a subhead, an HTML entity the DTD
    /// declares, a photo, and `body.end`.
    static let story = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "http://www.iptc.org/std/NITF/3.6/specification/dtd/nitf-3-6.dtd">
        <nitf version="-//IPTC//DTD NITF 3.6//EN" change.date="June 28, 2012" change.time="19:30" baselang="en-US">
          <head>
            <title>JAPAN-QUAKE-ECONOMY</title>
            <meta name="filename" content="JAPAN-QUAKE-ECONOMY_20251027.xml"/>
            <tobject tobject.type="news">
              <tobject.subject tobject.subject.refnum="04000000" tobject.subject.type="Economy, business and finance"/>
            </tobject>
            <docdata management-status="usable">
              <doc-id regsrc="AP" id-string="AP-JAPAN-QUAKE-20251027-0412"/>
              <urgency ed-urg="4"/>
              <date.issue norm="20251027T090000+0900"/>
              <date.release norm="20251028T060000+0900"/>
              <doc.copyright year="2025" holder="The Associated Press"/>
              <key-list><keyword key="earthquake"/><keyword key="economy"/></key-list>
            </docdata>
            <pubdata type="web" position.section="Business" date.publication="20251029T093000+0900" name="AP Online"/>
          </head>
          <body>
            <body.head>
              <hedline>
                <hl1>Quake's economic costs emerging in Japan</hl1>
                <hl2>Factories idle as power shortages spread</hl2>
              </hedline>
              <byline>By <person>Yuri Kageyama</person>, <byttl>AP Business Writer</byttl></byline>
              <distributor><org>Associated Press</org></distributor>
              <dateline><location><city>TOKYO</city></location>, <story.date norm="20251027T090000+0900">Oct. 27</story.date></dateline>
              <abstract><p>Economists say the quake will cut growth this quarter.</p></abstract>
            </body.head>
            <body.content>
              <p>The economic costs of the earthquake are emerging as factories across northern Japan remain idle.</p>
              <p>Toyota said production would be suspended at three plants&nbsp;until next week.</p>
              <hl2>Power shortages</hl2>
              <p>Rolling blackouts are planned in Tokyo &mdash; the first since 2011.</p>
              <media media-type="image">
                <media-reference source="quake-factory.jpg" mime-type="image/jpeg" alternate-text="Factory"/>
                <media-caption>Workers inspect a damaged assembly line.</media-caption>
              </media>
            </body.content>
            <body.end>
              <tagline>Associated Press writer Mari Yamaguchi contributed to this report.</tagline>
            </body.end>
          </body>
        </nitf>
        """

    @Test func hedlineIsTheTitle() {
        let story = read(Self.story)
        #expect(story.title == "Quake's economic costs emerging in Japan")
        #expect(story.titleIsHeadline)
    }

    @Test func headTitleIsTheTitleWithoutHedline() {
        let story = read("<nitf><head><title>Rates held</title></head><body><body.content><p>The bank held rates.</p></body.content></body></nitf>")
        #expect(story.title == "Rates held")
    }

    @Test func storyWithoutAnyHeadlineTakesItsTitleFromTheLead() {
        let story = read("<nitf><body><body.content><p>The bank held rates. Markets rose.</p></body.content></body></nitf>")
        #expect(story.title == "The bank held rates")
        #expect(!story.titleIsHeadline)
    }

    @Test func bodyContentParagraphsAreTheBody() {
        #expect(read(Self.story).body == """
            The economic costs of the earthquake are emerging as factories across northern Japan remain idle.

            Toyota said production would be suspended at three plants until next week.

            Power shortages

            Rolling blackouts are planned in Tokyo — the first since 2011.
            """)
    }

    @Test func bodyHeadAndBodyEndAreNotBodyText() {
        let body = read(Self.story).body
        #expect(!body.contains("Economists say"))
        #expect(!body.contains("Mari Yamaguchi"))
        #expect(!body.contains("Workers inspect"))
    }

    @Test func dateIssueIsTheDate() {
        #expect(read(Self.story).date == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func storyDateInTheDatelineIsTheDateWithoutDateIssue() {
        let xml = """
            <nitf><body><body.head><dateline><location>PARIS</location>, <story.date norm="20250314T120000+0100">March 14</story.date></dateline></body.head>
            <body.content><p>Text.</p></body.content></body></nitf>
            """
        #expect(read(xml).date == StoryDate(year: 2025, month: 3, day: 14))
    }

    @Test func distributorIsTheSource() {
        #expect(read(Self.story).source == "Associated Press")
    }

    @Test func copyrightHolderIsTheSourceWithoutDistributor() {
        let xml = """
            <nitf><head><docdata><doc.copyright year="2025" holder="Yonhap News Agency"/></docdata></head>
            <body><body.content><p>Text.</p></body.content></body></nitf>
            """
        #expect(read(xml).source == "Yonhap News Agency")
    }

    @Test func bylineNamesThePersonWithoutTheirTitle() {
        #expect(read(Self.story).byline == "Yuri Kageyama")
    }

    @Test(arguments: [
        ("<byline>By Jane Reporter</byline>", "Jane Reporter"),
        ("<byline>By JANE REPORTER, <byttl>Staff Writer</byttl></byline>", "JANE REPORTER"),
        ("<byline><person>Ann Lee</person> and <person>Tom Ruiz</person></byline>", "Ann Lee, Tom Ruiz"),
    ])
    func bylineWithoutPersonMarkupIsItsText(_ byline: String, _ names: String) {
        let xml = "<nitf><body><body.head>\(byline)</body.head><body.content><p>Text.</p></body.content></body></nitf>"
        #expect(read(xml).byline == names)
    }

    @Test func datelineLocationIsThePlace() {
        #expect(read(Self.story).place == "TOKYO")
    }

    @Test(arguments: [
        ("<dateline>SEOUL, Oct. 27 (Yonhap) --</dateline>", "SEOUL"),
        ("<dateline>WASHINGTON, D.C., <story.date>Oct 27, 2025</story.date></dateline>", "WASHINGTON, D.C."),
        ("<dateline>MOSCOW, 27 October</dateline>", "MOSCOW"),
        ("<dateline>Mar del Plata, Argentina</dateline>", "Mar del Plata, Argentina"),
    ])
    func datelineTextWithoutLocationGivesThePlaceWithoutTheDate(_ dateline: String, _ place: String) {
        let xml = "<nitf><body><body.head>\(dateline)</body.head><body.content><p>Text.</p></body.content></body></nitf>"
        #expect(read(xml).place == place)
    }

    @Test func baselangIsTheLanguage() {
        #expect(read(Self.story).language == "en-US")
    }

    @Test func xmlLangIsTheLanguage() {
        #expect(read("<nitf xml:lang=\"ko\"><body><body.content><p>텍스트.</p></body.content></body></nitf>").language == "ko")
    }

    @Test func nitfInTheSchemaNamespaceReadsAlike() {
        let xml = """
            <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Namespaced</hl1></hedline></body.head>
            <body.content><p>Schema text.</p></body.content></body></nitf>
            """
        let story = read(xml)
        #expect(story.title == "Namespaced")
        #expect(story.body == "Schema text.")
    }

    @Test func tablesAndListsBecomeParagraphs() {
        let xml = """
            <nitf><body><body.content><p>Results:</p>
            <table><tr><td>Seoul</td><td>12</td></tr><tr><td>Busan</td><td>9</td></tr></table>
            <ul><li>First point</li><li>Second point</li></ul></body.content></body></nitf>
            """
        #expect(read(xml).body == "Results:\n\nSeoul 12\n\nBusan 9\n\nFirst point\n\nSecond point")
    }

    // MARK: Through StoryReader

    @Test(arguments: ["wire/quake.xml", "wire/quake.nitf", "wire/quake.txt"])
    func nitfIsRecognisedByContentWhateverTheExtension(_ path: String) throws {
        let reader = StoryReader()
        let bytes = Array(Self.story.utf8)
        #expect((try? reader.readDocument(bytes, path: path))?.format == .nitf)
        let stories = try reader.read(bytes, path: path)
        #expect(stories.count == 1)
        #expect(stories[0].itemID == nil)
        #expect(stories[0].title == "Quake's economic costs emerging in Japan")
    }

    @Test func nitfWithoutBodyTextHasNoText() {
        let xml = "<nitf><head><title>Empty</title></head><body><body.head><hedline><hl1>Empty</hl1></hedline></body.head></body></nitf>"
        #expect(throws: IngestError.noText) { try StoryReader().read(Array(xml.utf8), path: "empty.xml") }
    }

    // MARK: Safety

    @Test func externalDTDAndEntitiesAreNeverLoaded() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE nitf SYSTEM "file:///etc/passwd" [
              <!ENTITY passwd SYSTEM "file:///etc/passwd">
              <!ENTITY % dtd SYSTEM "file:///etc/passwd">
              %dtd;
            ]>
            <nitf><head><title>&passwd;</title></head>
            <body><body.content><p>Start &passwd; end.</p></body.content></body></nitf>
            """
        let story = read(xml)
        #expect(story.body == "Start end.")
        #expect(!"\(story)".contains("root:"))
    }

    @Test func entityDeclaredByTheDocumentIsNotSubstituted() {
        let xml = """
            <!DOCTYPE nitf [<!ENTITY agency "INJECTED TEXT">]>
            <nitf><body><body.content><p>Filed by &agency; today.</p></body.content></body></nitf>
            """
        #expect(read(xml).body == "Filed by today.")
    }

    @Test func truncatedStoryKeepsTheParagraphsBeforeTheCut() {
        let cut = Self.story.firstRange(of: "Toyota said")!.lowerBound
        #expect(read(String(Self.story[..<cut])).body == "The economic costs of the earthquake are emerging as factories across northern Japan remain idle.")
    }

    @Test(.timeLimit(.minutes(1)))
    func deeplyNestedBodyIsReadWithoutRecursion() {
        let depth = 20_000
        let xml = "<nitf><body><body.content><p>Before the nesting.</p>" + String(repeating: "<block>", count: depth)
            + "deep" + String(repeating: "</block>", count: depth) + "</body.content></body></nitf>"
        #expect(read(xml).body.hasPrefix("Before the nesting."))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes = Array("<nitf><body><body.content><p>Seoul ".utf8) + [0xFF] + Array(" Busan — Daegu</p></body.content></body></nitf>".utf8)
        #expect(NITFReader().read(bytes).body == "Seoul \u{FFFD} Busan — Daegu")
    }

    @Test func bytesThatAreNotXMLGiveAnEmptyStory() {
        #expect(NITFReader().read(Array("plain words".utf8)).body.isEmpty)
        #expect(NITFReader().read([]).body.isEmpty)
        #expect(NITFReader().read(Array("<html><body><body.content><p>Not NITF.</p></body.content></body></html>".utf8)).body.isEmpty)
    }
}
