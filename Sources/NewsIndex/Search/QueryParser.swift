/// Turns the text a user typed into a `Query`, analyzing it exactly as stories are analyzed.
public struct QueryParser: Sendable {
    public let analyzer: Analyzer

    public init(analyzer: Analyzer) { self.analyzer = analyzer }

    public func parse(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> Query {
        var seen = Set<String>()
        let terms = analyzer.terms(in: text).filter { seen.insert($0).inserted }
        guard !terms.isEmpty else { throw .noSearchableTerms(query: text) }
        return Query(terms: terms, mode: mode)
    }
}
