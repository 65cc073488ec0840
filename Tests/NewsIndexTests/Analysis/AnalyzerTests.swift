import Testing
@testable import NewsIndex

/// The tokenizing and folding rules, seen through the analyzer that applies only them.
@Suite struct AnalyzerTests {
    let analyzer = Analyzer.folding

    /// Each token's surface text, sliced out of `text` by its reported byte range.
    func surfaces(in text: String) -> [String] {
        var surfaces: [String] = []
        analyzer.forEachToken(in: text) { _, range in
            let utf8 = Array(text.utf8)[range]
            surfaces.append(String(decoding: utf8, as: UTF8.self))
        }
        return surfaces
    }

    @Test func identifierNamesTheRules() {
        #expect(analyzer.identifier == "folding-3")
        #expect(Analyzer.standard.identifier == "standard-4")
    }

    @Test func asciiLettersAreLowercased() {
        #expect(analyzer.terms(in: "Hello WORLD MiXeD case") == ["hello", "world", "mixed", "case"])
    }

    @Test func asciiDigitsAndLettersFormOneToken() {
        #expect(analyzer.terms(in: "A380 3D G7 covid19") == ["a380", "3d", "g7", "covid19"])
    }

    @Test(arguments: [
        ("Über", "uber"), ("Café", "cafe"), ("Straße", "strasse"), ("Ελλάδα", "ελλαδα"),
        ("МОСКВА", "москва"), ("İstanbul", "istanbul"), ("ﬁnance", "finance"), ("Ｌａｖｒｏｖ", "lavrov"),
        ("Łódź", "lodz"), ("Ærøskøbing", "aeroskobing"), ("Þórshöfn", "thorshofn"), ("Đakovo", "dakovo"),
        ("ΣΟΦΟΣ", "σοφοσ"), ("Ñandú", "nandu"),
    ])
    func caseAndDiacriticsAreFolded(surface: String, term: String) {
        #expect(analyzer.terms(in: surface) == [term])
    }

    @Test func decomposedAccentsFoldLikePrecomposedOnes() {
        #expect(analyzer.terms(in: "Cafe\u{301} U\u{308}ber") == ["cafe", "uber"])
    }

    @Test func digitsOfEveryScriptFoldToASCII() {
        #expect(analyzer.terms(in: "２０２５ ٢٠٢٤ १९४७") == ["2025", "2024", "1947"])
    }

    @Test(arguments: [
        ("Korea's", "korea"), ("Choe’s", "choe"), ("KOREA'S", "korea"), ("leaders'", "leaders"), ("it's", "it"),
    ])
    func possessiveIsDropped(surface: String, term: String) {
        #expect(analyzer.terms(in: surface) == [term])
    }

    @Test(arguments: [("don't", "dont"), ("O’Brien", "obrien"), ("rock'n'roll", "rocknroll"), ("donʼt", "dont")])
    func apostropheBetweenLettersJoins(surface: String, term: String) {
        #expect(analyzer.terms(in: surface) == [term])
    }

    @Test func apostrophesUsedAsQuotesSeparate() {
        #expect(analyzer.terms(in: "'new height' ‘big deal’ ’tis") == ["new", "height", "big", "deal", "tis"])
    }

    @Test(arguments: [
        ("U.S.", ["us"]), ("U.N.", ["un"]), ("U.S.A.", ["usa"]), ("in the U.S. today", ["in", "the", "us", "today"]),
        ("U.S.-led", ["us", "led"]), ("the U.S", ["the", "us"]), ("Ü.S.", ["us"]),
    ])
    func singleLettersJoinedByDotsFormAnAcronym(text: String, terms: [String]) {
        #expect(analyzer.terms(in: text) == terms)
    }

    @Test(arguments: [
        ("end.Start", ["end", "start"]), ("Ph.D.", ["ph", "d"]), ("A. Smith", ["a", "smith"]),
        ("www.example.com", ["www", "example", "com"]), ("v.2", ["v", "2"]),
    ])
    func dotsBetweenLongerRunsSeparate(text: String, terms: [String]) {
        #expect(analyzer.terms(in: text) == terms)
    }

    @Test(arguments: [
        ("38.13", ["38.13"]), ("up 0.5%", ["up", "0.5"]), ("version 2.0.1.", ["version", "2.0.1"]),
        ("Sept. 3.", ["sept", "3"]), ("3.5bn", ["3.5bn"]),
    ])
    func dotBetweenDigitsStaysInTheNumber(text: String, terms: [String]) {
        #expect(analyzer.terms(in: text) == terms)
    }

    @Test(arguments: [
        ("15,000", ["15000"]), ("1,234.5", ["1234.5"]), ("15000", ["15000"]), ("3, 4", ["3", "4"]), ("a,b", ["a", "b"]),
    ])
    func commaBetweenDigitsIsDropped(text: String, terms: [String]) {
        #expect(analyzer.terms(in: text) == terms)
    }

