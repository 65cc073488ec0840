/// Chooses the passages of a story that best show why it matched, and marks the query's
/// terms and phrases in them.
///
/// About `wordCount` words in all (default 30; 0 for no snippet), in up to three fragments
/// when the query's terms are spread over the story, cut only between words and kept to
/// whole sentences where the length allows (see `PassageChooser`). The passages cover the
/// most and the rarest query terms. Single terms are marked wherever they occur, inflected
/// forms included (`talks` for `talk`); a phrase is marked as one stretch where its words
/// occur one after the other.
public struct SnippetBuilder: Sendable {
    public static let defaultWordCount = 30

    public let analyzer: Analyzer
    public var wordCount: Int

    public init(analyzer: Analyzer, wordCount: Int = SnippetBuilder.defaultWordCount) {
        self.analyzer = analyzer
        self.wordCount = max(0, wordCount)
    }

    /// The snippet of `text` (a story's body) for a query's single `terms` and its `phrases`
    /// (each the phrase's analyzed terms, in order). A term that the query has only inside
    /// phrases belongs in `phrases` alone, or it would be marked wherever it occurs too.
    public func snippet(of text: String, terms: [WeightedTerm], phrases: [[WeightedTerm]] = []) -> Snippet {
        snippet(of: text, for: SnippetQuery(terms: terms, phrases: phrases))
    }

    /// The snippet of `text` (a story's body) for `query`, made once for all of its hits.
    /// `language`: the story's (`Story.language`), whose analysis finds its words.
    public func snippet(of text: String, for query: SnippetQuery, language: String = "en") -> Snippet {
        var text = text
        return text.withUTF8 { snippet(ofWellFormedUTF8: $0, for: query, language: language) }
    }

    /// The snippet of a story's body given as UTF-8; ill-formed bytes are repaired as a
    /// `String` repairs them.
    public func snippet(ofUTF8 body: UnsafeBufferPointer<UInt8>, for query: SnippetQuery, language: String = "en") -> Snippet {
        guard body.isWellFormedUTF8 else {
            return snippet(of: String(decoding: body, as: UTF8.self), for: query, language: language)
        }
        return snippet(ofWellFormedUTF8: body, for: query, language: language)
    }

    private func snippet(ofWellFormedUTF8 body: UnsafeBufferPointer<UInt8>, for query: SnippetQuery, language: String) -> Snippet {
        guard wordCount > 0 else { return .empty }
        let keys = query.keys
        let scan = BodyScan(body, keys: keys, analyzer: analyzer, language: language)
        let marks = SnippetMark.wideningHangul(SnippetMark.find(in: scan, keys: keys), in: body)
        let ranges = PassageChooser(words: scan.words, sentences: scan.sentences, marks: marks, weights: query.weights, budget: wordCount).choose()
        return FragmentRenderer(body: body, scan: scan, marks: marks).render(ranges)
    }
}

/// What the snippets of one query look for, and what finding each is worth: made once for all
/// its hits (building the byte tables of `SnippetKeys` for each of ten hits cost more than
/// a tenth of their snippets).
public struct SnippetQuery: Sendable {
    let keys: SnippetKeys
    /// What covering each mark key (the single terms, then the phrases) is worth: a term's
    /// idf (never quite nothing), a phrase the sum of its words'.
    let weights: [Double]

    /// A query's single `terms` and its `phrases` (each the phrase's analyzed terms, in
    /// order). A term that the query has only inside phrases belongs in `phrases` alone, or it
    /// would be marked wherever it occurs too.
    public init(terms: [WeightedTerm], phrases: [[WeightedTerm]] = []) {
        var singles: [String] = []
        for term in terms { singles.append(term.text) }
        var phraseTexts: [[String]] = []
        for phrase in phrases {
            var texts: [String] = []
            for term in phrase { texts.append(term.text) }
            phraseTexts.append(texts)
        }
        keys = SnippetKeys(singles: singles, phrases: phraseTexts)
        var weights: [Double] = []
        for term in terms { weights.append(max(term.idf, 0.01)) }
        for phrase in phrases { weights.append(phrase.reduce(0.0) { $0 + max($1.idf, 0.01) }) }
        self.weights = weights
    }
}
