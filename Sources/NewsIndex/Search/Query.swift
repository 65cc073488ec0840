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
    /// The query breaks the query language's rules at `column` (in characters, from 0),
    /// over `length` characters: an unbalanced quote or parenthesis, an unknown field, an
    /// impossible date, an operator with nothing to apply to.
    case syntax(query: String, column: Int, length: Int, message: String)

    public var description: String {
        switch self {
        case .noSearchableTerms(let q):
            return "query \"\(q)\" has no words to search for (only spaces or punctuation); give at least one word"
        case .syntax(let q, let column, let length, let message):
            // The query on a line of its own with a caret line under the fault; tabs and
            // newlines become spaces so the columns line up.
            let shown = String(q.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            let carets = String(repeating: " ", count: column) + String(repeating: "^", count: max(1, length))
            return "bad query: \(message)\n  \(shown)\n  \(carets)"
        }
    }
}
