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
    /// Query weights set outright per term, in place of what its frequency gives (a query
    /// reweighted by feedback, as `SearchOptions.weights`); nil for a query as written.
    public var weights: [String: Double]?
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

/// Where and how a query breaks the query language's rules, as `QuerySyntax` finds it.
struct QueryFault: Error, Sendable, Equatable {
    /// From 0, in characters.
    var column: Int
    var length: Int
    /// What is wrong, in a few words: "unbalanced quote".
    var summary: String
    /// What is wrong and what to write instead.
    var message: String
    /// A known filter with a value it cannot take (`date:2025-13-45`): an error however
    /// leniently the query is read.
    var isFilterValue = false

    /// Not a fault of the language: the query holds nothing to search for.
    static let nothingToSearch = QueryFault(column: 0, length: 0, summary: "", message: "")

    func error(in query: String) -> QueryError {
        self == .nothingToSearch
            ? .noSearchableTerms(query: query)
            : .syntax(query: query, column: column, length: length, message: message)
    }
}

/// What was passed over when a query that breaks the language's rules was searched as its
/// plain words: "unbalanced quote at column 48 ignored; searched as plain words".
public struct QueryNote: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in a few words.
    public var summary: String
    /// Where, from 0 in characters.
    public var column: Int

    public init(summary: String, column: Int) {
        self.summary = summary
        self.column = column
    }

    /// The note as people read it, with the column counted from 1.
    public var description: String { "\(summary) at column \(column + 1) ignored; searched as plain words" }
}

/// A query read by `QuerySyntax.parseLeniently`: its tree, and the note saying it was read
/// as plain words when it broke the language's rules.
public struct LenientQuery: Sendable, Equatable {
    public var tree: QueryNode
    public var note: QueryNote?

    public init(tree: QueryNode, note: QueryNote?) {
        self.tree = tree
        self.note = note
    }
}
