import NewsIndex
import Testing

/// The body of a page is the story's own text: found where the prose is, without the page
/// furniture around it or inside it.
@Suite struct HTMLStoryBodyTests {
    /// The body of a page; markup without `<html>` is made a page.
    private func body(_ html: String) -> String {
        let page = html.hasPrefix("<html") || html.hasPrefix("<!DOCTYPE") ? html : "<html><body>\(html)</body></html>"
        return HTMLReader().read(Array(page.utf8)).body
    }

    /// A WordPress post as themes write it: masthead and menu, the post with its title,
    /// meta row, content, share buttons and related posts, then comments, a sidebar of
    /// widgets and a footer.
    static let blogPost = """
        <!DOCTYPE html>
        <html lang="en-US"><head><meta charset="UTF-8">
        <title>Spiced Honey Pear Jam Recipe | The Anti-June Cleaver</title>
        <meta property="og:title" content="Spiced Honey Pear Jam Recipe">
        </head>
        <body class="post-template-default single single-post has-sidebar">
        <div id="page" class="site">
          <header id="masthead" class="site-header"><p class="site-title"><a href="/">The Anti-June Cleaver</a></p>
            <nav id="site-navigation" class="main-navigation"><ul><li><a href="/recipes">Recipes</a></li><li><a href="/diy">DIY</a></li></ul></nav>
          </header>
          <div id="content" class="site-content">
            <div id="primary" class="content-area"><main id="main" class="site-main">
              <article id="post-7581" class="post-7581 post type-post hentry">
                <header class="entry-header"><h1 class="entry-title">Spiced Honey Pear Jam Recipe</h1>
                  <div class="entry-meta"><span class="posted-on">Posted on <time datetime="2017-12-06">December 6, 2017</time></span>
                  <span class="byline"> by <a href="/author/regan">Regan</a></span></div>
                </header>
                <div class="entry-content">
                  <p>Pears are at their best in late autumn, and this jam keeps that flavour for the whole winter, with honey instead of most of the sugar.</p>
                  <p>You will need four pounds of ripe pears, a cup of honey, the juice of two lemons, a cinnamon stick and a pinch of ground cloves.</p>
                  <h2>Making the jam</h2>
                  <p>Peel and chop the pears, then simmer them with the honey, lemon juice and spices for about forty minutes, stirring often.</p>
                  <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
                    <ul><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-pinterest" href="#">Pinterest</a></li></ul></div>
                  <div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Related</h3>
                    <p class="jp-relatedposts-post"><a href="/apple-butter">Slow Cooker Apple Butter</a> In "Recipes" – a long-simmered spread for toast, pancakes and gifts alike.</p></div>
                </div>
              </article>
              <div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on this recipe</h2>
                <ol class="comment-list"><li class="comment"><article class="comment-body">
                  <p>I made this last weekend with the pears from our tree, and it set beautifully, though I used a little less honey than you suggest.</p>
                </article></li></ol></div>
            </main></div>
            <aside id="secondary" class="widget-area"><section class="widget widget_text"><h2 class="widget-title">About me</h2>
              <p>I am a mother of three who loves cooking, crafting and saving money, and I write about all of it here every week.</p></section></aside>
          </div>
          <footer id="colophon" class="site-footer"><p>Copyright 2017 The Anti-June Cleaver. All rights reserved.</p></footer>
        </div></body></html>
        """

