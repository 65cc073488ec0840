import NewsIndex
import Testing

@Suite struct NewsMLG2ReaderTests {
    private func read(_ xml: String) -> [Story] {
        NewsMLG2Reader().read(Array(xml.utf8))
    }

    /// A NewsML-G2 text item as an agency sends it (power conformance): catalog reference,
    /// rights, `itemMeta` with provider and both creation times, `contentMeta` with a short
    /// and a main headline, byline, dateline and creditline, and the story as XHTML in
    /// `contentSet/inlineXML`.
    static let newsItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://iptc.org/std/nar/2006-10-01/ ./NewsML-G2_2.33-spec-All-Power.xsd"
                  guid="urn:newsml:yna.co.kr:20251027:AEN20251027000300315"
                  version="2"
                  standard="NewsML-G2"
                  standardversion="2.33"
                  conformance="power"
                  xml:lang="en">
          <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
          <rightsInfo>
            <copyrightHolder uri="https://www.yna.co.kr/"><name>Yonhap News Agency</name></copyrightHolder>
            <copyrightNotice>(c) 2025 Yonhap News Agency. All rights reserved.</copyrightNotice>
          </rightsInfo>
          <itemMeta>
            <itemClass qcode="ninat:text"/>
            <provider qcode="nprov:YNA"><name>Yonhap</name></provider>
            <versionCreated>2025-10-28T08:15:00+09:00</versionCreated>
            <firstCreated>2025-10-27T23:40:00+09:00</firstCreated>
            <pubStatus qcode="stat:usable"/>
            <edNote>Corrects the date of the talks in paragraph 2.</edNote>
          </itemMeta>
          <contentMeta>
            <urgency>4</urgency>
            <contentCreated>2025-10-27T22:55:00+09:00</contentCreated>
            <located qcode="city:524901"><name>Moscow</name></located>
            <creator qcode="stf:kimsj" role="crol:author"><name>Kim Soo-jin</name></creator>
            <language tag="en"/>
            <subject type="cpnat:abstract" qcode="medtop:11000000"><name>politics</name></subject>
            <slugline>NK-RUSSIA-TALKS</slugline>
            <headline role="hlrole:short">Choe meets Lavrov</headline>
            <headline>N. Korean FM Choe holds talks with Lavrov in Moscow</headline>
            <dateline>MOSCOW, Oct. 27</dateline>
            <by>By Kim Soo-jin</by>
            <creditline>Yonhap</creditline>
            <description role="drol:summary">North Korea's foreign minister met her Russian counterpart.</description>
          </contentMeta>
          <contentSet>
            <inlineXML contenttype="application/xhtml+xml" wordcount="52">
              <html xmlns="http://www.w3.org/1999/xhtml">
                <head><title>N. Korean FM Choe holds talks with Lavrov in Moscow</title></head>
                <body>
                  <p>MOSCOW, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with Russian Foreign Minister Sergey Lavrov in Moscow on Monday.</p>
                  <p>The two sides discussed the situation in <em>Kursk</em> and on the Korean Peninsula, according to the Russian foreign ministry.</p>
                  <p>Choe arrived in Moscow on Sunday for a three-day visit. (END)</p>
                </body>
              </html>
            </inlineXML>
          </contentSet>
        </newsItem>
        """

    /// A `newsMessage` with a header and three items: an English text item in XHTML, a
    /// Korean text item holding NITF, and a picture item (no text).
    static let newsMessage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
          <header>
            <sent>2025-10-28T09:00:00+09:00</sent>
            <sender>yna.co.kr</sender>
            <transmitId>YNA-20251028-0900-0042</transmitId>
            <priority>4</priority>
            <origin>YNA-EDITORIAL</origin>
          </header>
          <itemSet>
            <newsItem guid="urn:newsml:yna.co.kr:20251028:AEN20251028001100320" version="1"
                      standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="en">
              <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
              <itemMeta>
                <itemClass qcode="ninat:text"/>
                <provider literal="Yonhap News Agency"/>
                <versionCreated>2025-10-28T09:20:00+09:00</versionCreated>
                <pubStatus qcode="stat:usable"/>
              </itemMeta>
              <contentMeta>
                <headline>Seoul stocks open higher on chip gains</headline>
                <dateline>SEOUL, Oct. 28</dateline>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/xhtml+xml">
                  <html xmlns="http://www.w3.org/1999/xhtml"><body>
                    <p>South Korean stocks opened higher on Tuesday.</p>
                    <p>The KOSPI rose 0.8 percent in the first 15 minutes of trading.</p>
                  </body></html>
                </inlineXML>
              </contentSet>
            </newsItem>
            <newsItem guid="urn:newsml:yna.co.kr:20251028:AKR20251028004200001" version="1"
                      standard="NewsML-G2" standardversion="2.33" conformance="power">
              <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
              <itemMeta>
                <itemClass qcode="ninat:text"/>
                <provider qcode="nprov:YNA"><name>연합뉴스</name></provider>
                <versionCreated>2025-10-28T10:05:00+09:00</versionCreated>
                <firstCreated>2025-10-28T10:00:00+09:00</firstCreated>
              </itemMeta>
              <contentMeta>
                <language tag="ko"/>
                <headline>코스피, 반도체 강세에 상승 출발</headline>
              </contentMeta>
              <contentSet>
                <inlineXML contenttype="application/nitf+xml">
                  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
                    <body>
                      <body.head><hedline><hl1>코스피, 반도체 강세에 상승 출발</hl1></hedline></body.head>
                      <body.content>
                        <p>코스피가 28일 반도체 강세에 힘입어 상승 출발했다.</p>
                        <p>외국인이 매수에 나섰다.</p>
                      </body.content>
                    </body>
                  </nitf>
                </inlineXML>
              </contentSet>
            </newsItem>
            <newsItem guid="urn:newsml:yna.co.kr:20251028:PYH20251028000100315" version="1"
                      standard="NewsML-G2" standardversion="2.33" conformance="power">
              <itemMeta>
                <itemClass qcode="ninat:picture"/>
                <provider literal="Yonhap News Agency"/>
                <versionCreated>2025-10-28T08:00:00+09:00</versionCreated>
              </itemMeta>
              <contentMeta>
                <headline>Autumn foliage on Mount Seorak</headline>
                <description role="drol:caption">Hikers walk under red maples.</description>
              </contentMeta>
              <contentSet>
                <remoteContent href="https://img.yna.co.kr/PYH20251028000100315.jpg" contenttype="image/jpeg"
                               width="3000" height="2000"/>
              </contentSet>
            </newsItem>
          </itemSet>
        </newsMessage>
        """

