import Testing
import NewsIndex
@testable import NewsServe

/// Search parameters are checked before anything runs: each bad one is named.
@Suite struct SearchParametersTests {
    let today = StoryDate(year: 2025, month: 11, day: 1)

    func parameters(_ text: String, paged: Bool = false) throws(ParameterError) -> SearchParameters {
        try SearchParameters(try! QueryString(Substring(text)), paged: paged, today: today)
    }

    func refusal(_ text: String, paged: Bool = false) -> String? {
        do {
            _ = try parameters(text, paged: paged)
            return nil
        } catch {
            return error.parameter
        }
    }

    @Test(arguments: [("", "q"), ("q=", "q"), ("q=+++", "q"), ("q=a&limit=0", "limit"), ("q=a&limit=101", "limit"),
                      ("q=a&limit=ten", "limit"), ("q=a&offset=-1", "offset"), ("q=a&offset=10001", "offset"),
                      ("q=a&sort=sideways", "sort"), ("q=a&since=yesterday", "since"), ("q=a&until=2025-13", "until"),
                      ("q=a&any=yes", "any"), ("q=a&facets=2", "facets"), ("q=a&source=%21%21", "source"),
                      ("q=a&since=2025-11&until=2025-10", "since"), ("q=a&feedback=yes", "feedback"),
                      ("q=a&feedback=on", "feedback")])
    func aBadParameterIsNamed(_ text: String, _ parameter: String) {
        #expect(refusal(text) == parameter, "\(text)")
    }

    @Test func aQueryOverAThousandBytesIsRefused() {
        #expect(refusal("q=" + String(repeating: "a", count: 1_001)) == "q")
        #expect(refusal("q=" + String(repeating: "a", count: 1_000)) == nil)
    }

    @Test func defaultsAndBounds() throws {
        let p = try parameters("q=Lavrov")
        #expect(p.limit == 10 && p.offset == 0 && p.sort == .relevance && p.mode == .all && !p.facets)
        let q = try parameters("q=Lavrov&limit=100&offset=10000&any=1&sort=newest&facets=1")
        #expect(q.limit == 100 && q.offset == 10_000 && q.mode == .any && q.sort == .newest && q.facets)
    }

    @Test func feedbackIsOffUnlessOneOrAuto() throws {
        #expect(try parameters("q=a").feedback == nil)
        #expect(try parameters("q=a&feedback=0").feedback == nil)
        #expect(try parameters("q=a&feedback=").feedback == nil)
        #expect(try parameters("q=a&feedback=1").feedback == RelevanceModel())
        #expect(try parameters("q=a&feedback=auto").feedback == RelevanceModel(adaptiveSlope: RelevanceModel.autoSlope))
    }

    @Test func aPageNumberIsAnOffsetOfTenAndPagesAlwaysCountFacets() throws {
        let p = try parameters("q=Lavrov&page=3", paged: true)
        #expect(p.offset == 20 && p.limit == 10 && p.page == 3 && p.facets)
        #expect(refusal("q=Lavrov&page=0", paged: true) == "page")
    }

    @Test func sinceAndUntilBoundTheWindow() throws {
        let p = try parameters("q=a&since=2025-10&until=2025-10")
        let window = try #require(p.window)
        #expect(window.first == StoryDate(year: 2025, month: 10, day: 1)!.daysSinceEpoch)
        #expect(window.last == StoryDate(year: 2025, month: 10, day: 31)!.daysSinceEpoch)
        let relative = try parameters("q=a&since=7d")
        #expect(relative.window?.first == StoryDate(year: 2025, month: 10, day: 25)!.daysSinceEpoch)
    }
}
