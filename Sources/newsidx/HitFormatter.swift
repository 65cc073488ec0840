import NewsIndex

/// Renders one query's results in the chosen output format: a readable block per hit for
/// people, one JSON object per hit for scripts, or trec_eval run lines for evaluation.
struct HitFormatter {
    let reader: IndexReader
    let format: SearchCommand.OutputFormat
    /// Set for `--explain`: the searcher that explains each hit's score.
    var explainer: Searcher?
    let snippets = SnippetBuilder(analyzer: .standard)

    /// What one hit shows: where it came from, and for text and JSON its story and snippet.
    struct PreparedHit {
        var hit: ScoredDocument
        var path: String
        var item: String?
        var stored: StoredStory?
        var snippet: Snippet?
        var explanation: Explanation?
    }

    /// Everything the output needs from the index: for a run file only the documents'
    /// paths, for text and JSON the stored stories and their snippets. This is the work
    /// `--stats` times; building the output strings is not.
    func prepare(_ results: SearchResults) throws(IndexError) -> [PreparedHit] {
        try results.hits.map { hit throws(IndexError) in
            if format == .trec {
                let record = try reader.record(at: hit.address)
                return PreparedHit(hit: hit, path: record.path, item: record.item)
            }
            let stored = try reader.storedStory(at: hit.address)
            return PreparedHit(hit: hit, path: stored.path, item: stored.story.itemID, stored: stored,
                               snippet: snippets.snippet(of: stored.story.body, terms: results.terms),
                               explanation: try explainer?.explain(hit, in: results))
        }
    }

    /// `queryID` is set in batch mode: text gets a heading per query, JSON a `qid` key.
    func render(_ results: SearchResults, _ hits: [PreparedHit], queryID: String?, queryText: String) -> String {
        var out = ""
        if format == .text {
            if let queryID { out += Terminal.bold("query \(queryID): \(queryText)") + "\n" }
            out += Self.header(results, shown: hits.count)
        }
        for (i, p) in hits.enumerated() {
            switch format {
            case .trec:
                out += "\(queryID ?? "1") Q0 \(Self.runDocumentID(path: p.path, item: p.item)) \(i + 1) \(p.hit.score) newsidx\n"
            case .json:
                var o = Self.json(rank: i + 1, hit: p.hit, stored: p.stored!, snippet: p.snippet!, queryID: queryID)
                if let e = p.explanation { o.add("explain", Self.json(e)) }
                out += o.line + "\n"
            case .text:
                out += Self.text(rank: i + 1, hit: p.hit, stored: p.stored!, snippet: p.snippet!)
                if let e = p.explanation { out += Self.text(e) + "\n" }
            }
        }
        return out
    }

    /// The story's path relative to its root (with `#item` for a story inside a feed), with
    /// whitespace percent-encoded: run files are whitespace-separated.
    static func runDocumentID(path: String, item: String?) -> String {
        var id = path
        if let item { id += "#" + item }
        var out = ""
        for scalar in id.unicodeScalars {
            if scalar.properties.isWhitespace {
                for b in String(scalar).utf8 {
                    let hex = String(b, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func header(_ results: SearchResults, shown: Int) -> String {
        let count = results.totalHitsIsExact ? "\(results.totalHits)" : "at least \(results.totalHits)"
        switch (results.totalHits, results.totalHitsIsExact) {
        case (0, _): return "no stories match\n"
        case (1, true): return "1 story matches\n\n"
        default:
            let showing = shown < results.totalHits ? ", showing the best \(shown)" : ""
            return "\(count) stories match\(showing)\n\n"
        }
    }

    static func text(rank: Int, hit: ScoredDocument, stored: StoredStory, snippet: Snippet) -> String {
        let story = stored.story
        // Appended piece by piece rather than `joined(separator:)`, whose unspecialized
        // first call costs a scan of the runtime's conformance table.
        var meta = story.date?.description ?? "undated"
        if let source = story.source { meta += " · " + source }
        meta += " · " + Terminal.displayPath(stored.root + "/" + stored.path)
        meta += " · score " + Format.fixed(hit.score, 2)
        return "\(rank). " + Terminal.bold(story.title) + "\n"
            + "   " + Terminal.dim(meta) + "\n"
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

    static func json(rank: Int, hit: ScoredDocument, stored: StoredStory, snippet: Snippet, queryID: String?) -> JSONLine {
        var o = JSONLine()
        if let queryID { o.add("qid", queryID) }
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
        return o
    }

    /// The `--explain` lines under a hit: the sum, one line per term, then the length norm.
    static func text(_ e: Explanation) -> String {
        let width = e.terms.map(\.term.count).max() ?? 0
        var out = "   " + Terminal.dim("score " + Format.fixed(e.score, 3) + " =")
        for (i, t) in e.terms.enumerated() {
            out += (i == 0 ? " " : " + ") + t.term + " " + Format.fixed(t.score, 3)
        }
        out += "\n"
        for t in e.terms {
            var line = "     " + t.term + String(repeating: " ", count: width - t.term.count)
            line += "  tf \(t.termFrequency) (headline \(t.headlineFrequency)×\(t.headlineWeight), body \(t.bodyFrequency))"
            line += " · df \(t.documentFrequency) · idf " + Format.fixed(t.idf, 3)
            if t.queryFrequency > 1 { line += " · in the query \(t.queryFrequency)× (weight " + Format.fixed(t.queryWeight, 3) + ")" }
            out += line + "\n"
        }
        out += "     length \(e.documentLength) (headline tokens ×\(e.headlineWeight); scored as \(e.scoredLength); average " + Format.fixed(e.averageDocumentLength, 1)
            + ") · length norm " + Format.fixed(e.lengthNorm, 3) + " (k1 " + Format.fixed(e.k1, 2) + ", b " + Format.fixed(e.b, 2)
            + ") · N \(e.documentCount)\n"
        return out
    }

    /// `--explain` in JSON: the `explain` object of a hit.
    static func json(_ e: Explanation) -> JSONLine {
        var o = JSONLine()
        o.add("score", e.score)
        o.add("terms", e.terms.map { t in
            var term = JSONLine()
            term.add("term", t.term)
            term.add("tf", t.termFrequency)
            term.add("headline_tf", t.headlineFrequency)
            term.add("body_tf", t.bodyFrequency)
            term.add("df", t.documentFrequency)
            term.add("idf", t.idf)
            term.add("query_tf", t.queryFrequency)
            term.add("query_weight", t.queryWeight)
            term.add("score", t.score)
            return term
        })
        o.add("headline_weight", e.headlineWeight)
        o.add("length", e.documentLength)
        o.add("scored_length", e.scoredLength)
        o.add("average_length", e.averageDocumentLength)
        o.add("length_norm", e.lengthNorm)
        o.add("k1", e.k1)
        o.add("b", e.b)
        o.add("n", e.documentCount)
        return o
    }
}