    // MARK: newsItem

    @Test func bareNewsItemIsOneStoryWithoutItemID() {
        let stories = read(Self.newsItem)
        #expect(stories.count == 1)
        #expect(stories.first?.itemID == nil)
    }

    @Test func mainHeadlineIsTheTitle() {
        let story = read(Self.newsItem)[0]
        #expect(story.title == "N. Korean FM Choe holds talks with Lavrov in Moscow")
        #expect(story.titleIsHeadline)
    }

    @Test func inlineXHTMLParagraphsAreTheBody() {
        #expect(read(Self.newsItem)[0].body == """
            MOSCOW, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with Russian Foreign Minister Sergey Lavrov in Moscow on Monday.

            The two sides discussed the situation in Kursk and on the Korean Peninsula, according to the Russian foreign ministry.

            Choe arrived in Moscow on Sunday for a three-day visit. (END)
            """)
    }

    @Test func firstCreatedIsTheDateNotTheLaterVersion() {
        #expect(read(Self.newsItem)[0].date == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func versionCreatedIsTheDateWithoutFirstCreated() {
        #expect(read(Self.newsMessage)[0].date == StoryDate(year: 2025, month: 10, day: 28))
    }

    @Test func providerIsTheSource() {
        #expect(read(Self.newsItem)[0].source == "Yonhap")
    }

    @Test func providerLiteralIsTheSourceWithoutAName() {
        #expect(read(Self.newsMessage)[0].source == "Yonhap News Agency")
    }

    @Test func creditlineIsTheSourceWithoutProvider() {
        let xml = Self.newsItem.replacing("<provider qcode=\"nprov:YNA\"><name>Yonhap</name></provider>", with: "")
            .replacing("<creditline>Yonhap</creditline>", with: "<creditline>Yonhap/Pool</creditline>")
        #expect(read(xml)[0].source == "Yonhap/Pool")
    }

    @Test func byIsTheBylineWithoutBy() {
        #expect(read(Self.newsItem)[0].byline == "Kim Soo-jin")
    }

    @Test func datelineWithoutItsDateIsThePlace() {
        #expect(read(Self.newsItem)[0].place == "MOSCOW")
    }

    @Test func languageTagIsTheLanguage() {
        #expect(read(Self.newsItem)[0].language == "en")
    }

    @Test func elementsOutsideTheG2NamespaceAreNotG2() {
        let xml = Self.newsItem.replacing(
            "<headline>N. Korean FM", with: "<x:headline xmlns:x=\"urn:example\">Wrong</x:headline><headline>N. Korean FM")
        #expect(read(xml)[0].title == "N. Korean FM Choe holds talks with Lavrov in Moscow")
    }

    @Test func inlinePlainTextIsReadWhenThereIsNoXML() {
        let xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1">
              <contentMeta><headline>Plain</headline></contentMeta>
              <contentSet><inlineData contenttype="text/plain">First paragraph
            of the story.

            Second paragraph.</inlineData></contentSet>
            </newsItem>
            """
        #expect(read(xml)[0].body == "First paragraph of the story.\n\nSecond paragraph.")
    }

