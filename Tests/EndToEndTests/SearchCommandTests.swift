import Foundation
import Testing

/// `newsidx search`: modes, limits, exit statuses, the JSON contract and the demo promise.
@Suite struct SearchCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    static let jsonKeys: Set<String> = ["rank", "id", "root", "path", "title", "date", "source", "score", "snippet", "highlights",
                                        "url", "byline", "place", "lang", "fragments", "total_hits", "total_hits_exact", "cluster", "similar"]

    /// Four stories: copper and zinc, copper only, zinc only, neither; indexed into `idx`.
    private func indexMetalsCorpus() throws -> String {
        try tmp.write("metals/both.txt", wireStory(
            "Copper and zinc prices climb", "Copper rose two percent and zinc followed, traders said."))
        try tmp.write("metals/copper.txt", wireStory(
            "Mine strike lifts copper", "A strike at a Chilean mine lifted copper futures on Monday."))
        try tmp.write("metals/zinc.txt", wireStory(
            "Smelter output falls", "Zinc output at the smelter fell for a third month."))
        try tmp.write("metals/tin.txt", wireStory(
            "Tin market steady", "The tin market was steady in thin holiday trading."))
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("metals")]), 0)
        return tmp("idx")
    }

    /// `count` stories that all mention "meridian", indexed into `idx`.
    private func indexManyMatches(_ count: Int) throws -> String {
        for i in 1...count {
            try tmp.write("many/story-\(i).txt", wireStory(
                "Survey report number \(i)", "The meridian survey reached marker \(i) on schedule."))
        }
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("many")]), 0)
        return tmp("idx")
    }

    // MARK: Modes and limits

    @Test func allTermsAreRequiredByDefault() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, "--json", "copper zinc"])
        expectExit(r, 0)
        #expect(jsonObjects(r).compactMap { $0["path"] as? String } == ["both.txt"], "\(r)")
    }

    @Test func anyRanksStoriesHavingAnyTerm() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, "--json", "--any", "copper zinc"])
        expectExit(r, 0)
        let paths = jsonObjects(r).compactMap { $0["path"] as? String }
        #expect(Set(paths) == ["both.txt", "copper.txt", "zinc.txt"], "\(r)")
        #expect(paths.first == "both.txt", "the story with both terms is not first\n\(r)")
    }

    @Test func limitCapsTheNumberOfHits() throws {
        let index = try indexManyMatches(6)
        let r = try newsidx(["search", "--index", index, "--json", "--limit", "3", "meridian"])
        expectExit(r, 0)
        #expect(jsonObjects(r).count == 3, "\(r)")
    }

    @Test func defaultLimitIsTen() throws {
        let index = try indexManyMatches(12)
        let r = try newsidx(["search", "--index", index, "--json", "meridian"])
        expectExit(r, 0)
        #expect(jsonObjects(r).count == 10, "\(r)")
    }

    // MARK: Exit statuses

    @Test func noHitsExits1() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, "--json", "xylophone"])
        expectExit(r, 1)
        #expect(r.stdoutLines.isEmpty, "\(r)")
    }

    @Test func allTermsQueryWithOneMissingTermExits1() throws {
        let index = try indexMetalsCorpus()
        expectExit(try newsidx(["search", "--index", index, "copper xylophone"]), 1)
    }

    @Test func emptyQueryIsAUsageError() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, ""])
        expectExit(r, 2)
        #expect(!r.stderr.isEmpty)
    }

    @Test func punctuationOnlyQueryIsAUsageError() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, "?!,"])
        expectExit(r, 2)
        #expect(!r.stderr.isEmpty)
    }

    @Test func limitZeroIsAUsageError() throws {
        let index = try indexMetalsCorpus()
        let r = try newsidx(["search", "--index", index, "--limit", "0", "copper"])
        expectExit(r, 2)
        #expect(!r.stderr.isEmpty)
    }

    @Test func missingIndexExits2AndSaysHowToCreateOne() throws {
        let r = try newsidx(["search", "--index", tmp("no-index-here"), "copper"])
        expectExit(r, 2)
        #expect(r.stderr.contains("newsidx add"), "\(r)")
    }

    // MARK: The JSON contract (on the shipped corpus)

    private func anyLavrovPyongyang(_ index: String, extra: [String] = ["--json"]) throws -> RunResult {
        try newsidx(["search", "--index", index] + extra + ["--any", "--limit", "100", "Lavrov Pyongyang"])
    }

    @Test func jsonLinesAreObjectsWithExactlyTheContractKeys() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try anyLavrovPyongyang(index)
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.count > 1)
        #expect(hits.count == r.stdoutLines.count)
        #expect(r.stdout.hasSuffix("}\n") && !r.stdout.contains("\n\n"), "stdout holds more than one object per line\n\(r)")
        for hit in hits {
            #expect(Set(hit.keys) == Self.jsonKeys, "keys \(hit.keys.sorted())")
        }
    }

    @Test func jsonFieldsHaveTheContractTypes() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try anyLavrovPyongyang(index)
        expectExit(r, 0)
        let datePattern = /^\d{4}-\d{2}-\d{2}$/
        for hit in jsonObjects(r) {
            #expect(jsonInt(hit["rank"]) != nil, "rank \(String(describing: hit["rank"]))")
            #expect(idArgument(hit["id"]) != nil, "id \(String(describing: hit["id"]))")
            let root = hit["root"] as? String
            #expect(root?.hasPrefix("/") == true, "root \(String(describing: hit["root"]))")
            let path = hit["path"] as? String
            #expect(path != nil && path?.hasPrefix("/") == false, "path \(String(describing: hit["path"]))")
            if let root, let path {
                #expect(FileManager.default.fileExists(atPath: root + "/" + path), "root + path is not the file: \(root)/\(path)")
            }
            #expect(hit["title"] is String, "title \(String(describing: hit["title"]))")
            if let date = hit["date"] as? String {
                #expect(date.wholeMatch(of: datePattern) != nil, "date \(date)")
            } else {
                #expect(hit["date"] is NSNull, "date \(String(describing: hit["date"]))")
            }
            #expect(hit["source"] is String || hit["source"] is NSNull, "source \(String(describing: hit["source"]))")
            #expect(isJSONNumber(hit["score"]), "score \(String(describing: hit["score"]))")
            let snippet = hit["snippet"] as? String
            #expect(snippet != nil, "snippet \(String(describing: hit["snippet"]))")
            #expect(snippet?.contains("\u{1B}") == false, "ANSI escape in snippet \(snippet ?? "")")
            #expect(hit["highlights"] is [Any], "highlights \(String(describing: hit["highlights"]))")
            _ = highlightedTexts(hit)  // records malformed or out-of-range pairs
        }
    }

    @Test func jsonHighlightsMarkQueryTerms() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try anyLavrovPyongyang(index)
        expectExit(r, 0)
        let terms = ["lavrov", "pyongyang"]
        for hit in jsonObjects(r) {
            let marked = highlightedTexts(hit)
            #expect(!marked.isEmpty, "no highlights in \(hit["snippet"] ?? "")")
            // A highlight covers the word as written, so a possessive ("Lavrov's") is marked whole.
            for text in marked {
                let word = text.lowercased()
                #expect(terms.contains { word == $0 || word == $0 + "'s" || word == $0 + "’s" },
                        "highlight '\(text)' is not a query term; snippet: \(hit["snippet"] ?? "")")
            }
        }
    }

    @Test func jsonRanksCountFromOneAndScoresNeverRise() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try anyLavrovPyongyang(index)
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.map { jsonInt($0["rank"]) } == Array(1...max(hits.count, 1)).map { Optional($0) }, "\(r)")
        let scores = hits.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(scores.count == hits.count)
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "scores rise: \(scores)")
    }

    @Test func formatJsonIsTheSameAsJsonFlag() throws {
        let index = try indexShippedCorpus(in: tmp)
        let flag = try anyLavrovPyongyang(index, extra: ["--json"])
        let format = try anyLavrovPyongyang(index, extra: ["--format", "json"])
        expectExit(flag, 0)
        expectExit(format, 0)
        #expect(format.stdout == flag.stdout)
    }

    @Test func jsonPathIsRelativeToItsRoot() throws {
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--index", tmp("idx"), corpus]), 0)
        let r = try newsidx(["search", "--index", tmp("idx"), "--json", "Zermatt"])
        expectExit(r, 0)
        let hit = try #require(jsonObjects(r).first)
        #expect(hit["root"] as? String == corpus)
        #expect(hit["path"] as? String == "sub/gamma.txt")
    }

    // MARK: The demo promise

    private func demo(_ extra: [String] = ["--json"]) throws -> RunResult {
        let index = try indexShippedCorpus(in: tmp)
        return try newsidx(["search", "--index", index] + extra + ["Lavrov Kursk"])
    }

    @Test func demoQueryFindsOnlyTheSeedStory() throws {
        let r = try demo()
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(hits.count == 1, "\(r)")
        #expect(hits.first?["path"] as? String == Repo.seedName, "\(r)")
        #expect(hits.first?["root"] as? String == Repo.corpus, "\(r)")
    }

    @Test func demoHitIsDatedAndSourced() throws {
        let r = try demo()
        expectExit(r, 0)
        let hit = try #require(jsonObjects(r).first)
        #expect(hit["date"] as? String == "2025-10-27", "date \(String(describing: hit["date"]))")
        #expect(hit["source"] as? String == "Yonhap", "source \(String(describing: hit["source"]))")
    }

    @Test func demoSnippetContainsAndHighlightsBothWords() throws {
        let r = try demo()
        expectExit(r, 0)
        let hit = try #require(jsonObjects(r).first)
        let snippet = try #require(hit["snippet"] as? String)
        #expect(snippet.contains("Lavrov"), "\(snippet)")
        #expect(snippet.contains("Kursk"), "\(snippet)")
        let marked = Set(highlightedTexts(hit).map { $0.lowercased() })
        #expect(marked == ["lavrov", "kursk"], "highlighted \(marked) in \(snippet)")
    }

    @Test func pipedTextOutputHasNoEscapeCodes() throws {
        let r = try demo([])
        expectExit(r, 0)
        #expect(!r.stdout.isEmpty)
        #expect(!r.stdout.contains("\u{1B}"), "\(r)")
    }

    @Test func textOutputShowsTitleDatePathAndSnippet() throws {
        let json = try demo()
        try requireExit(json, 0)
        let hit = try #require(jsonObjects(json).first)
        let text = try newsidx(["search", "--index", tmp("idx"), "Lavrov Kursk"])
        expectExit(text, 0)
        let title = try #require(hit["title"] as? String)
        let snippet = try #require(hit["snippet"] as? String)
        #expect(text.stdout.contains(title), "title '\(title)' missing\n\(text)")
        #expect(printsSeedDate(text.stdout), "date 2025-10-27 missing (beyond the file name)\n\(text)")
        #expect(text.stdout.contains(Repo.seedName), "path missing\n\(text)")
        #expect(text.stdout.contains(snippet), "snippet missing\n\(text)")
    }

    @Test func anyFindsMoreStoriesThanAllTerms() throws {
        let index = try indexShippedCorpus(in: tmp)
        let all = try newsidx(["search", "--index", index, "--json", "--limit", "100", "Lavrov Pyongyang"])
        let any = try anyLavrovPyongyang(index)
        expectExit(all, 0)
        expectExit(any, 0)
        #expect(jsonObjects(any).count > jsonObjects(all).count, "any:\n\(any)\nall:\n\(all)")
    }

    @Test func anyRanksStoriesWithBothTermsAboveStoriesWithOne() throws {
        let index = try indexShippedCorpus(in: tmp)
        let all = try newsidx(["search", "--index", index, "--json", "--limit", "100", "Lavrov Pyongyang"])
        let any = try anyLavrovPyongyang(index)
        try requireExit(all, 0)
        try requireExit(any, 0)
        let both = Set(jsonObjects(all).compactMap { idArgument($0["id"]) })
        let ranked = jsonObjects(any).compactMap { idArgument($0["id"]) }
        #expect(!both.isEmpty)
        #expect(Set(ranked.prefix(both.count)) == both,
                "stories with both terms \(both.sorted()) are not the top of --any: \(ranked)")
    }
}

