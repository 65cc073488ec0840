/// Turns the text a user typed into a `Query`, analyzing it exactly as stories are analyzed.
///
/// Stop words (those of the query's likeliest language, `QueryLanguages`) are left out, unless the query has no other words (`the
/// who` still searches for both). A term written more than once is kept once with its count,
/// which raises its weight (`BM25.queryWeight`): long requests repeat what they are about.
public struct QueryParser: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// The query's terms without stopwords (all of them when it has nothing else), each
    /// once, with how many times it was written. Repeats are found with a linear search, not
    /// a `Set` or `Dictionary`: a query has a handful of terms, and the first `Set<String>` in
    /// a process has the Swift runtime scan the binary's whole conformance table for
    /// `String: Hashable`, which cost a search process about 230,000 instructions.
    public func parse(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> Query {
        var analyzed = analyzer.termsWithoutStopWords(in: text)
        if analyzed.isEmpty { analyzed = analyzer.terms(in: text) }
        guard !analyzed.isEmpty else { throw .noSearchableTerms(query: text) }
        var terms: [String] = []
        var frequencies: [Int] = []
        for term in analyzed {
            if let slot = terms.firstIndex(of: term) {
                frequencies[slot] += 1
            } else {
                terms.append(term)
                frequencies.append(1)
            }
        }
        return Query(terms: terms, frequencies: frequencies, mode: mode)
    }
}
