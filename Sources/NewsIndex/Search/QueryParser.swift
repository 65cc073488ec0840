/// Turns the text a user typed into a `Query`, analyzing it exactly as stories are analyzed.
public struct QueryParser: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    /// Repeated terms count once. They are dropped with a linear search, not a `Set`: a query
    /// has a handful of terms, and the first `Set<String>` in a process has the Swift runtime
    /// scan the binary's whole conformance table for `String: Hashable`, which cost a search
    /// process about 230,000 instructions.
    public func parse(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> Query {
        var terms: [String] = []
        for term in analyzer.terms(in: text) where !terms.contains(term) {
            terms.append(term)
        }
        guard !terms.isEmpty else { throw .noSearchableTerms(query: text) }
        return Query(terms: terms, mode: mode)
    }
}
