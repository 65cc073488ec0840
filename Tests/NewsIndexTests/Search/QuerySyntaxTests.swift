import Testing
@testable import NewsIndex

/// The query language's parser: one test per construct, per error, and combinations.
@Suite struct QuerySyntaxTests {
    let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 11, day: 1))

    func parse(_ q: String, _ mode: Query.Mode = .all) throws -> QueryNode { try syntax.parse(q, mode: mode) }
    func term(_ t: String, _ scope: QueryNode.Scope = .text) -> QueryNode.Match.Kind { .term(t) }

    /// The kinds and scopes of the tree's positive matches, for compact comparisons.
    func leaves(_ q: String, _ mode: Query.Mode = .all) throws -> [String] {
        try parse(q, mode).positiveMatches.map { m in
            let scope: String = switch m.scope {
            case .text: ""
            case .title: "title:"
            case .field(let f): "\(f):"
            }
            switch m.kind {
            case .term(let t): return scope + t
            case .prefix(let p): return scope + p + "*"
            case .phrase(let ts, let slop, let ordered): return scope + (ordered ? "\"\(ts.joined(separator: " "))\"~\(slop)" : "NEAR(\(ts.joined(separator: " ")),\(slop))")
            }
        }
    }

    /// The column and message of the error `q` raises.
    func error(_ q: String) -> (column: Int, length: Int, message: String)? {
        do {
            _ = try syntax.parse(q)
            return nil
        } catch {
            guard case .syntax(let query, let column, let length, let message) = error else { return nil }
            #expect(query == q)
            return (column, length, message)
        }
    }

    @Test func plainWordsStayAFlatQuery() throws {
        #expect(try parse("Lavrov Kursk").flatQuery() == Query(terms: ["lavrov", "kursk"], mode: .all))
        #expect(try parse("Lavrov Kursk", .any).flatQuery() == Query(terms: ["lavrov", "kursk"], mode: .any))
        #expect(try parse("talks talks").flatQuery() == Query(terms: ["talk"], frequencies: [2], mode: .all))
        // The same terms as the plain parser gives, stop words and hyphens included.
        for q in ["the talks of Kim Jong-un", "the who", "U.S. sanctions", "what"] {
            #expect(try parse(q).flatQuery() == (try QueryParser(analyzer: .standard).parse(q)), "\(q)")
        }
    }

    @Test func groupsOfPlainWordsInTheModesOwnSenseStayAFlatQuery() throws {
        #expect(try parse("mycoplasma (infection or presence) in embryo", .any).flatQuery()
            == Query(terms: ["mycoplasma", "infect", "presenc", "embryo"], mode: .any))
        #expect(try parse("bone (bone marrow) bone", .any).flatQuery()
            == Query(terms: ["bone", "marrow"], frequencies: [3, 1], mode: .any))
        #expect(try parse("Lavrov (Kursk (Moscow))").flatQuery() == Query(terms: ["lavrov", "kursk", "moscow"], mode: .all))
        #expect(try parse("Lavrov (Kursk OR Moscow)").flatQuery() == nil, "an OR group inside all-terms is not flat")
        #expect(try parse("Lavrov -Kursk", .any).flatQuery() == nil)
    }

    @Test(arguments: [Query(terms: ["lavrov", "kursk"], frequencies: [2, 1], mode: .any),
                      Query(terms: ["talk"], mode: .all), Query(terms: ["a", "b", "c"], mode: .all)])
    func aPlainQuerysTreeFlattensBackToIt(query: Query) {
        #expect(QueryNode(query).flatQuery() == query)
    }

    @Test(arguments: ["Lavrov Kursk", "russia sanctions oil", "and or not", "ANDROID ORBIT NOTE", "U.S. 38.13 Korea's", "Москва"])
    func wordsWithoutMarksOrOperatorsArePlain(text: String) throws {
        #expect(QuerySyntax.isPlainWords(text))
        #expect(try parse(text).flatQuery() == (try QueryParser(analyzer: .standard).parse(text)))
    }

    @Test(arguments: ["\"Lavrov\"", "(a)", "title:x", "kurs*", "a~2", "+a", "-a", "Jong-un", "a AND b", "a OR b", "NOT a", "a\tOR"])
    func marksAndOperatorsAreNotPlain(text: String) {
        #expect(!QuerySyntax.isPlainWords(text))
    }

    @Test func phrases() throws {
        #expect(try leaves("\"foreign minister\"") == ["\"foreign minist\"~0"])
        #expect(try leaves("\"foreign minister\"~3") == ["\"foreign minist\"~3"])
        #expect(try leaves("\"Lavrov\"") == ["lavrov"])
        // Stop words stay in phrases: positions count them.
        #expect(try leaves("\"secretary of state\"") == ["\"secretari of state\"~0"])
        #expect(try parse("\"a b\"").flatQuery() == nil)
    }

    @Test func near() throws {
        #expect(try leaves("NEAR(lavrov moscow, 3)") == ["NEAR(lavrov moscow,3)"])
        #expect(try leaves("NEAR(lavrov moscow)") == ["NEAR(lavrov moscow,10)"])
    }

    @Test func operators() throws {
        #expect(try parse("a1 AND b1") == .boolean(must: [.match(.init(.term("a1"), column: 0, length: 2)),
                                                          .match(.init(.term("b1"), column: 7, length: 2))], should: [], mustNot: []))
        guard case .boolean(let m, let s, let n) = try parse("x1 OR y1 -z1") else { Issue.record(); return }
        #expect(m.isEmpty && n.isEmpty && s.count == 2)
        guard case .boolean(let m2, _, let n2) = try parse("x1 NOT z1") else { Issue.record(); return }
        #expect(m2.count == 1 && n2.count == 1)
        guard case .boolean(let m3, let s3, let n3) = try parse("x1 +y1 -z1", .any) else { Issue.record(); return }
        #expect(m3.count == 1 && s3.count == 1 && n3.count == 1)
        // AND makes both neighbours required under .any.
        guard case .boolean(let m4, let s4, _) = try parse("w1 x1 AND y1", .any) else { Issue.record(); return }
        #expect(m4.count == 2 && s4.count == 1)
        // Lower-case and/or/not are words (stop words), not operators.
        #expect(try leaves("lavrov or kursk") == ["lavrov", "kursk"])
    }

    @Test func orBindsLooserThanAnd() throws {
        guard case .boolean(let m, let s, _) = try parse("a1 b1 OR c1") else { Issue.record(); return }
        #expect(m.isEmpty && s.count == 2)
        guard case .boolean(let inner, _, _) = s[0] else { Issue.record(); return }
        #expect(inner.count == 2)
    }

    @Test func parenthesesGroup() throws {
        guard case .boolean(let m, _, _) = try parse("a1 (b1 OR c1)") else { Issue.record(); return }
        #expect(m.count == 2)
        #expect(try leaves("((lavrov))") == ["lavrov"])
    }

    @Test func pureNegationKeepsEverythingElse() throws {
        #expect(try parse("-sport") == .boolean(must: [], should: [], mustNot: [.match(.init(.term("sport"), column: 1, length: 5))]))
    }

    @Test func prefixes() throws {
        #expect(try leaves("Kurs*") == ["kurs*"])
        #expect(try leaves("title:kurs*") == ["title:kurs*"])
    }

    @Test func fields() throws {
        #expect(try leaves("title:Kursk") == ["title:kursk"])
        #expect(try leaves("source:Yonhap") == ["source:yonhap"])
        #expect(try leaves("byline:Smith place:Seoul") == ["byline:smith", "place:seoul"])
        #expect(try leaves("title:\"north korea\"") == ["title:\"north korea\"~0"])
        #expect(try leaves("title:(kim OR choe)") == ["title:kim", "title:choe"])
        #expect(try parse("path:./text/na") == .path("text/na"))
        #expect(try parse("path:\"sub dir/\"") == .path("sub dir/"))
        // Field names are case-blind; a colon not after a field name is text.
        #expect(try leaves("TITLE:kursk") == ["title:kursk"])
        #expect(try leaves("Note: lavrov") == ["note", "lavrov"])
    }

    @Test func fieldsFilterEvenUnderAny() throws {
        guard case .boolean(let m, let s, _) = try parse("source:yonhap lavrov kursk", .any) else { Issue.record(); return }
        #expect(m.count == 1 && s.count == 2)
    }

    @Test func dates() throws {
        let oct27 = StoryDate(year: 2025, month: 10, day: 27)!.daysSinceEpoch
        #expect(try parse("date:2025-10-27") == .date(DateRange(first: oct27, last: oct27)))
        #expect(try parse("date:2025-10") == .date(DateRange(first: oct27 - 26, last: oct27 + 4)))
        #expect(try parse("date:2025-10-01..2025-10-31") == .date(DateRange(first: oct27 - 26, last: oct27 + 4)))
        #expect(try parse("date:..2025-10-31") == .date(DateRange(first: nil, last: oct27 + 4)))
        #expect(try parse("date:2025-10-27..") == .date(DateRange(first: oct27, last: nil)))
        #expect(try parse("date:7d") == .date(DateRange(first: oct27 - 2, last: oct27 + 5)))
    }

    @Test func stopWordsAreLeftOutUnlessAlone() throws {
        #expect(try leaves("the lavrov") == ["lavrov"])
        #expect(try leaves("the who") == ["the", "who"])
        #expect(try leaves("+the lavrov") == ["the", "lavrov"])
        #expect(try leaves("title:the") == ["title:the"])
    }

    @Test func combinationPhraseInFieldInDateRangeWithNegation() throws {
        let tree = try parse("title:\"north korea\" date:2025-10-01..2025-10-31 -source:yonhap")
        guard case .boolean(let m, let s, let n) = tree else { Issue.record(); return }
        #expect(m.count == 2 && s.isEmpty && n.count == 1)
        #expect(m[0] == .match(.init(.phrase(["north", "korea"], slop: 0, ordered: true), scope: .title, column: 6, length: 13)))
        #expect(n[0] == .match(.init(.term("yonhap"), scope: .field(.source), column: 56, length: 6)))
    }

    // MARK: Errors

    @Test func unbalancedQuote() {
        let e = error("lavrov \"foreign minister")
        #expect(e?.column == 7 && e?.message.contains("unbalanced quote") == true)
    }

    @Test func unbalancedParentheses() {
        #expect(error("(lavrov OR kursk")?.column == 0)
        #expect(error("lavrov OR kursk)")?.column == 15)
        #expect(error("lavrov ()")?.message.contains("empty parentheses") == true)
    }

    @Test func unknownField() {
        let e = error("lavrov author:smith")
        #expect(e?.column == 7 && e?.length == 6 && e?.message.contains("unknown field 'author'") == true)
    }

    @Test func impossibleOrMalformedDates() {
        #expect(error("date:2025-02-30")?.message.contains("no such date") == true)
        #expect(error("date:2025-13")?.column == 5)
        #expect(error("date:yesterday")?.message.contains("not a date") == true)
        #expect(error("date:2025-10-31..2025-10-01")?.message.contains("ends before it starts") == true)
        #expect(error("date:..")?.column == 5)
    }

    @Test func operatorsWithNothingToApplyTo() {
        #expect(error("AND lavrov")?.column == 0)
        #expect(error("lavrov AND")?.column == 7)
        #expect(error("lavrov OR")?.column == 7)
        #expect(error("lavrov NOT")?.column == 7)
    }

    @Test func fieldsWithoutValues() {
        #expect(error("title: lavrov")?.message.contains("title: needs something") == true)
        #expect(error("title:(source:yonhap)")?.message.contains("inside another field") == true)
        #expect(error("source:&")?.column == 7)
    }

    @Test func badWildcardsAndProximity() {
        #expect(error("k*rsk")?.column == 1)
        #expect(error("k*")?.message.contains("two letters") == true)
        #expect(error("\"a b\"~x")?.column == 5)
        #expect(error("\"a b\"~99")?.column == 5)
        #expect(error("NEAR(lavrov)")?.message.contains("two words") == true)
        #expect(error("NEAR(lavrov kursk, far)")?.message.contains("distance") == true)
        #expect(error("NEAR(lavrov kursk")?.message.contains("never closed") == true)
    }

    @Test func relativeDatesNeedToday() {
        #expect(throws: QueryError.self) { try QuerySyntax(analyzer: .standard).parse("date:7d") }
    }

    @Test func errorsQuoteTheQueryWithACaret() {
        let e = QueryError.syntax(query: "lavrov author:smith", column: 7, length: 6, message: "unknown field")
        #expect(e.description == "bad query: unknown field\n  lavrov author:smith\n         ^^^^^^")
    }

    @Test func punctuationAloneIsNoQuery() {
        #expect(throws: QueryError.noSearchableTerms(query: "— …")) { try QuerySyntax(analyzer: .standard).parse("— …") }
    }

    @Test func nothingCrashesOnOddInput() {
        for q in ["\"", "(", ")", "-", "+", "*", ":", "title:", "NEAR(", "NEAR()", "a~", "\"\"~", "((((", "date:", "-(", "+\"",
                  "NOT", "OR", "AND", "a OR OR b", "\u{0}", "path:", "-\"\"", "title:\"\"", String(repeating: "(", count: 200)] {
            _ = try? syntax.parse(q)
            _ = try? syntax.parse(q, mode: .any)
        }
    }
}
