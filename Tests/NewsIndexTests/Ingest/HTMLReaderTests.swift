import NewsIndex
import Testing

@Suite struct HTMLReaderTests {
    private func read(_ html: String) -> Story {
        HTMLReader().read(Array(html.utf8))
    }

    private func body(_ bodyHTML: String) -> String {
        read("<html><head><meta charset=\"utf-8\"><title>T</title></head><body>\(bodyHTML)</body></html>").body
    }

    /// The shape of a real news page: Open Graph metadata, navigation, an article with a
    /// header, scripts, a footer.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Sweden drops Assange rape investigation - BBC News</title>
          <meta property="og:title" content="Sweden drops Assange rape investigation">
          <meta property="og:site_name" content="BBC News">
          <meta property="article:published_time" content="2019-11-19T10:26:12+00:00">
          <meta name="author" content="Jane Reporter">
          <script>window.dataLayer = [{"page": "article"}];</script>
          <style>body { font-family: sans-serif; }</style>
        </head>
        <body>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
          <header class="site-header">BBC navigation banner</header>
          <div id="main" role="main">
            <article>
              <header><h1>Julian Assange: Sweden drops rape investigation</h1>
                <time datetime="2019-11-20">20 November 2019</time></header>
              <p>Prosecutors in Sweden have dropped an investigation into a rape allegation made
                 against WikiLeaks co-founder Julian Assange.</p>
              <p>Deputy chief prosecutor Eva-Marie Persson said the evidence &#8220;had weakened
                 considerably&#8221; due to the long period of time since the events.</p>
              <script>trackArticle();</script>
              <p>Mr Assange, 48, denies the allegation &amp; remains in jail in London.</p>
            </article>
            <aside><h2>More on this story</h2><p>Related coverage</p></aside>
          </div>
          <footer><p>Copyright 2019 BBC.</p></footer>
        </body>
        </html>
        """

    @Test func openGraphTitleIsTheHeadline() {
        let story = read(Self.newsPage)
        #expect(story.title == "Sweden drops Assange rape investigation")
        #expect(story.titleIsHeadline)
    }

    @Test func titleElementIsTheHeadlineWithoutOpenGraph() {
        let story = read("<html><head><title>\n  Quake's economic\n costs   emerging </title></head><body><p>Text.</p></body></html>")
        #expect(story.title == "Quake's economic costs emerging")
        #expect(story.titleIsHeadline)
    }

    @Test func pageWithoutTitleTakesItsTitleFromTheLead() {
        let story = read("<body><p>Prices rose in Sept. and fell in Oct. last year. Traders were surprised.</p></body>")
        #expect(story.title == "Prices rose in Sept. and fell in Oct. last year")
        #expect(!story.titleIsHeadline)
    }

    @Test func publishedTimeMetaGivesTheDate() {
        #expect(read(Self.newsPage).date == StoryDate(year: 2019, month: 11, day: 19))
    }

    @Test(arguments: [
        "<meta name=\"pubdate\" content=\"2019-11-19\">",
        "<meta name=\"date\" content=\"2019-11-19T05:04:02Z\">",
        "<meta name=\"DC.date.issued\" content=\"2019-11-19\">",
        "<meta itemprop=\"datePublished\" content=\"2019-11-19T05:04:02+00:00\">",
    ])
    func dateMetaVariantsGiveTheDate(_ meta: String) {
        let story = read("<html><head>\(meta)</head><body><p>Text.</p></body></html>")
        #expect(story.date == StoryDate(year: 2019, month: 11, day: 19))
    }

    @Test func timeElementGivesTheDateWithoutAMeta() {
        let story = read("<body><article><time datetime=\"2019-11-18T22:10:00-05:00\">Nov 18</time><p>Text.</p></article></body>")
        #expect(story.date == StoryDate(year: 2019, month: 11, day: 18))
    }

    @Test func unparseableDatesGiveNoDate() {
        let story = read("<head><meta name=\"date\" content=\"Tuesday\"></head><body><time datetime=\"soon\">x</time><p>Text.</p></body>")
        #expect(story.date == nil)
    }

    @Test func siteNameIsTheSourceAndAuthorTheByline() {
        let story = read(Self.newsPage)
        #expect(story.source == "BBC News")
        #expect(story.byline == "Jane Reporter")
    }

    @Test func pageWithoutMetadataHasNoSourceOrByline() {
        let story = read("<body><p>Text.</p></body>")
        #expect(story.source == nil)
        #expect(story.byline == nil)
        #expect(story.date == nil)
    }

    @Test func bodyIsTheArticleText() {
        #expect(read(Self.newsPage).body == """
            Prosecutors in Sweden have dropped an investigation into a rape allegation made against \
            WikiLeaks co-founder Julian Assange.

