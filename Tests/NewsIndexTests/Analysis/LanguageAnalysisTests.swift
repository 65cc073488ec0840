import Testing
@testable import NewsIndex

/// Each language's analysis: Snowball's stemmer and stop list for words in its script,
/// diacritics folded after stemming (kept for Vietnamese), Turkish suffixes after an
/// apostrophe dropped; every other word, and stories of unknown language, folded only.
@Suite struct LanguageAnalysisTests {
    func terms(_ text: String, _ language: String) -> [String] {
        var terms: [String] = []
        Analyzer.standard.forEachToken(in: text, language: language) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
        return terms
    }

    @Test func snowballsStemmersAreThere() throws {
        #expect(SnowballStemmer.isAvailable, "libstemmer (Debian libstemmer0d) is missing: make deps installs it")
        let russian = try #require(SnowballStemmer(algorithm: "russian"))
        #expect(russian.stem("министра") == "министр")
        #expect(russian.stem("переговорах") == russian.stem("переговоры"))
        #expect(SnowballStemmer(algorithm: "klingon") == nil)
    }

    @Test(arguments: [("ru", "Министр министра министром", ["министр", "министр", "министр"]),
                      ("de", "Soldaten Soldat", ["soldat", "soldat"]),
                      ("es", "conversaciones conversación", ["convers", "convers"]),
                      ("tr", "Moskova'da Moskova", ["moskov", "moskov"])])
    func wordsOfTheLanguageAreStemmed(_ language: String, _ text: String, _ expected: [String]) {
        #expect(terms(text, language) == expected)
    }

    @Test func diacriticsComeOffAfterStemming() {
        // Folding first would give the stemmer "ete", which French stems otherwise.
        #expect(terms("Été", "fr") == terms("été", "fr"))
        #expect(terms("Курской курская", "ru")[0] == terms("Курской курская", "ru")[1])
        #expect(terms("Курской", "ru").first?.unicodeScalars.allSatisfy { $0.value < 0x300 || $0.value >= 0x400 } == true)
    }

    @Test func vietnameseKeepsItsTones() {
        #expect(terms("Má mà MẢ", "vi") == ["má", "mà", "mả"])
        #expect(terms("Má", "und") == ["ma"], "other languages fold them")
    }

    @Test func wordsInAnotherScriptGetTheNeutralAnalysis() {
        #expect(terms("Министр talks", "ru") == ["министр", "talks"])
        #expect(terms("talks Министра", "en") == ["talk", "министра"])
    }

    @Test func storiesOfUnknownLanguageAreFoldedOnly() {
        #expect(terms("Talks Министра Über", "und") == ["talks", "министра", "uber"])
    }

    @Test(arguments: ["ru", "de", "fr", "es", "pt", "it", "nl", "sv", "tr", "ar", "el", "hi", "ro"])
    func languagesWithAStemmerHaveAStopList(_ code: String) throws {
        let language = LanguageAnalysis.of(code)
        #expect(language.snowball != nil)
        let stops = try #require(language.stopWords)
        #expect(stops.sorted.count > 40)
    }

    @Test func stopListsMatchWordsAsTheLanguageWritesThem() throws {
        let french = try #require(StopWords.of("fr"))
        #expect(french.contains("étaient") && french.contains("nous"))
        let russian = try #require(StopWords.of("ru"))
        #expect(russian.contains("и") && russian.contains("что"))
    }

    @Test func thaiIsSplitIntoWordsByICU() {
        let words = Analyzer.folding.terms(in: "รัฐมนตรีต่างประเทศเกาหลีเหนือ")
        #expect(words.count >= 3, "ICU finds the words of a run without spaces: \(words)")
        #expect(words.contains("รัฐมนตรี") && words.contains("ประเทศ"), "\(words)")
    }
}
