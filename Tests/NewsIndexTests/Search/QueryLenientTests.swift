import Testing
@testable import NewsIndex

/// A query that breaks the language's rules is searched as its plain words, with a note
/// naming the fault and its column; a date filter that does not exist stays an error, and so
/// does a query with nothing left to search for.
@Suite struct QueryLenientTests {
    let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 11, day: 1))
    let plain = QueryParser(analyzer: .standard)

    /// Every fault the language knows, with its summary and its column (from 1).
    static let faults: [(query: String, summary: String, column: Int)] = [
        ("harm French agriculture \"?finance minister", "unbalanced quote", 25),
        ("Trevor Noah On The GOP Health Plan: 'You Done F**ked Up'", "wildcard inside a word", 48),
        ("titel:kursk", "unknown field 'titel'", 1),
        ("(Lavrov Kursk", "unbalanced parenthesis", 1),
        ("Lavrov) Kursk", "unbalanced parenthesis", 7),
        ("Lavrov OR", "OR with nothing after it", 8),
        ("AND Lavrov", "AND with nothing before it", 1),
        ("Lavrov AND", "AND with nothing after it", 8),
        ("Lavrov NOT", "NOT with nothing after it", 8),
        ("Lavrov -)", "'-' with nothing after it", 8),
        ("Lavrov () Kursk", "empty parentheses", 8),
        (String(repeating: "(", count: 65) + "Lavrov" + String(repeating: ")", count: 65), "groups nested too deeply", 65),
        ("title: Lavrov", "title: without a value", 1),
        ("Lavrov k*", "wildcard after one letter", 8),
        ("Lavrov Jong-un*", "wildcard after several words", 8),
        ("Lavrov \"Kursk\"~x", "bad '~' distance", 15),
        ("\"Lavrov\"Kursk", "no space after a closing quote", 9),
        ("Lavrov \"?\"", "empty quotes", 8),
        ("NEAR(Lavrov \"Kursk)", "marks inside NEAR(…)", 1),
        ("NEAR(Lavrov Kursk", "unbalanced parenthesis", 1),
        ("NEAR(Lavrov Kursk, x)", "bad NEAR distance", 18),
        ("NEAR(Lavrov) Kursk", "NEAR with fewer than two words", 1),
        ("title:(Lavrov source:tass)", "field inside a field", 15),
        ("Lavrov path:./", "path: without a value", 13),
        ("Lavrov title:-Kursk", "sign after a field name", 14),
        ("Lavrov source:?", "field value without a word", 15),
    ]

    @Test(arguments: faults)
    func aFaultIsNotedAndTheQuerySearchedAsItsPlainWords(_ fault: (query: String, summary: String, column: Int)) throws {
        let reading = try syntax.parseLeniently(fault.query)
        #expect(reading.note == QueryNote(summary: fault.summary, column: fault.column - 1), "\(fault.query)")
        #expect(reading.tree.flatQuery() == (try plain.parse(fault.query)), "\(fault.query)")
    }

    @Test(arguments: faults)
    func theStrictReadingRefusesTheSameFaultAtTheSameColumn(_ fault: (query: String, summary: String, column: Int)) {
        do {
            _ = try syntax.parse(fault.query)
            Issue.record("\(fault.query) parsed")
        } catch {
            guard case .syntax(_, let column, _, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(column == fault.column - 1, "\(fault.query)")
        }
    }

    @Test func theNoteReadsAsTheUserSeesIt() {
        #expect(QueryNote(summary: "unbalanced quote", column: 47).description
            == "unbalanced quote at column 48 ignored; searched as plain words")
    }

    @Test func aQueryThatParsesHasNoNoteAndTheSameTree() throws {
        for q in ["Lavrov Kursk", "\"foreign minister\" -source:tass", "Plan: 'You Done'", "date:2025-10 Lavrov"] {
            let reading = try syntax.parseLeniently(q)
            #expect(reading.note == nil, "\(q)")
            #expect(reading.tree == (try syntax.parse(q)), "\(q)")
        }
    }

    @Test func wordsKeepTheirColumnsForSuggestions() throws {
        let reading = try syntax.parseLeniently("Lavrof \"Kursk")
        #expect(reading.tree.positiveMatches.map(\.column) == [0, 8])
    }

    @Test(arguments: ["date:2025-13-45", "Lavrov date:2025-02-30", "Lavrov \"Kursk date:2025-13-45", "(date:2025-12-01..2025-11-01",
                      "Lavrov title: x date:soon"])
    func aDateThatIsNoDateStaysAnError(_ query: String) {
        #expect(throws: QueryError.self) { try syntax.parseLeniently(query) }
        do {
            _ = try syntax.parseLeniently(query)
        } catch {
            guard case .syntax(_, _, _, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(message.contains("date") || message.contains("range"), "\(message)")
        }
    }

    @Test func aRelativeDateWithoutTodayStaysAnError() {
        let undated = QuerySyntax(analyzer: .standard, today: nil)
        #expect(throws: QueryError.self) { try undated.parseLeniently("Lavrov date:7d (") }
    }

    @Test(arguments: ["\"", "( )", "*", "\"?\"", "-", "( ) *"])
    func nothingLeftToSearchForIsAnError(_ query: String) {
        #expect(throws: QueryError.noSearchableTerms(query: query)) { try syntax.parseLeniently(query) }
    }
}
