import Hummingbird
import NewsIndex

/// The HTML pages: `/`, `/search` and `/story/ID`.
struct PageController: Sendable {
    let context: ServeContext

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.read("/") { _, _ in self.home() }
        router.read("/search") { request, _ in self.search(request) }
        router.read("/story/:id") { request, ctx in self.story(request, id: ctx.parameters.get("id") ?? "") }
    }

    func home() -> Response {
        let reader = context.follower.reader
        return Responses.html(Pages.home(stories: reader.documentCount, span: reader.dateSpan()))
    }

    func search(_ request: Request) -> Response {
        let query: QueryString
        do {
            query = try QueryString(request.uri.query.map { Substring($0) })
        } catch {
            return Responses.html(Pages.problem(title: "Unreadable address", message: "The address's \(error.parameter.map { "parameter \($0)" } ?? "query") is not properly encoded; search again from the box above."), status: .badRequest)
        }
        let typed = query["q"] ?? ""
        let parameters: SearchParameters
        do {
            parameters = try SearchParameters(query, paged: true, today: context.today)
        } catch {
            if error.parameter == "q" && typed.allSatisfy(\.isWhitespace) { return home() }
            return Responses.html(Pages.problem(title: "Cannot search that", message: error.message, query: typed, parameters: query), status: .badRequest)
        }
        do {
            let outcome = try context.search.run(parameters, reader: context.follower.reader, today: context.today)
            return Responses.html(Pages.results(parameters, outcome, query: query))
        } catch {
            switch error {
            case .query(let q):
                return Responses.html(Pages.problem(title: "Nothing to search for", message: Self.hint(q), query: typed, parameters: query), status: .badRequest)
            case .index(let e):
                return Responses.html(Pages.problem(title: "The index cannot be read", message: e.description, query: typed), status: .serviceUnavailable)
            }
        }
    }

    func story(_ request: Request, id: String) -> Response {
        let q = (try? QueryString(request.uri.query.map { Substring($0) }))?["q"] ?? ""
        let reader = context.follower.reader
        guard let number = StoryID.parse(id), let address = reader.address(ofStory: number) else {
            return Responses.html(Pages.problem(title: "No such story", message: "There is no story \(id) in this archive; it may have been removed. Search for it instead.", query: q), status: .notFound)
        }
        do throws(IndexError) {
            let stored = try reader.storedStory(at: address)
            let cluster = try StoryLookup(reader: reader).copies(of: address)
            let marks = q.isEmpty ? [] : StoryMarks.marks(in: stored.story.body, language: stored.story.languageCode,
                                                          query: q, analyzer: try reader.queryAnalyzer(), today: context.today)
            return Responses.html(Pages.story(stored, marks: marks, cluster: cluster, query: q))
        } catch {
            return Responses.html(Pages.problem(title: "The index cannot be read", message: error.description), status: .serviceUnavailable)
        }
    }

    /// What to do about a query that cannot be searched, in a sentence for the page.
    static func hint(_ error: QueryError) -> String {
        switch error {
        case .noSearchableTerms:
            return "The query has no words to search for, only spaces or punctuation (or words too long to be indexed). Type at least one word, e.g. Lavrov Kursk."
        case .syntax(_, let column, _, let message):
            return "\(message) (at column \(column + 1))."
        }
    }
}
