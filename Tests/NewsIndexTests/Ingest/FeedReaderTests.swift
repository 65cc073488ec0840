#if canImport(Glibc)
import Glibc
#endif
import NewsIndex
import Testing

@Suite struct FeedReaderTests {
    private func read(_ xml: String) -> [Story] {
        FeedReader().read(Array(xml.utf8))
    }

    // MARK: Fixtures

    /// An RSS 2.0 feed as agencies publish it: channel metadata, an `atom:link` to itself,
    /// items with `content:encoded` HTML in CDATA, escaped HTML in `description`, guids
    /// that are and are not permalinks, and an item with nothing but a title.
    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>Yonhap News Agency</title>
            <link>https://en.yna.co.kr/</link>
            <description>Latest news from Yonhap</description>
            <language>en-us</language>
            <atom:link href="https://en.yna.co.kr/RSS/news.xml" rel="self" type="application/rss+xml"/>
            <lastBuildDate>Tue, 28 Oct 2025 09:00:00 +0900</lastBuildDate>
            <item>
              <title>N. Korean FM Choe holds talks with Lavrov in Moscow</title>
              <link>https://en.yna.co.kr/view/AEN20251027000300315</link>
              <guid isPermaLink="false">AEN20251027000300315</guid>
              <pubDate>Mon, 27 Oct 2025 23:40:00 +0900</pubDate>
              <dc:creator>Kim Soo-jin</dc:creator>
              <category>North Korea</category>
              <description>North Korea's foreign minister met her Russian counterpart.</description>
              <content:encoded><![CDATA[<p>MOSCOW, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with Russian Foreign Minister Sergey Lavrov in Moscow on Monday.</p>
        <script>trackArticle("AEN20251027000300315");</script>
        <p>The two discussed the situation in <b>Kursk</b> &amp; regional security, the ministry said.</p>
        <figure><img src="https://img.yna.co.kr/photo.jpg" alt=""><figcaption>Choe and Lavrov in Moscow</figcaption></figure>]]></content:encoded>
            </item>
            <item>
              <title>Seoul stocks open higher on chip gains</title>
              <guid>https://en.yna.co.kr/view/AEN20251028001100320</guid>
              <pubDate>Tue, 28 Oct 2025 09:20:00 +0900</pubDate>
              <author>markets@yna.co.kr (Park Min-ho)</author>
              <description>&lt;p&gt;South Korean stocks opened higher on Tuesday.&lt;/p&gt;&lt;p&gt;The KOSPI rose 0.8 percent.&lt;/p&gt;</description>
            </item>
            <item>
              <title>PHOTO: Autumn foliage on Mount Seorak</title>
              <link>https://en.yna.co.kr/view/PYH20251028000100315</link>
              <guid isPermaLink="false">PYH20251028000100315</guid>
            </item>
          </channel>
        </rss>
        """

    /// An RSS 1.0 (RDF) feed: items beside the channel, in the RSS 1.0 namespace, dated with
    /// Dublin Core.
    static let rss1 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF
          xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
          xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel rdf:about="https://science.example.org/news/rss">
            <title>Example Science News</title>
            <link>https://science.example.org/news</link>
            <description>Research news</description>
            <dc:language>en-gb</dc:language>
            <items>
              <rdf:Seq>
                <rdf:li rdf:resource="https://science.example.org/news/2025/10/27/comet"/>
                <rdf:li rdf:resource="https://science.example.org/news/2025/10/26/reef"/>
              </rdf:Seq>
            </items>
          </channel>
          <item rdf:about="https://science.example.org/news/2025/10/27/comet">
            <title>Comet brightens past expectations</title>
            <link>https://science.example.org/news/2025/10/27/comet</link>
            <description>Astronomers say the comet is now visible with binoculars.</description>
            <dc:date>2025-10-27T14:05:00Z</dc:date>
            <dc:creator>Ann Lee</dc:creator>
            <dc:creator>Tom Ruiz</dc:creator>
          </item>
          <item rdf:about="https://science.example.org/news/2025/10/26/reef">
            <title>Coral reef survey finds recovery</title>
            <link>https://science.example.org/news/2025/10/26/reef</link>
            <description>Divers counted more young coral than in any year since 2016.</description>
            <dc:date>2025-10-26</dc:date>
          </item>
        </rdf:RDF>
        """

