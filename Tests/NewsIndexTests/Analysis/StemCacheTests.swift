import Testing
@testable import NewsIndex

/// The stem cache gives exactly the stemmer's stems, hit or miss.
@Suite struct StemCacheTests {
    func stem(_ word: String, with cache: StemCache) -> String {
        var bytes = Array(word.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { cache.stem($0, count: $0.count) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    @Test func everyReferenceWordStemsAsTheStemmerDoesThreeTimesOver() throws {
        let pairs = try EnglishStemmerTests.referenceSample()
        let cache = StemCache()
        // Three passes: the first fills slots (words evicting each other), the others hit.
        for _ in 0..<3 {
            for pair in pairs { #expect(stem(pair.word, with: cache) == pair.stem, "\(pair.word)") }
        }
    }

    @Test(arguments: ["", "a", "is", "talks", "internationalization", "москвы", "2025", "naïve"])
    func wordsOfEveryLengthAndScriptStemAsTheStemmerDoes(word: String) {
        let cache = StemCache()
        #expect(stem(word, with: cache) == EnglishStemmer.stem(word))
        #expect(stem(word, with: cache) == EnglishStemmer.stem(word))
    }

    @Test func wordsSharingASlotDoNotTakeEachOthersStems() {
        let cache = StemCache()
        // 20,000 distinct letter-only words for 4,096 slots.
        func letters(_ n: Int) -> String {
            var n = n, s = ""
            repeat { s.append(Character(UnicodeScalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
            return s
        }
        let words = (0..<20_000).map { "\(letters($0))" + ["ing", "s", "ed", "ation"][$0 % 4] }
        for word in words + words { #expect(stem(word, with: cache) == EnglishStemmer.stem(word)) }
    }
}
