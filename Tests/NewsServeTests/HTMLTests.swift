import Testing
@testable import NewsServe

/// Every value interpolated into a page is escaped unless it is markup itself.
@Suite struct HTMLTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#39;s"),
        ("plain words", "plain words"),
    ])
    func interpolatedStringsAreEscapedForTextAndAttributes(_ value: String, _ escaped: String) {
        let html: HTML = "<a title=\"\(value)\">\(value)</a>"
        #expect(html.description == "<a title=\"\(escaped)\">\(escaped)</a>")
    }

    @Test func interpolatedHTMLIsKeptAsMarkup() {
        let inner: HTML = "<em>\("a<b")</em>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.description == "<p><em>a&lt;b</em></p>")
    }

    @Test func marksWrapTheirScalarRangesAndEscapeTheRest() {
        let marked = HTML.marked("Lavrov <b> Kursk", [0..<6, 11..<16])
        #expect(marked.description == "<mark>Lavrov</mark> &lt;b&gt; <mark>Kursk</mark>")
    }

    @Test func marksCountUnicodeScalarsNotBytes() {
        #expect(HTML.marked("Über Köln", [5..<9]).description == "Über <mark>Köln</mark>")
    }

    @Test(arguments: [("https://example.com/a", true), ("http://x.org", true), ("HTTPS://X.ORG", true),
                      ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), ("data:text/html,<b>", false),
                      ("/story/1", false), ("https://x.org/a b", false), ("https://x.org/\u{7}", false)])
    func onlyWebURLsBecomeLinks(_ url: String, _ web: Bool) {
        #expect(WebLink.isWeb(url) == web)
    }
}
