import NewsIndex
import NewsJSON

/// Renders one query's results in the chosen output format: a readable block per hit for
/// people, one JSON object per hit for scripts, file paths for other tools, or trec_eval run
/// lines for evaluation.
struct HitFormatter {
    let reader: IndexReader
    let format: SearchCommand.OutputFormat
    /// Set for `--explain`: the searcher that explains each hit's score.
    var explainer: Searcher?
    let snippets: SnippetBuilder
    /// List every copy under a hit (`--expand`), not only the first `listedCopies`.
    var expand = false
    /// Copies a text block lists under its hit without `--expand`.
    static let listedCopies = 3

    init(reader: IndexReader, format: SearchCommand.OutputFormat, explainer: Searcher? = nil,
         snippetWords: Int = SnippetBuilder.defaultWordCount, expand: Bool = false) {
        self.reader = reader
        self.format = format
        self.explainer = explainer
        self.expand = expand
        snippets = SnippetBuilder(analyzer: .standard, wordCount: snippetWords)
    }

    /// What one hit shows: where it came from, and for text and JSON its story and snippet.
    struct PreparedHit {
        var hit: ScoredDocument
        var root: String
        var path: String
        var item: String?
        var stored: StoredStory?
        var snippet: Snippet?
        var explanation: Explanation?
        /// The id of the hit's cluster (its representative's story id, or its own).
        var cluster: UInt64 = 0
        /// The other members of its cluster, as far as they are shown.
        var similar: [SimilarStory] = []
        /// How many other members its cluster has, listed or not.
        var similarCount = 0
    }

    /// A copy listed under the hit that stands for its cluster.
    struct SimilarStory {
        var id: UInt64
        var root: String
        var path: String
        var title: String
        var date: StoryDate?
        var location: String
    }

    /// The line under the header for a search with feedback: the words it added (with
    /// their weights under `--explain`), or that it added none.
    static func feedbackLine(_ plan: FeedbackPlan, explain: Bool) -> String {
        guard plan.applied else { return "feedback added no words: the query's own decide" }
        let share = " (the query's words keep " + Format.fixed(plan.queryShare, 2) + " of the weight)"
        guard !plan.added.isEmpty else { return "feedback added no words, only reweighted the query's" + share }
        var line = "feedback added "
        for (i, t) in plan.added.enumerated() {
            if i > 0 { line += ", " }
            line += AlternativeTerms.display(t.term)
            if explain { line += " " + Format.fixed(t.weight, 3) }
        }
        return explain ? line + share : line
    }

    /// One query's page of results, ready to print.
    struct Page {
        var results: SearchResults
        /// The hits shown, the first being hit number `offset + 1`.
        var hits: [PreparedHit]
        var offset: Int
        /// From the parsed query to the prepared hits.
        var elapsed: Duration
    }

    /// Everything the output needs from the index: for a run file or paths only the
    /// documents' paths, for text and JSON the stored stories and their snippets. This is
    /// the work `--stats` times; building the output strings is not.
    /// `clusters` holds each hit's cluster, in the order of `results.hits`.
    func prepare(_ results: SearchResults, clusters: [CollapsedHit] = []) throws(IndexError) -> [PreparedHit] {
        if format == .trec || format == .paths {
            return try results.hits.map { hit throws(IndexError) in
                let record = try reader.record(at: hit.address)
                return PreparedHit(hit: hit, root: record.root, path: record.path, item: record.item)
            }
        }
        let snippetQuery = SnippetQuery(terms: results.singleTerms, phrases: results.phrases)
        return try results.hits.enumerated().map { i, hit throws(IndexError) in
            let (stored, snippet) = try reader.withStoredStory(at: hit.address) { stored, body in
                (stored, snippets.snippet(ofUTF8: body, for: snippetQuery, language: stored.story.languageCode))
            }
            var prepared = PreparedHit(hit: hit, root: stored.root, path: stored.path, item: stored.story.itemID, stored: stored,
                                       snippet: snippet, explanation: try explainer?.explain(hit, in: results))
            if i < clusters.count {
                let group = clusters[i]
                prepared.cluster = group.cluster
                prepared.similarCount = group.similar.count
                let shown = expand || format == .json ? group.similar.count : min(group.similar.count, Self.listedCopies)
                prepared.similar = try group.similar.prefix(shown).map { member throws(IndexError) in
                    let copy = try reader.withStoredStory(at: member.address) { stored, _ in stored }
                    return SimilarStory(id: copy.id, root: copy.root, path: copy.path, title: copy.story.title,
                                        date: copy.story.date, location: Self.location(copy))
                }
            }
            return prepared
        }
    }

