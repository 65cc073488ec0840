/// Parses the query language into a `QueryNode` tree.
///
///     lavrov kursk                 both words (with `.any`: either, more is better)
///     "foreign minister"           an exact phrase; "a b"~3 allows 3 extra words, in order
///     NEAR(lavrov pyongyang, 5)    the words at most 5 words apart, in any order (default 10)
///     a AND b, a OR b, NOT a, -a   operators (upper case); +a requires a word under .any
///     (a OR b) c                   grouping
///     kurs*                        words starting with `kurs` (at least two letters)
///     title:  source:  byline:  place:  path:  date:
///
/// Precedence, loosest first: `OR`, then `AND` (written or implied by juxtaposition),
/// then `NOT`/`-`/`+`. Words are analyzed as stories are; bare stop words are left out
/// unless nothing else remains (as `QueryParser` does). Fields (`source:`, `byline:`,
/// `place:`), dates and paths filter: they always restrict, even under `.any`, and add
/// nothing to the score. Anything the language cannot read is a `QueryError.syntax`
/// pointing at the column at fault; nothing is silently reinterpreted.
public struct QuerySyntax: Sendable {
    public let analyzer: Analyzer
    /// Anchors relative dates (`date:7d`); nil refuses them.
    public var today: StoryDate?

    public init(analyzer: Analyzer, today: StoryDate? = nil) {
        self.analyzer = analyzer
        self.today = today
    }

    /// The field names `name:` may use.
    public static let fieldNames = ["title", "source", "byline", "place", "path", "date"]

    /// Proximity bounds: positions of the headline and the body are `SegmentFormat.bodyPositionGap`
    /// apart, so a larger window could join them.
    public static let maxSlop = 60
    public static let defaultNearDistance = 10
    static let maxDepth = 64

    /// Whether `text` is only words, with none of the language's marks (quotes, brackets,
    /// `:`, `*`, `~`, `+`, `-`) nor its operators: such a query means what `QueryParser`
    /// makes of it, which a search process can use without building a tree.
    public static func isPlainWords(_ text: String) -> Bool {
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "*"),
                 UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                return false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if isOperator(word) { return false }
                word.removeAll(keepingCapacity: true)
            default:
                if word.count < 4 { word.append(byte) } else { word = [0, 0, 0, 0, 0] }
            }
        }
        return !isOperator(word)
    }

    private static func isOperator(_ word: [UInt8]) -> Bool {
        word.elementsEqual("AND".utf8) || word.elementsEqual("OR".utf8) || word.elementsEqual("NOT".utf8)
    }

    public func parse(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> QueryNode {
        var p = QueryReader(text: text, chars: Array(text), analyzer: analyzer, mode: mode, today: today)
        let tree = try p.parseAll()
        guard let pruned = Self.prune(tree, dropStopWords: Self.hasContent(tree)) else {
            throw .noSearchableTerms(query: text)
        }
        return pruned
    }

    /// Whether the tree has something to search besides bare stop words.
    static func hasContent(_ node: QueryNode) -> Bool {
        switch node {
        case .match(let m): return !m.isStopWord
        case .date, .path: return true
        case .boolean(let must, let should, let mustNot):
            return !mustNot.isEmpty || (must + should).contains(where: hasContent)
        }
    }

    /// Drops stop words (when asked) and empty groups, and unwraps single clauses; nil when
    /// nothing is left.
    static func prune(_ node: QueryNode, dropStopWords: Bool) -> QueryNode? {
        switch node {
        case .match(let m): return dropStopWords && m.isStopWord ? nil : node
        case .date, .path: return node
        case .boolean(let must, let should, let mustNot):
            var m: [QueryNode] = [], s: [QueryNode] = [], n: [QueryNode] = []
            for c in must {
                guard let c = prune(c, dropStopWords: dropStopWords) else { continue }
                // AND is associative: a nested all-required group joins its parent.
                if case .boolean(let cm, let cs, let cn) = c, cs.isEmpty, !cm.isEmpty {
                    m += cm
                    n += cn
                } else {
                    m.append(c)
                }
            }
            for c in should {
                guard let c = prune(c, dropStopWords: dropStopWords) else { continue }
                if must.isEmpty, case .boolean(let cm, let cs, let cn) = c, cm.isEmpty, cn.isEmpty {
                    s += cs
                } else {
                    s.append(c)
                }
            }
            for c in mustNot {
                if let c = prune(c, dropStopWords: false) { n.append(c) }
            }
            if m.isEmpty && s.isEmpty && n.isEmpty { return nil }
            if n.isEmpty && s.isEmpty && m.count == 1 { return m[0] }
            if n.isEmpty && m.isEmpty && s.count == 1 { return s[0] }
            return .boolean(must: m, should: s, mustNot: n)
        }
    }
}

