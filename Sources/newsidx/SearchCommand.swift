import ArgumentParser
import NewsIndex

/// `newsidx search QUERY`: ranked stories with their best passage.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index: BM25-ranked stories with the best passage highlighted.",
        discussion: """
            The query is analyzed like the stories (case and accents do not matter). Every \
            word must occur unless --any is given. Exit status: 0 with hits, 1 with none, 2 \
            for a usage error or a missing index, 3 when the index cannot be read.

            Examples:
              newsidx search "Lavrov Kursk"
              newsidx search --any Pyongyang Seoul --limit 5
              newsidx search --json lavrov | jq .title
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Rank stories that have any of the words, not only all of them.")
    var any = false

    @Option(name: [.short, .long], help: "How many stories to show.")
    var limit: Int = 10

    @Option(name: .long, help: "Output format: text (default) or json, one object per line.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    @Argument(help: ArgumentHelp("The words to search for (quote them or not).", valueName: "QUERY"))
    var words: [String]

    func validate() throws {
        guard !words.isEmpty else { throw ValidationError("give a query, e.g. newsidx search \"Lavrov Kursk\"") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let text = words.joined(separator: " ")
        let analyzer = Analyzer.standard
        let query: Query
        do {
            query = try QueryParser(analyzer: analyzer).parse(text, mode: any ? .any : .all)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let asJSON = json || format == .json
        let found = try withIndex { () throws(IndexError) -> Bool in
            let reader = try IndexReader(directory: location.directory, analyzer: analyzer)
            let results = try Searcher(reader: reader).search(query, limit: limit)
            let snippets = SnippetBuilder(analyzer: analyzer)
            if !asJSON { Terminal.output(Self.header(results, shown: results.hits.count)) }
            for (i, hit) in results.hits.enumerated() {
                let stored = try reader.storedStory(at: hit.address)
                let snippet = snippets.snippet(of: stored.story.body, terms: results.terms)
                Terminal.output(asJSON
                    ? Self.json(rank: i + 1, hit: hit, stored: stored, snippet: snippet) + "\n"
                    : Self.text(rank: i + 1, hit: hit, stored: stored, snippet: snippet))
            }
            return !results.hits.isEmpty
        }
        if !found { throw CommandFailure(status: .noMatch, message: nil) }
    }

    static func header(_ results: SearchResults, shown: Int) -> String {
        switch results.totalHits {
        case 0: return "no stories match\n"
        case 1: return "1 story matches\n\n"
        default:
            let showing = shown < results.totalHits ? ", showing the best \(shown)" : ""
            return "\(results.totalHits) stories match\(showing)\n\n"
        }
    }

    static func text(rank: Int, hit: ScoredDocument, stored: StoredStory, snippet: Snippet) -> String {
        let story = stored.story
        var meta: [String] = []
        meta.append(story.date?.description ?? "undated")
        if let source = story.source { meta.append(source) }
        meta.append(Terminal.displayPath(stored.root + "/" + stored.path))
        meta.append("score " + Format.fixed(hit.score, 2))
        return "\(rank). " + Terminal.bold(story.title) + "\n"
            + "   " + Terminal.dim(meta.joined(separator: " · ")) + "\n"
            + "   " + highlighted(snippet) + "\n\n"
    }

    /// The snippet with its marked terms in bold on a terminal, plain otherwise.
    static func highlighted(_ snippet: Snippet) -> String {
        guard Terminal.styled, !snippet.highlights.isEmpty else { return snippet.text }
        let scalars = Array(snippet.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var at = 0
        for h in snippet.highlights where h.lowerBound >= at && h.upperBound <= scalars.count {
            out.append(contentsOf: scalars[at..<h.lowerBound])
            out.append(contentsOf: Terminal.bold(String(String.UnicodeScalarView(scalars[h]))).unicodeScalars)
            at = h.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    static func json(rank: Int, hit: ScoredDocument, stored: StoredStory, snippet: Snippet) -> String {
        var o = JSONLine()
        o.add("rank", rank)
        o.add("id", stored.id)
        o.add("root", stored.root)
        o.add("path", stored.path)
        o.add("title", stored.story.title)
        o.add("date", stored.story.date?.description)
        o.add("source", stored.story.source)
        o.add("score", hit.score)
        o.add("snippet", snippet.text)
        o.add("highlights", ranges: snippet.highlights)
        return o.line
    }
}