    /// `queryID` is set in batch mode: text gets a heading per query, JSON a `qid` key.
    /// `notes` (what was passed over in reading the query) go on each JSON hit, as `notes`.
    /// `feedback`, when it was asked for, goes under the text header and on each JSON hit
    /// as `feedback_terms`.
    func render(_ page: Page, queryID: String?, queryText: String, notes: [String] = [], feedback: FeedbackPlan? = nil) -> String {
        var out = ""
        if format == .text {
            if let queryID { out += Terminal.bold("query \(queryID): \(queryText)") + "\n" }
            out += Self.header(page) + "\n"
            if let feedback { out += Terminal.dim(Self.feedbackLine(feedback, explain: explainer != nil)) + "\n" }
            if !page.hits.isEmpty { out += "\n" }
        }
        let width = String(page.offset + page.hits.count).count
        var printedPaths: [String] = []
        for (i, p) in page.hits.enumerated() {
            let rank = page.offset + i + 1
            switch format {
            case .trec:
                out += "\(queryID ?? "1") Q0 \(Self.runDocumentID(path: p.path, item: p.item)) \(rank) \(p.hit.score) newsidx\n"
            case .paths:
                // A feed's items share its file: the file is printed once, at its best item's rank.
                let path = p.root + "/" + p.path
                guard !printedPaths.contains(path) else { continue }
                printedPaths.append(path)
                out += path + "\n"
            case .json:
                var o = JSONLine.hit(rank: rank, score: p.hit.score, stored: p.stored!, snippet: p.snippet!, queryID: queryID)
                o.add("total_hits", page.results.totalHits)
                o.add("total_hits_exact", page.results.totalHitsIsExact)
                if let e = p.explanation { o.add("explain", Self.json(e)) }
                o.add("cluster", p.cluster)
                o.add("similar", p.similar.map { copy in
                    JSONLine.storyReference(id: copy.id, root: copy.root, path: copy.path, title: copy.title, date: copy.date)
                })
                if !notes.isEmpty { o.add("notes", notes) }
                if let feedback { o.add("feedback_terms", JSONLine.feedbackTerms(feedback.added)) }
                out += o.line + "\n"
            case .text:
                let indent = String(repeating: " ", count: width + 2)
                out += Self.text(rank: rank, width: width, hit: p.hit, stored: p.stored!, snippet: p.snippet!)
                if let e = p.explanation { out += Self.text(e, indent: indent) }
                out += Self.similarText(p, indent: indent)
                out += "\n"
            }
        }
        return out
    }

    /// `--count`: the number of matching stories alone (`at least N` when the engine stopped
    /// early), after `qid<TAB>` in batch mode; with JSON, an object of `total_hits` and
    /// `total_hits_exact`.
    func renderCount(_ results: SearchResults, queryID: String?, notes: [String] = [], feedback: FeedbackPlan? = nil) -> String {
        if format == .json {
            var o = JSONLine()
            if let queryID { o.add("qid", queryID) }
            o.add("total_hits", results.totalHits)
            o.add("total_hits_exact", results.totalHitsIsExact)
            if !notes.isEmpty { o.add("notes", notes) }
            if let feedback { o.add("feedback_terms", JSONLine.feedbackTerms(feedback.added)) }
            return o.line + "\n"
        }
        let count = results.totalHitsIsExact ? String(results.totalHits) : "at least " + String(results.totalHits)
        return (queryID.map { $0 + "\t" } ?? "") + count + "\n"
    }