/// The recursive-descent reader behind `QuerySyntax`, over the query's characters.
private struct QueryReader {
    let text: String
    let chars: [Character]
    let analyzer: Analyzer
    let mode: Query.Mode
    let today: StoryDate?
    var i = 0
    var depth = 0
    /// The field a `field:(…)` group applies to its words.
    var scope: QueryNode.Scope = .text
    var inField = false

    init(text: String, chars: [Character], analyzer: Analyzer, mode: Query.Mode, today: StoryDate?) {
        self.text = text
        self.chars = chars
        self.analyzer = analyzer
        self.mode = mode
        self.today = today
    }

    enum Occur { case must, should, mustNot }

    func fail(_ column: Int, _ length: Int = 1, _ message: String) -> QueryError {
        .syntax(query: text, column: column, length: length, message: message)
    }

    var atEnd: Bool { i >= chars.count }

    mutating func skipSpace() {
        while i < chars.count && chars[i].isWhitespace { i += 1 }
    }

    /// Whether an upper-case operator word starts at `i` (followed by a space, a bracket or the end).
    func operatorAhead(_ word: String) -> Bool {
        let w = Array(word)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        let after = i + w.count
        return after == chars.count || chars[after].isWhitespace || chars[after] == "(" || chars[after] == ")"
            || chars[after] == "\"" || chars[after] == "-" || chars[after] == "+"
    }

    mutating func parseAll() throws(QueryError) -> QueryNode {
        let node = try parseOr()
        skipSpace()
        if !atEnd { throw fail(i, 1, "unbalanced parenthesis: this ')' closes nothing") }
        return node
    }

