@testable import NewsIndex
import Testing

/// The story's object is found in JSON-LD however publishers arrange it.
@Suite struct HTMLJSONLDTests {
    /// Yoast SEO's shape: one `@graph` with the site, the page, breadcrumbs and the article.
    static let yoastGraph = """
        {"@context":"https://schema.org","@graph":[
          {"@type":"Organization","@id":"https://example.com/#organization","name":"Example Media"},
          {"@type":"WebSite","@id":"https://example.com/#website","name":"Example"},
          {"@type":"WebPage","@id":"https://example.com/2019/11/story/#webpage","url":"https://example.com/2019/11/story/"},
          {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home"}]},
          {"@type":"Article","headline":"Graph headline","datePublished":"2019-11-18T10:00:00+00:00",
           "author":{"@type":"Person","name":"Pat Lee"},"publisher":{"@id":"https://example.com/#organization","name":"Example Media"},
           "mainEntityOfPage":{"@id":"https://example.com/2019/11/story/#webpage"},"inLanguage":"en-US"}
        ]}
        """

    @Test func articleInAGraphIsFound() {
        let ld = HTMLJSONLD(blocks: [Self.yoastGraph])
        #expect(ld.headline == "Graph headline")
        #expect(ld.datePublished == "2019-11-18T10:00:00+00:00")
        #expect(ld.authors == ["Pat Lee"])
        #expect(ld.publisher == "Example Media")
        #expect(ld.url == "https://example.com/2019/11/story/#webpage")
        #expect(ld.language == "en-US")
    }

    @Test func articleInAnArrayOfObjectsIsFound() {
        let ld = HTMLJSONLD(blocks: [#"[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"In a list"}]"#])
        #expect(ld.headline == "In a list")
    }

    @Test(arguments: ["NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                      "LiveBlogPosting", "http://schema.org/NewsArticle", "schema:TechArticle"])
    func articleTypesAreRecognised(_ type: String) {
        #expect(HTMLJSONLD.isArticleType(type))
    }

    @Test(arguments: ["WebPage", "Organization", "BreadcrumbList", "Person", "VideoObject", ""])
    func otherTypesAreNotArticles(_ type: String) {
        #expect(!HTMLJSONLD.isArticleType(type))
    }

    @Test func malformedBlockIsIgnoredAndTheNextIsRead() {
        let ld = HTMLJSONLD(blocks: [
            #"{ "@type" : "Organization", //"Person" "name": "x" }"#,
            #"{"@type":"NewsArticle","headline":"Second block"}"#,
        ])
        #expect(ld.headline == "Second block")
    }

    @Test func pageWithoutAnArticleObjectHasNoFields() {
        let ld = HTMLJSONLD(blocks: [#"{"@type":"WebSite","name":"Site","headline":"not an article"}"#])
        #expect(ld.headline == nil)
        #expect(ld.authors.isEmpty)
    }

    @Test func authorsAreNamesPeopleOrOrganisationsWithoutAddresses() {
        let ld = HTMLJSONLD(blocks: [#"""
            {"@type":"NewsArticle","author":["Ann  Writer",{"@type":"Person","name":"Bo Smith"},
            {"@type":"Organization","name":"Reuters"},"https://example.com/staff/cy", "Ann  Writer"]}
            """#])
        #expect(ld.authors == ["Ann Writer", "Bo Smith", "Reuters"])
    }
}