    // MARK: newsMessage

    @Test func newsMessageGivesAStoryPerTextItemIdentifiedByGuid() {
        #expect(read(Self.newsMessage).map(\.itemID) == [
            "urn:newsml:yna.co.kr:20251028:AEN20251028001100320", "urn:newsml:yna.co.kr:20251028:AKR20251028004200001",
        ])
    }

    @Test func inlineNITFBodyContentIsTheBody() {
        let story = read(Self.newsMessage)[1]
        #expect(story.body == "코스피가 28일 반도체 강세에 힘입어 상승 출발했다.\n\n외국인이 매수에 나섰다.")
        #expect(story.title == "코스피, 반도체 강세에 상승 출발")
        #expect(story.language == "ko")
        #expect(story.source == "연합뉴스")
    }

    @Test func itemLanguageFallsBackToXMLLang() {
        #expect(read(Self.newsMessage)[0].language == "en")
    }

    @Test func newsMessageWithOneItemStillGivesItsGuid() throws {
        let start = try #require(Self.newsMessage.firstRange(of: "<newsItem guid=\"urn:newsml:yna.co.kr:20251028:AKR"))
        let end = try #require(Self.newsMessage.firstRange(of: "</itemSet>"))
        let oneItem = String(Self.newsMessage[..<start.lowerBound]) + String(Self.newsMessage[end.lowerBound...])
        #expect(try StoryReader().read(Array(oneItem.utf8), path: "message.xml").map(\.itemID)
            == ["urn:newsml:yna.co.kr:20251028:AEN20251028001100320"])
    }

    // MARK: Through StoryReader

    @Test(arguments: ["item.xml", "item.newsml", "item.txt"])
    func newsItemIsRecognisedByContentWhateverTheExtension(_ path: String) throws {
        let reader = StoryReader()
        let bytes = Array(Self.newsItem.utf8)
        #expect((try? reader.readDocument(bytes, path: path))?.format == .newsML)
        #expect(try reader.read(bytes, path: path).map(\.title) == ["N. Korean FM Choe holds talks with Lavrov in Moscow"])
    }

    @Test func newsMessageIsRecognisedByContent() throws {
        let reader = StoryReader()
        let bytes = Array(Self.newsMessage.utf8)
        #expect((try? reader.readDocument(bytes, path: "wire/0900.xml"))?.format == .newsML)
        #expect(try reader.read(bytes, path: "wire/0900.xml").count == 2)
    }

    @Test func formatIsNamedNewsMLG2() {
        #expect(StoryFormat.newsML.rawValue == "newsml-g2")
    }

    @Test func pictureItemAloneHasNoText() {
        let xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:p">
              <contentMeta><headline>Photo</headline></contentMeta>
              <contentSet><remoteContent href="https://example.com/p.jpg" contenttype="image/jpeg"/></contentSet>
            </newsItem>
            """
        #expect(throws: IngestError.noText) { try StoryReader().read(Array(xml.utf8), path: "photo.xml") }
    }

    // MARK: Safety

    @Test func externalEntitiesAreNeverLoaded() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:&xxe;">
              <contentMeta><headline>&xxe;</headline><by>&xxe;</by></contentMeta>
              <contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>One &xxe; two.</p></body></html></inlineXML></contentSet>
            </newsItem>
            """
        let stories = read(xml)
        #expect(stories.map(\.body) == ["One two."])
        #expect(!"\(stories)".contains("root:"))
    }

    @Test func truncatedMessageKeepsTheItemsBeforeTheCut() throws {
        let cut = try #require(Self.newsMessage.firstRange(of: "외국인이")).lowerBound
        let stories = read(String(Self.newsMessage[..<cut]))
        #expect(stories.map(\.title) == ["Seoul stocks open higher on chip gains", "코스피, 반도체 강세에 상승 출발"])
    }

    @Test func emptyItemSetGivesNoStories() {
        #expect(read("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header/><itemSet/></newsMessage>").isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func deeplyNestedInlineXMLIsReadWithoutRecursion() {
        let depth = 20_000
        let xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentSet><inlineXML><p>Before.</p>"
            + String(repeating: "<span>", count: depth) + "deep" + String(repeating: "</span>", count: depth)
            + "</inlineXML></contentSet></newsItem>"
        #expect(read(xml).first?.body.hasPrefix("Before.") == true)
    }
}
