import NewsIndex

/// Recognises the common shapes of `newsidx search` without swift-argument-parser.
///
/// A search is a short-lived process, and the parser's start-up (runtime reflection over
/// every command's options) cost more than the query itself. This reads only the plainest
/// forms — the search options with a separate or `=` value, and words — and declines
/// anything else (help, unknown or repeated options, a missing value, a query that fails
/// validation), which then goes through `SearchCommand` as usual, so help and error
/// messages have one source. A test checks that both read every accepted form alike.
///
/// It keeps to arrays and plain values: the first `Set<String>` or `Dictionary` a process
/// builds makes the Swift runtime scan every protocol conformance in the binary (thousands,
/// with the stdlib and FoundationEssentials linked in) to find `String: Hashable`, which
/// cost a search process about 230,000 instructions here.
enum SearchFastPath {
    /// The request, or nil to let the full parser handle these arguments.
    static func parse(_ arguments: [String]) -> SearchRequest? {
        guard arguments.first == "search" else { return nil }
        var index: String?
        var any = false, json = false, stats = false, count = false, noCollapse = false, expand = false
        var strict = false, suggest = false, noSuggest = false
        var limit: Int?
        var offset = 0, snippetWords = SnippetBuilder.defaultWordCount
        var format: SearchCommand.OutputFormat?
        var queries: String?
        var feedback: SearchCommand.FeedbackChoice?
        var feedbackDocs: Int?, feedbackTerms: Int?
        var feedbackWeight: Double?
        var words: [String] = []
        var seen: [String] = []
        var rest = arguments.dropFirst()[...]
        var onlyWords = false
        while let argument = rest.popFirst() {
            if onlyWords || !argument.hasPrefix("-") || argument == "-" {
                words.append(argument)
                continue
            }
            if argument == "--" {
                onlyWords = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inlineValue = String(argument[argument.index(after: eq)...])
            }
            if name == "-l" { name = "--limit" }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            func value() -> String? {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
                return next
            }
            switch name {
            case "--any", "--json", "--stats", "--count", "--no-collapse", "--expand", "--strict", "--suggest", "--no-suggest":
                guard inlineValue == nil else { return nil }
                switch name {
                case "--any": any = true
                case "--strict": strict = true
                case "--suggest": suggest = true
                case "--no-suggest": noSuggest = true
                case "--json": json = true
                case "--stats": stats = true
                case "--no-collapse": noCollapse = true
                case "--expand": expand = true
                default: count = true
                }
            case "--index":
                guard let v = value() else { return nil }
                index = v
            case "--limit":
                guard let v = value(), let n = Int(v), n > 0 else { return nil }
                limit = n
            case "--offset":
                guard let v = value(), let n = Int(v), n >= 0 else { return nil }
                offset = n
            case "--snippet-words":
                guard let v = value(), let n = Int(v), n >= 0 else { return nil }
                snippetWords = n
            case "--format":
                guard let v = value(), let f = SearchCommand.OutputFormat(rawValue: v) else { return nil }
                format = f
            case "--queries":
                guard let v = value() else { return nil }
                queries = v
            case "--feedback":
                // The value is optional: `--feedback` alone is `on`.
                if let inlineValue {
                    guard let choice = SearchCommand.FeedbackChoice(rawValue: inlineValue) else { return nil }
                    feedback = choice
                } else if let next = rest.first, let choice = SearchCommand.FeedbackChoice(rawValue: next) {
                    rest.removeFirst()
                    feedback = choice
                } else {
                    feedback = .on
                }
            case "--feedback-docs", "--feedback-terms":
                guard let v = value(), let n = Int(v), n >= 1 else { return nil }
                if name == "--feedback-docs" { feedbackDocs = n } else { feedbackTerms = n }
            case "--feedback-weight":
                guard let v = value(), let w = Double(v), (0...1).contains(w) else { return nil }
                feedbackWeight = w
            default:
                return nil
            }
        }
        guard (queries == nil) != words.isEmpty else { return nil }
        let output = json ? .json : format ?? .text
        // `--count` has no trec or paths form: the parser says so.
        guard !count || output == .text || output == .json else { return nil }
        guard !(suggest && noSuggest) else { return nil }
        // Tuning feedback that is off is an error the parser words.
        guard (feedback ?? .off) != .off || (feedbackDocs == nil && feedbackTerms == nil && feedbackWeight == nil) else { return nil }
        return SearchRequest(index: IndexOptions.directory(flag: index), any: any, limit: limit ?? 10,
                             format: output, queries: queries, stats: stats, words: words,
                             suggest: !noSuggest && (suggest || queries == nil), strict: strict,
                             offset: offset, count: count, snippetWords: snippetWords,
                             collapse: !noCollapse, expand: expand,
                             feedback: SearchCommand.relevanceModel(feedback, documents: feedbackDocs, terms: feedbackTerms,
                                                                    weight: feedbackWeight))
    }
}
