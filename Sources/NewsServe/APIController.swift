import Hummingbird
import NewsIndex
import NewsJSON

/// The JSON API: `/api/search`, `/api/story/ID`, `/api/stats` and `/healthz`. Hits carry the
/// keys of `newsidx search --json`, stories those of `extract --json` with where the story
/// lives, stats those of `stats --json`.
struct APIController: Sendable {
    let context: ServeContext

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.read("/api/search") { request, _ in self.search(request) }
        router.read("/api/story/:id") { _, ctx in self.story(id: ctx.parameters.get("id") ?? "") }
        router.read("/api/stats") { _, _ in self.stats() }
        router.read("/healthz") { _, _ in self.health() }
    }

    func search(_ request: Request) -> Response {
        let parameters: SearchParameters
        do {
            let query = try QueryString(request.uri.query.map { Substring($0) })
            do {
                parameters = try SearchParameters(query, paged: false, today: context.today)
            } catch {
                return Responses.jsonError(error.message, status: .badRequest)
            }
        } catch {
            return Responses.jsonError("the \(error.parameter.map { "parameter \($0)" } ?? "query string") is not properly percent-encoded UTF-8", status: .badRequest)
        }
        let outcome: SearchOutcome
        do {
            outcome = try context.search.run(parameters, reader: context.follower.reader, today: context.today)
        } catch {
            switch error {
            case .query(let q): return Responses.jsonError("q: " + Self.message(q), status: .badRequest)
            case .index(let e): return Responses.jsonError(e.description, status: .serviceUnavailable)
            }
        }
        let notes = outcome.note.map { [$0.description] } ?? []
        let feedbackTerms = outcome.feedbackTerms.map(JSONLine.feedbackTerms)
        var o = JSONLine()
        o.add("total_hits", outcome.totalHits)
        o.add("total_hits_exact", outcome.totalHitsIsExact)
        o.add("took_ms", (outcome.tookMilliseconds * 1000).rounded() / 1000)
        o.add("hits", outcome.hits.map { h in
            var hit = JSONLine.hit(rank: h.rank, score: h.hit.score, stored: h.stored, snippet: h.snippet, queryID: nil)
            hit.add("total_hits", outcome.totalHits)
            hit.add("total_hits_exact", outcome.totalHitsIsExact)
            hit.add("cluster", h.cluster)
            hit.add("similar", h.similar.map { JSONLine.storyReference(id: $0.id, root: $0.root, path: $0.path, title: $0.title, date: $0.date) })
            if !notes.isEmpty { hit.add("notes", notes) }
            if let feedbackTerms { hit.add("feedback_terms", feedbackTerms) }
            return hit
        })
        if let f = outcome.facets {
            var facets = JSONLine()
            facets.add("source", f.sources.map { Self.count("value", $0) })
            facets.add("place", f.places.map { Self.count("value", $0) })
            facets.add("lang", f.languages.map { Self.count("value", $0) })
            facets.add("date", f.periods.map { Self.count("period", $0) })
            o.add("facets", facets)
        } else {
            o.add("facets", nil as String?)
        }
        o.add("suggestion", outcome.suggestion)
        if !notes.isEmpty { o.add("notes", notes) }
        if let feedbackTerms { o.add("feedback_terms", feedbackTerms) }
        return Responses.json(o.line)
    }

    static func count(_ key: String, _ c: Facets.Count) -> JSONLine {
        var o = JSONLine()
        o.add(key, c.value)
        o.add("count", c.count)
        return o
    }

    static func message(_ error: QueryError) -> String {
        switch error {
        case .noSearchableTerms: return "the query has no words to search for (only spaces or punctuation, or words longer than 255 bytes, which are not indexed); give at least one word"
        case .syntax(_, let column, _, let message): return "\(message) (at column \(column + 1))"
        }
    }

    func story(id: String) -> Response {
        let reader = context.follower.reader
        guard let number = StoryID.parse(id), let address = reader.address(ofStory: number) else {
            return Responses.jsonError("no story \(id) in this archive", status: .notFound)
        }
        do throws(IndexError) {
            let stored = try reader.storedStory(at: address)
            let lookup = StoryLookup(reader: reader)
            var o = JSONLine.story(stored.story, path: stored.path, format: Self.format(ofPath: stored.path))
            o.add("id", stored.id)
            o.add("root", stored.root)
            o.add("cluster", try lookup.clusterID(of: address))
            o.add("similar", try lookup.copies(of: address).map {
                JSONLine.storyReference(id: $0.id, root: $0.root, path: $0.path, title: $0.title, date: $0.date)
            })
            return Responses.json(o.line)
        } catch {
            return Responses.jsonError(error.description, status: .serviceUnavailable)
        }
    }

    /// The format a stored story was read from, as far as its file name tells (the XML
    /// formats are told apart by their content, which the index does not keep).
    static func format(ofPath path: String) -> String? {
        var name = path.lowercased()
        if let item = name.firstIndex(of: "#") { name = String(name[..<item]) }
        if name.hasSuffix(".gz") { name = String(name.dropLast(3)) }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return "html" }
        if name.hasSuffix(".txt") || name.hasSuffix(".text") { return "text" }
        return nil
    }

    func stats() -> Response {
        let reader = context.follower.reader
        do throws(IndexError) {
            return Responses.json(try JSONLine.stats(of: reader).line)
        } catch {
            return Responses.jsonError(error.description, status: .serviceUnavailable)
        }
    }

    func health() -> Response {
        if let failure = context.follower.lastFailure {
            return Responses.body("index unreadable: \(failure.description)\n", type: "text/plain; charset=utf-8", status: .serviceUnavailable)
        }
        return Responses.body("ok\n", type: "text/plain; charset=utf-8")
    }
}