    mutating func parseOr() throws(QueryError) -> QueryNode {
        var alternatives = [try parseSequence()]
        while true {
            skipSpace()
            guard operatorAhead("OR") else { break }
            let at = i
            i += 2
            skipSpace()
            if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") {
                throw fail(at, 2, "OR needs something to search for after it")
            }
            alternatives.append(try parseSequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .boolean(must: [], should: alternatives, mustNot: [])
    }

    /// Clauses joined by AND, written or implied, up to OR, `)` or the end.
    mutating func parseSequence() throws(QueryError) -> QueryNode {
        var clauses: [(QueryNode, Occur)] = []
        var requireNext = false
        let start = i
        while true {
            skipSpace()
            if atEnd || chars[i] == ")" || operatorAhead("OR") { break }
            let at = i
            if operatorAhead("AND") {
                guard !clauses.isEmpty else { throw fail(at, 3, "AND needs something to search for before it") }
                i += 3
                skipSpace()
                if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") {
                    throw fail(at, 3, "AND needs something to search for after it")
                }
                if clauses[clauses.count - 1].1 == .should { clauses[clauses.count - 1].1 = .must }
                requireNext = true
                continue
            }
            if operatorAhead("NOT") {
                i += 3
                skipSpace()
                if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") || operatorAhead("NOT") {
                    throw fail(at, 3, "NOT needs something to leave out after it")
                }
                let pieces = try parseUnary()
                if !pieces.isEmpty { clauses.append((group(pieces), .mustNot)) }
                requireNext = false
                continue
            }
            if (chars[i] == "-" || chars[i] == "+"), i + 1 < chars.count, !chars[i + 1].isWhitespace,
               chars[i + 1] != "-", chars[i + 1] != "+" {
                let sign = chars[i]
                i += 1
                if chars[i] == ")" { throw fail(at, 1, "'\(sign)' needs a word, phrase or group right after it") }
                let pieces = try parsePrimary(required: sign == "+")
                if sign == "-" {
                    if !pieces.isEmpty { clauses.append((group(pieces), .mustNot)) }
                } else {
                    for p in pieces { clauses.append((p, .must)) }
                }
                requireNext = false
                continue
            }
            let pieces = try parsePrimary(required: false)
            for p in pieces {
                let occur: Occur = mode == .all || requireNext || Self.isFilter(p) ? .must : .should
                clauses.append((p, occur))
            }
            requireNext = false
        }
        if clauses.isEmpty {
            // Only words that analyze to nothing, or nothing at all.
            if i < chars.count && chars[i] == ")" && depth > 0 && start == i {
                throw fail(i, 1, "empty parentheses: put something to search for inside")
            }
            return .boolean(must: [], should: [], mustNot: [])
        }
        let must = clauses.filter { $0.1 == .must }.map(\.0)
        let should = clauses.filter { $0.1 == .should }.map(\.0)
        let mustNot = clauses.filter { $0.1 == .mustNot }.map(\.0)
        return .boolean(must: must, should: should, mustNot: mustNot)
    }

    /// Filters restrict even under `.any`: a date or a source is not a word to rank by.
    static func isFilter(_ node: QueryNode) -> Bool {
        switch node {
        case .date, .path: return true
        case .match(let m): return !m.scope.scores
        case .boolean(let must, let should, _): return !(must + should).isEmpty && (must + should).allSatisfy(isFilter)
        }
    }

    /// Several pieces (the words of `Jong-un`) as one clause.
    func group(_ pieces: [QueryNode]) -> QueryNode {
        pieces.count == 1 ? pieces[0] : .boolean(must: pieces, should: [], mustNot: [])
    }

    /// After NOT: a primary, which may itself be signed.
    mutating func parseUnary() throws(QueryError) -> [QueryNode] {
        if chars[i] == "-" || chars[i] == "+", i + 1 < chars.count, !chars[i + 1].isWhitespace { i += 1 }
        return try parsePrimary(required: false)
    }

    /// A group, phrase, NEAR, field or word. A word may give several pieces (its tokens),
    /// or none (punctuation).
    mutating func parsePrimary(required: Bool) throws(QueryError) -> [QueryNode] {
        let at = i
        let c = chars[i]
        if c == "(" {
            depth += 1
            guard depth <= QuerySyntax.maxDepth else { throw fail(at, 1, "groups are nested too deeply") }
            i += 1
            skipSpace()
            if !atEnd && chars[i] == ")" { throw fail(at, i - at + 1, "empty parentheses: put something to search for inside") }
            let inner = try parseOr()
            skipSpace()
            guard !atEnd, chars[i] == ")" else { throw fail(at, 1, "unbalanced parenthesis: this '(' is never closed") }
            i += 1
            depth -= 1
            return [inner]
        }
        if c == ")" { throw fail(at, 1, "unbalanced parenthesis: this ')' closes nothing") }
        if c == "\"" { return try parsePhrase() }
        if i + 5 <= chars.count && String(chars[i..<(i + 5)]) == "NEAR(" { return try parseNear() }
        // A word: up to a space, a bracket or a quote.
        var j = i
        while j < chars.count && !chars[j].isWhitespace && chars[j] != "(" && chars[j] != ")" && chars[j] != "\"" { j += 1 }
        let word = String(chars[i..<j])
        if let colon = word.firstIndex(of: ":") {
            let name = word[..<colon]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
                let field = name.lowercased()
                let valueStart = i + name.count + 1
                let hasValue = valueStart < chars.count && !chars[valueStart].isWhitespace && chars[valueStart] != ")"
                if QuerySyntax.fieldNames.contains(field) {
                    guard hasValue else {
                        throw fail(at, name.count + 1, "\(field): needs something right after the colon, e.g. \(field):\(Self.example(field))")
                    }
                    i = valueStart
                    return try parseField(field, at: at, nameLength: name.count)
                }
                if hasValue {
                    throw fail(at, name.count, "unknown field '\(name)': the fields are title, source, byline, place, path and date (to search for the text itself, put it in quotes)")
                }
            }
        }
        i = j
        return try words(word, at: at, required: required)
    }

    static func example(_ field: String) -> String {
        switch field {
        case "date": return "2025-10-27"
        case "source": return "yonhap"
        case "path": return "text/"
        case "place": return "seoul"
        case "byline": return "smith"
        default: return "lavrov"
        }
    }

    /// A bare word: its analyzed terms, or a prefix for a trailing `*`.
    mutating func words(_ word: String, at: Int, required: Bool) throws(QueryError) -> [QueryNode] {
        if let star = word.firstIndex(of: "*") {
            let offset = word.distance(from: word.startIndex, to: star)
            guard offset == word.count - 1 else {
                throw fail(at + offset, 1, "a wildcard can only end a word, as in kurs*")
            }
            let stem = String(word.dropLast())
            let folded = Analyzer.folding.terms(in: stem)
            guard folded.count == 1, let prefix = folded.first else {
                throw fail(at, word.count, folded.isEmpty
                    ? "a wildcard needs the start of a word before it, as in kurs*"
                    : "a wildcard applies to one word; '\(stem)' is several")
            }
            guard prefix.count >= 2 else { throw fail(at, word.count, "give at least two letters before the wildcard, as in kurs*") }
            return [.match(.init(.prefix(prefix), scope: scope, column: at, length: word.count))]
        }
        let terms = analyzer.terms(in: word)
        let surface = Analyzer.folding.terms(in: word)
        if terms.isEmpty && inField {
            throw fail(at, word.count, "'\(word)' has no word to search for")
        }
        return terms.enumerated().map { k, t in
            let stop = !required && scope == .text && k < surface.count && StopWords.english.contains(surface[k])
            return .match(.init(.term(t), scope: scope, column: at, length: word.count, isStopWord: stop))
        }
    }

    /// `"…"`, optionally followed by `~N`.
    mutating func parsePhrase() throws(QueryError) -> [QueryNode] {
        let at = i
        var j = i + 1
        while j < chars.count && chars[j] != "\"" { j += 1 }
        guard j < chars.count else { throw fail(at, 1, "unbalanced quote: this '\"' is never closed") }
        let inside = String(chars[(i + 1)..<j])
        i = j + 1
        var slop = 0
        if i < chars.count && chars[i] == "~" {
            let tilde = i
            i += 1
            var digits = ""
            while i < chars.count && chars[i].isASCII && chars[i].isNumber { digits.append(chars[i]); i += 1 }
            guard let n = Int(digits), n <= QuerySyntax.maxSlop else {
                throw fail(tilde, max(1, i - tilde), "'~' after a phrase needs a number of words from 0 to \(QuerySyntax.maxSlop), as in \"lavrov choe\"~3")
            }
            slop = n
        }
        if i < chars.count && !chars[i].isWhitespace && chars[i] != ")" {
            throw fail(i, 1, "put a space between the closing quote and what follows")
        }
        let terms = analyzer.terms(in: inside)
        guard !terms.isEmpty else { throw fail(at, j - at + 1, "the quotes hold no word to search for") }
        if terms.count == 1 {
            return [.match(.init(.term(terms[0]), scope: scope, column: at, length: j - at + 1))]
        }
        return [.match(.init(.phrase(terms, slop: slop, ordered: true), scope: scope, column: at, length: j - at + 1))]
    }

    /// `NEAR(a b c)` or `NEAR(a b c, N)`.
    mutating func parseNear() throws(QueryError) -> [QueryNode] {
        let at = i
        var j = i + 5
        while j < chars.count && chars[j] != ")" && chars[j] != "(" && chars[j] != "\"" { j += 1 }
        guard j < chars.count, chars[j] == ")" else {
            throw fail(at, 5, j < chars.count ? "NEAR(…) holds plain words and a distance, as in NEAR(lavrov choe, 5)"
                                              : "unbalanced parenthesis: this NEAR( is never closed")
        }
        var inside = String(chars[(i + 5)..<j])
        var distance = QuerySyntax.defaultNearDistance
        if let comma = inside.lastIndex(of: ",") {
            let n = inside[inside.index(after: comma)...].withoutSurroundingSpaces
            guard let d = Int(n), d >= 0, d <= QuerySyntax.maxSlop else {
                let column = i + 5 + inside.distance(from: inside.startIndex, to: comma)
                throw fail(column, j - column, "NEAR's distance must be a number of words from 0 to \(QuerySyntax.maxSlop), as in NEAR(lavrov choe, 5)")
            }
            distance = d
            inside = String(inside[..<comma])
        }
        let terms = analyzer.terms(in: inside)
        guard terms.count >= 2 else { throw fail(at, j - at + 1, "NEAR needs at least two words, as in NEAR(lavrov choe, 5)") }
        i = j + 1
        return [.match(.init(.phrase(terms, slop: distance, ordered: false), scope: scope, column: at, length: j - at + 1))]
    }

    /// The value after `field:`.
    mutating func parseField(_ field: String, at: Int, nameLength: Int) throws(QueryError) -> [QueryNode] {
        if inField { throw fail(at, nameLength + 1, "a field cannot be used inside another field's group") }
        switch field {
        case "date", "path":
            let valueStart = i
            var value: String
            if chars[i] == "\"" {
                var j = i + 1
                while j < chars.count && chars[j] != "\"" { j += 1 }
                guard j < chars.count else { throw fail(i, 1, "unbalanced quote: this '\"' is never closed") }
                value = String(chars[(i + 1)..<j])
                i = j + 1
            } else {
                var j = i
                while j < chars.count && !chars[j].isWhitespace && chars[j] != ")" && chars[j] != "(" { j += 1 }
                value = String(chars[i..<j])
                i = j
            }
            if field == "path" {
                while value.hasPrefix("./") { value.removeFirst(2) }
                guard !value.isEmpty else { throw fail(valueStart, 1, "path: needs the start of a path, e.g. path:text/") }
                return [.path(value)]
            }
            do {
                return [.date(try DateRange.parse(value, today: today))]
            } catch {
                throw fail(valueStart, max(1, i - valueStart), Self.dateMessage(value, error))
            }
        default:
            let saved = scope
            scope = switch field {
            case "title": .title
            case "source": .field(.source)
            case "byline": .field(.byline)
            default: .field(.place)
            }
            inField = true
            defer {
                scope = saved
                inField = false
            }
            if chars[i] == "-" || chars[i] == "+" { throw fail(i, 1, "put '\(chars[i])' before the field name: -\(field):…") }
            let pieces = try parsePrimary(required: true)
            if pieces.count > 1 { return [.boolean(must: pieces, should: [], mustNot: [])] }
            return pieces
        }
    }

    static func dateMessage(_ value: String, _ problem: DateRange.Problem) -> String {
        switch problem {
        case .impossible: return "there is no such date as \(value)"
        case .reversed: return "the date range \(value) ends before it starts"
        case .noToday: return "a relative date (\(value)) is not accepted here"
        case .malformed:
            return "'\(value)' is not a date: write 2025-10-27, 2025-10 or 2025, a range 2025-10-01..2025-10-31 (either end may be left open), or 7d, 2w, 3m, 1y back from today"
        }
    }
}

private extension Substring {
    /// Without leading and trailing spaces.
    var withoutSurroundingSpaces: Substring {
        var s = self
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}