    /// The story's path relative to its root (with `#item` for a story inside a feed), with
    /// whitespace percent-encoded: run files are whitespace-separated.
    static func runDocumentID(path: String, item: String?) -> String {
        var id = path
        if let item { id += "#" + item }
        var out = ""
        for scalar in id.unicodeScalars {
            // ASCII first: a Unicode property lookup per character was most of a run file's cost.
            if scalar.isASCII ? (scalar == " " || ("\t"..."\r").contains(scalar)) : scalar.properties.isWhitespace {
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

    /// The line above the hits: how many stories match (`at least N` when the engine stopped
    /// counting early), which of them are shown when not all are, and the time taken.
    static func header(_ page: Page) -> String {
        let total = page.results.totalHits, exact = page.results.totalHitsIsExact
        let time = " (" + Format.milliseconds(page.elapsed) + ")"
        if total == 0 { return "no stories match" + time }
        let count = exact ? String(total) : "at least " + String(total)
        var line = count + (total == 1 && exact ? " story matches" : " stories match")
        if page.hits.isEmpty {
            line += ", none shown from \(page.offset + 1)"
        } else if page.offset > 0 || page.hits.count < total || !exact {
            line += ", showing \(page.offset + 1)–\(page.offset + page.hits.count)"
        }
        var folded = 0
        for hit in page.hits { folded += hit.similarCount }
        if folded > 0 { line += " (\(folded) similar folded in)" }
        return line + time
    }

    /// One hit for people: its rank and title, then date, source and score, where it is (its
    /// URL, else its file), and its snippet, each under the title.
    static func text(rank: Int, width: Int, hit: ScoredDocument, stored: StoredStory, snippet: Snippet) -> String {
        let story = stored.story
        let number = String(rank)
        let indent = String(repeating: " ", count: width + 2)
        // Appended piece by piece rather than `joined(separator:)`, whose unspecialized
        // first call costs a scan of the runtime's conformance table.
        var meta = story.date?.description ?? "undated"
        if let source = story.source { meta += " · " + source }
        meta += " · score " + Format.fixed(hit.score, 2)
        var out = String(repeating: " ", count: width - number.count) + number + ". " + Terminal.bold(story.title) + "\n"
        out += indent + Terminal.dim(meta) + "\n"
        out += indent + Terminal.dim(location(stored)) + "\n"
        if !snippet.text.isEmpty { out += indent + highlighted(snippet) + "\n" }
        return out
    }

    /// The copies folded into a hit: "+N similar", then the first few (all with
    /// `--expand`), each with its date, title and where it is; nothing for a story without.
    static func similarText(_ p: PreparedHit, indent: String) -> String {
        guard p.similarCount > 0 else { return "" }
        var out = indent + Terminal.dim("+\(p.similarCount) similar") + "\n"
        for copy in p.similar {
            out += indent + "  " + Terminal.dim(copy.date?.description ?? "undated") + "  " + copy.title
                + "  " + Terminal.dim(copy.location) + "\n"
        }
        if p.similar.count < p.similarCount {
            out += indent + "  " + Terminal.dim("… \(p.similarCount - p.similar.count) more (--expand lists them)") + "\n"
        }
        return out
    }

    /// Where a story can be read: its URL when it has one, else its file (relative to the
    /// working directory when below it), with `#item` for an item of a feed.
    static func location(_ stored: StoredStory) -> String {
        if let url = stored.story.url { return url }
        let path = Terminal.displayPath(stored.root + "/" + stored.path)
        return stored.story.itemID.map { path + "#" + $0 } ?? path
    }

    /// The snippet with its marked terms highlighted on a terminal, plain otherwise.
    static func highlighted(_ snippet: Snippet) -> String {
        guard Terminal.styled, !snippet.highlights.isEmpty else { return snippet.text }
        let scalars = Array(snippet.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var at = 0
        for h in snippet.highlights where h.lowerBound >= at && h.upperBound <= scalars.count {
            out.append(contentsOf: scalars[at..<h.lowerBound])
            out.append(contentsOf: Terminal.highlight(String(String.UnicodeScalarView(scalars[h]))).unicodeScalars)
            at = h.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    /// The `--explain` lines under a hit: the sum, one line per term, then the length norm.
    static func text(_ e: Explanation, indent: String = "   ") -> String {
        let width = e.terms.map(\.term.count).max() ?? 0
        var out = indent + Terminal.dim("score " + Format.fixed(e.score, 3) + " =")
        for (i, t) in e.terms.enumerated() {
            out += (i == 0 ? " " : " + ") + t.term + " " + Format.fixed(t.score, 3)
        }
        out += "\n"
        for t in e.terms {
            var line = indent + "  " + t.term + String(repeating: " ", count: width - t.term.count)
            line += "  tf \(t.termFrequency) (headline \(t.headlineFrequency)×\(t.headlineWeight), body \(t.bodyFrequency))"
            line += " · df \(t.documentFrequency) · idf " + Format.fixed(t.idf, 3)
            if t.weightedByFeedback {
                line += " · weight " + Format.fixed(t.queryWeight, 3) + " (feedback)"
            } else if t.queryFrequency > 1 {
                line += " · in the query \(t.queryFrequency)× (weight " + Format.fixed(t.queryWeight, 3) + ")"
            }
            out += line + "\n"
        }
        out += indent + "  length \(e.documentLength) (headline tokens ×\(e.headlineWeight); scored as \(e.scoredLength); average " + Format.fixed(e.averageDocumentLength, 1)
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
            term.add("weighted_by_feedback", t.weightedByFeedback)
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
