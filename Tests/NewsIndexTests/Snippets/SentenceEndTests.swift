import Testing
@testable import NewsIndex

@Suite struct SentenceEndTests {
    func isStop(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { SentenceEnd.isStop($0, 0..<$0.count) }
    }

    @Test(arguments: ["said.", "2016.", "no!", "why?", "said.\"", "(sic.)", "end.”", "wait…", "U.S.A.!"])
    func stops(_ word: String) { #expect(isStop(word)) }

    @Test(arguments: ["Mr.", "Gen.", "Oct.", "U.S.", "J.", "Inc.", "said", "said,", "St.", "\"", ""])
    func notStops(_ word: String) { #expect(!isStop(word)) }
}
