@testable import NewsIndex
import Testing

@Suite struct LeadSentenceTests {
    private func title(fromText text: String) -> String {
        var text = text
        return text.withUTF8 { LeadSentence.title(fromText: $0) }
    }

    @Test func titleIsTheFirstSentenceWithoutItsPeriod() {
        #expect(LeadSentence.title(fromBody: "Prices rose sharply. They fell later.") == "Prices rose sharply")
    }

    @Test func titleComesFromTheFirstParagraphOnly() {
        #expect(LeadSentence.title(fromBody: "No full stop in this lead\n\nSecond paragraph.") == "No full stop in this lead")
    }

    @Test func longLeadIsCutAtAWordBoundaryWithAnEllipsis() {
        let lead = "North Korean Foreign Minister Choe Son-hui highlighted last month's meeting between the North's leader Kim Jong-un and Russian President Vladimir Putin."
        let title = LeadSentence.title(fromBody: lead)
        #expect(title == "North Korean Foreign Minister Choe Son-hui highlighted last month's meeting…")
        #expect(title.count <= LeadSentence.maxLength)
    }

    @Test func titleFromTextSkipsLineBreaksBeforeTheLead() {
        #expect(title(fromText: "\n\nThe lead starts here. Then more.") == "The lead starts here")
    }

    @Test func titleFromTextStartsWhereTheReaderSaysTheLeadStarts() throws {
        var body = "SEOUL, Oct. 27 (Yonhap) -- North Korea fired a missile. Officials said."
        let leadStart = try #require(Array(body.utf8).firstIndex(of: UInt8(ascii: "N")))
        let title = body.withUTF8 { LeadSentence.title(fromText: UnsafeBufferPointer(rebasing: $0[leadStart...])) }
        #expect(title == "North Korea fired a missile")
    }

    @Test(arguments: [
        ("Troops arrived on Oct. 27 in the city. Then they left.", "Troops arrived on Oct. 27 in the city"),
        ("Stocks in the U.S. fell. Bonds rose.", "Stocks in the U.S. fell"),
        ("Markets wait... and wait. Then more.", "Markets wait... and wait"),
    ])
    func sentenceDoesNotEndAtAnAbbreviation(_ body: String, _ expected: String) {
        #expect(LeadSentence.title(fromBody: body) == expected)
    }

    @Test func emptyBodyGivesAnEmptyTitle() {
        #expect(LeadSentence.title(fromBody: "") == "")
        #expect(title(fromText: "\n\n") == "")
    }

    @Test(arguments: ["TRADE GAP NARROWS IN U.S.", "Markets brace for more..."])
    func abbreviationOrEllipsisAtTheEndIsNotASentencePeriod(_ line: String) {
        var line = line
        #expect(!line.withUTF8 { LeadSentence.endsWithSentencePeriod($0) })
    }

    @Test func periodAfterAWordEndsASentence() {
        var line = "Prices rose sharply."
        #expect(line.withUTF8 { LeadSentence.endsWithSentencePeriod($0) })
    }
}
