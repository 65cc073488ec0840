import Foundation
import Testing

/// Whole outputs of `newsidx search` on a fixed small corpus the test writes: the terminal
/// block per hit (plain, and styled as a terminal gets it), paging, and the JSON lines. The
/// time in the header line is masked; paths are relative to the working directory (the
/// test's folder), and the JSON's absolute root is replaced by `$ROOT`.
@Suite struct SearchOutputGoldenTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// Two wire stories and a feed of two items, one with a link and a byline.
    private func indexGoldenCorpus() throws -> String {
        try tmp.write("corpus/wire/choe.txt", """
            date 2025-10-27
            Choe meets Lavrov in Moscow

            SEOUL, Oct. 27 (Yonhap) -- North Korea's foreign minister Choe Son-hui met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. The talks covered trade, energy and security.

            Officials in Seoul said the visit showed ever closer ties between the two countries. They did not say whether oil shipments were discussed.

            Lavrov said Russia would never forget the soldiers who fought in the Kursk region.

            """)
        try tmp.write("corpus/wire/oil.txt", """
            date 2025-10-28
            Oil prices climb on supply worries

            LONDON (Reuters) - Oil prices rose on Tuesday as traders weighed the risk of new sanctions on Russian exports.

            Brent crude gained two percent. Analysts said demand in Asia had held up better than expected this autumn.

            """)
        try tmp.write("corpus/feed.rss", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire Feed</title><link>https://news.example.com/</link>
            <item><title>Kursk farmers count losses</title><link>https://news.example.com/kursk-farmers</link><guid>kursk-1</guid><pubDate>Wed, 29 Oct 2025 08:00:00 GMT</pubDate><author>Anna Petrova</author>
            <description>Farmers in the Kursk region said the autumn harvest was half of last year's. Oil and fuel prices doubled, they said.</description></item>
            <item><title>Seoul markets steady</title><guid>seoul-1</guid><pubDate>Thu, 30 Oct 2025 08:00:00 GMT</pubDate>
            <description>Markets in Seoul were steady on Thursday. Traders said oil prices mattered less than chip exports.</description></item>
            </channel></rss>

            """)
        try requireExit(try newsidx(["add", "--quiet", "--index", tmp("idx"), tmp("corpus")]), 0)
        return tmp("idx")
    }

    private func search(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try newsidx(["search", "--index", "idx"] + arguments, cwd: tmp.path, environment: environment)
    }

    /// `output` with the header's time masked and the corpus root made `$ROOT`.
    private func masked(_ output: String) -> String {
        output.replacing(/\(\d+(\.\d+)? ms\)/, with: "(TIME)").replacingOccurrences(of: tmp("corpus"), with: "$ROOT")
    }

    private static let query = ["--any", "moscow oil kursk"]

    static let plainText = """
        4 stories match, showing 1–2 (TIME)

        1. Choe meets Lavrov in Moscow
           2025-10-27 · Yonhap · score 2.29
           corpus/wire/choe.txt
           … Son-hui met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. … They did not say whether oil shipments were discussed. … never forget the soldiers who fought in the Kursk region.

        2. Kursk farmers count losses
           2025-10-29 · Wire Feed · score 1.30
           https://news.example.com/kursk-farmers
           Farmers in the Kursk region said the autumn harvest was half of last year's. Oil and fuel prices doubled, they said.


        """

    @Test func plainTextWithNoColor() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--limit", "2"] + Self.query, environment: ["NO_COLOR": "1", "CLICOLOR_FORCE": "1"])
        expectExit(r, 0)
        #expect(masked(r.stdout) == Self.plainText, "\(r)")
    }

    @Test func plainTextThroughAPipe() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--limit", "2"] + Self.query)
        expectExit(r, 0)
        #expect(masked(r.stdout) == Self.plainText, "\(r)")
    }

    @Test func styledText() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--limit", "1"] + Self.query, environment: ["CLICOLOR_FORCE": "1"])
        expectExit(r, 0)
        let (b, d, h, o) = ("\u{1B}[1m", "\u{1B}[2m", "\u{1B}[1;31m", "\u{1B}[0m")
        let expected = """
            4 stories match, showing 1–1 (TIME)

            1. \(b)Choe meets Lavrov in Moscow\(o)
               \(d)2025-10-27 · Yonhap · score 2.29\(o)
               \(d)corpus/wire/choe.txt\(o)
               … Son-hui met Russian Foreign Minister Sergey Lavrov in \(h)Moscow\(o) on Monday. … They did not say whether \(h)oil\(o) shipments were discussed. … never forget the soldiers who fought in the \(h)Kursk\(o) region.


            """
        #expect(masked(r.stdout) == expected, "\(r)")
    }

    @Test func secondPageWithAFeedItemWithoutALink() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--limit", "2", "--offset", "2"] + Self.query)
        expectExit(r, 0)
        #expect(masked(r.stdout) == """
            4 stories match, showing 3–4 (TIME)

            3. Oil prices climb on supply worries
               2025-10-28 · Reuters · score 0.16
               corpus/wire/oil.txt
               LONDON (Reuters) - Oil prices rose on Tuesday as traders weighed the risk of new sanctions on Russian exports. Brent crude gained two percent. …

            4. Seoul markets steady
               2025-10-30 · Wire Feed · score 0.13
               corpus/feed.rss#seoul-1
               Markets in Seoul were steady on Thursday. Traders said oil prices mattered less than chip exports.


            """, "\(r)")
    }

    @Test func pastTheLastPage() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--offset", "10"] + Self.query)
        expectExit(r, 0)
        #expect(masked(r.stdout) == "4 stories match, none shown from 11 (TIME)\n", "\(r)")
    }

    @Test func noMatch() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["xylophone"])
        expectExit(r, 1)
        #expect(masked(r.stdout) == "no stories match (TIME)\n", "\(r)")
    }

    @Test func jsonLines() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--json", "--limit", "2"] + Self.query)
        expectExit(r, 0)
        #expect(masked(r.stdout) == #"""
            {"rank":1,"id":3,"root":"$ROOT","path":"wire/choe.txt","title":"Choe meets Lavrov in Moscow","date":"2025-10-27","source":"Yonhap","score":2.288763595263197,"snippet":"… Son-hui met Russian Foreign Minister Sergey Lavrov in Moscow on Monday. … They did not say whether oil shipments were discussed. … never forget the soldiers who fought in the Kursk region.","highlights":[[56,62],[101,104],[177,182]],"url":null,"byline":null,"place":"SEOUL","lang":"en","fragments":[{"text":"Son-hui met Russian Foreign Minister Sergey Lavrov in Moscow on Monday.","highlights":[[54,60]],"start":63,"end":134},{"text":"They did not say whether oil shipments were discussed.","highlights":[[25,28]],"start":267,"end":321},{"text":"never forget the soldiers who fought in the Kursk region.","highlights":[[44,49]],"start":348,"end":405}],"total_hits":4,"total_hits_exact":true,"cluster":3,"similar":[]}
            {"rank":2,"id":1,"root":"$ROOT","path":"feed.rss","title":"Kursk farmers count losses","date":"2025-10-29","source":"Wire Feed","score":1.2950146921141517,"snippet":"Farmers in the Kursk region said the autumn harvest was half of last year's. Oil and fuel prices doubled, they said.","highlights":[[15,20],[77,80]],"url":"https://news.example.com/kursk-farmers","byline":"Anna Petrova","place":null,"lang":"en","fragments":[{"text":"Farmers in the Kursk region said the autumn harvest was half of last year's. Oil and fuel prices doubled, they said.","highlights":[[15,20],[77,80]],"start":0,"end":116}],"total_hits":4,"total_hits_exact":true,"cluster":1,"similar":[]}

            """#, "\(r)")
    }

    /// A fragment's `start` and `end` are code points into the body `show` prints.
    @Test func fragmentOffsetsPointIntoTheStoredBody() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--json", "--limit", "1"] + Self.query)
        try requireExit(r, 0)
        let hit = try #require(jsonObjects(r).first)
        let shown = try newsidx(["show", "--index", "idx", try #require(idArgument(hit["id"]))], cwd: tmp.path)
        try requireExit(shown, 0)
        // `show` prints four header lines (title, metadata, id and path, blank), then the body.
        let body = Array(shown.stdout.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false)[4].unicodeScalars)
        for case let fragment as [String: Any] in try #require(hit["fragments"] as? [Any]) {
            let start = try #require(jsonInt(fragment["start"])), end = try #require(jsonInt(fragment["end"]))
            let slice = String(String.UnicodeScalarView(body[start..<end]))
            #expect(slice.split(whereSeparator: \.isWhitespace).joined(separator: " ") == fragment["text"] as? String)
        }
    }

    @Test func countAlone() throws {
        _ = try indexGoldenCorpus()
        let text = try search(["--count"] + Self.query)
        expectExit(text, 0)
        #expect(text.stdout == "4\n", "\(text)")
        let json = try search(["--count", "--json"] + Self.query)
        expectExit(json, 0)
        #expect(json.stdout == #"{"total_hits":4,"total_hits_exact":true}"# + "\n", "\(json)")
        let none = try search(["--count", "xylophone"])
        expectExit(none, 1)
        #expect(none.stdout == "0\n", "\(none)")
    }

    @Test func pathsOncePerFile() throws {
        _ = try indexGoldenCorpus()
        let r = try search(["--format", "paths", "oil"])
        expectExit(r, 0)
        #expect(masked(r.stdout) == "$ROOT/wire/oil.txt\n$ROOT/feed.rss\n$ROOT/wire/choe.txt\n", "\(r)")
    }

    @Test func snippetWordsSetsTheLength() throws {
        _ = try indexGoldenCorpus()
        let short = try search(["--json", "--snippet-words", "8", "--limit", "1", "Lavrov"])
        try requireExit(short, 0)
        let snippet = try #require(jsonObjects(short).first?["snippet"] as? String)
        #expect(snippet.split(separator: " ").filter { $0 != "…" }.count <= 8, "\(snippet)")
        let none = try search(["--snippet-words", "0", "--limit", "1", "Lavrov"])
        expectExit(none, 0)
        #expect(masked(none.stdout) == """
            1 story matches (TIME)

            1. Choe meets Lavrov in Moscow
               2025-10-27 · Yonhap · score 1.83
               corpus/wire/choe.txt


            """, "\(none)")
    }

    @Test(arguments: [
        ["--count", "--format", "trec", "x"], ["--count", "--format", "paths", "x"], ["--count", "--explain", "x"],
        ["--explain", "--format", "paths", "x"], ["--offset", "-1", "x"], ["--snippet-words", "-3", "x"],
    ])
    func incompatibleOptionsAreUsageErrors(_ arguments: [String]) throws {
        _ = try indexGoldenCorpus()
        let r = try search(arguments)
        expectExit(r, 2)
        #expect(r.stdout.isEmpty, "\(r)")
    }
}
