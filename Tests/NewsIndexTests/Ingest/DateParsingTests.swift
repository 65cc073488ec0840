import Testing
import Foundation
@testable import NewsIndex

@Suite struct DateParsingTests {
    @Test(arguments: [
        "2025-10-27",
        "2025-10-27T09:00:00Z",
        "2025-10-27T23:30:00-05:00",
        "Mon, 27 Oct 2025 09:00:00 +0900",
        "27 Oct 2025",
        "Oct. 27, 2025",
        "October 27, 2025",
        "Oct 27 2025",
        "27 October 2025",
        "Monday, October 27th, 2025",
        "2025/10/27",
        "2025.10.27",
        "20251027",
        "Sept. 27, 2025".replacingOccurrences(of: "Sept", with: "Oct"),
    ])
    func understandsTheSpellingsNewsUses(_ text: String) {
        #expect(StoryDate(parsing: text) == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test func septIsSeptember() {
        #expect(StoryDate(parsing: "Sept. 3, 2025") == StoryDate(year: 2025, month: 9, day: 3))
    }

    @Test func theLocalDateIsKeptNotConvertedToUTC() {
        #expect(StoryDate(parsing: "2025-10-27T23:30:00-05:00")?.day == 27)
    }

    @Test(arguments: ["", "yesterday", "2025-13-01", "Feb. 30, 2025", "October 2025", "12:30", "Oct. 27"])
    func rejectsWhatIsNotAFullRealDate(_ text: String) {
        #expect(StoryDate(parsing: text) == nil)
    }

    // MARK: Dates written at a position of wire copy (headers, datelines)

    private func written(_ text: String, at start: Int = 0) -> WrittenDate? {
        var text = text
        return text.withUTF8 { WrittenDate($0, at: start) }
    }

    @Test(arguments: [
        ("Oct. 27, 2025 North Korea said", "Oct. 27, 2025"),
        ("27 October 2025 and more", "27 October 2025"),
        ("2025/10/27 text", "2025/10/27"),
        ("2025-10-27", "2025-10-27"),
        ("Monday, Oct. 27, 2025.", "Monday, Oct. 27, 2025"),
        ("October 27th, 2025", "October 27th, 2025"),
        ("27 Oct. 2025", "27 Oct. 2025"),
    ])
    func writtenDateWithAYearIsAFullDate(_ text: String, _ spelling: String) throws {
        let date = try #require(written(text))
        #expect(date.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(date.end == spelling.utf8.count)
    }

    @Test(arguments: [
        ("Oct. 27 (Yonhap) --", "Oct. 27"),
        ("Oct 27 (AFP) -", "Oct 27"),
        ("27 October (Reuters) -", "27 October"),
        ("February 13. /TASS/.", "February 13"),
        ("Sept. 3 (Yonhap)", "Sept. 3"),
    ])
    func writtenDateWithoutAYearGivesMonthAndDayOnly(_ text: String, _ spelling: String) throws {
        let date = try #require(written(text))
        #expect(date.date == nil)
        #expect(date.end == spelling.utf8.count)
        #expect(date.month == (spelling.hasPrefix("Sept") ? 9 : spelling.hasPrefix("Feb") ? 2 : 10))
    }

    @Test func writtenDateIsReadAtTheGivenOffset() {
        #expect(written("SEOUL, Oct. 27 (Yonhap)", at: 7)?.day == 27)
        #expect(written("SEOUL, Oct. 27 (Yonhap)", at: 0) == nil)
    }

    @Test func februaryTwentyNinthWithoutAYearIsAcceptedButNotInACommonYear() {
        #expect(written("Feb. 29 (Reuters)")?.day == 29)
        #expect(written("Feb. 29, 2025") == nil)
    }

    @Test(arguments: ["Oct. 32", "Octo 27", "May Day", "Oct.27", "2025-13-01", "Monday Oct. 27", "SEOUL", "123 October", "Oct. 27a"])
    func textThatIsNoWrittenDate(_ text: String) {
        #expect(written(text) == nil)
    }

    @Test(arguments: ["Oct. 27, 2025", "27 October 2025", "2025/10/27", "Monday, Oct. 27, 2025"])
    func writtenDateAgreesWithStoryDateParsing(_ spelling: String) {
        #expect(written(spelling)?.date == StoryDate(parsing: spelling))
    }
}
