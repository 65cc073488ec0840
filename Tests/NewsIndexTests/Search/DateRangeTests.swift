import Testing
@testable import NewsIndex

@Suite struct DateRangeTests {
    let today = StoryDate(year: 2025, month: 3, day: 31)
    func day(_ y: Int, _ m: Int, _ d: Int) -> Int { StoryDate(year: y, month: m, day: d)!.daysSinceEpoch }

    @Test func periods() throws {
        #expect(try DateRange.parse("2024-02", today: nil) == DateRange(first: day(2024, 2, 1), last: day(2024, 2, 29)))
        #expect(try DateRange.parse("2025", today: nil) == DateRange(first: day(2025, 1, 1), last: day(2025, 12, 31)))
        #expect(try DateRange.parse("2025-10..2025-11", today: nil) == DateRange(first: day(2025, 10, 1), last: day(2025, 11, 30)))
    }

    @Test func relative() throws {
        #expect(try DateRange.parse("7d", today: today) == DateRange(first: day(2025, 3, 24), last: day(2025, 3, 31)))
        #expect(try DateRange.parse("2w", today: today) == DateRange(first: day(2025, 3, 17), last: day(2025, 3, 31)))
        #expect(try DateRange.parse("1m", today: today) == DateRange(first: day(2025, 2, 28), last: day(2025, 3, 31)))
        #expect(try DateRange.parse("1y", today: today) == DateRange(first: day(2024, 3, 31), last: day(2025, 3, 31)))
        #expect(throws: DateRange.Problem.noToday) { try DateRange.parse("7d", today: nil) }
    }

    @Test func problems() {
        #expect(throws: DateRange.Problem.impossible) { try DateRange.parse("2025-02-29", today: nil) }
        #expect(throws: DateRange.Problem.impossible) { try DateRange.parse("2025-00", today: nil) }
        #expect(throws: DateRange.Problem.malformed) { try DateRange.parse("25-10-27", today: nil) }
        #expect(throws: DateRange.Problem.malformed) { try DateRange.parse("2025/10/27", today: nil) }
        #expect(throws: DateRange.Problem.reversed) { try DateRange.parse("2025-10-31..2025-10-01", today: nil) }
        #expect(throws: DateRange.Problem.malformed) { try DateRange.parse("..", today: nil) }
    }

    @Test func containsAndIntersects() {
        let r = DateRange(first: 10, last: 20).intersection(DateRange(first: 15, last: nil))
        #expect(r == DateRange(first: 15, last: 20))
        #expect(r.contains(day: 15) && r.contains(day: 20) && !r.contains(day: 21) && !r.contains(day: 14))
    }
}