    @Test(arguments: [
        ("Son-hui", ["son", "hui"]), ("Kim Jong-un", ["kim", "jong", "un"]),
        ("Russia-Ukraine war", ["russia", "ukraine", "war"]), ("Asia–Pacific", ["asia", "pacific"]),
    ])
    func hyphensSeparate(text: String, terms: [String]) {
        #expect(analyzer.terms(in: text) == terms)
    }

    @Test func hanAndKanaRunsAreCharactersAndOverlappingPairs() {
        #expect(analyzer.terms(in: "東京タワー") == ["東", "東京", "京", "京タ", "タ", "タワ", "ワ", "ワー", "ー"])
        #expect(analyzer.terms(in: "iPhone用") == ["iphone", "用"], "a run of one is its character")
    }

    @Test func hangulRunsAreCharactersAndPairsSoParticlesCostOnePair() {
        #expect(analyzer.terms(in: "북한 외무상") == ["북", "북한", "한", "외", "외무", "무", "무상", "상"])
        #expect(analyzer.terms(in: "북한군의").contains("한군"))
    }

    @Test func aPairSpansBothItsCharacters() {
        var ranges: [Range<Int>] = []
        analyzer.forEachToken(in: "서울 북한") { _, range in ranges.append(range) }
        #expect(ranges == [0..<3, 0..<6, 3..<6, 7..<10, 7..<13, 10..<13])
    }

    @Test func halfWidthKanaFoldsToFullWidth() {
        #expect(analyzer.terms(in: "ｶﾞ") == analyzer.terms(in: "ガ"))
    }

    @Test func ideographKeepsItsVariationSelectorInItsRange() {
        let text = "葛\u{E0100}城"
        #expect(analyzer.terms(in: text) == ["葛", "葛城", "城"])
        #expect(surfaces(in: text) == ["葛\u{E0100}", "葛\u{E0100}城", "城"])
    }

    @Test func brahmicVowelSignsAreKept() {
        #expect(analyzer.terms(in: "हिन्दी भाषा") == ["हिन्दी", "भाषा"])
    }

    @Test func byteRangesPointAtTheSurfaceForm() {
        var ranges: [Range<Int>] = []
        analyzer.forEachToken(in: "Über Café") { _, range in ranges.append(range) }
        #expect(ranges == [0..<5, 6..<11])
        #expect(surfaces(in: "Über Café") == ["Über", "Café"])
    }

    @Test func byteRangesIncludeJoiners() {
        #expect(surfaces(in: "the U.S. and Korea's 15,000 don't") == ["the", "U.S.", "and", "Korea's", "15,000", "don't"])
    }

    @Test(arguments: ["", " ", "... ,,, -- !? “” — () '' ’", "\n\n\t"])
    func textWithoutWordsGivesNoTokens(text: String) {
        #expect(analyzer.terms(in: text).isEmpty)
    }

    @Test func invisibleFormatCharactersInsideWordsAreIgnored() {
        #expect(analyzer.terms(in: "news\u{AD}paper Ko\u{200D}rea \u{200E}Seoul") == ["newspaper", "korea", "seoul"])
    }

    @Test func zeroWidthSpaceSeparates() {
        #expect(analyzer.terms(in: "North\u{200B}Korea") == ["north", "korea"])
    }

    @Test func replacementCharacterIsNotAToken() {
        #expect(analyzer.terms(in: "\u{FFFD}").isEmpty)
        #expect(analyzer.terms(in: "ab\u{FFFD}cd") == ["ab", "cd"])
    }

    @Test func loneCombiningMarkGivesNoToken() {
        #expect(analyzer.terms(in: "\u{301} \u{308}").isEmpty)
    }

    @Test func illFormedUTF8SeparatesTokens() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82, 0x20, 0x64, 0xF0, 0x9F, 0x98, 0xC3]
        var terms: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            analyzer.forEachToken(inUTF8: buffer) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
        }
        #expect(terms == ["a", "b", "c", "d"])
    }

    @Test func tokenUpToTheMaximumLengthIsKept() {
        let word = String(repeating: "x", count: Tokenizer.maxTermLength)
        #expect(analyzer.terms(in: "a \(word) b") == ["a", word, "b"])
    }

    @Test(arguments: [Tokenizer.maxTermLength + 1, 10_000])
    func tokenLongerThanTheMaximumIsSkipped(length: Int) {
        let word = String(repeating: "Q", count: length)
        #expect(analyzer.terms(in: "before \(word) after") == ["before", "after"])
    }

    @Test func maximumLengthCountsFoldedBytes() {
        let word = String(repeating: "é", count: 200)  // 400 bytes as written, 200 folded
        #expect(analyzer.terms(in: word) == [String(repeating: "e", count: 200)])
    }

    @Test func termsMatchForEachToken() {
        let text = "Choe's visit to the U.S. cost $15,000.50 in 2024."
        var terms: [String] = []
        analyzer.forEachToken(in: text) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
        #expect(analyzer.terms(in: text) == terms)
        #expect(terms == ["choe", "visit", "to", "the", "us", "cost", "15000.50", "in", "2024"])
    }

    @Test func seedStorySentenceGivesExpectedTerms() {
        let sentence = """
            North Korean Foreign Minister Choe Son-hui highlighted last month's meeting between the North's \
            leader Kim Jong-un and Russian President Vladimir Putin in Beijing as an event that raised the \
            bilateral ties to a "new height,"
            """
        #expect(analyzer.terms(in: sentence) == [
            "north", "korean", "foreign", "minister", "choe", "son", "hui", "highlighted", "last", "month",
            "meeting", "between", "the", "north", "leader", "kim", "jong", "un", "and", "russian", "president",
            "vladimir", "putin", "in", "beijing", "as", "an", "event", "that", "raised", "the", "bilateral",
            "ties", "to", "a", "new", "height",
        ])
    }
}