    /// An Atom 1.0 feed: an entry with escaped HTML content and an HTML title, a French
    /// entry with XHTML content, and an entry with only a text summary that inherits the
    /// feed's author.
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title type="text">Example Wire: World</title>
          <subtitle>World news from Example Wire</subtitle>
          <link rel="self" href="https://wire.example.com/world/atom.xml"/>
          <link rel="alternate" type="text/html" href="https://wire.example.com/world/"/>
          <id>tag:wire.example.com,2025:world</id>
          <updated>2025-10-28T01:00:00Z</updated>
          <author><name>Example Wire</name></author>
          <entry>
            <title type="html">Lavrov &amp;amp; Choe discuss &lt;em&gt;Kursk&lt;/em&gt;</title>
            <link rel="enclosure" type="image/jpeg" href="https://wire.example.com/img/lavrov.jpg"/>
            <link rel="alternate" type="text/html" href="https://wire.example.com/world/2025/10/27/lavrov-choe"/>
            <id>tag:wire.example.com,2025:world/1027-lavrov-choe</id>
            <published>2025-10-27T22:10:00+03:00</published>
            <updated>2025-10-28T00:30:00+03:00</updated>
            <author><name>Jane Reporter</name><email>jane@wire.example.com</email></author>
            <author><name>Ivan Petrov</name></author>
            <summary>Russia's foreign minister met his North Korean counterpart.</summary>
            <content type="html">&lt;p&gt;Russian Foreign Minister Sergey Lavrov met North Korea's Choe Son-hui on Monday.&lt;/p&gt;
              &lt;p&gt;They discussed &lt;a href="https://wire.example.com/tag/kursk"&gt;Kursk&lt;/a&gt; and trade, officials said.&lt;/p&gt;</content>
          </entry>
          <entry xml:lang="fr">
            <title>Accord sur le climat à Paris</title>
            <link href="https://wire.example.com/monde/2025/10/27/climat"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <updated>2025-10-27T18:30:02Z</updated>
            <content type="xhtml">
              <div xmlns="http://www.w3.org/1999/xhtml">
                <p>Les négociateurs sont parvenus à un accord.</p>
                <p>Le texte sera signé <strong>mardi</strong>.</p>
              </div>
            </content>
          </entry>
          <entry>
            <title>Markets close mixed</title>
            <id>tag:wire.example.com,2025:world/1027-markets</id>
            <updated>2025-10-27T20:00:00Z</updated>
            <summary type="text">Stocks ended mixed.

        Oil prices fell for a third day.</summary>
          </entry>
        </feed>
        """

    // MARK: RSS 2.0

    @Test func eachRSSItemWithTextBecomesAStory() {
        let stories = read(Self.rss2)
        #expect(stories.map(\.title) == [
            "N. Korean FM Choe holds talks with Lavrov in Moscow", "Seoul stocks open higher on chip gains",
        ])
        #expect(stories.allSatisfy { $0.titleIsHeadline })
    }

    @Test func contentEncodedHTMLInCDATAIsTheBody() {
        #expect(read(Self.rss2)[0].body == """
            MOSCOW, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui held talks with Russian Foreign Minister Sergey Lavrov in Moscow on Monday.

            The two discussed the situation in Kursk & regional security, the ministry said.