/// `newsidx search --explain`.
@Suite struct SearchExplainTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    @Test func textOutputShowsTheSumAndALinePerTerm() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, "--explain", "--limit", "1", "Lavrov Kursk"])
        try requireExit(r, 0)
        #expect(r.stdout.contains("score "), "\(r)")
        #expect(r.stdoutLines.contains { $0.contains("lavrov") && $0.contains("tf ") && $0.contains("idf ") }, "\(r)")
        #expect(r.stdoutLines.contains { $0.contains("kursk") && $0.contains("df ") }, "\(r)")
        #expect(r.stdoutLines.contains { $0.contains("length norm") }, "\(r)")
    }

    @Test func jsonOutputCarriesAnExplainObjectWhoseTermsSumToTheScore() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, "--explain", "--json", "Lavrov Kursk"])
        try requireExit(r, 0)
        for hit in jsonObjects(r) {
            let explain = try #require(hit["explain"] as? [String: Any], "\(hit)")
            let terms = try #require(explain["terms"] as? [[String: Any]])
            #expect(terms.map { $0["term"] as? String } == ["lavrov", "kursk"])
            let sum = terms.compactMap { $0["score"] as? Double }.reduce(0, +)
            #expect(abs(sum - (hit["score"] as? Double ?? -1)) < 1e-9)
            for key in ["tf", "headline_tf", "body_tf", "df", "idf", "query_tf", "query_weight"] {
                #expect(terms[0][key] != nil, "missing \(key)")
            }
            for key in ["length", "scored_length", "average_length", "length_norm", "k1", "b", "n"] {
                #expect(explain[key] != nil, "missing \(key)")
            }
        }
    }

    @Test func explainWithATrecRunIsAUsageError() throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, "--explain", "--format", "trec", "Lavrov"])
        try requireExit(r, 2)
        #expect(r.stderr.contains("--explain"), "\(r)")
    }
}
