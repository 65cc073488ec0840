import Foundation
import Testing

/// Languages on the command line: `stats` counts stories per language, `search --json` and
/// `show` report a story's language, `--lang` and `lang:` filter by it.
@Suite struct LanguageCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    static var fixtures: String { Repo.root + "/Tests/Fixtures/languages" }

    func indexFixtures() throws -> String {
        let index = tmp("index")
        try requireExit(try newsidx(["add", "--index", index, "--quiet", Self.fixtures]), 0)
        return index
    }

    @Test func statsJsonCountsStoriesPerLanguage() throws {
        let index = try indexFixtures()
        let r = try newsidx(["stats", "--index", index, "--json"])
        try requireExit(r, 0)
        let stats = try #require(jsonObjects(r).first)
        let languages = try #require(stats["languages"] as? [String: Any], "\(stats)")
        #expect(Set(languages.keys) == ["en", "ru", "ko", "de", "fr", "es", "zh", "ja", "th", "vi", "tr", "ar", "pt", "und"])
        #expect(languages.values.compactMap(jsonInt).reduce(0, +) == jsonInt(stats["stories"]))
    }

    @Test func statsPrintsTheLanguagesLine() throws {
        let index = try indexFixtures()
        let r = try newsidx(["stats", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.contains("languages ar 1, de 1, en 1,"), "\(r)")
    }

    @Test func searchJsonReportsEachHitsLanguage() throws {
        let index = try indexFixtures()
        let r = try newsidx(["search", "--index", index, "--json", "--any", "Lavrov"])
        try requireExit(r, 0)
        let hits = jsonObjects(r)
        #expect(!hits.isEmpty)
        for hit in hits {
            let path = try #require(hit["path"] as? String)
            let expected = path == "pt.html" ? "pt" : String(path.prefix { $0 != "." })
            #expect(hit["lang"] as? String == expected, "\(path)")
        }
    }

    @Test func langOptionKeepsOnlyThatLanguagesStories() throws {
        let index = try indexFixtures()
        let r = try newsidx(["search", "--index", index, "--format", "paths", "--any", "Lavrov Lawrow", "--lang", "de,FR", "--lang", "es"])
        try requireExit(r, 0)
        #expect(r.stdoutLines.map { ($0 as NSString).lastPathComponent }.sorted() == ["de.txt", "es.txt", "fr.txt"], "\(r)")
    }

    @Test func aBadLangOptionIsAUsageError() throws {
        let index = try indexFixtures()
        let r = try newsidx(["search", "--index", index, "Lavrov", "--lang", "english"])
        expectExit(r, 2)
        #expect(r.stderr.contains("--lang english"), "\(r)")
    }

    @Test func aBadLangFilterIsAnErrorEvenWhenTheQueryFallsBack() throws {
        let index = try indexFixtures()
        let r = try newsidx(["search", "--index", index, "\"Lavrov lang:english"])
        expectExit(r, 2)
        #expect(r.stderr.contains("not a language code"), "\(r)")
    }

    @Test func aRussianWordFindsTheRussianStoryInAnotherCase() throws {
        let index = try indexFixtures()
        let r = try newsidx(["search", "--index", index, "--format", "paths", "министра переговорах"])
        try requireExit(r, 0)
        #expect(r.stdoutLines.map { ($0 as NSString).lastPathComponent } == ["ru.txt"], "\(r)")
    }

    @Test func queryLangPinsTheAnalysis() throws {
        let index = try indexFixtures()
        expectExit(try newsidx(["search", "--index", index, "--query-lang", "und", "министра"]), 1)
        try requireExit(try newsidx(["search", "--index", index, "--query-lang", "ru", "министра"]), 0)
        let bad = try newsidx(["search", "--index", index, "--query-lang", "russian", "министра"])
        expectExit(bad, 2)
        #expect(bad.stderr.contains("--query-lang russian"), "\(bad)")
    }

    @Test func showPrintsTheStorysLanguage() throws {
        let index = try indexFixtures()
        let r = try newsidx(["show", "--index", index, Self.fixtures + "/ko.txt"])
        try requireExit(r, 0)
        #expect(r.stdout.contains("lang ko"), "\(r)")
    }
}