    @Test func blogPostBodyIsTheEntryContentWithItsHeadings() {
        #expect(body(Self.blogPost) == """
            Pears are at their best in late autumn, and this jam keeps that flavour for the whole winter, with honey instead of most of the sugar.

            You will need four pounds of ripe pears, a cup of honey, the juice of two lemons, a cinnamon stick and a pinch of ground cloves.

            Making the jam

            Peel and chop the pears, then simmer them with the honey, lemon juice and spices for about forty minutes, stirring often.
            """)
    }

    @Test(arguments: ["Share this", "Slow Cooker Apple Butter", "I made this last weekend", "I am a mother of three",
                      "Copyright 2017", "Posted on", "Recipes"])
    func blogPostFurnitureIsLeftOut(_ furniture: String) {
        #expect(!body(Self.blogPost).contains(furniture))
    }

    /// A news article that states its body with microdata, with a figure, an advertisement
    /// slot, a newsletter box inside the body, and a most-read list beside it that holds
    /// more text than the story.
    static let newsArticle = """
        <html><head><meta charset="utf-8"><title>Council approves budget - Example Times</title></head><body>
        <div class="cookie-consent-banner"><p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.</p></div>
        <div class="layout">
          <div class="story" itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Council approves budget</h1>
            <div class="story-meta"><span class="author">By Jane Reporter</span> <span class="timestamp">Nov. 19, 2019 9:00 a.m.</span></div>
            <div itemprop="articleBody">
              <p>The city council approved next year's budget on Tuesday, after a debate that lasted well past midnight.</p>
              <figure><img src="budget.jpg" alt=""><figcaption>Council members vote on the budget. (Photo: John Smith)</figcaption></figure>
              <p>The budget raises spending on schools by four percent, and cuts the road maintenance fund, which critics said was a mistake.</p>
              <div class="ad-slot"><span>Advertisement</span></div>
              <div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's news in your inbox every morning.</p></div>
              <p>"We made hard choices," the mayor said, "but the schools come first, and they will for as long as I am in office."</p>
            </div>
          </div>
          <div class="most-read"><h2>Most read</h2><ol>
            <li><p>Traffic delays expected on the bridge for the next three weeks, as engineers repair the deck and its railings.</p></li>
            <li><p>Local bakery wins a national award for its sourdough, the third prize for the family business in ten years.</p></li>
            <li><p>High school football team reaches the state final after a dramatic overtime win on Friday night at home.</p></li>
            <li><p>New park opens downtown with a playground, a pond and a community garden, after two years of construction work.</p></li>
          </ol></div>
        </div></body></html>
        """

    @Test func articleBodyMicrodataIsTheStoryWithoutItsFurniture() {
        #expect(body(Self.newsArticle) == """
            The city council approved next year's budget on Tuesday, after a debate that lasted well past midnight.

            The budget raises spending on schools by four percent, and cuts the road maintenance fund, which critics said was a mistake.

            "We made hard choices," the mayor said, "but the schools come first, and they will for as long as I am in office."
            """)
    }

    @Test(arguments: ["cookies", "Council approves budget", "Jane Reporter", "Photo: John Smith", "Advertisement",
                      "newsletter", "Traffic delays"])
    func newsArticleFurnitureIsLeftOut(_ furniture: String) {
        #expect(!body(Self.newsArticle).contains(furniture))
    }

    @Test func storySplitAroundAnAdvertisementIsReadWhole() {
        let first = String(repeating: "The first half of the story has many words, commas, and clauses. ", count: 4)
        let second = String(repeating: "The second half goes on, with more words and more clauses. ", count: 4)
        let html = """
            <div class="article"><div class="article-body"><p>\(first)</p><p>\(first)</p></div>
            <div class="advert"><p>Buy our product now, it is the best product there is, really.</p></div>
            <div class="article-body"><p>\(second)</p><p>\(second)</p></div></div>
            <div class="sidebar"><p>Sidebar text that should not be part of the story at all, anywhere.</p></div>
            """
        let text = body(html)
        #expect(text.contains("The first half"))
        #expect(text.contains("The second half"))
        #expect(!text.contains("Buy our product"))
        #expect(!text.contains("Sidebar"))
    }

    @Test func listsQuotesAndTablesOfTheStoryAreKept() {
        let lead = String(repeating: "The report, published on Monday, lists the findings. ", count: 4)
        let html = """
            <article><p>\(lead)</p><ul><li>Rents rose by 8 percent.</li><li>Wages rose by 3 percent.</li></ul>
            <blockquote><p>"This cannot go on," the author said.</p></blockquote>
            <table><tr><th>City</th><th>Rent</th></tr><tr><td>Leeds</td><td>£900</td></tr></table>
            <p>\(lead)</p></article>
            """
        let text = body(html)
        for part in ["Rents rose by 8 percent.", "Wages rose by 3 percent.", "\"This cannot go on,\" the author said.",
                     "City Rent", "Leeds £900"] {
            #expect(text.contains(part), "\(part)")
        }
    }

    @Test func aSingleLinkInTheStoryIsKept() {
        let lead = String(repeating: "The agency published its data on the open portal, as promised. ", count: 4)
        let html = "<article><p>\(lead)</p><p><a href=\"https://data.example.org/set/17\">https://data.example.org/set/17</a></p><p>\(lead)</p></article>"
        #expect(body(html).contains("https://data.example.org/set/17"))
    }

    @Test func relatedLinksAtTheEndOfTheStoryGoWithTheirLabel() {
        let lead = String(repeating: "The band announced a reunion tour for next summer, with twenty dates. ", count: 4)
        let html = """
            <article><div class="entry-content"><p>\(lead)</p><p>You may also like...</p>
            <p><a href="/a">Who will make the Rock Hall in 2020?</a></p>
            <p><a href="/b">Fans really want the band in the Rock Hall</a></p></div></article>
            """
        #expect(body(html) == lead.trimmingSuffix())
    }

    @Test(arguments: [
        "<p style=\"display: none\">hidden words</p>",
        "<p style=\"color:red;VISIBILITY:hidden\">hidden words</p>",
        "<span class=\"sr-only\">hidden words</span>",
        "<span class=\"visually-hidden\">hidden words</span>",
        "<div class=\"is-hidden\">hidden words</div>",
        "<div hidden>hidden words</div>",
    ])
    func hiddenTextIsLeftOut(_ hidden: String) {
        let lead = String(repeating: "Visible story text, with enough words to be prose. ", count: 3)
        #expect(!body("<article><p>\(lead)</p>\(hidden)<p>\(lead)</p></article>").contains("hidden words"))
    }

    /// `hidden-xs` hides a box on phones only; `field--label-hidden` hides a label of it.
    @Test(arguments: ["hidden-xs", "field field--name-body field--label-hidden"])
    func classesThatHideOnlyPartOfABoxDoNotHideTheStory(_ className: String) {
        let lead = String(repeating: "The story is shown on every screen, with its words. ", count: 3)
        #expect(body("<div class=\"\(className)\"><p>\(lead)</p><p>\(lead)</p></div>").contains("The story is shown"))
    }

    @Test func layoutModifierClassesDoNotMakeTheStoryFurniture() {
        let lead = String(repeating: "The harbour reopened after the storm, and the ferries run again. ", count: 4)
        let html = "<div class=\"main-content has-sidebar no-comments\"><p>\(lead)</p><p>\(lead)</p></div><div class=\"sidebar\"><p>Weather, traffic, and more from around the region today.</p></div>"
        #expect(body(html) == lead.trimmingSuffix() + "\n\n" + lead.trimmingSuffix())
    }

    /// Sites link names to tag pages (`id="auto-tag_…"`): the name stays in its sentence.
    @Test func linkInRunningTextStaysInItsSentenceWhateverItsName() {
        let html = "<article><p>The <a href=\"/t/doobie-brothers/\" id=\"auto-tag_doobie-brothers\">Doobie Brothers</a> will tour again next year, playing twenty cities across the country.</p></article>"
        #expect(body(html) == "The Doobie Brothers will tour again next year, playing twenty cities across the country.")
    }

    /// Sites fold the rest of a story into a "read more" box that a button opens.
    @Test func theRestOfTheStoryInAReadMoreBoxIsKept() {
        let lead = String(repeating: "Protesters gathered outside the ministry for a third day running. ", count: 3)
        let rest = String(repeating: "The police said the crowd had grown to several thousand by nightfall. ", count: 4)
        let html = """
            <div class="story-body"><p>\(lead)</p><div id="read-more"><div id="read-more-link"><a href="">Read more</a></div>
            <div id="read-more-content"><p>\(rest)</p><p>\(rest)</p></div></div></div>
            """
        #expect(body(html).contains("several thousand"))
    }

    @Test func headlineRepeatedAboveTheStoryIsLeftOut() {
        let lead = String(repeating: "The museum will stay closed until spring for repairs to its roof. ", count: 3)
        let html = """
            <html><head><meta property="og:title" content="Museum closes for repairs"></head>
            <body><article><h1>Museum closes for repairs</h1><p>\(lead)</p></article></body></html>
            """
        #expect(body(html) == lead.trimmingSuffix())
    }

    /// A feed item's content has no page around it: all of it is the story.
    @Test func fragmentIsReadWholeCaptionsIncluded() {
        let html = """
            <p>The council approved the budget.</p><script>track();</script>
            <figure><img src="a.jpg"><figcaption>Council members vote.</figcaption></figure>
            <div class="share-tools"><p>Share this story with your friends.</p></div>
            """
        let story = HTMLReader().read(Array(html.utf8))
        #expect(story.body == "The council approved the budget.\n\nCouncil members vote.\n\nShare this story with your friends.")
        #expect(!story.titleIsHeadline)
    }

    @Test(arguments: ["By Phil Helsel", "Nov. 19, 2019, 8:41 AM UTC", "05/10/2018 - Posted by Clarissa Borba - Health",
                      "By admin - 2018-09-16", "Monday November 18, 2019 7:45 am PST by Joe Rossignol"])
    func bylineAndTimestampLinesAboveTheStoryAreLeftOut(_ line: String) {
        let lead = String(repeating: "The committee heard testimony from two officials on Tuesday. ", count: 3)
        #expect(body("<article><div>\(line)</div><p>\(lead)</p><p>\(lead)</p></article>").hasPrefix("The committee"))
    }

    @Test(arguments: ["The Senate voted on Nov. 19, 2019 to pass the bill.", "By the time polls closed, turnout was high"])
    func aShortLeadSentenceIsNotTakenForAByline(_ line: String) {
        let lead = String(repeating: "The committee heard testimony from two officials on Tuesday. ", count: 3)
        #expect(body("<article><p>\(line)</p><p>\(lead)</p><p>\(lead)</p></article>").hasPrefix(line))
    }

    @Test func threeLinkLinesInsideTheStoryAreALinkListButTwoAreNot() {
        let lead = String(repeating: "The deals below are available today only, while stocks last. ", count: 3)
        let two = "<p><a href=\"/a\">Get it at Walmart for $199</a></p><p><a href=\"/b\">Get it at Amazon for $189</a></p>"
        let three = "<p><a href=\"/c\">China furious at Macron</a></p><p><a href=\"/d\">Lakers vs Nets decision</a></p><p><a href=\"/e\">Military threat</a></p>"
        let text = body("<article><p>\(lead)</p>\(two)<p>\(lead)</p>\(three)<p>\(lead)</p></article>")
        #expect(text.contains("Get it at Walmart"))
        #expect(!text.contains("China furious"))
    }

    @Test(arguments: ["Advertisement", "ADVERTISEMENT", "Advert", "Anzeige", "Loading..."])
    func advertisementAndLoadingLabelsAreLeftOut(_ label: String) {
        let lead = String(repeating: "The storm moved east overnight, leaving snow behind it. ", count: 3)
        #expect(body("<article><p>\(lead)</p><div>\(label)</div><p>\(lead)</p></article>") == lead.trimmingSuffix() + "\n\n" + lead.trimmingSuffix())
    }

    /// Old sites lay pages out in tables: the cell of the story is a column, the story.
    @Test func storyInALayoutTableCellIsReadWithoutTheOtherColumns() {
        let lead = "The flood waters that covered the valley for a week have started to recede, officials said on Monday."
        let html = """
            <table><tr><td><a href="/">Home</a><br><a href="/news">News</a><br><a href="/weather">Weather</a></td>
            <td>\(lead)<br><br>\(lead)<br><br>\(lead)</td><td><b>Ads</b><br><a href="/x">Buy a boat</a></td></tr></table>
            """
        #expect(body(html) == [lead, lead, lead].joined(separator: "\n\n"))
    }

    @Test func aPageWithoutProseKeepsItsShortTextButNotItsFurniture() {
        let html = "<body><nav><a href=\"/\">Home</a></nav><div><p>Results: 3-1.</p></div><footer>(c) 2019</footer></body>"
        #expect(body(html) == "Results: 3-1.")
    }
}

private extension String {
    func trimmingSuffix() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
