import NewsIndex
import Testing

/// Broken, hostile or empty pages give a defined story, never a crash, a hang or memory out
/// of proportion.
@Suite struct HTMLBadInputTests {
    private func read(_ html: String) -> Story {
        HTMLReader().read(Array(html.utf8))
    }

    @Test(arguments: [
        "<html><body><p>Half a sto",
        "<html><body><p class=\"art",
        "<html><body><p>Text</p><div",
        "<html><head><title>Unclosed",
        "<html><body><!-- comment never closed <p>Text</p>",
        "<html><body><script>var a = '<p>not text</p>",
    ])
    func truncatedPagesGiveADefinedStory(_ html: String) {
        let story = read(html)
        #expect(!story.body.contains("<"))
    }

    @Test func tagSoupKeepsItsText() {
        let story = read("<html><body><p>One <b>two <i>three</b> four</i> <div>five<p>six</table></span>seven</body>")
        for word in ["One", "two", "three", "four", "five", "six", "seven"] { #expect(story.body.contains(word)) }
    }

    @Test func manyParagraphsAreReadInProportion() {
        let paragraph = "<p>A paragraph of the story, with commas, and enough words to count as prose.</p>"
        let story = read("<html><body><article>" + String(repeating: paragraph, count: 20_000) + "</article></body></html>")
        #expect(story.body.utf8.count > 20_000 * 70)
    }

    @Test func manyRunsOfLinksAreReadInProportion() {
        let html = "<html><body>" + String(repeating: "<p><a href=\"/x\">A link</a></p><p>A word.</p>", count: 20_000) + "</body></html>"
        _ = read(html)
    }

    @Test func hugeClassAttributeIsJudgedOnce() {
        let html = "<html><body><div class=\"" + String(repeating: "share-comment ", count: 50_000)
            + "\"><p>Boxed text.</p></div><p>The story text is here, and it reads as prose.</p></body></html>"
        #expect(read(html).body == "The story text is here, and it reads as prose.")
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000),
        "{\"@type\":\"NewsArticle\",\"headline\":\"" + String(repeating: "a", count: 3_000_000) + "\"}",
        "{\"@type\":\"NewsArticle\",\"headline\":",
        "not json at all",
    ])
    func malformedOrHugeJSONLDIsIgnored(_ json: String) {
        let story = read("<html><head><script type=\"application/ld+json\">\(json)</script><title>Page title</title></head><body><p>Text.</p></body></html>")
        #expect(story.title == "Page title")
        #expect(story.body == "Text.")
    }

    @Test func deeplyNestedTablesAndListsGiveADefinedStory() {
        let html = "<html><body>" + String(repeating: "<table><tr><td><ul><li>", count: 2_000) + "deep text" + "</body></html>"
        _ = read(html)
    }

    @Test(arguments: ["", "<html></html>", "<html><body></body></html>", "<body><p> \n\t </p></body>", "<script>x</script>"])
    func pagesWithoutTextHaveAnEmptyBody(_ html: String) {
        #expect(read(html).body.isEmpty)
    }

    @Test func invalidUTF8EverywhereGivesADefinedStory() {
        var bytes: [UInt8] = Array("<html><head><title>".utf8)
        for i in 0..<4_000 { bytes.append(UInt8(0x80 + i % 128)) }
        bytes += Array("</title></head><body><p>".utf8)
        for i in 0..<4_000 { bytes.append(UInt8(0xC0 + i % 64)) }
        bytes += Array("</p></body></html>".utf8)
        let story = HTMLReader().read(bytes)
        #expect(!story.body.isEmpty)
        #expect(!story.title.isEmpty)
    }
}
