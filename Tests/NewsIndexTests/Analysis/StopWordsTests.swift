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
}
