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
              newsidx search --explain "Lavrov Kursk"
              newsidx search --queries queries.tsv --any --limit 1000 --format trec --stats
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, trec
    }

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Rank stories that have any of the words, not only all of them.")
    var any = false

    @Option(name: [.short, .long], help: "How many stories to show (per query).")
    var limit: Int = 10

    @Option(name: .long, help: "Output format: text (default), json (one object per line) or trec (a trec_eval run).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Run a batch of queries in one process: one 'qid<TAB>query' per line.", valueName: "FILE"))
    var queries: String?

    @Flag(name: .long, help: "Print latency figures as one JSON line on stderr: queries, p50_ms, p95_ms, mean_ms.")
    var stats = false

    @Flag(name: .long, help: "Show how each hit's score was made: per term its frequency in headline and body, document frequency, idf, and the story's length norm.")
    var explain = false

    @Argument(help: ArgumentHelp("The words to search for (quote them or not).", valueName: "QUERY"))
    var words: [String] = []

    private var outputFormat: OutputFormat { json ? .json : format }

    func validate() throws {
        if queries == nil && words.isEmpty { throw ValidationError("give a query, e.g. newsidx search \"Lavrov Kursk\"") }
        if queries != nil && !words.isEmpty { throw ValidationError("give either a QUERY or --queries FILE, not both") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if explain && outputFormat == .trec { throw ValidationError("--explain shows in text and json output; a trec run has no room for it") }
    }

    func run() throws {
        try request.run()
    }

    /// What this invocation asks for, as a plain value.
    var request: SearchRequest {
        SearchRequest(index: location.directory, any: any, limit: limit, format: outputFormat,
                      queries: queries, stats: stats, explain: explain, words: words)
    }
}
