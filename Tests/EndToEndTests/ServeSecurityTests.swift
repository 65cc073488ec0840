import Foundation
import Testing

/// What keeps `newsidx serve` safe with stories crawled off the open web: the security
/// headers on every response, hostile titles, bylines, bodies and URLs never turned into
/// markup or links, and path parameters that never reach the file system.
@Suite struct ServeSecurityTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    static let script = "<script>alert(1)</script>"
    static let img = "\"><img src=x onerror=alert(1)>"

    /// Stories whose every field carries markup, `javascript:` and `data:` URLs: a wire
    /// story (headline, body), an HTML page (title, author, site name, a javascript:
    /// canonical link; another with a data: og:url) and a feed whose items have
    /// `javascript:`, `data:` and quote-breaking https links and a hostile author.
    /// Every story says "zanzibar".
    func writeHostileCorpus() throws -> String {
        let s = Self.script, i = Self.img
        let es = htmlEscaped(s), ei = htmlEscaped(i)
        try tmp.write("hostile/wire.txt", wireStory(
            "Zanzibar \(s) \(i) ferry",
            "ZANZIBAR, Oct. 27 (Yonhap) -- The zanzibar ferry \(s) report \(i) said javascript:alert(1) and data:text/html,\(s) were found.",
            "More zanzibar text follows, with <a href=\"javascript:alert(1)\">a link</a> and <iframe src=\"data:text/html,x\"></iframe>."))
        try tmp.write("hostile/page.html", """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Zanzibar council \(es) \(ei)</title>
            <meta name="author" content="\(es) \(ei)">
            <meta property="og:site_name" content="\(es)Gazette">
            <link rel="canonical" href="javascript:alert(1)">
            </head><body><article>
            <h1>Zanzibar council \(es) \(ei)</h1>
            <p>The zanzibar council met on Monday, and the minutes, which ran to many pages, recorded that \(es) was typed into the form, along with \(ei) and other strings.</p>
            <p>Zanzibar residents, who had waited for hours, said the council should publish the minutes online, with links such as javascript:alert(1) removed, before the next meeting.</p>
            </article></body></html>

            """)
        try tmp.write("hostile/og.html", """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Zanzibar data link story</title>
            <meta property="og:url" content="data:text/html,\(es)">
            </head><body><article>
            <p>The zanzibar committee met on Tuesday, and the minutes, which ran to many pages, recorded that nothing at all was decided, as usual, by the members present.</p>
            <p>Zanzibar residents, who had waited for hours, said the committee should publish the minutes online, before the next meeting in the spring.</p>
            </article></body></html>

            """)
        try tmp.write("hostile/feed.rss", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(es)Feed</title><link>https://example.org/</link><description>d</description>
            <item><title>Zanzibar javascript link \(es)</title><link>javascript:alert(1)</link><guid>z-1</guid><author>\(es) \(ei)</author><pubDate>Mon, 27 Oct 2025 10:00:00 GMT</pubDate><description>The zanzibar report said many things about the harbour, at length, on Monday.</description></item>
            <item><title>Zanzibar data link</title><link>data:text/html,\(es)</link><guid>z-2</guid><pubDate>Mon, 27 Oct 2025 11:00:00 GMT</pubDate><description>The zanzibar committee said other things about the council, at length, on Monday.</description></item>
            <item><title>Zanzibar quote link</title><link>https://example.org/a"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</link><guid>z-3</guid><pubDate>Mon, 27 Oct 2025 12:00:00 GMT</pubDate><description>The zanzibar mayor said still other things about the port, at length, on Monday.</description></item>
            <item><title>Zanzibar uppercase link</title><link>JaVaScRiPt:alert(1)</link><guid>z-4</guid><pubDate>Mon, 27 Oct 2025 13:00:00 GMT</pubDate><description>The zanzibar harbourmaster said nothing about the weather, at length, on Monday.</description></item>
            </channel></rss>

            """)
        let index = tmp("idx")
        try requireExit(try newsidx(["add", "--index", index, tmp("hostile")]), 0)
        return index
    }

    /// Markup the hostile stories must never become: script, img and iframe elements,
    /// `javascript:` and `data:` links, and event-handler attributes (looked for in the
    /// tags with their quoted values taken out, where escaped text is inert).
    static func markup(in html: String) -> [String] {
        let lower = html.lowercased()
        var found = ["<script", "<img", "<iframe", "href=\"javascript:", "href=\"data:", "href='javascript:", "href=javascript:",
                     "src=\"data:"].filter { lower.contains($0) }
        var at = lower.startIndex
        while let tag = lower.range(of: "<[a-z][^>]*>", options: .regularExpression, range: at..<lower.endIndex) {
            let bare = String(lower[tag]).replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression)
            if bare.range(of: "\\son[a-z]+\\s*=", options: .regularExpression) != nil { found.append("event handler in \(lower[tag])") }
            at = tag.upperBound
        }
        return found
    }

    func hostileIDs(_ server: ServerProcess) throws -> [String] {
        let hits = try server.getJSON("/api/search?q=zanzibar&limit=100")["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { idArgument($0["id"]) }
    }

    @Test(arguments: [
        ("GET", "/"), ("GET", "/search?q=wheat"), ("GET", "/search?q="), ("GET", "/search?q=wheat&sort=x"),
        ("GET", "/story/1"), ("GET", "/story/999999"), ("GET", "/no/such/page"), ("GET", "/api/search?q=wheat"),
        ("GET", "/api/search?q="), ("GET", "/api/story/1"), ("GET", "/api/story/999999"), ("GET", "/api/stats"),
        ("GET", "/api/nothing"), ("GET", "/healthz"), ("GET", "/openapi.json"), ("GET", "/opensearch.xml"),
        ("GET", "/static/style.css"), ("POST", "/api/search?q=wheat"), ("DELETE", "/story/1"), ("HEAD", "/"),
    ])
    func everyResponseCarriesTheSecurityHeaders(_ method: String, _ path: String) throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.request(method, path)
        let csp = reply.header("Content-Security-Policy")
        #expect(csp != nil && csp?.contains("'unsafe-inline'") == false && csp?.contains("'unsafe-eval'") == false, "\(method) \(path)\n\(reply)")
        #expect(reply.header("X-Content-Type-Options") == "nosniff", "\(method) \(path)\n\(reply)")
        #expect(reply.header("Referrer-Policy") == "no-referrer", "\(method) \(path)\n\(reply)")
        #expect(reply.header("X-Frame-Options") == "DENY", "\(method) \(path)\n\(reply)")
        #expect(reply.status < 500, "\(method) \(path)\n\(reply)")
        #expect(server.stop() == 0)
    }

    @Test func hostileStoriesAreNeverMarkupOnTheResultsPages() throws {
        let server = try ServerProcess(index: try writeHostileCorpus())
        let paths = ["/search?q=zanzibar", "/search?q=zanzibar&sort=newest", "/search?q=zanzibar+script+alert&any=1",
                     "/search?q=" + urlEncoded("zanzibar " + Self.script), "/search?q=" + urlEncoded("zanzibar" + Self.img),
                     "/search?q=alert", "/search?q=img+onerror&any=1", "/"]
        for path in paths {
            let page = try server.page(path)
            #expect(Self.markup(in: page).isEmpty, "GET \(path): \(Self.markup(in: page))\n\(page)")
        }
        let page = try server.page("/search?q=zanzibar")
        #expect(hitItems(page).count == 7, "\(page)")
        #expect(page.contains(htmlEscaped(Self.script)), "the text is shown, escaped")
        #expect(server.stop() == 0)
    }

    @Test func hostileStoriesAreNeverMarkupOnTheirStoryPages() throws {
        let server = try ServerProcess(index: try writeHostileCorpus())
        let ids = try hostileIDs(server)
        #expect(ids.count == 7)
        for id in ids {
            for path in ["/story/\(id)", "/story/\(id)?q=zanzibar+script", "/story/\(id)?q=" + urlEncoded(Self.script)] {
                let page = try server.page(path)
                #expect(Self.markup(in: page).isEmpty, "GET \(path): \(Self.markup(in: page))\n\(page)")
            }
        }
        #expect(server.stop() == 0)
    }

    @Test func onlyHTTPURLsBecomeLinksAndTheirQuotesAreEscaped() throws {
        let server = try ServerProcess(index: try writeHostileCorpus())
        let hits = try server.getJSON("/api/search?q=zanzibar&limit=100")["hits"] as? [[String: Any]] ?? []
        let urls = Dictionary(hits.compactMap { h in (h["url"] as? String).map { ($0, idArgument(h["id"]) ?? "") } }, uniquingKeysWith: { a, _ in a })
        // The feed keeps its items' links as written, so the hostile ones do reach the index.
        #expect(urls.keys.contains("javascript:alert(1)") && urls.keys.contains("data:text/html," + Self.script), "\(urls.keys)")
        for (url, id) in urls {
            let page = try server.page("/story/\(id)")
            let links = hrefs(page)
            if url.hasPrefix("https:") {
                #expect(page.contains("href=\"\(htmlEscaped(url))\" rel=\"noopener noreferrer\""), "\(page)")
            } else {
                #expect(!links.contains { $0.lowercased().hasPrefix("javascript:") || $0.lowercased().hasPrefix("data:") }, "\(links)")
            }
        }
        let results = try server.page("/search?q=zanzibar&limit=100")
        for link in hrefs(results) {
            #expect(link.hasPrefix("/") || link.hasPrefix("#") || link.hasPrefix("https://example.org/a&quot;"), "\(link)")
        }
        #expect(server.stop() == 0)
    }

    @Test func hostileStoriesAreEscapedJSONInTheAPI() throws {
        let server = try ServerProcess(index: try writeHostileCorpus())
        var replies = [try server.get("/api/search?q=zanzibar&limit=100&facets=1")]
        for id in try hostileIDs(server) { replies.append(try server.get("/api/story/\(id)")) }
        var texts: [String] = []
        func strings(_ v: Any) {
            switch v {
            case let s as String: texts.append(s)
            case let a as [Any]: a.forEach(strings)
            case let o as [String: Any]: o.values.forEach(strings)
            default: break
            }
        }
        for reply in replies {
            #expect(reply.header("Content-Type") == "application/json", "\(reply)")
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
            let value = try #require(try? JSONSerialization.jsonObject(with: reply.body), "\(reply)")
            strings(value)
        }
        // The hostile text comes back as the very strings indexed: data, not markup.
        #expect(texts.contains { $0.contains(Self.script) } && texts.contains { $0.contains(Self.img) })
        #expect(texts.contains("javascript:alert(1)"))
        #expect(server.stop() == 0)
    }

    @Test func theQueryIsEscapedWhereverThePageShowsIt() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let typed = "wheat \(Self.script) \(Self.img) \" onfocus=\"alert(1)"
        for path in ["/search?q=" + urlEncoded(typed), "/search?q=" + urlEncoded(typed) + "&sort=bogus",
                     "/search?q=" + urlEncoded("\"" + Self.script), "/story/1?q=" + urlEncoded(typed),
                     "/story/999999?q=" + urlEncoded(typed), "/story/" + urlEncoded(Self.script)] {
            let reply = try server.get(path)
            #expect(Self.markup(in: reply.text).isEmpty, "GET \(path)\n\(reply)")
            #expect(!reply.text.contains("\" onfocus=\""), "GET \(path)\n\(reply)")
        }
        #expect(server.stop() == 0)
    }

    @Test func theOpenSearchDescriptionDoesNotEchoAHostileHost() throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.request("GET", "/opensearch.xml", headers: [("Host", "\"><script>alert(1)</script>")])
        #expect(!reply.text.contains("<script"), "\(reply)")
        #expect(server.stop() == 0)
    }

    @Test(arguments: [
        "/story/..%2f..%2fetc%2fpasswd", "/story/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/story/../../etc/passwd",
        "/api/story/..%2f..%2fetc%2fpasswd", "/api/story/%2fetc%2fpasswd", "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/story/1/../../../etc/passwd",
        "/static/style.css/..%2f..%2fPackage.swift",
    ])
    func pathParametersNeverReachTheFileSystem(_ path: String) throws {
        let server = try ServerProcess(index: try indexServeCorpus(in: tmp))
        let reply = try server.get(path)
        #expect(reply.status == 404, "GET \(path)\n\(reply)")
        #expect(!reply.text.contains("root:x:0:0") && !reply.text.contains("PackageDescription"), "GET \(path)\n\(reply)")
        #expect(server.stop() == 0)
    }
}
