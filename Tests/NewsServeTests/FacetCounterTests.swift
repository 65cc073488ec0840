import Testing
import NewsIndex
@testable import NewsServe

/// Periods of the date histogram: every month from the first match to the last, or years
/// over a long span; values most frequent first.
@Suite struct FacetCounterTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Int { StoryDate(year: y, month: m, day: d)!.daysSinceEpoch }

    @Test func monthsIncludeTheEmptyOnesBetween() {
        let periods = FacetCounter.periods([day(2025, 1, 5), day(2025, 1, 9), day(2025, 3, 1)])
        #expect(periods == [.init(value: "2025-01", count: 2), .init(value: "2025-02", count: 0), .init(value: "2025-03", count: 1)])
    }

    @Test func monthsCrossTheYear() {
        let periods = FacetCounter.periods([day(2024, 12, 31), day(2025, 1, 1)])
        #expect(periods.map(\.value) == ["2024-12", "2025-01"])
    }

    @Test func aSpanOfMoreThanThreeYearsIsCountedByYear() {
        let periods = FacetCounter.periods([day(1987, 3, 1), day(1990, 6, 1), day(1990, 7, 1)])
        #expect(periods == [.init(value: "1987", count: 1), .init(value: "1988", count: 0), .init(value: "1989", count: 0),
                            .init(value: "1990", count: 2)])
    }

    @Test func noDatesNoPeriods() {
        #expect(FacetCounter.periods([]).isEmpty)
    }

    @Test func topValuesAreTheMostFrequentThenAlphabetical() {
        var counts: [String: Int] = ["TASS": 3, "CNN": 3, "Yonhap": 5]
        for n in 0..<20 { counts["agency \(n)"] = 1 }
        let top = FacetCounter.top(counts)
        #expect(top.count == FacetCounter.shownValues)
        #expect(top.prefix(3).map(\.value) == ["Yonhap", "CNN", "TASS"])
    }
}
