import Testing
@testable import NewsServe

/// The query's words marked across a whole story, in scalar offsets.
@Suite struct StoryMarksTests {
    @Test func everyFormOfAQueryWordIsMarked() {
        let text = "Talks in Kursk. Lavrov talked; the talks went on."
        let marks = StoryMarks.marks(in: text, query: "talk Kursk", today: nil)
        let scalars = Array(text.unicodeScalars)
        let words = marks.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(words == ["Talks", "Kursk", "talked", "talks"])
    }

    @Test func offsetsAreScalarsAfterNonASCIIText() {
        let text = "Über Köln und Kursk"
        let marks = StoryMarks.marks(in: text, query: "kursk köln", today: nil)
        #expect(marks == [5..<9, 14..<19])
    }

    @Test func aQueryWithoutWordsMarksNothing() {
        #expect(StoryMarks.marks(in: "Lavrov", query: "\"", today: nil).isEmpty)
    }
}
