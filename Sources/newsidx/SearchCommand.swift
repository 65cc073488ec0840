import ArgumentParser
import NewsIndex

/// `newsidx search QUERY`: ranked stories with their best passage.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index: BM25-ranked stories with the best passage highlighted.",
        discussion: """
            Copies of one story — republished by other outlets, updated, saved again — are \
            shown as one hit: the best-ranked copy, with "+N similar" and the others listed \
            under it (the first three; --expand lists all; in JSON every hit has "cluster" and \
            "similar"). --no-collapse shows each copy as a hit of its own. newsidx dups lists \
            the clusters.

            The query is analyzed like the stories (case, accents and word endings do not \
            matter). Every word must occur unless --any is given. Exit status: 0 when stories \
            match, 1 when none do, 2 for a usage error, a query with nothing to search for \
            (or a malformed one with --strict) or a missing index, 3 when the index cannot be \
            read.

            Query language:
              lavrov kursk              both words (--any: either; more ranks higher)
              "foreign minister"        an exact phrase
              "lavrov choe"~3           the words in order, at most 3 other words between
              NEAR(lavrov kursk, 5)     at most 5 words apart, any order (default 10)
              a AND b   a OR b   NOT a   -a   +a   ( )
                                        operators in capitals; OR binds loosest, so
                                        "a b OR c" means (a AND b) OR c; +a requires a
                                        word under --any; -a and NOT a leave stories out
              kurs*                     words starting with kurs (two letters at least)
              title:kursk               in the headline (also title:"…", title:(a OR b))
              source:yonhap             agency or site; also byline:NAME, place:CITY
              lang:ko                   stories in a language (as --lang; und: unknown)
              path:text/                paths (below the corpus root) starting so
              date:2025-10-27  date:2025-10  date:2025  date:2025-10-01..2025-10-31
              date:..2025-10-31  date:2025-10-20..  date:7d
                                        a day, month, year or range; stories without a
                                        date never match
            Fields, dates and paths only filter (also under --any), adding no score.
            A query in capitals has no operators: in PRESIDENT WILL NOT ATTEND SUMMIT, NOT \
            is a word (every cased letter outside AND, OR, NOT and NEAR is a capital; \
            quotes, -, +, fields and * keep their meaning).
            A query that breaks these rules (a stray quote, an unbalanced bracket, an \
            unknown field such as "Plan:" in a pasted headline) is searched as its plain \
            words, with one line on stderr: "newsidx: note: unbalanced quote at column 48 \
            ignored; searched as plain words" (in JSON, "notes" on each hit). A date that \
            does not exist (date:2025-13-45) is an error, exit status 2. --strict makes \
            every fault an error: the query is shown with a caret under it, exit status 2.
            When a query finds fewer than 3 stories and a word looks misspelled, a \
            correction from the index's vocabulary is printed on stderr: "did you mean: \
            lavrov" (for a --queries batch only with --suggest).

            --feedback searches twice: the words of the best stories (--feedback-docs, \
            default 10) are added to the query (the --feedback-terms heaviest, default 10), \
            the query keeping --feedback-weight of the weight (default 0.5); the line under \
            the header says which (in JSON: "feedback_terms"). --feedback auto adds them only \
            where the best stories score alike, not where one stands out. Without --any every \
            story found still has every query word.

            On a terminal each hit shows its rank, title, date, source, URL or file, and a \
            snippet of about --snippet-words words (default 30) in up to three passages, the \
            query's words highlighted (no colours when NO_COLOR is set; CLICOLOR_FORCE=1 \
            forces them through a pipe). The line above the hits gives how many stories \
            match ("at least N" when the search stopped counting early) and the time taken.

            Examples (on the shipped Corpus/):
              newsidx search "Lavrov Kursk"
              newsidx search Lavrof                  (on stderr: did you mean: lavrov)
              newsidx search 'NEAR(Lavrov Moscow, 3) -Ukraine'
              newsidx search 'source:tass title:(Putin OR Lavrov) date:2017'
              newsidx search '"North Korea" -source:yonhap' --sort newest
              newsidx search 'kurs*' --since 2025-10-01 --until 2025-10-31
              newsidx search --any Pyongyang Seoul --limit 5 --recent
              newsidx search --json lavrov | jq .title
              newsidx search --limit 10 --offset 10 Seoul       # the second page
              newsidx search --count Pyongyang                  # how many stories, exactly
              newsidx search --format paths Kursk | xargs grep -l Lavrov
              newsidx search --explain "Lavrov Kursk"
              newsidx search --any --feedback auto "North Korea troops Russia"
              newsidx search --queries queries.tsv --any --limit 1000 --format trec --stats
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, trec, paths
    }

    /// `--feedback`'s modes.
    enum FeedbackChoice: String, ExpressibleByArgument, CaseIterable {
        case on, auto, off
    }

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Rank stories that have any of the words, not only all of them.")
    var any = false

    @Option(name: [.short, .long], help: "How many stories to show (per query).")
    var limit: Int = 10

    @Option(name: .long, help: "How many of the best stories to pass over before the first shown (for paging).")
    var offset: Int = 0

    @Flag(name: .long, help: "Print only how many stories match, counted exactly (with --json, an object of total_hits and total_hits_exact).")
    var count = false

    @Option(name: .long, help: ArgumentHelp("About how many words each snippet shows, in up to three passages; 0 for none.", valueName: "N"))
    var snippetWords: Int = SnippetBuilder.defaultWordCount

    @Option(name: .long, help: "Output format: text (default), json (one object per line), paths (one absolute file path per line) or trec (a trec_eval run).")
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

    @Option(name: .long, help: ArgumentHelp(
        "Only stories dated from this day on: 2025-10-27, 2025-10, 2025, or 7d, 2w, 3m, 1y back from today. Stories without a date are left out.",
        valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only stories dated up to this day (a month or year: to its end); the same forms as --since.", valueName: "DATE"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only stories in this language: a code such as en, ko, ru or zh (und: stories whose language is unknown); repeat it or separate codes with commas for several.",
        valueName: "CODE"))
    var lang: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Analyse the query as this language only (its stemmer and stop words; und: neither), rather than as every language the index holds stories in.",
        valueName: "CODE"))
    var queryLang: String?

    @Option(name: .long, help: ArgumentHelp(
        "Order: relevance (default, best BM25 first), newest or oldest (by date; stories without a date last).",
        valueName: "ORDER"))
    var sort: SortOrder = .relevance

    @Flag(name: .long, help: "Favour recent stories: scores halve for every --half-life days a story is older than the newest match (default half-life 30 days).")
    var recent = false

    @Option(name: .long, help: ArgumentHelp("The half-life of --recent, in days.", valueName: "DAYS"))
    var halfLife: Double = 30

    @Flag(name: .long, help: "Do not print \"did you mean\" suggestions on stderr.")
    var noSuggest = false

    @Flag(name: .long, help: "Print \"did you mean\" suggestions for a --queries batch too (a single query gets them unless --no-suggest).")
    var suggest = false

    @Flag(name: .long, help: "Refuse a query that breaks the query language's rules (exit status 2, with a caret under the fault) instead of searching its plain words.")
    var strict = false

    @Flag(name: .long, help: "Show copies of a story (republished, updated, re-saved) as hits of their own, instead of one hit per cluster with \"+N similar\".")
    var noCollapse = false

    @Flag(name: .long, help: "List every copy under a hit that stands for its cluster, not only the first three.")
    var expand = false

    @Option(name: .long, help: ArgumentHelp(
        "Pseudo-relevance feedback (RM3): search again with the words of the best stories found. on (also --feedback alone), auto (only where the best stories score alike; where the best one stands out, the query's own words decide) or off (the default).",
        valueName: "MODE"))
    var feedback: FeedbackChoice?

    @Option(name: .long, help: ArgumentHelp("How many of the best stories feedback reads (default 10).", valueName: "N"))
    var feedbackDocs: Int?

    @Option(name: .long, help: ArgumentHelp("How many of their words feedback adds (default 10).", valueName: "N"))
    var feedbackTerms: Int?

    @Option(name: .long, help: ArgumentHelp(
        "The query's own share of the weight after feedback, from 0 to 1 (default 0.5; with auto, its least share).",
        valueName: "W"))
    var feedbackWeight: Double?

    @Argument(help: ArgumentHelp("What to search for, in the query language below (quote it for the shell).", valueName: "QUERY"))
    var words: [String] = []

    private var outputFormat: OutputFormat { json ? .json : format }

    func validate() throws {
        if queries == nil && words.isEmpty { throw ValidationError("give a query, e.g. newsidx search \"Lavrov Kursk\"") }
        if queries != nil && !words.isEmpty { throw ValidationError("give either a QUERY or --queries FILE, not both") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard halfLife > 0 else { throw ValidationError("--half-life must be a positive number of days") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard snippetWords >= 0 else { throw ValidationError("--snippet-words must be 0 or more") }
        if count && (outputFormat == .trec || outputFormat == .paths) {
            throw ValidationError("--count prints a number (or, with --json, an object); it has no \(outputFormat.rawValue) form")
        }
        if count && explain { throw ValidationError("--count prints only the number of matches; --explain needs hits") }
        if suggest && noSuggest { throw ValidationError("give --suggest or --no-suggest, not both") }
        for (flag, given) in [("--feedback-docs", feedbackDocs != nil), ("--feedback-terms", feedbackTerms != nil),
                              ("--feedback-weight", feedbackWeight != nil)] where given && (feedback ?? .off) == .off {
            throw ValidationError("\(flag) tunes feedback, which is off: add --feedback (or --feedback auto)")
        }
        if let n = feedbackDocs, n < 1 { throw ValidationError("--feedback-docs must be at least 1") }
        if let n = feedbackTerms, n < 1 { throw ValidationError("--feedback-terms must be at least 1") }
        if let w = feedbackWeight, !(0...1).contains(w) {
            throw ValidationError("--feedback-weight must be from 0 (only the stories' words) to 1 (only the query's)")
        }
        if explain && (outputFormat == .trec || outputFormat == .paths) {
            throw ValidationError("--explain shows in text and json output; \(outputFormat == .trec ? "a trec run" : "a list of paths") has no room for it")
        }
    }

    func run() throws {
        try request.run()
    }

    /// What this invocation asks for, as a plain value.
    var request: SearchRequest {
        SearchRequest(index: location.directory, any: any, limit: limit, format: outputFormat,
                      queries: queries, stats: stats, explain: explain, words: words, since: since, until: until, languages: lang, queryLanguage: queryLang,
                      sort: sort, recencyHalfLife: recent ? halfLife : nil,
                      suggest: !noSuggest && (suggest || queries == nil), strict: strict,
                      offset: offset, count: count, snippetWords: snippetWords,
                      collapse: !noCollapse, expand: expand,
                      feedback: Self.relevanceModel(feedback, documents: feedbackDocs, terms: feedbackTerms, weight: feedbackWeight))
    }

    /// The relevance model the feedback options ask for, or nil for none.
    static func relevanceModel(_ choice: FeedbackChoice?, documents: Int?, terms: Int?, weight: Double?) -> RelevanceModel? {
        guard let choice, choice != .off else { return nil }
        let defaults = RelevanceModel()
        return RelevanceModel(documents: documents ?? defaults.documents, terms: terms ?? defaults.terms,
                              originalWeight: weight ?? defaults.originalWeight,
                              adaptiveSlope: choice == .auto ? RelevanceModel.autoSlope : nil)
    }

    /// The arguments with `--feedback`'s optional value made explicit for the parser:
    /// `--feedback` alone is `--feedback=on`, and `--feedback on|auto|off` is `--feedback=…`.
    /// Words after `--` are left as they are.
    static func explicitFeedback(_ arguments: [String]) -> [String] {
        guard arguments.first == "search" else { return arguments }
        var out: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                out.append(argument)
                out += rest
                break
            }
            guard argument == "--feedback" else {
                out.append(argument)
                continue
            }
            if let next = rest.first, FeedbackChoice(rawValue: next) != nil {
                out.append("--feedback=" + next)
                rest.removeFirst()
            } else {
                out.append("--feedback=on")
            }
        }
        return out
    }
}

extension SortOrder: ExpressibleByArgument {}
