import Testing
@testable import NewsServe
import NewsIndex

/// The query's words marked across a whole story, in scalar offsets.
@Suite struct StoryMarksTests {
    @Test func everyFormOfAQueryWordIsMarked() {
        let text = "Talks in Kursk. Lavrov talked; the talks went on."
        let marks = StoryMarks.marks(in: text, language: "en", query: "talk Kursk", analyzer: .standard, today: nil)
        let scalars = Array(text.unicodeScalars)
        let words = marks.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(words == ["Talks", "Kursk", "talked", "talks"])
    }

    @Test func offsetsAreScalarsAfterNonASCIIText() {
        let text = "Über Köln und Kursk"
        let marks = StoryMarks.marks(in: text, language: "de", query: "kursk köln", analyzer: .standard, today: nil)
        #expect(marks == [5..<9, 14..<19])
    }

    @Test func aQueryWithoutWordsMarksNothing() {
        #expect(StoryMarks.marks(in: "Lavrov", language: "en", query: "\"", analyzer: .standard, today: nil).isEmpty)
    }
}

extension StoryMarksTests {
    @Test func aRussianStorysWordsAreMarkedInEveryForm() throws {
        let text = "Министр провёл переговоры. Министра ждали."
        let analyzer = Analyzer.standard.forQueries(QueryLanguages(stories: [("ru", 1)]))
        let marks = StoryMarks.marks(in: text, language: "ru", query: "министром", analyzer: analyzer, today: nil)
        let scalars = Array(text.unicodeScalars)
        #expect(marks.map { String(String.UnicodeScalarView(scalars[$0])) } == ["Министр", "Министра"])
    }
}
