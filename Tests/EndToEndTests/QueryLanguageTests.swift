import Foundation
import Testing

/// `newsidx search` with the query language: constructs on the shipped corpus, errors with
/// a caret and status 2, date flags, sort orders and "did you mean".
@Suite struct QueryLanguageTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    func trecPaths(_ result: RunResult) -> [String] {
        result.stdoutLines.map { String($0.split(separator: " ")[2]) }
    }

    @Test func constructsOnTheShippedCorpus() throws {
        let index = try indexShippedCorpus(in: tmp)
        func run(_ args: String...) throws -> RunResult { try newsidx(["search", "--index", index, "--format", "trec"] + args) }
        let seed = Repo.seedName
        #expect(trecPaths(try run("\"Sergey Lavrov\"")).contains(seed))
        #expect(trecPaths(try run("NEAR(Lavrov Moscow, 3)")) == [seed])
        #expect(trecPaths(try run("source:yonhap")) == [seed])
        #expect(trecPaths(try run("Lavrov -source:yonhap")).allSatisfy { $0 != seed })
        #expect(trecPaths(try run("date:2025-10-27")) == [seed])
        #expect(trecPaths(try run("kurs*")).contains(seed))
        #expect(trecPaths(try run("path:html/", "--limit", "100")).allSatisfy { $0.hasPrefix("html/") })
        #expect(trecPaths(try run("source:\"bbc news\"")).count == 2)
        let combined = try run("\"foreign minister\" date:2017 -source:yonhap (Lavrov OR Kerry)")
        expectExit(combined, 0)
        #expect(!trecPaths(combined).contains(seed))
    }

    @Test func malformedQueriesPointAtTheFaultUnderStrict() throws {
        let index = try indexShippedCorpus(in: tmp)
        for (query, caret) in [("lavrov \"kursk", "         ^"), ("(lavrov", "  ^"), ("lavrov author:x", "         ^^^^^^"),
                               ("date:2025-02-30", "       ^^^^^^^^^^")] {
            for format in ["text", "json", "trec"] {
                let r = try newsidx(["search", "--index", index, "--strict", "--format", format, query])
                expectExit(r, 2)
                #expect(r.stdout.isEmpty)
                #expect(r.stderr.contains("  " + query + "\n"), "\(r)")
                #expect(r.stderr.contains("\n" + caret + "\n"), "\(r)")
            }
        }
    }

    @Test func aPhraseIsHighlightedAsOneStretch() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, "--json", "\"Sergey Lavrov\" Moscow"])
        expectExit(r, 0)
        for hit in jsonObjects(r) {
            let snippet = Array((hit["snippet"] as? String ?? "").unicodeScalars)
            let marked = (hit["highlights"] as? [[Int]] ?? []).map { String(String.UnicodeScalarView(snippet[$0[0]..<$0[1]])) }
            #expect(!marked.contains { $0.lowercased() == "sergey" || $0.lowercased() == "lavrov" }, "\(marked)")
            if marked.contains(where: { $0.lowercased().hasPrefix("sergey") }) {
                #expect(marked.contains { $0.lowercased() == "sergey lavrov" }, "\(marked)")
            }
        }
        #expect(jsonObjects(r).contains { hit in
            let snippet = Array((hit["snippet"] as? String ?? "").unicodeScalars)
            return (hit["highlights"] as? [[Int]] ?? []).contains { String(String.UnicodeScalarView(snippet[$0[0]..<$0[1]])) == "Sergey Lavrov" }
        })
    }

    @Test func dateFlagsAndSortOrders() throws {
        let index = try indexShippedCorpus(in: tmp)
        func run(_ args: String...) throws -> RunResult { try newsidx(["search", "--index", index, "--json", "--limit", "100"] + args) }
        let since = jsonObjects(try run("Lavrov", "--since", "2025-10"))
        #expect(since.map { $0["path"] as? String } == [Repo.seedName])
        let until = jsonObjects(try run("Lavrov", "--until", "2025"))
        #expect(until.count > 1 && until.allSatisfy { ($0["date"] as? String ?? "9999") <= "2025-12-31" })
        let relative = try newsidx(["search", "--index", index, "--json", "Lavrov", "--since", "1w"], environment: ["NEWSIDX_TODAY": "2025-10-30"])
        #expect(jsonObjects(relative).map { $0["path"] as? String } == [Repo.seedName])
        let newest = jsonObjects(try run("Lavrov", "--sort", "newest")).map { $0["date"] as? String }
        let dated = newest.compactMap { $0 }
        #expect(dated == dated.sorted(by: >))
        #expect(newest.firstIndex(where: { $0 == nil }).map { i in newest[i...].allSatisfy { $0 == nil } } ?? true)
        let oldest = jsonObjects(try run("Lavrov", "--sort", "oldest")).compactMap { $0["date"] as? String }
        #expect(oldest == oldest.sorted())
        let bad = try run("Lavrov", "--since", "2025-13")
        expectExit(bad, 2)
        #expect(bad.stderr.contains("--since 2025-13"))
        expectExit(try run("Lavrov", "--sort", "sideways"), 2)
    }

    @Test func recentKeepsTheSameStories() throws {
        let index = try indexShippedCorpus(in: tmp)
        let plain = try newsidx(["search", "--index", index, "--format", "trec", "--limit", "100", "Lavrov"])
        let recent = try newsidx(["search", "--index", index, "--format", "trec", "--limit", "100", "--recent", "--half-life", "7", "Lavrov"])
        #expect(Set(trecPaths(plain)) == Set(trecPaths(recent)))
        #expect(trecPaths(recent).first == Repo.seedName)
        let help = try newsidx(["search", "--help"])
        #expect(help.stdout.contains("half-life 30 days"))
        #expect(help.stdout.contains("NEAR(") && help.stdout.contains("date:2025-10-01..2025-10-31"))
    }

    @Test func didYouMeanInEveryFormat() throws {
        let index = try indexShippedCorpus(in: tmp)
        for format in ["text", "json", "trec"] {
            let r = try newsidx(["search", "--index", index, "--format", format, "Lavrof"])
            expectExit(r, 1)
            #expect(r.stderr.contains("did you mean: lavrov\n"), "\(r)")
            let quiet = try newsidx(["search", "--index", index, "--format", format, "--no-suggest", "Lavrof"])
            expectExit(quiet, 1)
            #expect(!quiet.stderr.contains("did you mean"))
        }
        let found = try newsidx(["search", "--index", index, "Lavrov"])
        #expect(!found.stderr.contains("did you mean"))
    }

    @Test func oldIndexesAreRefusedClearly() throws {
        let index = try indexShippedCorpus(in: tmp)
        // Rewrite a segment's format version to 6, as an index built before field terms.
        let segment = try FileManager.default.contentsOfDirectory(atPath: index).first { $0.hasSuffix(".seg") }!
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index + "/" + segment))
        bytes[8] = 6
        try bytes.write(to: URL(fileURLWithPath: index + "/" + segment))
        let r = try newsidx(["search", "--index", index, "Lavrov"])
        expectExit(r, 3)
        #expect(r.stderr.contains("has index format 6, this newsidx reads format "), "\(r)")
        #expect(r.stderr.contains("rebuild the index"), "\(r)")
    }
}
