import Testing
import Hummingbird
@testable import NewsServe

/// The access log keeps the query's names and only `q`'s value.
@Suite struct AccessLogTests {
    @Test(arguments: [
        ("/search", nil, "/search"),
        ("/search", "q=Lavrov+Kursk&page=2&source=BBC", "/search?q=Lavrov+Kursk&page&source"),
        ("/api/search", "limit=5&q=a%20b", "/api/search?limit&q=a%20b"),
        ("/", "", "/"),
    ])
    func onlyTheQueryKeepsItsValue(_ path: String, _ query: String?, _ shown: String) {
        #expect(AccessLogMiddleware<BasicRequestContext>.shown(path, query: query) == shown)
    }

    @Test func storyIDsHaveOneSpelling() {
        #expect(StoryID.parse("42") == 42)
        #expect(StoryID.parse("0") == 0)
        for bad in ["", "+1", "01", "-1", "1e3", "..%2f", String(repeating: "9", count: 21)] {
            #expect(StoryID.parse(bad) == nil, "\(bad)")
        }
    }
}
