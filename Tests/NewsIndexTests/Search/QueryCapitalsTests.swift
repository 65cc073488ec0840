import Testing
@testable import NewsIndex

/// A query written in capitals has no operators: `AND`, `OR`, `NOT` and `NEAR` are words,
/// while quotes, `-`, `+`, fields and `*` keep their meaning. Text without capitals keeps
/// the operators, in every script.
@Suite struct QueryCapitalsTests {
    let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 11, day: 1))
    let plain = QueryParser(analyzer: .standard)

    func mustNot(_ node: QueryNode) -> [QueryNode] {
        if case .boolean(_, _, let n) = node { return n }
        return []
    }

    @Test(arguments: ["PRESIDENT WILL NOT ATTEND SUMMIT", "OIL AND GAS OR COAL PRICES", "NATO AND RUSSIA NEAR(TALKS)",
                      "U.S. AND CHINA", "G7 LEADERS OR", "ÉLYSÉE AND MACRON"])
    func aQueryInCapitalsIsReadAsItsWords(_ text: String) throws {
        #expect(!QuerySyntax.readsOperators(text))
        let tree = try syntax.parse(text)
        #expect(tree.flatQuery() == (try plain.parse(text)), "the same words as plain words give")
        #expect(tree.flatQuery() == (try syntax.parse(text.lowercased()).flatQuery()), "as if written in lower case")
    }

    @Test func notInCapitalsIsAStopWordNotAnExclusion() throws {
        let tree = try syntax.parse("PRESIDENT WILL NOT ATTEND SUMMIT")
        #expect(mustNot(tree).isEmpty)
        #expect(tree.flatQuery()?.terms == ["presid", "will", "attend", "summit"])
    }

    @Test func orInCapitalsIsAWordAndNearIsAWordToo() throws {
        #expect(try syntax.parse("OIL AND GAS OR COAL PRICES").flatQuery()?.terms == ["oil", "gas", "coal", "price"])
        #expect(try syntax.parse("NEAR EAST TALKS").flatQuery()?.terms == ["near", "east", "talk"])
    }

    @Test func marksKeepTheirMeaningInCapitals() throws {
        #expect(!mustNot(try syntax.parse("LAVROV -KURSK")).isEmpty)
        #expect(try syntax.parse("+LAVROV KURSK", mode: .any).flatQuery() == nil, "+ still requires")
        let phrase = try syntax.parse("\"FOREIGN MINISTER\" LAVROV").positiveMatches.map(\.kind)
        #expect(phrase.contains(.phrase(["foreign", "minist"], slop: 0, ordered: true)))
        let field = try syntax.parse("TITLE:KURSK LAVROV").positiveMatches
        #expect(field.contains { $0.scope == .title && $0.kind == .term("kursk") })
        #expect(try syntax.parse("KURS* LAVROV").positiveMatches.contains { $0.kind == .prefix("kurs") })
    }

    @Test(arguments: ["Lavrov NOT Kursk", "lavrov NOT kursk", "LAVROV NOT kursk", "Lavrov AND NOT KURSK"])
    func aLowerCaseLetterKeepsTheOperators(_ text: String) throws {
        #expect(QuerySyntax.readsOperators(text))
        #expect(!mustNot(try syntax.parse(text)).isEmpty)
    }

    /// Scripts with capitals follow the rule; scripts without them keep the operators.
    @Test(arguments: [
        ("МИД NOT КУРСК", false), ("Москва NOT Курск", true),          // Cyrillic
        ("ΑΘΗΝΑ NOT ΡΩΜΗ", false), ("Αθήνα NOT Ρώμη", true),          // Greek
        ("ՀԱՅԱՍՏԱՆ NOT ՎՐԱՍՏԱՆ", false),                               // Armenian
        ("서울 NOT 평양", true),                                         // Hangul
        ("北京 NOT 上海", true),                                         // Han
        ("とうきょう NOT おおさか", true), ("トウキョウ NOT オオサカ", true), // hiragana, katakana
        ("القاهرة NOT دمشق", true),                                      // Arabic
        ("ירושלים NOT חיפה", true),                                      // Hebrew
        ("दिल्ली NOT मुंबई", true),                                          // Devanagari
        ("กรุงเทพ NOT เชียงใหม่", true),                                   // Thai
        ("2025 NOT 2024", true),                                         // digits alone
    ])
    func eachScriptReadsOperatorsOnlyWithoutCapitalsOrWithLowerCase(_ text: String, _ operators: Bool) throws {
        #expect(QuerySyntax.readsOperators(text) == operators, "\(text)")
        #expect(mustNot(try syntax.parse(text)).isEmpty == !operators, "\(text)")
    }

    @Test func orStaysAnOperatorInHangul() throws {
        guard case .boolean(let must, let should, _) = try syntax.parse("서울 OR 평양") else {
            Issue.record("an OR tree")
            return
        }
        #expect(must.isEmpty && should.count == 2)
    }

    @Test(arguments: ["PRESIDENT WILL NOT ATTEND SUMMIT", "OIL AND GAS OR COAL PRICES"])
    func aQueryInCapitalsTakesThePlainWordsPath(_ text: String) {
        #expect(QuerySyntax.isPlainWords(text))
        #expect(!QuerySyntax.isPlainWords("Ministers " + text), "operators in a query with lower case")
    }
}
