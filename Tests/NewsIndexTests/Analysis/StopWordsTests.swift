import Testing
@testable import NewsIndex

@Suite struct StopWordsTests {
    @Test func theListIsStrictlyAscendingSoBinarySearchFindsEveryWord() {
        let words = StopWords.english.sorted
        #expect(zip(words, words.dropFirst()).allSatisfy { $0 < $1 })
        #expect(words.allSatisfy(StopWords.english.contains))
    }

    @Test(arguments: ["the", "a", "yourselves", "about", "with"])
    func stopWordsAreFound(word: String) {
        #expect(StopWords.english.contains(word))
    }

    @Test(arguments: ["s", "u", "d", "t"])
    func loneLettersAreStopWords(word: String) {
        #expect(StopWords.english.contains(word))
    }

    @Test func aQuerySplitAsOtherToolsSplitItLosesItsLoneLetters() {
        #expect(Analyzer.standard.termsWithoutStopWords(in: "u s sanctions on russia s oil") == ["sanction", "russia", "oil"])
    }

    @Test(arguments: ["us", "lavrov", "shell", "well", "", "zzz", "aa", "outs", "1", "é"])
    func otherWordsAreNot(word: String) {
        #expect(!StopWords.english.contains(word))
    }

    @Test func stopWordsAreMatchedBeforeStemming() {
        #expect(Analyzer.standard.termsWithoutStopWords(in: "Talks in the outs of Kursk") == ["talk", "out", "kursk"])
    }

    @Test(arguments: ["en", "ru", "de", "fr"])
    func matchingUTF8AgreesWithMatchingStrings(language: String) throws {
        let stops = try #require(language == "en" ? StopWords.english : StopWords.of(language))
        let others = ["us", "lavrov", "shell", "", "zzz", "aa", "outs", "é", "москва", "straße", "a", "z"]
        for word in stops.sorted + others {
            var bytes = Array(word.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { stops.contains(utf8: UnsafeBufferPointer($0)) }
            #expect(found == stops.contains(word), "\(word)")
        }
    }

    @Test func aQueryWordTypedDecomposedMatchesItsComposedStopWord() throws {
        let french = try #require(StopWords.of("fr"))
        let composed = "\u{E9}tant"           // étant, as one scalar é
        let decomposed = "e\u{301}tant"       // e and a combining acute accent
        #expect(french.contains(composed))
        #expect(french.contains(decomposed))
    }
}