/// Properties checked over pseudo-random text, reproducibly (fixed seed).
@Suite struct AnalyzerPropertyTests {
    let analyzer = Analyzer.folding

    struct Xorshift: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let fragments = [
        "U.S.", "Korea's", "don't", " ", " ", "  ", "\n\n", "-", ".", ",", "'", "’", "s", "S", "15", "000", "3", "a", "B",
        "Über", "Café", "e\u{301}", "\u{308}", "Straße", "МОСКВА", "Ελλάδα", "東京", "タワー", "ｶﾞ", "हिन्दी", "ภาษา",
        "북한", "ﬁ", "Ｌａｖｒｏｖ", "½", "²", "\u{FFFD}", "“", "”", "—", "(", ")", "!", "İ", "Æ", "٣", "葛\u{E0100}",
        "\u{AD}", "\u{200B}", "\u{200D}", "㊀", "ゟ", "ｰ",
    ]

    /// 1,000 texts joined from `fragments`, the same on every run.
    static let texts: [String] = {
        var generator = Xorshift(state: 0x9E37_79B9_7F4A_7C15)
        return (0..<1_000).map { _ in
            (0..<Int.random(in: 1...40, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined()
        }
    }()

    /// Tokens come in order and within the text; only the characters and pairs of a run of
    /// ideographs, kana or Hangul overlap, none starting before the one before.
    @Test func tokenRangesAreOrderedAndInBounds() {
        for text in Self.texts {
            var previous = 0..<0
            analyzer.forEachToken(in: text) { _, range in
                let ordered = range.lowerBound >= previous.upperBound
                    || (range.lowerBound >= previous.lowerBound && range.upperBound > previous.upperBound)
                    || (range.lowerBound > previous.lowerBound && range.upperBound == previous.upperBound)
                #expect(ordered && range.upperBound <= text.utf8.count && !range.isEmpty, "\(text.debugDescription): \(range)")
                previous = range
            }
        }
    }

    @Test func eachTokenSurfaceAnalyzesToItsTerm() {
        for text in Self.texts {
            let utf8 = Array(text.utf8)
            analyzer.forEachToken(in: text) { term, range in
                let surface = String(decoding: utf8[range], as: UTF8.self)
                let again = analyzer.terms(in: surface), expected = String(decoding: term, as: UTF8.self)
                // A pair of CJK characters gives its characters too.
                #expect(again == [expected] || (again.count == 3 && again[1] == expected),
                        "\(text.debugDescription): \(surface.debugDescription)")
            }
        }
    }

    @Test func termsAnalyzeToThemselves() {
        for text in Self.texts {
            for term in analyzer.terms(in: text) {
                let again = analyzer.terms(in: term)
                #expect(again == [term] || (again.count == 3 && again[1] == term), "\(text.debugDescription): \(term.debugDescription)")
            }
        }
    }

    @Test func arbitraryBytesNeverCrashAndGiveValidRanges() {
        var generator = Xorshift(state: 0xD1B5_4A32_D192_ED03)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                analyzer.forEachToken(inUTF8: buffer) { term, range in
                    #expect(!term.isEmpty && term.count <= Tokenizer.maxTermLength)
                    #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count)
                }
            }
        }
    }
}

/// The standard analyzer: the same tokens, stemmed.
@Suite struct StandardAnalyzerTests {
    let analyzer = Analyzer.standard

    @Test func englishWordsAreStemmed() {
        #expect(analyzer.terms(in: "Talks talked; talking TALKS") == ["talk", "talk", "talk", "talk"])
        #expect(analyzer.terms(in: "highlighted relations strengthen") == ["highlight", "relat", "strengthen"])
    }

    @Test func namesNumbersAndOtherScriptsPassThrough() {
        #expect(analyzer.terms(in: "Lavrov Kursk 38.13 москва 東京") == ["lavrov", "kursk", "38.13", "москва", "東", "東京", "京"])
    }

    @Test func rangesStillPointAtTheWordAsWritten() {
        let text = "Choe's talks"
        var surfaces: [String] = []
        analyzer.forEachToken(in: text) { _, range in
            surfaces.append(String(decoding: Array(text.utf8)[range], as: UTF8.self))
        }
        #expect(surfaces == ["Choe's", "talks"])
    }

    /// Stemming twice changes nothing more, so queries (analyzed once) meet indexed terms.
    @Test func stemsAnalyzeToThemselves() {
        for term in analyzer.terms(in: "generously generate knightly relational conditional skies dying news") {
            #expect(analyzer.terms(in: term) == [term])
        }
    }
}
