import Testing
@testable import newsidx

/// The fast path must read every argument shape it accepts exactly as swift-argument-parser
/// reads it, and decline the rest.
@Suite struct SearchFastPathTests {
    static let accepted: [[String]] = [
        ["search", "Lavrov", "Kursk"],
        ["search", "Lavrov Kursk"],
        ["search", "--any", "lavrov", "pyongyang"],
        ["search", "lavrov", "--any", "--limit", "5"],
        ["search", "--limit=3", "--json", "lavrov"],
        ["search", "-l", "7", "--format", "trec", "seoul"],
        ["search", "--format=json", "--index", "/tmp/some index", "seoul"],
        ["search", "--index=relative/dir", "--stats", "talks"],
        ["search", "--queries", "q.tsv", "--any", "--limit", "1000", "--format", "trec", "--stats"],
        ["search", "--", "-negative", "--any"],
        ["search", "--any", "--", "words", "after"],
        ["search", "--offset", "20", "--limit", "10", "seoul"],
        ["search", "--count", "--any", "seoul"],
        ["search", "--count", "--json", "seoul"],
        ["search", "--snippet-words=0", "--format", "paths", "seoul"],
        ["search", "--snippet-words", "50", "--offset=0", "seoul"],
        ["search", "--strict", "lavrov \"kursk"],
        ["search", "--queries", "q.tsv", "--suggest", "--format", "trec"],
        ["search", "--queries", "q.tsv", "--no-suggest", "--strict"],
        ["search", "--no-suggest", "Lavrof"],
        ["search", "--feedback", "lavrov", "kursk"],
        ["search", "lavrov", "kursk", "--feedback"],
        ["search", "--feedback", "auto", "--any", "lavrov"],
        ["search", "--feedback=off", "lavrov"],
        ["search", "--feedback", "on", "--feedback-docs", "5", "--feedback-terms=20", "--feedback-weight", "0.7", "seoul"],
        ["search", "--feedback=auto", "--feedback-weight=0", "--queries", "q.tsv", "--format", "trec"],
        ["search", "--feedback", "--", "auto"],
    ]

    static let declined: [[String]] = [
        ["search"],
        ["search", "--help"],
        ["search", "-h", "x"],
        ["search", "--limit", "0", "x"],
        ["search", "--limit", "ten", "x"],
        ["search", "--format", "xml", "x"],
        ["search", "--any", "--any", "x"],
        ["search", "--queries", "q.tsv", "also", "words"],
        ["search", "--unknown", "x"],
        ["search", "--index"],
        ["search", "-5"],
        ["add", "Corpus"],
        ["search", "--any=yes", "x"],
        ["search", "--offset", "-1", "x"],
        ["search", "--snippet-words", "many", "x"],
        ["search", "--count", "--format", "trec", "x"],
        ["search", "--count", "--format", "paths", "x"],
        ["search", "--count=1", "x"],
        ["search", "--explain", "x"],
        ["search", "--suggest", "--no-suggest", "x"],
        ["search", "--strict=yes", "x"],
        ["search", "--feedback=maybe", "x"],
        ["search", "--feedback-docs", "0", "--feedback", "x"],
        ["search", "--feedback-weight", "1.5", "--feedback", "x"],
        ["search", "--feedback-terms", "5", "x"],
        ["search", "--feedback", "off", "--feedback-weight", "0.2", "x"],
    ]

    @Test(arguments: accepted)
    func acceptedFormsMatchTheArgumentParser(_ argv: [String]) throws {
        let fast = try #require(SearchFastPath.parse(argv))
        let parsed = try SearchCommand.parse(Array(SearchCommand.explicitFeedback(argv).dropFirst()))
        #expect(fast == parsed.request)
    }

    @Test(arguments: declined)
    func otherFormsAreLeftToTheArgumentParser(_ argv: [String]) {
        #expect(SearchFastPath.parse(argv) == nil)
    }

    @Test(arguments: [
        (["search", "--feedback", "x"], ["search", "--feedback=on", "x"]),
        (["search", "x", "--feedback"], ["search", "x", "--feedback=on"]),
        (["search", "--feedback", "auto", "x"], ["search", "--feedback=auto", "x"]),
        (["search", "--feedback", "autos"], ["search", "--feedback=on", "autos"]),
        (["search", "--feedback=off", "x"], ["search", "--feedback=off", "x"]),
        (["search", "--", "--feedback"], ["search", "--", "--feedback"]),
        (["add", "--feedback"], ["add", "--feedback"]),
    ])
    func feedbacksValueIsMadeExplicitForTheParser(_ argv: [String], _ explicit: [String]) {
        #expect(SearchCommand.explicitFeedback(argv) == explicit)
    }

    @Test func tuningFeedbackThatIsOffIsAUsageError() {
        #expect(throws: (any Error).self) { try SearchCommand.parse(["--feedback-docs", "3", "x"]) }
        #expect(throws: (any Error).self) { try SearchCommand.parse(["--feedback=off", "--feedback-terms", "3", "x"]) }
        do {
            _ = try SearchCommand.parse(["--feedback=on", "--feedback-weight=-0.1", "x"])
            Issue.record("a weight below 0 was accepted")
        } catch {
            #expect(SearchCommand.message(for: error).contains("--feedback-weight must be from 0"))
        }
    }
}
