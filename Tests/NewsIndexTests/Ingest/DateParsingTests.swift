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
}
