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
    ]

    @Test(arguments: accepted)
    func acceptedFormsMatchTheArgumentParser(_ argv: [String]) throws {
        let fast = try #require(SearchFastPath.parse(argv))
        let parsed = try SearchCommand.parse(Array(argv.dropFirst()))
        #expect(fast == parsed.request)
    }

    @Test(arguments: declined)
    func otherFormsAreLeftToTheArgumentParser(_ argv: [String]) {
        #expect(SearchFastPath.parse(argv) == nil)
    }
}
