/// Parses the query language into a `QueryNode` tree.
///
///     lavrov kursk                 both words (with `.any`: either, more is better)
///     "foreign minister"           an exact phrase; "a b"~3 allows 3 extra words, in order
///     NEAR(lavrov pyongyang, 5)    the words at most 5 words apart, in any order (default 10)
///     a AND b, a OR b, NOT a, -a   operators (upper case); +a requires a word under .any
///     (a OR b) c                   grouping
///     kurs*                        words starting with `kurs` (at least two letters)
///     title:  source:  byline:  place:  lang:  path:  date:
///
/// Precedence, loosest first: `OR`, then `AND` (written or implied by juxtaposition),
/// then `NOT`/`-`/`+`. Words are analyzed as stories are; bare stop words are left out
/// unless nothing else remains (as `QueryParser` does). Fields (`source:`, `byline:`,
/// `place:`, `lang:`), dates and paths filter: they always restrict, even under `.any`, and add
/// nothing to the score. A query in capitals has no operators (`readsOperators`): old wire
/// copy and many people's queries are written so. `parse` refuses what the language cannot
/// read with a `QueryError.syntax` pointing at the column at fault; `parseLeniently`
/// searches it as its plain words instead, with a `QueryNote` that says so.
public struct QuerySyntax: Sendable {
    public let analyzer: Analyzer
    /// Anchors relative dates (`date:7d`); nil refuses them.
    public var today: StoryDate?

    public init(analyzer: Analyzer, today: StoryDate? = nil) {
        self.analyzer = analyzer
        self.today = today
    }

    /// The field names `name:` may use.
    public static let fieldNames = ["title", "source", "byline", "place", "lang", "path", "date"]

    /// Proximity bounds: positions of the headline and the body are `SegmentFormat.bodyPositionGap`
    /// apart, so a larger window could join them.
    public static let maxSlop = 60
    public static let defaultNearDistance = 10
    static let maxDepth = 64

