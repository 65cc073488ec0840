import Testing
@testable import NewsIndex

@Suite struct PhraseMatcherTests {
    @Test func exactPhraseNeedsAdjacentPositionsInOrder() {
        #expect(PhraseMatcher.matches([[3, 9], [4]], order: [0, 1], slop: 0, ordered: true))
        #expect(!PhraseMatcher.matches([[3], [5]], order: [0, 1], slop: 0, ordered: true))
        #expect(!PhraseMatcher.matches([[4], [3]], order: [0, 1], slop: 0, ordered: true))
    }

    @Test func slopAllowsWordsBetween() {
        #expect(PhraseMatcher.matches([[3], [6]], order: [0, 1], slop: 2, ordered: true))
        #expect(!PhraseMatcher.matches([[3], [7]], order: [0, 1], slop: 2, ordered: true))
        #expect(!PhraseMatcher.matches([[6], [3]], order: [0, 1], slop: 5, ordered: true))
    }

    @Test func nearIgnoresOrder() {
        #expect(PhraseMatcher.matches([[6], [3]], order: [0, 1], slop: 2, ordered: false))
        #expect(!PhraseMatcher.matches([[9], [3]], order: [0, 1], slop: 2, ordered: false))
    }

    @Test func repeatedWordsAndRepeatedPositions() {
        // "new york new": two lists, the first used twice.
        #expect(PhraseMatcher.matches([[1, 3], [2]], order: [0, 1, 0], slop: 0, ordered: true))
        #expect(!PhraseMatcher.matches([[1], [2]], order: [0, 1, 0], slop: 0, ordered: true))
        // A position listed twice (delta 0) is one occurrence.
        #expect(!PhraseMatcher.matches([[1, 1], [2]], order: [0, 1, 0], slop: 0, ordered: true))
        #expect(PhraseMatcher.matches([[1, 1, 3], [2, 2]], order: [0, 1, 0], slop: 0, ordered: true))
        #expect(!PhraseMatcher.matches([[4, 4]], order: [0, 0], slop: 3, ordered: false))
        #expect(PhraseMatcher.matches([[4, 6]], order: [0, 0], slop: 3, ordered: false))
    }
}