            Choe and Lavrov in Moscow
            """)
    }

    @Test func escapedHTMLDescriptionIsTheBodyWithoutContentEncoded() {
        #expect(read(Self.rss2)[1].body == "South Korean stocks opened higher on Tuesday.\n\nThe KOSPI rose 0.8 percent.")
    }

    @Test func rssItemMetadataIsRead() {
        let story = read(Self.rss2)[0]
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.source == "Yonhap News Agency")
        #expect(story.byline == "Kim Soo-jin")
        #expect(story.url == "https://en.yna.co.kr/view/AEN20251027000300315")
        #expect(story.language == "en-us")
    }

    @Test func rssAuthorEmailGivesTheNameInParentheses() {
        #expect(read(Self.rss2)[1].byline == "Park Min-ho")
    }

    @Test func permalinkGuidIsTheURLWhenThereIsNoLink() {
        #expect(read(Self.rss2)[1].url == "https://en.yna.co.kr/view/AEN20251028001100320")
    }

    @Test func rssItemIDIsTheGuid() {
        #expect(read(Self.rss2).map(\.itemID) == [
            "AEN20251027000300315", "https://en.yna.co.kr/view/AEN20251028001100320",
        ])
    }

    @Test func rssItemWithoutGuidIsIdentifiedByItsLink() {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>https://example.com/a</link><description>Text a.</description></item>
            </channel></rss>
            """
        #expect(read(feed)[0].itemID == "https://example.com/a")
    }

    @Test func itemWithoutGuidOrLinkIsIdentifiedByTitleAndDateWhateverItsText() {
        func feed(_ body: String) -> String {
            """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Budget passes</title><pubDate>Mon, 27 Oct 2025 10:00:00 GMT</pubDate><description>\(body)</description></item>
            <item><title>Budget fails</title><pubDate>Mon, 27 Oct 2025 10:00:00 GMT</pubDate><description>Other.</description></item>
            </channel></rss>
            """
        }
        let first = read(feed("The budget passed."))
        let corrected = read(feed("The budget passed narrowly."))
        #expect(first[0].itemID != nil)
        #expect(first[0].itemID == corrected[0].itemID)
        #expect(first[0].itemID != first[1].itemID)
    }

    @Test func itemsSharingAGuidKeepDistinctIDs() {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><guid>same</guid><description>First story.</description></item>
            <item><title>Two</title><guid>same</guid><description>Second story.</description></item>
            </channel></rss>
            """
        #expect(read(feed).map(\.itemID) == ["same", "same#2"])
    }

    @Test func anItemRepeatedVerbatimIsReadOnce() {
        let item = "<item><title>One</title><guid>same</guid><description>First story.</description></item>"
        #expect(read("<rss version=\"2.0\"><channel><title>T</title>\(item)\(item)</channel></rss>").count == 1)
    }

    @Test func itemWithoutTitleTakesItsTitleFromTheLead() {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><guid>1</guid><description>Rain is expected across the country. More later.</description></item>
            </channel></rss>
            """
        let story = read(feed)[0]
        #expect(story.title == "Rain is expected across the country")
        #expect(!story.titleIsHeadline)
    }

    @Test(arguments: [
        ("Q&amp;amp;A: what the budget means", "Q&A: what the budget means"),
        ("&lt;b&gt;Breaking:&lt;/b&gt; quake hits", "Breaking: quake hits"),
        ("Prices &amp; wages", "Prices & wages"),
    ])
    func markupEscapedIntoAnRSSTitleIsRead(_ escaped: String, _ title: String) {
        let feed = "<rss version=\"2.0\"><channel><item><title>\(escaped)</title><guid>1</guid><description>Text.</description></item></channel></rss>"
        #expect(read(feed)[0].title == title)
    }

    @Test func itemSourceNamesThePublisherInAnAggregatedFeed() {
        let feed = """
            <rss version="2.0"><channel><title>News Digest</title>
            <item><title>A</title><guid>1</guid><source url="https://bbc.example/rss">BBC News</source><description>Text.</description></item>
            </channel></rss>
            """
        #expect(read(feed)[0].source == "BBC News")
    }

    // MARK: RSS 1.0

    @Test func rss1ItemsBesideTheChannelAreRead() {
        let stories = read(Self.rss1)
        #expect(stories.map(\.title) == ["Comet brightens past expectations", "Coral reef survey finds recovery"])
        #expect(stories[0].body == "Astronomers say the comet is now visible with binoculars.")
    }

    @Test func rss1MetadataComesFromDublinCore() {
        let story = read(Self.rss1)[0]
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.byline == "Ann Lee, Tom Ruiz")
        #expect(story.language == "en-gb")
        #expect(story.source == "Example Science News")
    }

    @Test func rss1ItemIDIsItsRDFAbout() {
        #expect(read(Self.rss1).map(\.itemID) == [
            "https://science.example.org/news/2025/10/27/comet", "https://science.example.org/news/2025/10/26/reef",
        ])
    }

    // MARK: Atom

    @Test func atomHTMLContentIsTheBody() {
        #expect(read(Self.atom)[0].body == """
            Russian Foreign Minister Sergey Lavrov met North Korea's Choe Son-hui on Monday.

            They discussed Kursk and trade, officials said.
            """)
    }

    @Test func atomHTMLTitleIsReadAsMarkup() {
        #expect(read(Self.atom)[0].title == "Lavrov & Choe discuss Kursk")
    }

    @Test func atomXHTMLContentIsWalkedAsParagraphs() {
        #expect(read(Self.atom)[1].body == "Les négociateurs sont parvenus à un accord.\n\nLe texte sera signé mardi.")
    }

    @Test func atomTextSummaryKeepsItsParagraphsWithoutContent() {
        #expect(read(Self.atom)[2].body == "Stocks ended mixed.\n\nOil prices fell for a third day.")
    }

    @Test func atomPublishedDateIsPreferredToUpdated() {
        let stories = read(Self.atom)
        #expect(stories[0].date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(stories[1].date == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func atomEntryMetadataIsRead() {
        let story = read(Self.atom)[0]
        #expect(story.source == "Example Wire: World")
        #expect(story.byline == "Jane Reporter, Ivan Petrov")
        #expect(story.url == "https://wire.example.com/world/2025/10/27/lavrov-choe")
        #expect(story.itemID == "tag:wire.example.com,2025:world/1027-lavrov-choe")
    }

    @Test func atomEntryWithoutAuthorInheritsTheFeedAuthor() {
        #expect(read(Self.atom)[2].byline == "Example Wire")
    }

    @Test func atomLanguageComesFromTheXMLLangInScope() {
        #expect(read(Self.atom).map(\.language) == ["en", "fr", "en"])
    }

    @Test func atomLinkWithoutRelIsTheEntryURL() {
        #expect(read(Self.atom)[1].url == "https://wire.example.com/monde/2025/10/27/climat")
    }

    @Test func atomOutOfLineContentFallsBackToTheSummary() {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title>A</title><id>urn:a</id><content type="text/html" src="https://example.com/a.html"/>
            <summary>The summary text.</summary></entry></feed>
            """
        #expect(read(feed)[0].body == "The summary text.")
    }

    @Test func elementsOfAnotherNamespaceAreNotAtoms() {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:example:other"><title>T</title>
            <entry><title>A</title><x:id>urn:wrong</x:id><id>urn:right</id><x:content>Wrong text.</x:content>
            <content>Right text.</content></entry></feed>
            """
        let story = read(feed)[0]
        #expect(story.itemID == "urn:right")
        #expect(story.body == "Right text.")
    }

    // MARK: Through StoryReader

    /// The fixtures by name, so that test arguments print short.
    static let fixtures = ["rss2": rss2, "rss1": rss1, "atom": atom]

    @Test(arguments: [
        ("rss2", "feeds/yonhap.xml", StoryFormat.rss),
        ("rss2", "feeds/yonhap.rss", .rss),
        ("rss1", "feeds/science.xml", .rss),
        ("atom", "feeds/world.xml", .atom),
        ("atom", "feeds/world.atom", .atom),
        ("rss2", "feeds/yonhap.txt", .rss),
    ])
    func feedsAreRecognisedByContentWhateverTheExtension(_ fixture: String, _ path: String, _ format: StoryFormat) throws {
        let bytes = Array(Self.fixtures[fixture]!.utf8)
        let reader = StoryReader()
        #expect((try? reader.readDocument(bytes, path: path))?.format == format)
        #expect(try reader.read(bytes, path: path).count >= 2)
    }

    @Test(arguments: ["feed.rss", "feed.atom", "story.nitf", "item.newsml", "FEED.RSS"])
    func feedAndAgencyExtensionsAreCandidates(_ path: String) {
        #expect(StoryFormat.isCandidate(path))
    }

    @Test func storyReaderGivesEveryFeedItemAnID() throws {
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Only item</title><description>Only text.</description></item>
            </channel></rss>
            """
        let stories = try StoryReader().read(Array(feed.utf8), path: "feed.xml")
        #expect(stories.count == 1)
        #expect(stories[0].itemID != nil)
    }

    @Test func emptyFeedHasNoText() {
        let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Empty</title><link>https://example.com/</link></channel></rss>"
        #expect(read(feed).isEmpty)
        #expect(throws: IngestError.noText) { try StoryReader().read(Array(feed.utf8), path: "empty.xml") }
    }

    @Test func feedOfItemsWithoutTextHasNoText() {
        let feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>Photo</title><guid>1</guid></item></channel></rss>"
        #expect(throws: IngestError.noText) { try StoryReader().read(Array(feed.utf8), path: "photos.rss") }
    }

    @Test func gzippedFeedIsRead() throws {
        // `gzip -9` of `<rss version="2.0"><channel><item><guid>g</guid><description>Zipped text.</description></item></channel></rss>`.
        let gzipped: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xff, 0xb3, 0x29, 0x2a, 0x2e, 0x56, 0x28,
            0x4b, 0x2d, 0x2a, 0xce, 0xcc, 0xcf, 0xb3, 0x55, 0x32, 0xd2, 0x33, 0x50, 0xb2, 0xb3, 0x49, 0xce,
            0x48, 0xcc, 0xcb, 0x4b, 0xcd, 0xb1, 0xb3, 0xc9, 0x2c, 0x49, 0xcd, 0xb5, 0xb3, 0x49, 0x2f, 0xcd,
            0x4c, 0xb1, 0x4b, 0xb7, 0xd1, 0x07, 0xd3, 0x36, 0x29, 0xa9, 0xc5, 0xc9, 0x45, 0x99, 0x05, 0x25,
            0x40, 0xf5, 0x76, 0x51, 0x99, 0x05, 0x05, 0xa9, 0x29, 0x0a, 0x25, 0xa9, 0x15, 0x25, 0x7a, 0x36,
            0xfa, 0xc8, 0x32, 0x36, 0xfa, 0x10, 0xbd, 0xfa, 0x70, 0xb3, 0xf4, 0x81, 0x16, 0xd9, 0x01, 0x00,
            0x82, 0xa7, 0xff, 0x19, 0x6e, 0x00, 0x00, 0x00,
        ]
        let stories = try StoryReader().read(gzipped, path: "feed.xml.gz")
        #expect(stories.map(\.body) == ["Zipped text."])
    }

    @Test func reAddingAnUpdatedFeedUpdatesItsItemsInsteadOfDuplicatingThem() throws {
        let corpus = TemporaryDirectory()
        let index = TemporaryDirectory()
        func add() throws -> AddSummary {
            let writer = try IndexWriter(directory: index.path, analyzer: .standard)
            let summary = try writer.add(try IngestInput.resolve([corpus.path])) { _ in }
            _ = try writer.commit()
            return summary
        }
        func feed(_ items: String) -> String {
            "<rss version=\"2.0\"><channel><title>Wire</title>\(items)</channel></rss>"
        }
        let first = "<item><title>Budget</title><guid>b</guid><description>The budget passed.</description></item>"
        let second = "<item><title>Rates</title><guid>r</guid><description>Rates were held.</description></item>"
        let corrected = "<item><title>Budget</title><guid>b</guid><description>The budget passed narrowly.</description></item>"
        let third = "<item><title>Storm</title><guid>s</guid><description>A storm is coming.</description></item>"
        corpus.write("wire.xml", feed(first + second))
        #expect(try add().added == 2)
        corpus.write("wire.xml", feed(third + corrected + second))
        let summary = try add()
        #expect((summary.added, summary.updated, summary.unchanged, summary.removed) == (1, 1, 1, 0))
        let reader = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(reader.documentCount == 3)
        let bodies = try reader.addresses(ofPath: "wire.xml").map { try reader.storedStory(at: $0).story.body }
        #expect(bodies.sorted() == ["A storm is coming.", "Rates were held.", "The budget passed narrowly."])
    }

    // MARK: Safety

    /// `/etc/passwd` as an external entity, in the body, the title and through a parameter
    /// entity: none of it may be read.
    static let externalEntityFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
          <!ENTITY % remote SYSTEM "file:///etc/passwd">
          %remote;
        ]>
        <rss version="2.0"><channel><title>Feed &xxe;</title>
        <item><title>Leak &xxe;</title><guid>1</guid><description>Before &xxe; after.</description></item>
        </channel></rss>
        """

    @Test func externalEntitiesAreNeverLoaded() throws {
        let stories = read(Self.externalEntityFeed)
        #expect(stories.count == 1)
        #expect(stories[0].body == "Before after.")
        for story in stories {
            for field in [story.title, story.body, story.source ?? "", story.itemID ?? ""] {
                #expect(!field.contains("root:"))
            }
        }
    }

    @Test func externalEntityNamingAPrivateFileIsNotRead() throws {
        let canary = "canary-\(getpid())-XML-EXTERNAL-ENTITY"
        let path = "/tmp/newsidx-xxe-\(getpid()).txt"
        let file = try #require(fopen(path, "w"))
        fputs(canary, file)
        fclose(file)
        defer { unlink(path) }
        let feed = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY secret SYSTEM "file://\(path)"><!ENTITY rel SYSTEM "\(path)">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T &secret;</title>
            <entry><id>urn:1</id><title>&rel;</title><content>Text &secret; &rel; end.</content></entry></feed>
            """
        let stories = read(feed)
        #expect(stories.map(\.body) == ["Text end."])
        #expect(!stories.contains { "\($0)".contains(canary) })
    }

    /// The "billion laughs": ten levels of ten references, 3 GB if expanded.
    static let billionLaughs: String = {
        var dtd = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE rss [\(dtd)]>
            <rss version="2.0"><channel><title>Laughs &lol9;</title>
            <item><title>Laughs &lol9;</title><guid>1</guid><description>Just laughs &lol9;.</description></item>
            <item><title>Attribute</title><guid>2</guid><link href="&lol9;">x</link><description>Still here.</description></item>
            </channel></rss>
            """
    }()

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsIsReadQuicklyWithoutExpanding() throws {
        let before = Self.peakMemoryKilobytes()
        let clock = ContinuousClock()
        var stories: [Story] = []
        let elapsed = clock.measure { stories = read(Self.billionLaughs) }
        #expect(elapsed < .seconds(5))
        #expect(Self.peakMemoryKilobytes() - before < 256 * 1024)
        #expect(!stories.contains { $0.body.contains("lollol") || $0.title.contains("lollol") })
    }

    @Test(.timeLimit(.minutes(1)))
    func quadraticBlowupIsReadQuicklyWithoutExpanding() throws {
        let big = String(repeating: "a", count: 50_000)
        let refs = String(repeating: "&big;", count: 50_000)
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><item><guid>1</guid><description>Start \(refs) end.</description></item></channel></rss>"
        let clock = ContinuousClock()
        var stories: [Story] = []
        let elapsed = clock.measure { stories = read(feed) }
        #expect(elapsed < .seconds(5))
        #expect(stories.map(\.body) == ["Start end."])
    }

    @Test func truncatedFeedKeepsTheItemsBeforeTheCut() {
        let cut = Self.rss2.firstRange(of: "The KOSPI")!.lowerBound
        let stories = read(String(Self.rss2[..<cut]))
        #expect(stories.first?.itemID == "AEN20251027000300315")
        #expect(stories.first?.body.hasPrefix("MOSCOW, Oct. 27") == true)
    }

    @Test func feedCutBeforeAnyTextHasNoText() {
        let cut = Self.rss2.firstRange(of: "<item>")!.lowerBound
        #expect(throws: IngestError.noText) {
            try StoryReader().read(Array(Self.rss2[..<cut].utf8), path: "cut.xml")
        }
    }

    @Test func invalidUTF8BecomesReplacementCharactersAndTheRestStaysUTF8() {
        let bytes = Array("<rss version=\"2.0\"><channel><item><guid>1</guid><description>Prices rose ".utf8)
            + [0xC3, 0x28] + Array(" at the café today.</description></item></channel></rss>".utf8)
        #expect(FeedReader().read(bytes).map(\.body) == ["Prices rose \u{FFFD}( at the café today."])
    }

    @Test func declaredLatin1IsDecoded() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><guid>1</guid><description>Caf".utf8)
            + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94] + Array("</description></item></channel></rss>".utf8)
        #expect(FeedReader().read(bytes).map(\.body) == ["Café “ok”"])
    }

    @Test func declaredEUCKRIsDecoded() {
        // "코스피 상승" in EUC-KR.
        let text: [UInt8] = [0xC4, 0xDA, 0xBD, 0xBA, 0xC7, 0xC7, 0x20, 0xBB, 0xF3, 0xBD, 0xC2]
        let bytes = Array("<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss version=\"2.0\"><channel><item><guid>1</guid><description>".utf8)
            + text + Array("</description></item></channel></rss>".utf8)
        #expect(FeedReader().read(bytes).map(\.body) == ["코스피 상승"])
    }

    @Test func utf16FeedWithByteOrderMarkIsRecognisedAndRead() throws {
        let feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><item><guid>1</guid><description>서울 증시 상승.</description></item></channel></rss>"
        let bytes: [UInt8] = [0xFF, 0xFE] + feed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect((try? StoryReader().readDocument(bytes, path: "feed.xml"))?.format == .rss)
        #expect(try StoryReader().read(bytes, path: "feed.xml").map(\.body) == ["서울 증시 상승."])
    }

    @Test(.timeLimit(.minutes(1)))
    func deeplyNestedMarkupKeepsTheItemsBeforeIt() throws {
        let depth = 20_000
        let nested = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        let feed = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>First</title><guid>1</guid><description>First text.</description></item>
            <item><title>Deep</title><guid>2</guid><description>\(nested)</description></item>
            </channel></rss>
            """
        let stories = try StoryReader().read(Array(feed.utf8), path: "deep.xml")
        #expect(stories.first?.body == "First text.")
    }

    @Test(.timeLimit(.minutes(1)))
    func deeplyNestedEscapedHTMLIsRead() {
        let depth = 20_000
        let nested = String(repeating: "&lt;div&gt;", count: depth) + "deep text" + String(repeating: "&lt;/div&gt;", count: depth)
        let feed = "<rss version=\"2.0\"><channel><item><guid>1</guid><description>\(nested)</description></item></channel></rss>"
        #expect(read(feed).count <= 1)
    }

    @Test(arguments: ["<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Hi</text></svg>", "not xml at all", ""])
    func bytesThatAreNotAFeedGiveNoStories(_ text: String) {
        #expect(read(text).isEmpty)
    }

    /// The process's peak resident memory so far, in kilobytes.
    static func peakMemoryKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
