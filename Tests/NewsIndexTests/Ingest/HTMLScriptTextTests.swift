@testable import NewsIndex
import Testing

/// Scripts and style sheets are cut out before parsing, exactly where libxml2 would read
/// them as script text, and nowhere else.
@Suite struct HTMLScriptTextTests {
    private func removed(_ page: String) -> String {
        String(decoding: HTMLScriptText.removed(from: Array(page.utf8)), as: UTF8.self)
    }

    @Test func scriptAndStyleTextIsCut() {
        #expect(removed("<p>a</p><script>var x = '<p>b</p>';</script><style>p{color:red}</style><p>c</p>")
            == "<p>a</p><script></script><style></style><p>c</p>")
    }

    @Test func scriptTextEndsAtTheFirstClosingTagInAnyCase() {
        #expect(removed("<SCRIPT type=text/javascript>document.write('<div>')</ScRiPt ><p>x</p>")
            == "<SCRIPT type=text/javascript></ScRiPt ><p>x</p>")
    }

    @Test func jsonLDStays() {
        let page = #"<script type="application/ld+json">{"headline": "Kursk"}</script>"#
        #expect(removed(page) == page)
    }

    @Test func aScriptThatNeverClosesRunsToTheEnd() {
        #expect(removed("<p>a</p><script>if (a < b) { x() }") == "<p>a</p><script>")
    }

    @Test(arguments: [
        "<!-- <script> --><p>kept</p><!-- </script> -->",
        #"<a title="<script>">kept</a><p>kept</p></script>"#,
        "<scripts>kept</scripts>",
        "<script/><p>kept</p></script>",
        "<!-- never closed <script>kept</script>",
    ])
    func scriptTagsThatAreNotScriptsStay(_ page: String) {
        #expect(removed(page) == page)
    }

    @Test func theStoryReadsTheSameWithoutItsScripts() {
        let page = """
            <html><head><title>Talks in Kursk</title><script>var s = "<p>not the story, a script's string</p>";</script>
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-08-12"}</script></head>
            <body><article><p>The foreign minister met his counterpart in Kursk on Monday, officials said.</p>
            <script>document.write("<p>written by a script</p>")</script>
            <p>The talks, the first since the spring, lasted three hours and ended without a statement.</p></article></body></html>
            """
        let story = HTMLReader().read(Array(page.utf8))
        #expect(!story.body.contains("script"))
        #expect(story.body.contains("three hours"))
        #expect(story.date != nil)
    }
}
