import Testing
@testable import NewsIndex

@Suite struct BodyScanTests {
    func scan(_ text: String, _ singles: [String], phrases: [[String]] = [], limit: Int = BodyScan.scanLimit) -> BodyScan {
        var text = text
        return text.withUTF8 { BodyScan($0, keys: SnippetKeys(singles: singles, phrases: phrases), analyzer: .standard, scanLimit: limit) }
    }

    /// The words as strings.
    func words(_ text: String, _ scan: BodyScan) -> [String] {
        let bytes = Array(text.utf8)
        return scan.words.map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
    }

    /// What the hits cover, as written.
    func hits(_ text: String, _ scan: BodyScan) -> [String] {
        let bytes = Array(text.utf8)
        return scan.hits.map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
    }

    static let samples = [
        "The U.S. and Korea's talks, on Oct. 27, covered 15,000 tonnes; Kim Jong-un (KCNA) said \"no.\"",
        "Über-rich CAFÉ owners in Zürich talked; the café's talking point: ＵＢＥＲ fares rose 38.13%.",
        "end.Start e-mail don't rock'n'roll A.B.C. a.bc x_y 東京で会議。Сергей Лавров said",
        "Russia's oil—and sanctions—hit RUSSIA; russian sanctioned oils (Russia).",
        "“Russia’s oil” — sanctions… «Oil»\u{A0}russia ‘oils’ don’t\u{AD}stop • Émigrés",
        "Dying men, lying LYING tied ties; O'Neil's 3rd U.N. vote, a I x 1,500 skies news",
    ]

    static let queries: [[String]] = [
        ["us", "korea", "15000", "jong", "un", "kcna", "no", "talk"],
        ["uber", "cafe", "zurich", "talk", "38.13", "fare"],
        ["end", "start", "mail", "dont", "abc", "東", "京", "лавров", "said", "y"],
        ["russia", "oil", "sanction"],
        ["russia", "oil", "sanction", "dont", "stop", "emigr"],
        ["die", "lie", "tie", "oneil", "3rd", "un", "a", "i", "x", "1500", "sky", "news"],
    ]

    /// Tokenizing only where a term may be must find exactly what tokenizing everything finds.
    @Test(arguments: zip(samples, queries))
    func findsTheSameHitsAsTokenizingTheWholeBody(_ text: String, _ terms: [String]) {
        var expected: [Range<Int>] = []
        Analyzer.standard.forEachToken(in: text) { term, range in
            if terms.contains(String(decoding: term, as: UTF8.self)) { expected.append(range) }
        }
        let found = scan(text, terms)
        #expect(found.hits.map(\.bytes) == expected)
        #expect(!expected.isEmpty)
    }

    /// Stretches bridged into one tokenizer call or not, hits and their adjacency are the same.
    @Test func farApartHitsKeepTheirOrder() {
        let filler = Array(repeating: "lorem ipsum", count: 40).joined(separator: " ")
        let text = "North Korea " + filler + " North " + filler + " Korea"
        let s = scan(text, [], phrases: [["north", "korea"]])
        #expect(hits(text, s) == ["North", "Korea", "North", "Korea"])
        let o = s.hits.map(\.ordinal)
        #expect(o[1] == o[0] + 1 && o[2] > o[1] + 1 && o[3] > o[2] + 1)
    }

    @Test func wordsAreWhitespaceDelimitedRuns() {
        let text = "  Kim Jong-un,\tmet\n\nLavrov (in Moscow).  "
        #expect(words(text, scan(text, [])) == ["Kim", "Jong-un,", "met", "Lavrov", "(in", "Moscow)."])
    }

    @Test func eachCJKCharacterIsAWord() {
        let text = "東京で会議。次に"
        let s = scan(text, [])
        #expect(words(text, s) == ["東", "京", "で", "会", "議", "。", "次", "に"])
        #expect(s.words.map(\.endsSentence) == [false, false, false, false, false, true, false, true])
    }

    @Test func overlongRunsAreSplit() {
        let text = String(repeating: "x", count: 300)
        #expect(scan(text, []).words.map(\.bytes.count) == [120, 120, 60])
    }

