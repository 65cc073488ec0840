import Foundation
import Testing

/// `search --queries FILE`: a batch in one process, as trec_eval and the benchmark harness use it.
@Suite struct SearchBatchTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    private func indexWithSpacedPath() throws -> String {
        _ = try tmp.write("corpus/sub dir/a b.txt", wireStory("Napster ruling upheld", "Norway's court upheld the Napster ruling on Friday."))
        _ = try tmp.write("corpus/c.txt", wireStory("Kite festival", "Kites filled the sky over Rotterdam."))
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("corpus")]), 0)
        return tmp("idx")
    }

    @Test func trecFormatWritesOneRunLinePerHitWithEncodedWhitespace() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "7\tnapster ruling\n8\tkites rotterdam\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec"])
        expectExit(r, 0)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 2)
        #expect(lines[0].count == 6 && lines[0][0] == "7" && lines[0][1] == "Q0" && lines[0][2] == "sub%20dir/a%20b.txt"
                && lines[0][3] == "1" && Double(lines[0][4]) != nil && lines[0][5] == "newsidx", "\(r)")
        #expect(lines[1].prefix(4) == ["8", "Q0", "c.txt", "1"], "\(r)")
    }

    @Test func statsPrintsOneJSONLineOnStderr() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "1\tnapster\n2\trotterdam\n3\tabsentword\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec", "--stats"])
        expectExit(r, 0)
        let line = try #require(r.stderr.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["queries", "p50_ms", "p95_ms", "mean_ms"])
        #expect(object["queries"] as? Int == 3)
    }

    @Test func jsonBatchTagsEachHitWithItsQuery() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "a\tnapster\nb\trotterdam\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--json"])
        expectExit(r, 0)
        #expect(jsonObjects(r).compactMap { $0["qid"] as? String } == ["a", "b"])
    }

    @Test func aQueryWithoutWordsIsWarnedAboutAndTheRestRun() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "1\t?!\n2\trotterdam\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec"])
        expectExit(r, 0)
        #expect(r.stderr.contains("query 1"), "\(r)")
        #expect(r.stdout.hasPrefix("2 Q0 c.txt 1 "), "\(r)")
    }

    @Test func aLineWithoutATabIsAUsageErrorNamingTheLine() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "1\tnapster\nno tab here\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries])
        expectExit(r, 2)
        #expect(r.stderr.contains("q.tsv:2"), "\(r)")
    }

    @Test func aQueryAndAQueriesFileTogetherAreAUsageError() throws {
        let index = try indexWithSpacedPath()
        let queries = try tmp.write("q.tsv", "1\tnapster\n")
        expectExit(try newsidx(["search", "--index", index, "--queries", queries, "napster"]), 2)
    }
}
