import NewsIndex

/// The HTML pages, rendered on the server: they work with JavaScript off, take one
/// stylesheet from this server and nothing from elsewhere, and every value from a story is
/// escaped (`HTML`).
enum Pages {
    /// The frame every page shares: landmarks, the search box, `lang`, the stylesheet.
    static func layout(title: String, query: String = "", parameters: QueryString = QueryString(), body: HTML) -> HTML {
        let any = parameters["any"] == "1"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <link rel="stylesheet" href="/static/style.css">
            <link rel="icon" type="image/svg+xml" href="/static/icon.svg">
            <link rel="search" type="application/opensearchdescription+xml" title="newsidx" href="/opensearch.xml">
            </head>
            <body>
            <a class="skip" href="#main">Skip to results</a>
            <header>
            <form role="search" action="/search" method="get">
            <a class="brand" href="/">newsidx</a>
            <label for="q" class="visually-hidden">Search the archive</label>
            <input id="q" name="q" type="search" value="\(query)" placeholder="Lavrov Kursk" maxlength="1000" required>
            <label class="any"><input type="checkbox" name="any" value="1"\(any ? HTML(stringLiteral: " checked") : HTML.empty)> any word</label>
            <button type="submit">Search</button>
            </form>
            </header>
            <main id="main">
            \(body)
            </main>
            <footer><p><a href="/api/stats">API</a> · <a href="/openapi.json">OpenAPI</a></p></footer>
            </body>
            </html>

            """
    }

    static func home(stories: Int, span: ClosedRange<StoryDate>?) -> HTML {
        var spanText: HTML = "undated"
        if let span {
            let (a, b) = (span.lowerBound.description, span.upperBound.description)
            spanText = "from <time datetime=\"\(a)\">\(a)</time> to <time datetime=\"\(b)\">\(b)</time>"
        }
        return layout(title: "newsidx", body: """
            <h1>Search the archive</h1>
            <p class="summary">\(stories) \(stories == 1 ? "story" : "stories"), \(spanText).</p>
            <p class="hint">Words must all occur unless you tick <em>any word</em>. Quotes find a phrase (<code>"foreign minister"</code>), <code>-word</code> leaves stories out, <code>title:</code>, <code>source:</code>, <code>place:</code> and <code>date:2025-10</code> narrow.</p>
            """)
    }

    /// A page for what went wrong that the user can mend: a hint, never a trace.
    static func problem(title: String, message: String, query: String = "", parameters: QueryString = QueryString()) -> HTML {
        layout(title: "\(title) · newsidx", query: query, parameters: parameters, body: """
            <h1>\(title)</h1>
            <p class="problem" role="alert">\(message)</p>
            <p><a href="/">Back to the search page</a></p>
            """)
    }

    static func results(_ p: SearchParameters, _ outcome: SearchOutcome, query: QueryString) -> HTML {
        var body: HTML = "<h1 class=\"visually-hidden\">Results</h1>\n"
        if let note = outcome.note {
            body += "<p class=\"note\" role=\"status\">Your query was read as plain words: \(note.description).</p>\n"
        }
        if let suggestion = outcome.suggestion {
            let link = "/search?" + query.setting("q", suggestion).setting("page", nil).encoded
            body += "<p class=\"suggestion\">Did you mean <a href=\"\(link)\">\(suggestion)</a>?</p>\n"
        }
        body += activeFilters(p, query: query)
        let count = outcome.totalHitsIsExact ? "\(outcome.totalHits)" : "at least \(outcome.totalHits)"
        body += "<p class=\"summary\" role=\"status\">\(count) \(outcome.totalHits == 1 ? "story" : "stories") · \(formatMilliseconds(outcome.tookMilliseconds)) ms"
        body += sortLinks(p, query: query) + "</p>\n"
        body += "<div class=\"columns\">\n<section class=\"hits\" aria-label=\"Stories\">\n"
        if outcome.hits.isEmpty {
            body += "<p>No story matches. Try fewer words, or tick <em>any word</em>.</p>\n"
        } else {
            body += "<ol class=\"hits\" start=\"\(p.offset + 1)\">\n"
            for hit in outcome.hits { body += self.hit(hit, query: p.query) }
            body += "</ol>\n"
        }
        body += pagination(p, outcome, query: query)
        body += "</section>\n"
        if let facets = outcome.facets { body += self.facets(facets, matches: outcome.totalHits, query: query) }
        body += "</div>\n"
        return layout(title: "\(p.query) · newsidx", query: p.query, parameters: query, body: body)
    }

    /// The narrowing in force (source, place, language, period), each a link that removes it.
    static func activeFilters(_ p: SearchParameters, query: QueryString) -> HTML {
        var chips: [HTML] = []
        let base = query.setting("page", nil)
        if let source = p.source {
            chips.append("<a href=\"/search?\(base.setting("source", nil).encoded)\" aria-label=\"Remove source \(source)\">source: \(source) ✕</a>")
        }
        if let place = p.place {
            chips.append("<a href=\"/search?\(base.setting("place", nil).encoded)\" aria-label=\"Remove place \(place)\">place: \(place) ✕</a>")
        }
        if let language = p.language {
            chips.append("<a href=\"/search?\(base.setting("lang", nil).encoded)\" aria-label=\"Remove language \(language)\">language: \(language) ✕</a>")
        }
        if p.since != nil || p.until != nil {
            let period = p.since == p.until ? (p.since ?? "") : "\(p.since ?? "…") to \(p.until ?? "…")"
            chips.append("<a href=\"/search?\(base.setting("since", nil).setting("until", nil).encoded)\" aria-label=\"Remove dates \(period)\">dates: \(period) ✕</a>")
        }
        guard !chips.isEmpty else { return .empty }
        return "<p class=\"filters\">Narrowed to " + join(chips, " ") + "</p>\n"
    }

    static func sortLinks(_ p: SearchParameters, query: QueryString) -> HTML {
        var out: HTML = " · sort: "
        for (i, order) in SortOrder.allCases.enumerated() {
            if i > 0 { out += " " }
            if order == p.sort {
                out += "<strong aria-current=\"true\">\(order.rawValue)</strong>"
            } else {
                out += "<a href=\"/search?\(query.setting("sort", order.rawValue).setting("page", nil).encoded)\">\(order.rawValue)</a>"
            }
        }
        return out
    }

    static func hit(_ h: ShownHit, query: String) -> HTML {
        let story = h.stored.story
        let link = "/story/\(h.stored.id)?q=" + QueryString.encode(query)
        var meta: [HTML] = []
        if let d = story.date { meta.append("<time datetime=\"\(d.description)\">\(d.description)</time>") }
        if let s = story.source { meta.append("<span class=\"source\">\(s)</span>") }
        if let p = story.place { meta.append("<span class=\"place\">\(p)</span>") }
        if let b = story.byline { meta.append("<span class=\"byline\">\(b)</span>") }
        if let url = story.url, WebLink.isWeb(url) {
            meta.append("<a class=\"url\" href=\"\(url)\" rel=\"noopener noreferrer\">original</a>")
        }
        var out: HTML = "<li class=\"hit\"\(languageAttribute(story))>\n<h2><a href=\"\(link)\">\(story.title.isEmpty ? h.stored.path : story.title)</a></h2>\n"
        out += "<p class=\"meta\">" + join(meta, " · ") + "</p>\n"
        let fragments = h.snippet.fragments.isEmpty ? [SnippetFragment(text: h.snippet.text, highlights: h.snippet.highlights, storyRange: 0..<0)] : h.snippet.fragments
        out += "<p class=\"snippet\">"
        for (i, f) in fragments.enumerated() {
            if i > 0 { out += " <span class=\"gap\">…</span> " }
            out += HTML.marked(f.text, f.highlights)
        }
        out += "</p>\n"
        if !h.similar.isEmpty {
            out += "<details class=\"similar\"><summary>+\(h.similar.count) similar</summary>\n<ul>\n"
            for copy in h.similar {
                out += "<li><a href=\"/story/\(copy.id)?q=\(QueryString.encode(query))\">\(copy.title.isEmpty ? copy.path : copy.title)</a>"
                if let d = copy.date { out += " <time datetime=\"\(d.description)\">\(d.description)</time>" }
                out += "</li>\n"
            }
            out += "</ul>\n</details>\n"
        }
        return out + "</li>\n"
    }

    /// ` lang="ru"`, so that browsers and screen readers take the story's words as its
    /// language's (fonts for Han, hyphenation, pronunciation); nothing when it is unknown.
    static func languageAttribute(_ story: Story) -> HTML {
        guard let code = story.language, code != LanguageTag.undetermined else { return .empty }
        return " lang=\"\(code)\""
    }

    static func pagination(_ p: SearchParameters, _ outcome: SearchOutcome, query: QueryString) -> HTML {
        let shownTo = p.offset + outcome.hits.count
        let hasMore = outcome.hits.count == p.limit && shownTo < outcome.totalHits && p.offset + p.limit <= SearchParameters.maxOffset
        guard p.page > 1 || hasMore else { return .empty }
        var out: HTML = "<nav class=\"pages\" aria-label=\"Pages\">"
        if p.page > 1 {
            out += "<a rel=\"prev\" href=\"/search?\(query.setting("page", p.page == 2 ? nil : String(p.page - 1)).encoded)\">← Previous</a> "
        }
        out += "<span>Page \(p.page)</span>"
        if hasMore {
            out += " <a rel=\"next\" href=\"/search?\(query.setting("page", String(p.page + 1)).encoded)\">Next →</a>"
        }
        return out + "</nav>\n"
    }

    static func facets(_ f: Facets, matches: Int, query: QueryString) -> HTML {
        var out: HTML = "<aside class=\"facets\" aria-label=\"Narrow the search\">\n"
        for (title, name, counts) in [("Sources", "source", f.sources), ("Places", "place", f.places), ("Languages", "lang", f.languages)]
            where !counts.isEmpty && (name != "lang" || counts.count > 1 || query["lang"] != nil) {
            out += "<h2>\(title)</h2>\n<ul class=\"facet\">\n"
            for c in counts {
                let link = "/search?" + query.setting(name, c.value).setting("page", nil).encoded
                out += "<li><a href=\"\(link)\">\(c.value)</a> <span class=\"count\">\(c.count)</span></li>\n"
            }
            out += "</ul>\n"
        }
        if !f.periods.isEmpty {
            let most = max(1, f.periods.map(\.count).max() ?? 1)
            out += "<h2>By \(f.periods[0].value.count == 4 ? "year" : "month")</h2>\n<div class=\"bars\" role=\"list\">\n"
            for c in f.periods {
                let level = c.count == 0 ? 0 : max(1, c.count * 20 / most)
                let label = "\(c.value): \(c.count) \(c.count == 1 ? "story" : "stories")"
                // The list item holds the link (a role on the link itself would hide that it is
                // one), and the link the whole column, so a short bar is as easy to click.
                if c.count > 0 {
                    let link = "/search?" + query.setting("since", c.value).setting("until", c.value).setting("page", nil).encoded
                    out += "<span role=\"listitem\"><a href=\"\(link)\" title=\"\(label)\"><span class=\"bar h\(level)\"></span><span class=\"visually-hidden\">\(label)</span></a></span>\n"
                } else {
                    out += "<span role=\"listitem\" title=\"\(label)\"><span class=\"bar h0\"></span><span class=\"visually-hidden\">\(label)</span></span>\n"
                }
            }
            let (first, last) = (f.periods[0].value, f.periods[f.periods.count - 1].value)
            out += first == last ? "</div>\n<p class=\"fine axis\"><span>\(first)</span></p>\n"
                                 : "</div>\n<p class=\"fine axis\"><span>\(first)</span><span>\(last)</span></p>\n"
        }
        return out + "</aside>\n"
    }

    /// The stored story with the query's words marked, its copies, and where it came from.
    static func story(_ stored: StoredStory, marks: [Range<Int>], cluster: [SimilarStory], query: String) -> HTML {
        let story = stored.story
        var meta: [HTML] = []
        if let d = story.date { meta.append("<time datetime=\"\(d.description)\">\(d.description)</time>") }
        if let s = story.source { meta.append("<span class=\"source\">\(s)</span>") }
        if let p = story.place { meta.append("<span class=\"place\">\(p)</span>") }
        if let b = story.byline { meta.append("<span class=\"byline\">\(b)</span>") }
        var body: HTML = "<article\(languageAttribute(story))>\n<h1>\(story.title.isEmpty ? stored.path : story.title)</h1>\n"
        body += "<p class=\"meta\">" + join(meta, " · ") + "</p>\n"
        if let url = story.url {
            body += WebLink.isWeb(url)
                ? "<p class=\"meta\"><a href=\"\(url)\" rel=\"noopener noreferrer\">\(url)</a></p>\n"
                : "<p class=\"meta\">\(url)</p>\n"
        }
        body += "<div class=\"text\">\n"
        for paragraph in paragraphs(story.body, marks) { body += "<p>" + paragraph + "</p>\n" }
        body += "</div>\n"
        if !cluster.isEmpty {
            body += "<section class=\"similar\" aria-label=\"Copies\"><h2>Copies of this story</h2>\n<ul>\n"
            for copy in cluster {
                body += "<li><a href=\"/story/\(copy.id)\(query.isEmpty ? "" : "?q=" + QueryString.encode(query))\">\(copy.title.isEmpty ? copy.path : copy.title)</a>"
                if let d = copy.date { body += " <time datetime=\"\(d.description)\">\(d.description)</time>" }
                body += "</li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "<p class=\"fine\">Story \(stored.id) · <code>\(stored.path)</code> in <code>\(stored.root)</code></p>\n"
        if !query.isEmpty { body += "<p><a href=\"/search?q=\(QueryString.encode(query))\">← Back to the results</a></p>\n" }
        body += "</article>\n"
        return layout(title: "\(story.title.isEmpty ? stored.path : story.title) · newsidx", query: query, body: body)
    }

    /// The body's paragraphs (split at blank lines), each with its marks.
    static func paragraphs(_ text: String, _ marks: [Range<Int>]) -> [HTML] {
        let scalars = Array(text.unicodeScalars)
        var out: [HTML] = []
        var start = 0, i = 0, m = 0
        func flush(_ end: Int) {
            var local: [Range<Int>] = []
            while m < marks.count && marks[m].upperBound <= end {
                if marks[m].lowerBound >= start { local.append((marks[m].lowerBound - start)..<(marks[m].upperBound - start)) }
                m += 1
            }
            let piece = String(String.UnicodeScalarView(scalars[start..<end]))
            if !piece.allSatisfy(\.isWhitespace) { out.append(HTML.marked(piece, local)) }
        }
        while i < scalars.count {
            if scalars[i] == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                flush(i)
                while i < scalars.count && scalars[i] == "\n" { i += 1 }
                start = i
                continue
            }
            i += 1
        }
        flush(scalars.count)
        return out
    }

    static func join(_ pieces: [HTML], _ separator: HTML) -> HTML {
        var out = HTML.empty
        for (i, p) in pieces.enumerated() {
            if i > 0 { out += separator }
            out += p
        }
        return out
    }

    static func formatMilliseconds(_ ms: Double) -> String {
        let tenths = Int((ms * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
