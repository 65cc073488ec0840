import NewsIndex

/// One `newsidx search` as a plain value: what to search, where, and how to print it.
/// `SearchCommand` builds it from parsed arguments; `SearchFastPath` from the common
/// argument shapes without the parser's start-up cost.
struct SearchRequest: Equatable {
    var index: String
    var any: Bool
    var limit: Int
    var format: SearchCommand.OutputFormat
    var queries: String?
    var stats: Bool
    var explain = false
    var words: [String]

    func run() throws {
        let batch: [QueryBatch.Entry]
        if let queries {
            batch = try QueryBatch.load(queries)
        } else {
            batch = [QueryBatch.Entry(id: "1", text: Self.spaceSeparated(words))]
        }
        let parser = QueryParser(analyzer: .standard)
        let mode: Query.Mode = any ? .any : .all
        var parsed: [(QueryBatch.Entry, Query)] = []
        for entry in batch {
            do {
                parsed.append((entry, try parser.parse(entry.text, mode: mode)))
            } catch {
                guard let queries else { throw CommandFailure.usage(error.description) }
                Terminal.warning("\(queries): query \(entry.id): \(error)")
            }
        }
        let isBatch = queries != nil
        var latencies = LatencyStats()
        let found = try withIndex { () throws(IndexError) -> Bool in
            let reader = try IndexReader(directory: index, analyzer: .standard)
            let searcher = Searcher(reader: reader)
            let formatter = HitFormatter(reader: reader, format: format, explainer: explain ? searcher : nil)
            var anyHits = false
            for (entry, query) in parsed {
                let start = ContinuousClock.now
                let results = try searcher.search(query, limit: limit)
                let hits = try formatter.prepare(results)
                latencies.record(ContinuousClock.now - start)
                Terminal.output(formatter.render(results, hits, queryID: isBatch ? entry.id : nil, queryText: entry.text))
                anyHits = anyHits || !results.hits.isEmpty
            }
            return anyHits
        }
        if stats { Terminal.standardError(latencies.jsonLine() + "\n") }
        if !found { throw CommandFailure(status: .noMatch, message: nil) }
    }

    /// `words.joined(separator: " ")`, spelled out: the stdlib's `joined` is not specialized
    /// for `[String]`, and its first call has the runtime look up `String`'s conformances by
    /// scanning the whole binary's conformance table (about 170,000 instructions, a few
    /// percent of a search process).
    static func spaceSeparated(_ words: [String]) -> String {
        var text = ""
        for (i, word) in words.enumerated() {
            if i > 0 { text += " " }
            text += word
        }
        return text
    }
}