    /// Whether `text` is only words, with none of the language's marks (quotes, brackets,
    /// `:`, `*`, `~`, `+`, `-`) nor its operators: such a query means what `QueryParser`
    /// makes of it, which a search process can use without building a tree. A query in
    /// capitals has no operators (`readsOperators`), so its `AND` or `NOT` is a plain word.
    public static func isPlainWords(_ text: String) -> Bool {
        var word: [UInt8] = []
        var operators = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "*"),
                 UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                return false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                operators = operators || isOperator(word)
                word.removeAll(keepingCapacity: true)
            default:
                if word.count < 4 { word.append(byte) } else { word = [0, 0, 0, 0, 0] }
            }
        }
        operators = operators || isOperator(word)
        return !operators || !readsOperators(text)
    }

    private static func isOperator(_ word: [UInt8]) -> Bool {
        word.elementsEqual("AND".utf8) || word.elementsEqual("OR".utf8) || word.elementsEqual("NOT".utf8)
    }

    /// The words that are operators when written in capitals.
    static let operatorWords = ["AND", "OR", "NOT", "NEAR"]

    /// Whether `AND`, `OR`, `NOT` and `NEAR(…)` in `text` are operators. They are not when
    /// every cased letter outside those words is a capital (and there is at least one): old
    /// wire copy, agency headlines and many people's queries are written in capitals, where
    /// `PRESIDENT WILL NOT ATTEND SUMMIT` means words, not "leave out ATTEND". Text without
    /// cased letters (Korean, Chinese, digits) keeps the operators: `서울 OR 평양`.
    public static func readsOperators(_ text: String) -> Bool {
        var sawCapital = false
        var run: [Unicode.Scalar] = []
        /// The run of letters just ended: false when it holds a lower-case letter outside the operator words.
        func endRun() -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            if run.count <= 4, operatorWords.contains(where: { $0.unicodeScalars.elementsEqual(run) }) { return true }
            for scalar in run {
                if scalar.isASCII {
                    if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                    if scalar.value >= 0x41 && scalar.value <= 0x5A { sawCapital = true }
                } else if scalar.properties.isCased {
                    guard scalar.properties.isUppercase else { return false }
                    sawCapital = true
                }
            }
            return true
        }
        for scalar in text.unicodeScalars {
            let isLetter = scalar.isASCII
                ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
                : scalar.properties.isAlphabetic
            if isLetter {
                run.append(scalar)
            } else if !run.isEmpty, !endRun() {
                return true
            }
        }
        if !run.isEmpty, !endRun() { return true }
        return !sawCapital
    }

    /// The tree of `text`, or the reason it breaks the language's rules (`QueryError.syntax`
    /// with a caret display, for scripts that want no guessing: `search --strict`).
    public func parse(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> QueryNode {
        do {
            return try tree(text, mode: mode, operators: Self.readsOperators(text))
        } catch let fault {
            throw fault.error(in: text)
        }
    }

    /// The tree of `text`, or, when `text` breaks the language's rules, the tree of its plain
    /// words with a note naming the fault, as Elasticsearch's `lenient` reading: a pasted
    /// headline (`Plan: 'You Done F**ked Up'`, `"?finance minister`) is still searched. A
    /// date that does not exist, or a `lang:` that names no language, stays an error:
    /// whoever wrote `date:` or `lang:` meant a filter, and
    /// searching without it would answer with the wrong stories. So does a query with no
    /// word to search for, before or after the fallback.
    public func parseLeniently(_ text: String, mode: Query.Mode = .all) throws(QueryError) -> LenientQuery {
        let operators = Self.readsOperators(text)
        let fault: QueryFault
        do {
            return LenientQuery(tree: try tree(text, mode: mode, operators: operators), note: nil)
        } catch let f {
            fault = f
        }
        if fault.isFilterValue { throw fault.error(in: text) }
        if let bad = badFilterValue(in: text) { throw bad.error(in: text) }
        let words: QueryNode
        do {
            words = try tree(Self.plainWords(text), mode: mode, operators: false)
        } catch {
            throw .noSearchableTerms(query: text)
        }
        return LenientQuery(tree: words, note: QueryNote(summary: fault.summary, column: fault.column))
    }

    /// `text` with the language's marks (quotes, brackets, `:`, `*`, `~`, and `+`/`-` that
    /// start a word) made spaces, so that each word keeps its column.
    static func plainWords(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in text {
            switch c {
            case "\"", "(", ")", ":", "*", "~": previous = " "
            case "+" where previous.isWhitespace, "-" where previous.isWhitespace: previous = " "
            default: previous = c
            }
            out.append(previous)
        }
        return out
    }

    /// The first `date:` or `lang:` filter in `text` whose value is not a date or a language,
    /// looked for when another fault sends the query to its plain words: a filter the user
    /// meant is never dropped silently.
    func badFilterValue(in text: String) -> QueryFault? {
        let chars = Array(text)
        var i = 0
        while i + 5 < chars.count {
            let startsWord = i == 0 || chars[i - 1].isWhitespace || chars[i - 1] == "(" || chars[i - 1] == "-" || chars[i - 1] == "+"
            let name = String(chars[i..<(i + 5)]).lowercased()
            guard startsWord, name == "date:" || name == "lang:" else {
                i += 1
                continue
            }
            var j = i + 5
            let quoted = chars[j] == "\""
            if quoted { j += 1 }
            let valueStart = j
            while j < chars.count && (quoted ? chars[j] != "\"" : !chars[j].isWhitespace && chars[j] != ")" && chars[j] != "(") { j += 1 }
            let value = String(chars[valueStart..<j])
            if !value.isEmpty {
                if name == "lang:" {
                    if LanguageTag.filterCode(value) == nil {
                        return QueryFault(column: valueStart, length: max(1, j - valueStart), summary: "bad language",
                                          message: QueryReader.languageMessage(value), isFilterValue: true)
                    }
                } else {
                    do {
                        _ = try DateRange.parse(value, today: today)
                    } catch {
                        return QueryFault(column: valueStart, length: max(1, j - valueStart), summary: "bad date",
                                          message: QueryReader.dateMessage(value, error), isFilterValue: true)
                    }
                }
            }
            i = j
        }
        return nil
    }

    func tree(_ text: String, mode: Query.Mode, operators: Bool) throws(QueryFault) -> QueryNode {
        var p = QueryReader(text: text, chars: Array(text), analyzer: analyzer, mode: mode, today: today, operators: operators)
        let tree = try p.parseAll()
        guard let pruned = Self.prune(tree, dropStopWords: Self.hasContent(tree)) else {
            throw QueryFault.nothingToSearch
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
    /// Whether `AND`, `OR`, `NOT` and `NEAR(…)` are operators (`QuerySyntax.readsOperators`).
    let operators: Bool
    var i = 0
    var depth = 0
    /// The field a `field:(…)` group applies to its words.
    var scope: QueryNode.Scope = .text
    var inField = false
    /// The stop list of the query's likeliest language (`QueryLanguages.stopWords(for:)`).
    let stopWords: StopWords?

    init(text: String, chars: [Character], analyzer: Analyzer, mode: Query.Mode, today: StoryDate?, operators: Bool) {
        self.text = text
        self.chars = chars
        self.analyzer = analyzer
        self.mode = mode
        self.today = today
        self.operators = operators
        stopWords = analyzer.queryLanguages.stopWords(for: { analyzer.lowerCaseWords(in: text) })
    }

    /// How words in the current scope are read: as the stories' text is, or, for a metadata
    /// field (`source:`, `byline:`, `place:`), as fields are indexed, in English alone
    /// (`SegmentWriter.addField`), never with other languages' forms.
    var scopeAnalyzer: Analyzer {
        if case .field = scope { return analyzer.forQueries(.english) }
        return analyzer
    }

    enum Occur { case must, should, mustNot }

    func fail(_ column: Int, _ length: Int, _ summary: String, _ message: String, filterValue: Bool = false) -> QueryFault {
        QueryFault(column: column, length: length, summary: summary, message: message, isFilterValue: filterValue)
    }

    var atEnd: Bool { i >= chars.count }

    mutating func skipSpace() {
        while i < chars.count && chars[i].isWhitespace { i += 1 }
    }

    /// Whether an upper-case operator word starts at `i` (followed by a space, a bracket or the end).
    func operatorAhead(_ word: String) -> Bool {
        guard operators else { return false }
        let w = Array(word)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        let after = i + w.count
        return after == chars.count || chars[after].isWhitespace || chars[after] == "(" || chars[after] == ")"
            || chars[after] == "\"" || chars[after] == "-" || chars[after] == "+"
    }

    mutating func parseAll() throws(QueryFault) -> QueryNode {
        let node = try parseOr()
        skipSpace()
        if !atEnd { throw fail(i, 1, "unbalanced parenthesis", "unbalanced parenthesis: this ')' closes nothing") }
        return node
    }

    mutating func parseOr() throws(QueryFault) -> QueryNode {
        var alternatives = [try parseSequence()]
        while true {
            skipSpace()
            guard operatorAhead("OR") else { break }
            let at = i
            i += 2
            skipSpace()
            if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") {
                throw fail(at, 2, "OR with nothing after it", "OR needs something to search for after it")
            }
            alternatives.append(try parseSequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .boolean(must: [], should: alternatives, mustNot: [])
    }

    /// Clauses joined by AND, written or implied, up to OR, `)` or the end.
    mutating func parseSequence() throws(QueryFault) -> QueryNode {
        var clauses: [(QueryNode, Occur)] = []
        var requireNext = false
        let start = i
        while true {
            skipSpace()
            if atEnd || chars[i] == ")" || operatorAhead("OR") { break }
            let at = i
            if operatorAhead("AND") {
                guard !clauses.isEmpty else { throw fail(at, 3, "AND with nothing before it", "AND needs something to search for before it") }
                i += 3
                skipSpace()
                if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") {
                    throw fail(at, 3, "AND with nothing after it", "AND needs something to search for after it")
                }
                if clauses[clauses.count - 1].1 == .should { clauses[clauses.count - 1].1 = .must }
                requireNext = true
                continue
            }
            if operatorAhead("NOT") {
                i += 3
                skipSpace()
                if atEnd || chars[i] == ")" || operatorAhead("OR") || operatorAhead("AND") || operatorAhead("NOT") {
                    throw fail(at, 3, "NOT with nothing after it", "NOT needs something to leave out after it")
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
                if chars[i] == ")" { throw fail(at, 1, "'\(sign)' with nothing after it", "'\(sign)' needs a word, phrase or group right after it") }
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
                // Filters restrict even under `.any`: a date or a source is not a word to rank by.
                let occur: Occur = mode == .all || requireNext || p.onlyFilters ? .must : .should
                clauses.append((p, occur))
            }
            requireNext = false
        }
        if clauses.isEmpty {
            // Only words that analyze to nothing, or nothing at all.
            if i < chars.count && chars[i] == ")" && depth > 0 && start == i {
                throw fail(i, 1, "empty parentheses", "empty parentheses: put something to search for inside")
            }
            return .boolean(must: [], should: [], mustNot: [])
        }
        let must = clauses.filter { $0.1 == .must }.map(\.0)
        let should = clauses.filter { $0.1 == .should }.map(\.0)
        let mustNot = clauses.filter { $0.1 == .mustNot }.map(\.0)
        return .boolean(must: must, should: should, mustNot: mustNot)
    }

    /// Several pieces (the words of `Jong-un`) as one clause.
    func group(_ pieces: [QueryNode]) -> QueryNode {
        pieces.count == 1 ? pieces[0] : .boolean(must: pieces, should: [], mustNot: [])
    }

    /// After NOT: a primary, which may itself be signed.
    mutating func parseUnary() throws(QueryFault) -> [QueryNode] {
        if chars[i] == "-" || chars[i] == "+", i + 1 < chars.count, !chars[i + 1].isWhitespace { i += 1 }
        return try parsePrimary(required: false)
    }

    /// A group, phrase, NEAR, field or word. A word may give several pieces (its tokens),
    /// or none (punctuation).
    mutating func parsePrimary(required: Bool) throws(QueryFault) -> [QueryNode] {
        let at = i
        let c = chars[i]
        if c == "(" {
            depth += 1
            guard depth <= QuerySyntax.maxDepth else { throw fail(at, 1, "groups nested too deeply", "groups are nested too deeply") }
            i += 1
            skipSpace()
            if !atEnd && chars[i] == ")" { throw fail(at, i - at + 1, "empty parentheses", "empty parentheses: put something to search for inside") }
            let inner = try parseOr()
            skipSpace()
            guard !atEnd, chars[i] == ")" else { throw fail(at, 1, "unbalanced parenthesis", "unbalanced parenthesis: this '(' is never closed") }
            i += 1
            depth -= 1
            return [inner]
        }
        if c == ")" { throw fail(at, 1, "unbalanced parenthesis", "unbalanced parenthesis: this ')' closes nothing") }
        if c == "\"" { return try parsePhrase() }
        if operators && i + 5 <= chars.count && String(chars[i..<(i + 5)]) == "NEAR(" { return try parseNear() }
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
                        throw fail(at, name.count + 1, "\(field): without a value", "\(field): needs something right after the colon, e.g. \(field):\(Self.example(field))")
                    }
                    i = valueStart
                    return try parseField(field, at: at, nameLength: name.count)
                }
                if hasValue {
                    throw fail(at, name.count, "unknown field '\(name)'", "unknown field '\(name)': the fields are title, source, byline, place, lang, path and date (to search for the text itself, put it in quotes)")
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
        case "lang": return "ko"
        default: return "lavrov"
        }
    }

    /// A bare word: its analyzed terms, or a prefix for a trailing `*`.
    mutating func words(_ word: String, at: Int, required: Bool) throws(QueryFault) -> [QueryNode] {
        if let star = word.firstIndex(of: "*") {
            let offset = word.distance(from: word.startIndex, to: star)
            guard offset == word.count - 1 else {
                throw fail(at + offset, 1, "wildcard inside a word", "a wildcard can only end a word, as in kurs*")
            }
            let stem = String(word.dropLast())
            let folded = Analyzer.folding.terms(in: stem)
            guard folded.count == 1, let prefix = folded.first else {
                throw fail(at, word.count, folded.isEmpty ? "wildcard without a word" : "wildcard after several words", folded.isEmpty
                    ? "a wildcard needs the start of a word before it, as in kurs*"
                    : "a wildcard applies to one word; '\(stem)' is several")
            }
            guard prefix.count >= 2 else { throw fail(at, word.count, "wildcard after one letter", "give at least two letters before the wildcard, as in kurs*") }
            return [.match(.init(.prefix(prefix), scope: scope, column: at, length: word.count))]
        }
        let words = scopeAnalyzer.queryWords(in: word)
        if words.isEmpty && inField {
            throw fail(at, word.count, "field value without a word", "'\(word)' has no word to search for")
        }
        return words.map { w in
            let stop = !required && scope == .text && stopWords?.contains(w.lowerCase) == true
            return .match(.init(.term(w.term), scope: scope, column: at, length: word.count, isStopWord: stop))
        }
    }

    /// `"…"`, optionally followed by `~N`.
    mutating func parsePhrase() throws(QueryFault) -> [QueryNode] {
        let at = i
        var j = i + 1
        while j < chars.count && chars[j] != "\"" { j += 1 }
        guard j < chars.count else { throw fail(at, 1, "unbalanced quote", "unbalanced quote: this '\"' is never closed") }
        let inside = String(chars[(i + 1)..<j])
        i = j + 1
        var slop = 0
        if i < chars.count && chars[i] == "~" {
            let tilde = i
            i += 1
            var digits = ""
            while i < chars.count && chars[i].isASCII && chars[i].isNumber { digits.append(chars[i]); i += 1 }
            guard let n = Int(digits), n <= QuerySyntax.maxSlop else {
                throw fail(tilde, max(1, i - tilde), "bad '~' distance", "'~' after a phrase needs a number of words from 0 to \(QuerySyntax.maxSlop), as in \"lavrov choe\"~3")
            }
            slop = n
        }
        if i < chars.count && !chars[i].isWhitespace && chars[i] != ")" {
            throw fail(i, 1, "no space after a closing quote", "put a space between the closing quote and what follows")
        }
        let terms = scopeAnalyzer.terms(in: inside)
        guard !terms.isEmpty else { throw fail(at, j - at + 1, "empty quotes", "the quotes hold no word to search for") }
        if terms.count == 1 {
            return [.match(.init(.term(terms[0]), scope: scope, column: at, length: j - at + 1))]
        }
        return [.match(.init(.phrase(terms, slop: slop, ordered: true), scope: scope, column: at, length: j - at + 1))]
    }

    /// `NEAR(a b c)` or `NEAR(a b c, N)`.
    mutating func parseNear() throws(QueryFault) -> [QueryNode] {
        let at = i
        var j = i + 5
        while j < chars.count && chars[j] != ")" && chars[j] != "(" && chars[j] != "\"" { j += 1 }
        guard j < chars.count, chars[j] == ")" else {
            throw fail(at, 5, j < chars.count ? "marks inside NEAR(…)" : "unbalanced parenthesis", j < chars.count ? "NEAR(…) holds plain words and a distance, as in NEAR(lavrov choe, 5)"
                                              : "unbalanced parenthesis: this NEAR( is never closed")
        }
        var inside = String(chars[(i + 5)..<j])
        var distance = QuerySyntax.defaultNearDistance
        if let comma = inside.lastIndex(of: ",") {
            let n = inside[inside.index(after: comma)...].withoutSurroundingSpaces
            guard let d = Int(n), d >= 0, d <= QuerySyntax.maxSlop else {
                let column = i + 5 + inside.distance(from: inside.startIndex, to: comma)
                throw fail(column, j - column, "bad NEAR distance", "NEAR's distance must be a number of words from 0 to \(QuerySyntax.maxSlop), as in NEAR(lavrov choe, 5)")
            }
            distance = d
            inside = String(inside[..<comma])
        }
        let terms = scopeAnalyzer.terms(in: inside)
        guard terms.count >= 2 else { throw fail(at, j - at + 1, "NEAR with fewer than two words", "NEAR needs at least two words, as in NEAR(lavrov choe, 5)") }
        i = j + 1
        return [.match(.init(.phrase(terms, slop: distance, ordered: false), scope: scope, column: at, length: j - at + 1))]
    }

    /// The value after `field:`.
    mutating func parseField(_ field: String, at: Int, nameLength: Int) throws(QueryFault) -> [QueryNode] {
        if inField { throw fail(at, nameLength + 1, "field inside a field", "a field cannot be used inside another field's group") }
        switch field {
        case "lang":
            let valueStart = i
            var j = i
            while j < chars.count && !chars[j].isWhitespace && chars[j] != ")" && chars[j] != "(" { j += 1 }
            let value = String(chars[i..<j])
            i = j
            guard let code = LanguageTag.filterCode(value) else {
                throw fail(valueStart, j - valueStart, "bad language", Self.languageMessage(value), filterValue: true)
            }
            return [.match(.init(.term(code), scope: .field(.language), column: at, length: j - at))]
        case "date", "path":
            let valueStart = i
            var value: String
            if chars[i] == "\"" {
                var j = i + 1
                while j < chars.count && chars[j] != "\"" { j += 1 }
                guard j < chars.count else { throw fail(i, 1, "unbalanced quote", "unbalanced quote: this '\"' is never closed") }
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
                guard !value.isEmpty else { throw fail(valueStart, 1, "path: without a value", "path: needs the start of a path, e.g. path:text/") }
                return [.path(value)]
            }
            do {
                return [.date(try DateRange.parse(value, today: today))]
            } catch {
                throw fail(valueStart, max(1, i - valueStart), "bad date", Self.dateMessage(value, error), filterValue: true)
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
            if chars[i] == "-" || chars[i] == "+" { throw fail(i, 1, "sign after a field name", "put '\(chars[i])' before the field name: -\(field):…") }
            let pieces = try parsePrimary(required: true)
            if pieces.count > 1 { return [.boolean(must: pieces, should: [], mustNot: [])] }
            return pieces
        }
    }

    static func languageMessage(_ value: String) -> String {
        "'\(value)' is not a language code: write a two- or three-letter code such as en, ko, ru or zh (und for stories whose language is unknown)"
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