    @Test func sentencesEndAtStopsBeforeACapitalAndAtParagraphBreaks() {
        let text = "Mr. Lavrov met Gen. Kim in the U.S. on Oct. 27. He said no! \"Never,\" she said? yes. It rained\n\nand then stopped"
        let s = scan(text, [])
        let ends = zip(words(text, s), s.words).filter { $0.1.endsSentence }.map(\.0)
        #expect(ends == ["27.", "no!", "yes.", "rained", "stopped"])
        #expect(s.sentences.map(\.count) == [11, 3, 4, 2, 3])
        #expect(s.sentences.last?.upperBound == s.words.count)
    }

    @Test func hitsKnowTheirWordsAndAdjacency() {
        let text = "North Korea's army -- and North, sadly, Korea."
        let s = scan(text, [], phrases: [["north", "korea"]])
        #expect(hits(text, s) == ["North", "Korea's", "North", "Korea"])
        #expect(s.hits.map(\.word) == [0, 1, 5, 7])
        let o = s.hits.map(\.ordinal)
        #expect(o[1] == o[0] + 1)
        #expect(o[3] > o[2] + 1)
    }

    @Test func wordsNobodyLooksForBreakAdjacency() {
        // "big" starts with no query letter, so it is never tokenized, yet it separates.
        let text = "North big Korea"
        let s = scan(text, ["north", "korea"])
        #expect(s.hits.count == 2)
        #expect(s.hits[1].ordinal > s.hits[0].ordinal + 1)
    }

    /// A body of `paragraphs` paragraphs of filler, with `insert` put in paragraph `at` of each pair.
    static func longBody(_ inserts: [Int: String], paragraphs: Int = 200) -> String {
        (0..<paragraphs).map { p in
            "Paragraph \(p) goes on about the weather and other matters of little interest." + (inserts[p].map { " " + $0 } ?? "")
        }.joined(separator: "\n\n")
    }

    @Test func aLongBodyIsReadNoFurtherThanTheLimitOnceEveryTermIsSeen() {
        let text = Self.longBody([2: "Lavrov met Choe.", 150: "Lavrov and Choe again."])
        let s = scan(text, ["lavrov", "choe"], limit: 4096)
        #expect(!s.readWholeBody)
        #expect(hits(text, s) == ["Lavrov", "Choe"])
        let end = s.words.last!.bytes.upperBound
        #expect(end >= 4096 && end < 4096 + 200)
        #expect(s.sentences.last?.upperBound == s.words.count)
    }

    @Test func aTermNotYetSeenIsLookedForPastTheLimit() {
        let text = Self.longBody([2: "Lavrov spoke.", 150: "Choe answered.", 170: "Lavrov again."])
        let s = scan(text, ["lavrov", "choe"], limit: 4096)
        #expect(hits(text, s) == ["Lavrov", "Choe"])
        #expect(!s.readWholeBody)
        #expect(s.words.last!.bytes.upperBound < text.utf8.count / 2 + 4096)
    }

    @Test func aBodyWithoutSomeTermIsReadToTheEnd() {
        let text = Self.longBody([2: "Lavrov spoke."])
        let s = scan(text, ["lavrov", "choe"], limit: 4096)
        #expect(s.readWholeBody)
        #expect(s.words.last!.bytes.upperBound == text.utf8.count)
    }

    @Test func aShortBodyIsReadWhole() {
        let text = "Lavrov met Choe in Moscow."
        let s = scan(text, ["lavrov"], limit: 4096)
        #expect(s.readWholeBody && s.words.count == 5)
    }

    /// Looking only where a term may begin must never pass over a word that is it: every word
    /// of the stemmer's reference sample (every exceptional form, every rule's branch), as
    /// written and capitalised, is found when its term is the one looked for.
    @Test func everyWordOfTheStemmerSampleIsFoundByItsTerm() throws {
        var missed: [String] = []
        for (word, _) in try EnglishStemmerTests.referenceSample() where word.allSatisfy(\.isASCII) {
            for written in [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()] {
                let terms = Analyzer.standard.terms(in: written)
                guard terms.count == 1 else { continue }
                let text = "Then \(written) again."
                if !hits(text, scan(text, terms)).contains(written) { missed.append("\(written) (\(terms[0]))") }
            }
        }
        #expect(missed.isEmpty, "\(missed.prefix(20))")
    }
}
