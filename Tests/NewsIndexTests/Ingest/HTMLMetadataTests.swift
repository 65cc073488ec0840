import NewsIndex
import Testing

/// Each field of a page's metadata comes from the most authoritative source the page has.
@Suite struct HTMLMetadataTests {
    private func read(head: String, body: String = "<p>Story text.</p>") -> Story {
        HTMLReader().read(Array("<html><head>\(head)</head><body>\(body)</body></html>".utf8))
    }

    private static let jsonLD = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"JSON-LD headline","datePublished":"2019-11-18T08:00:00Z",
        "author":{"@type":"Person","name":"Ann Writer"},"publisher":{"@type":"Organization","name":"Daily Example"},
        "mainEntityOfPage":{"@type":"WebPage","@id":"https://example.com/story-ld"},"inLanguage":"en-GB"}</script>
        """

    // MARK: Title

    @Test(arguments: [
        ("<meta property=\"og:title\" content=\"OG headline\">" + jsonLD + "<title>Title - Site</title>", "<h1>H1 headline</h1>", "OG headline"),
        (jsonLD + "<title>Title - Site</title>", "<h1>H1 headline</h1>", "JSON-LD headline"),
        ("<title>Page title words here - Site</title>", "<h1>H1 headline</h1>", "H1 headline"),
        ("<title>Page title words here - Site</title>", "", "Page title words here"),
    ])
    func titleComesFromTheBestSourceThePageHas(_ head: String, _ heading: String, _ title: String) {
        let story = read(head: head, body: "\(heading)<p>Story text that is long enough to be read as prose here.</p>")
        #expect(story.title == title)
        #expect(story.titleIsHeadline)
    }

    @Test(arguments: [
        ("Sweden drops Assange rape investigation - BBC News", "Sweden drops Assange rape investigation"),
        ("Asian shares soft as trade doubts linger | Reuters", "Asian shares soft as trade doubts linger"),
        ("New car sales plunge 10 percent in October \u{2013} Houston Chronicle", "New car sales plunge 10 percent in October"),
        ("BBC News - Sweden drops Assange rape investigation", "Sweden drops Assange rape investigation"),
        ("Quake's economic costs emerging", "Quake's economic costs emerging"),
    ])
    func titleElementLosesTheSiteName(_ title: String, _ headline: String) {
        let story = read(head: "<title>\(title)</title><meta property=\"og:site_name\" content=\"BBC News\">")
        #expect(story.title == headline)
    }

    @Test func openGraphTitleKeepsADashOfItsOwn() {
        let story = read(head: "<meta property=\"og:title\" content=\"Brexit - what happens next\">")
        #expect(story.title == "Brexit - what happens next")
    }

    @Test func openGraphTitleLosesOnlyTheSiteName() {
        let story = read(head: "<meta property=\"og:title\" content=\"Tuft cells taste danger | Quanta Magazine\"><meta property=\"og:site_name\" content=\"Quanta Magazine\">")
        #expect(story.title == "Tuft cells taste danger")
    }

    // MARK: Date

    @Test(arguments: [
        ("<meta property=\"article:published_time\" content=\"2019-11-17T23:00:00-05:00\">" + jsonLD, "", "2019-11-17"),
        (jsonLD + "<meta name=\"date\" content=\"2019-11-20\">", "", "2019-11-18"),
        ("<meta itemprop=\"datePublished\" content=\"Tue, 19 Nov 2019 05:04:02 +0000\"><meta name=\"date\" content=\"2019-11-20\">", "", "2019-11-19"),
        ("", "<article><time datetime=\"November 16, 2019\">Sat</time><p>Text.</p></article>", "2019-11-16"),
        ("<link rel=\"canonical\" href=\"https://example.com/2019/11/15/story-name/\">", "", "2019-11-15"),
    ])
    func dateComesFromTheBestSourceThePageHas(_ head: String, _ body: String, _ date: String) {
        let story = read(head: head, body: body.isEmpty ? "<p>Story text.</p>" : body)
        #expect(story.date?.description == date)
    }

    @Test func placeholderDatesAreNotDates() {
        let story = read(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>
            <meta name="pubdate" content="2019-11-19">
            """)
        #expect(story.date == StoryDate(year: 2019, month: 11, day: 19))
    }

    @Test(arguments: [
        ("https://www.cnn.com/2019/11/18/investing/asian-market-latest/index.html", "2019-11-18"),
        ("https://news.example.com/2019-11-20-council-budget", "2019-11-20"),
        ("https://example.com/archive/20191121/story.html", "2019-11-21"),
        ("https://example.com/2019/11/story-without-a-day", nil),
        ("https://example.com/2019/13/45/not-a-date", nil),
    ])
    func dateInTheAddress(_ address: String, _ date: String?) {
        let story = read(head: "<link rel=\"canonical\" href=\"\(address)\">")
        #expect(story.date?.description == date)
    }

    // MARK: Byline, source, address, language

    @Test(arguments: [
        ("<meta name=\"author\" content=\"By Jane Reporter\">" + jsonLD, "", "Jane Reporter"),
        (jsonLD, "", "Ann Writer"),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":[{\"name\":\"Ann Writer\"},\"Bo Smith\"]}</script>", "", "Ann Writer, Bo Smith"),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":\"Bo Smith\"}</script>", "", "Bo Smith"),
        ("", "<p class=\"byline\">By <a rel=\"author\" href=\"/staff/cd\">Cy Dee</a></p><p>Text.</p>", "Cy Dee"),
        ("<meta name=\"author\" content=\"https://www.facebook.com/someone\">", "", nil),
    ])
    func bylineComesFromTheBestSourceThePageHas(_ head: String, _ body: String, _ byline: String?) {
        let story = read(head: head, body: body.isEmpty ? "<p>Story text.</p>" : body)
        #expect(story.byline == byline)
    }

    @Test func sourceIsTheSiteNameElseThePublisher() {
        #expect(read(head: "<meta property=\"og:site_name\" content=\"BBC News\">" + Self.jsonLD).source == "BBC News")
        #expect(read(head: Self.jsonLD).source == "Daily Example")
    }

    @Test(arguments: [
        ("<link rel=\"canonical\" href=\"https://example.com/a\"><meta property=\"og:url\" content=\"https://example.com/b\">", "https://example.com/a"),
        ("<meta property=\"og:url\" content=\"https://example.com/b\">" + jsonLD, "https://example.com/b"),
        (jsonLD, "https://example.com/story-ld"),
        ("<link rel=\"canonical\" href=\"/news/a.html\"><meta property=\"og:url\" content=\"https://example.com/x?y=1\">", "https://example.com/news/a.html"),
    ])
    func addressIsTheCanonicalLinkElseOpenGraphElseJSONLD(_ head: String, _ url: String) {
        #expect(read(head: head).url == url)
    }

    @Test(arguments: [
        ("<html lang=\"pt-BR\"><head><meta property=\"og:locale\" content=\"en_US\"></head>", "pt-BR"),
        ("<html><head><meta property=\"og:locale\" content=\"en_US\"></head>", "en-US"),
        ("<html><head><meta http-equiv=\"Content-Language\" content=\"de, en\"></head>", "de"),
        ("<html lang=\"\"><head></head>", nil),
    ])
    func languageIsDeclaredByThePage(_ start: String, _ language: String?) {
        let story = HTMLReader().read(Array("\(start)<body><p>Text.</p></body></html>".utf8))
        #expect(story.language == language)
    }

    @Test func newsPageMetadataReadsWhole() {
        let story = read(head: """
            <title>Council approves budget | Daily Example</title>
            <meta property="og:site_name" content="Daily Example">
            <link rel="canonical" href="https://example.com/news/2019/11/18/council-budget">
            """ + Self.jsonLD)
        #expect(story.title == "JSON-LD headline")
        #expect(story.date == StoryDate(year: 2019, month: 11, day: 18))
        #expect(story.byline == "Ann Writer")
        #expect(story.source == "Daily Example")
        #expect(story.url == "https://example.com/news/2019/11/18/council-budget")
        #expect(story.language == "en-GB")
    }
}
