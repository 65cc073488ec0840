/// A parsed query: analyzed terms and how they combine.
public struct Query: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// Every term must occur (the default, as in a web search box).
        case all
        /// Any term may occur; stories with more and rarer terms rank higher.
        case any
    }

    /// Distinct analyzed terms, in the order they were first written.
    public var terms: [String]
    /// How many times each term occurs in the query (`BM25.queryWeight`); all 1 by default.
    public var frequencies: [Int]
    public var mode: Mode

    public init(terms: [String], frequencies: [Int]? = nil, mode: Mode) {
        precondition(frequencies == nil || frequencies!.count == terms.count, "one frequency per term")
        self.terms = terms
        self.frequencies = frequencies ?? Array(repeating: 1, count: terms.count)
        self.mode = mode
    }
}

/// A query that cannot be run, with the query text to show the user.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSearchableTerms(query: String)

    public var description: String {
        switch self {
        case .noSearchableTerms(let q):
            return "query \"\(q)\" has no words to search for (only spaces or punctuation); give at least one word"
        }
    }
}
