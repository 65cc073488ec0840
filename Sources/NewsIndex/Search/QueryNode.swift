/// A parsed query in the query language (`QuerySyntax`): matches on the text or a field,
/// date and path filters, combined the way Lucene's BooleanQuery combines clauses.
public indirect enum QueryNode: Sendable, Equatable {
    /// Words found in the story's text, headline or a metadata field.
    case match(Match)
    /// The story's date lies in the range (stories without a date never match).
    case date(DateRange)
    /// The story's path relative to its corpus root starts with this text.
    case path(String)
    /// Every `must` clause matches; when there is none, at least one `should` clause does
    /// (with `must` clauses, `should` ones only add to the score); no `mustNot` clause does.
    /// With neither `must` nor `should`, every story matches but the excluded ones.
    case boolean(must: [QueryNode], should: [QueryNode], mustNot: [QueryNode])

    /// Where a match looks.
    public enum Scope: Sendable, Equatable {
        /// Headline and body: the default.
        case text
        /// The headline only (`title:`).
        case title
        /// A metadata field (`source:`, `byline:`, `place:`), indexed as field terms.
        case field(FieldTerm.Field)

        /// Whether matches in this scope add to the score: text and headline words do;
        /// metadata fields, like dates and paths, only filter.
        public var scores: Bool {
            if case .field = self { return false }
            return true
        }
    }

    /// One word, word prefix, phrase or proximity group, with where it looks.
    public struct Match: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// An analyzed term.
            case term(String)
            /// Folded (not stemmed) start of a word: `kurs*`.
            case prefix(String)
            /// Analyzed terms within `slop` extra positions of each other: in order for
            /// `"a b"` (slop 0) and `"a b"~N`, in any order for `NEAR(a b, N)`.
            case phrase([String], slop: Int, ordered: Bool)
        }

        public var kind: Kind
        public var scope: Scope
        /// Where the word was written in the query (in characters): spelling suggestions
        /// replace it there.
        public var column: Int
        public var length: Int
        /// A bare word that is a stop word: left out when the query has other words.
        public var isStopWord: Bool

        public init(_ kind: Kind, scope: Scope = .text, column: Int = 0, length: Int = 0, isStopWord: Bool = false) {
            self.kind = kind
            self.scope = scope
            self.column = column
            self.length = length
            self.isStopWord = isStopWord
        }
    }

    /// The plain query this tree amounts to, when it is only text words joined by the
    /// mode's own operator, however grouped (`a (b c)` is `a b c` when every clause is
    /// required, or when every clause is optional): such queries keep the
    /// Intersection/MaxScore path, and a word written twice keeps its query weight.
    public func flatQuery() -> Query? {
        /// The words of `node` if it is a text word, or a group of `required` or optional
        /// clauses (as `required` says) that are such words or groups.
        func words(_ node: QueryNode, required: Bool) -> [String]? {
            switch node {
            case .match(let m):
                guard m.scope == .text, case .term(let t) = m.kind else { return nil }
                return [t]
            case .boolean(let must, let should, let mustNot):
                guard mustNot.isEmpty, required ? should.isEmpty : must.isEmpty else { return nil }
                var all: [String] = []
                for clause in required ? must : should {
                    guard let w = words(clause, required: required) else { return nil }
                    all += w
                }
                return all
            case .date, .path:
                return nil
            }
        }
        let found: [String]
        let mode: Query.Mode
        if case .boolean(let must, let should, _) = self, must.isEmpty, !should.isEmpty {
            guard let w = words(self, required: false) else { return nil }
            found = w
            mode = .any
        } else {
            guard let w = words(self, required: true), !w.isEmpty else { return nil }
            found = w
            mode = .all
        }
        var terms: [String] = []
        var frequencies: [Int] = []
        for w in found {
            if let i = terms.firstIndex(of: w) { frequencies[i] += 1 } else {
                terms.append(w)
                frequencies.append(1)
            }
        }
        return Query(terms: terms, frequencies: frequencies, mode: mode)
    }

    /// The tree of a plain query: its words, each as often as the query has it, joined by
    /// its mode's operator (`flatQuery()` gives the query back).
    public init(_ query: Query) {
        var words: [QueryNode] = []
        for (term, frequency) in zip(query.terms, query.frequencies) {
            words += Array(repeating: .match(Match(.term(term))), count: frequency)
        }
        self = query.mode == .all ? .boolean(must: words, should: [], mustNot: [])
            : .boolean(must: [], should: words, mustNot: [])
    }

    /// The stories in any of the languages `codes` (as `LanguageTag.filterCode` gives them),
    /// as `lang:` filters; nil for no code.
    public static func language(_ codes: [String]) -> QueryNode? {
        let matches = codes.map { QueryNode.match(Match(.term($0), scope: .field(.language))) }
        return matches.count <= 1 ? matches.first : .boolean(must: [], should: matches, mustNot: [])
    }

    /// Whether this clause only filters: a date, a path, a metadata field, or a group of
    /// them, which restricts the stories without adding to any score.
    public var onlyFilters: Bool {
        switch self {
        case .date, .path: return true
        case .match(let m): return !m.scope.scores
        case .boolean(let must, let should, _): return !(must + should).isEmpty && (must + should).allSatisfy(\.onlyFilters)
        }
    }

    /// This query restricted to the stories every one of `filters` matches (`--since`, a
    /// source chosen on the page).
    public func filtered(by filters: [QueryNode]) -> QueryNode {
        filters.isEmpty ? self : .boolean(must: [self] + filters, should: [], mustNot: [])
    }

    /// Every match in the tree that is not inside an exclusion, in query order.
    public var positiveMatches: [Match] {
        switch self {
        case .match(let m): return [m]
        case .date, .path: return []
        case .boolean(let must, let should, _): return (must + should).flatMap(\.positiveMatches)
        }
    }
}