            Deputy chief prosecutor Eva-Marie Persson said the evidence \u{201C}had weakened considerably\u{201D} \
            due to the long period of time since the events.

            Mr Assange, 48, denies the allegation & remains in jail in London.
            """)
    }

    @Test(arguments: ["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                      "form", "iframe", "svg", "button", "select"])
    func noiseElementsAreLeftOut(_ name: String) {
        #expect(body("<p>Story.</p><\(name)>noise words</\(name)><p>More.</p>") == "Story.\n\nMore.")
    }

    @Test(arguments: ["<span hidden>secret</span>", "<span aria-hidden=\"true\">secret</span>", "<!-- secret -->"])
    func hiddenElementsAndCommentsAreLeftOut(_ hidden: String) {
        #expect(body("<p>Visible \(hidden)text.</p>") == "Visible text.")
    }

    @Test func blockElementsSeparateParagraphs() {
        #expect(body("<p>a</p><p>b</p><div>c</div><h2>d</h2><ul><li>e</li><li>f</li></ul><blockquote>g</blockquote>")
            == "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng")
    }

    @Test func inlineElementsDoNotSplitWords() {
        #expect(body("<p><b>a</b>b <i>c</i><span>d</span> <a href=\"#\">e</a>f</p>") == "ab cd ef")
    }

    /// HTML_PARSE_NOBLANKS would drop the space between elements libxml2 does not know as
    /// inline (`<time>`, `<mark>`, custom elements) and glue the words.
    @Test func spaceBetweenInlineElementsIsKept() {
        #expect(body("<p><time>Monday</time> <mark>news</mark> <x-word>here</x-word></p>") == "Monday news here")
    }

    @Test func lineBreakSeparatesParagraphs() {
        #expect(body("<p>First line<br>second line</p>") == "First line\n\nsecond line")
    }

    @Test func tableCellsAreSeparateWords() {
        #expect(body("<table><tr><td>Oct. 9</td><td>Irving, TX</td></tr><tr><td>Oct. 10</td><td>Houston</td></tr></table>")
            == "Oct. 9 Irving, TX\n\nOct. 10 Houston")
    }

    @Test func entitiesAreDecoded() {
        #expect(body("<p>AT&amp;T&#8217;s &quot;deal&quot;&nbsp;&nbsp;closed &lt;today&gt;</p>") == "AT&T\u{2019}s \"deal\" closed <today>")
    }

    @Test func whitespaceIsNormalisedAndEmptyParagraphsDropped() {
        #expect(body("<p>  Lots \n\t of   space </p><p> </p><div><p></p></div><p>End</p>") == "Lots of space\n\nEnd")
    }

    @Test func listsOfLinksAreLeftOut() {
        let html = """
            <p>Story text.</p><ul><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li>\
            <li><a href="/c">Related story three</a></li></ul><p>Read <a href="/b">more</a> here.</p>
            """
        #expect(body(html) == "Story text.\n\nRead more here.")
    }

    @Test func substantialArticleIsPreferredToTheRestOfTheBody() {
        let story = String(repeating: "The council approved the budget. ", count: 10)
        #expect(body("<div>Sidebar promo text</div><article><p>\(story)</p></article><div>Other text</div>")
            == story.trimmingSuffix())
    }

    /// The story is where the prose is, not whatever is marked `<article>`: here a teaser
    /// for another story, which is left out.
    @Test func smallArticleBesideTheStoryIsNotTakenForTheStory() {
        let story = String(repeating: "The council approved the budget. ", count: 20)
        #expect(body("<div><p>\(story)</p></div><article><p>A teaser for another story.</p></article>")
            == story.trimmingSuffix())
    }

    @Test func mainIsPreferredWhenThereIsNoArticle() {
        let story = String(repeating: "Floods closed the road. ", count: 10)
        #expect(body("<div>Promo</div><main><p>\(story)</p></main>") == story.trimmingSuffix())
    }

    @Test func formWrappingThePageIsNotSkipped() {
        #expect(body("<form id=\"aspnetForm\"><article><p>Story in a form.</p></article></form>") == "Story in a form.")
    }

    @Test func utf8WithoutACharsetDeclarationIsReadAsUTF8() {
        let story = read("<html><head><title>Caf\u{E9}</title></head><body><p>Na\u{EF}ve r\u{E9}sum\u{E9}</p></body></html>")
        #expect(story.title == "Caf\u{E9}")
        #expect(story.body == "Na\u{EF}ve r\u{E9}sum\u{E9}")
    }

    @Test(arguments: ["", "<meta charset=\"utf-8\">"])
    func invalidUTF8BecomesAReplacementCharacterAndTheRestIsIntact(_ meta: String) {
        let bytes = Array("<html><head>\(meta)</head><body><p>caf\u{E9} ".utf8) + [0xFF] + Array(" na\u{EF}ve</p></body></html>".utf8)
        #expect(HTMLReader().read(bytes).body == "caf\u{E9} \u{FFFD} na\u{EF}ve")
    }

    @Test func latin1DeclarationIsReadAsWindows1252() {
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>caf".utf8)
            + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94] + Array("</p></body></html>".utf8)
        #expect(HTMLReader().read(bytes).body == "caf\u{E9} \u{201C}quoted\u{201D}")
    }

    @Test func utf16WithByteOrderMarkIsDecoded() {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "<html><body><p>Caf\u{E9}</p></body></html>".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(HTMLReader().read(bytes).body == "Caf\u{E9}")
    }

    @Test func truncatedPageKeepsItsText() {
        #expect(read("<html><body><p>Half a sto").body == "Half a sto")
    }

    /// libxml2 2.9 stops parsing at 256 levels of nesting (lifting that needs
    /// XML_PARSE_HUGE, which also lifts its other limits), keeping what came before.
    @Test func deeplyNestedTagSoupKeepsTheTextBeforeTheDepthLimit() {
        let depth = 20_000
        let html = "<html><body><p>Before</p>" + String(repeating: "<div>", count: depth) + "Deep"
            + String(repeating: "</div>", count: depth) + "<p>After</p></body></html>"
        #expect(read(html).body == "Before")
    }

    @Test func nestingBelowTheDepthLimitIsReadInFull() {
        let depth = 250
        let html = "<html><body><p>Before</p>" + String(repeating: "<div><span>", count: depth / 2) + "Deep"
            + String(repeating: "</span></div>", count: depth / 2) + "<p>After</p></body></html>"
        #expect(read(html).body == "Before\n\nDeep\n\nAfter")
    }

    @Test func pageWithNoTextHasAnEmptyBody() {
        let story = read("<html><head><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav></body></html>")
        #expect(story.body.isEmpty)
    }

    @Test(arguments: [[UInt8](), Array("not html at all".utf8), [0x00, 0xFF, 0x3C, 0x00]])
    func anyBytesGiveAStory(_ bytes: [UInt8]) {
        _ = HTMLReader().read(bytes)
    }

    @Test(arguments: [
        ("3ce1c8fdf6ad2ded", "2018 Boys State Swim Results", "Salina South diver Keetan Munsell"),
        ("5ae11e580afc12d3", "Ascom announces a strategic distribution partnership with GE Healthcare in Europe for intensive care units",
         "the Digistat Patient Watch solution provides clinicians throughout Europe"),
        ("70cb2d5bca75ab5a", "Taylor Swift's AMA row seems to be over", "A row involving Taylor Swift, her former record label"),
        ("9cb8224b660f36c9", "The Doobie Brothers Set 50th Anniversary Tour of North America", "A half century on, The Doobie Brothers are still smoking."),
        ("ac1bfdd4c510f679", "The Doobie Brothers Unite With Michael McDonald for 50th Anniversary Tour",
         "The Doobie Brothers will unite with former frontman Michael McDonald"),
        ("c7e39ac49fa1235f", "Sweden drops Assange rape investigation", "Prosecutors in Sweden have dropped an investigation"),
        ("eb62ac8425e55739", "Scooter Braun allegedly \u{2018}frustrated\u{2019} with Big Machine partner Scott Borchetta amid Taylor Swift feud: report",
         "Scooter Braun"),
        ("f6ac15a4d9851139", "Atendimento Domiciliar registra arrombamento em ve\u{ED}culos", "A equipe do Servi\u{E7}o de Atendimento Domiciliar"),
    ])
    func readsTheRealPagesOfTheRepository(_ name: String, _ title: String, _ bodyExcerpt: String) throws {
        let story = HTMLReader().read(try repositoryFile("Corpus/html/\(name).html"))
        #expect(story.title == title)
        #expect(story.titleIsHeadline)
        #expect(story.body.contains(bodyExcerpt))
        #expect(!story.body.contains("<"))
        #expect(!story.body.contains("  "))
    }
}

private extension String {
    func trimmingSuffix() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// A page whose story cannot be found is not skipped: its densest block of text is taken, and
/// the story says so.
@Suite struct HTMLDensestBlockTests {
    static let furnitureOnly = """
        <html><head><title>Radio</title></head><body>
        <div class="header"><div class="weatherheader">Heavy rain across the region tonight</div><div class="weatherheader">-12°</div></div>
        </body></html>
        """

    @Test func aPageWithoutAStoryGivesItsDensestBlock() {
        let story = HTMLReader().read(Array(Self.furnitureOnly.utf8))
        #expect(story.body == "Heavy rain across the region tonight\n\n-12°")
        #expect(story.bodyIsFallback)
    }

    @Test func aPageWithAStoryIsNoFallback() {
        let page = "<html><body><article><p>The harbour reopened on Monday after the storm, and the first ferries left for the islands at dawn.</p></article></body></html>"
        #expect(!HTMLReader().read(Array(page.utf8)).bodyIsFallback)
    }

    @Test func aPageWithLessThanASentenceOfItsOwnStillGivesNothing() {
        let links = "<html><body><div class=\"menu\"><a href=\"/a\">Home</a> <a href=\"/b\">News and more news from everywhere</a></div><footer>(c) 2019</footer></body></html>"
        let story = HTMLReader().read(Array(links.utf8))
        #expect(story.body.isEmpty && !story.bodyIsFallback)
    }
}

/// Readers' comments are never the story, even when the page's names are otherwise not
/// trusted (a story in a box named like furniture is read again without names).
@Suite struct HTMLCommentThreadTests {
    static let story = (1...4).map { "<p>Paragraph \($0) of the story: the harbour reopened on Monday after the storm, and the first ferries left for the islands at dawn with supplies.</p>" }.joined()
    static let comments = (1...8).map { "<li class=\"comment\"><p>Reader \($0) wrote: I was on the first ferry and the crossing was rough, but the crew handled it well and we arrived on time.</p></li>" }.joined()

    @Test func aCommentThreadIsLeftOutWhenTheStoryIsInABoxNamedLikeFurniture() {
        let page = "<html><body><div class=\"sidebar-layout\"><div class=\"entry\">\(Self.story)</div><ol class=\"commentlist\">\(Self.comments)</ol></div></body></html>"
        let body = HTMLReader().read(Array(page.utf8)).body
        #expect(body.contains("Paragraph 4 of the story"))
        #expect(!body.contains("Reader"), "\(body)")
    }
}

/// The publisher's own statement of the story's body (`itemprop="articleBody"`) holds the
/// story whole, even when a box inside it has more text than the story's paragraphs.
@Suite struct HTMLArticleBodyTests {
    @Test func aGalleryInsideTheArticleBodyDoesNotReplaceTheStory() {
        let sentence = "hotel staff said sheets are changed less often than guests think, towels only on request, and pillows, they admitted, hardly ever"
        let story = (1...6).map { "<p>Paragraph \($0) of the story: \(sentence).</p>" }.joined()
        let slide = "the club said revenues fell by a tenth, to 395m pounds, in the year to June, after broadcasting, sponsorship and match-day deals dried up, and that it would raise money from a share issue"
        let slides = (1...50).map { "<li><h2>\($0)/50 Slide</h2><p>Slide \($0): \(slide).</p></li>" }.joined()
        let gallery = "<div class=\"dnd-widget-wrapper type-gallery\"><div class=\"dnd-atom-rendered\"><div class=\"full-gallery\"><div class=\"scroller\"><ul class=\"images\"><li><img src=\"a.jpg\"></li></ul><ul class=\"legends\">\(slides)</ul><div class=\"controls\"><a href=\"#p\">Previous</a> <a href=\"#n\">Next</a></div></div></div></div></div>"
        let page = "<html><body><article><div class=\"text-wrapper\" itemprop=\"articleBody\">\(story)\(gallery)</div></article></body></html>"
        let body = HTMLReader().read(Array(page.utf8)).body
        #expect(body.contains("Paragraph 1 of the story") && body.contains("Paragraph 6 of the story"), "\(body.prefix(300))")
    }
}
