import NewsIndex
import Testing

@Suite struct StoryDateTests {
    @Test func parsesISODate() throws {
        let date = try #require(StoryDate(iso: "2025-10-27"))
        #expect((date.year, date.month, date.day) == (2025, 10, 27))
    }

    @Test(arguments: ["2025-10-27T09:00:00Z", "2025-10-27T09:00:00+09:00", "2025-10-27 09:00"])
    func parsesDateOfTimestamp(_ text: String) {
        #expect(StoryDate(iso: text) == StoryDate(year: 2025, month: 10, day: 27))
    }

    @Test(arguments: ["", "2025-10", "2025-1-27", "20251027", "2025-10-271", "2025/10/27", "date 2025-10-27"])
    func rejectsMalformedText(_ text: String) {
        #expect(StoryDate(iso: text) == nil)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "1900-02-29"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(StoryDate(iso: text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29"])
    func acceptsLeapDays(_ text: String) {
        #expect(StoryDate(iso: text) != nil)
    }

    @Test func descriptionIsZeroPadded() throws {
        #expect(try #require(StoryDate(year: 987, month: 3, day: 2)).description == "0987-03-02")
    }

    @Test(arguments: [("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2025-10-27", 20388)])
    func countsDaysSinceEpoch(_ text: String, _ days: Int) throws {
        let date = try #require(StoryDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(StoryDate(daysSinceEpoch: days) == date)
    }

    @Test func ordersChronologically() throws {
        let dates = try ["2025-10-27", "1987-02-26", "2025-01-31"].map { try #require(StoryDate(iso: $0)) }
        #expect(dates.sorted().map(\.description) == ["1987-02-26", "2025-01-31", "2025-10-27"])
    }
}
