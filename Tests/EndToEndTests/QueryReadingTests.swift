import Foundation
import Testing

/// How `newsidx search` reads queries as people type and paste them: capitals are words, a
/// query that breaks the language's rules is searched as its plain words with one note on
/// stderr (in JSON, `notes` on each hit), `--strict` refuses it, a date that is no date stays
/// an error, and a batch names the query in its notes and suggests only when asked.
@Suite struct QueryReadingTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    func trecPaths(_ result: RunResult) -> [String] {
        result.stdoutLines.map { String($0.split(separator: " ")[2]) }
    }

    static let unbalancedQuoteNote = "newsidx: note: unbalanced quote at column 8 ignored; searched as plain words\n"

    @Test func aQueryInCapitalsIsReadAsWords() throws {
        let index = try indexShippedCorpus(in: tmp)
        // NOT is a word (a stop word) in capitals, an exclusion otherwise.
        let capitals = try newsidx(["search", "--index", index, "--format", "trec", "LAVROV NOT KURSK"])
        expectExit(capitals, 0)
        #expect(trecPaths(capitals).contains(Repo.seedName), "\(capitals)")
        #expect(capitals.stderr.isEmpty, "\(capitals)")
        let operators = try newsidx(["search", "--index", index, "--format", "trec", "Lavrov NOT Kursk"])
        #expect(!trecPaths(operators).isEmpty && !trecPaths(operators).contains(Repo.seedName), "\(operators)")
        let or = try newsidx(["search", "--index", index, "--format", "trec", "LAVROV OR NAPSTER"])
        expectExit(or, 1)
    }

    @Test(arguments: ["text", "json", "trec", "paths"])
    func aQueryThatDoesNotParseIsSearchedAsItsPlainWordsWithOneNote(_ format: String) throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, "--format", format, "Lavrov \"Kursk"])
        expectExit(r, 0)
        #expect(r.stderr == Self.unbalancedQuoteNote, "\(r)")
        let plain = try newsidx(["search", "--index", index, "--format", format, "Lavrov Kursk"])
        if format == "json" {
            #expect(jsonObjects(r).map { $0["path"] as? String } == jsonObjects(plain).map { $0["path"] as? String })
        } else {
            #expect(r.stdoutLines.count == plain.stdoutLines.count && !plain.stdoutLines.isEmpty)
        }
    }

    @Test func jsonHitsCarryTheNoteAndCleanQueriesHaveNone() throws {
        let index = try indexShippedCorpus(in: tmp)
        let noted = jsonObjects(try newsidx(["search", "--index", index, "--json", "--any", "Lavrov titel:kursk"]))
        #expect(!noted.isEmpty)
        for hit in noted {
            #expect(hit["notes"] as? [String] == ["unknown field 'titel' at column 8 ignored; searched as plain words"], "\(hit)")
        }
        let clean = jsonObjects(try newsidx(["search", "--index", index, "--json", "Lavrov Kursk"]))
        #expect(!clean.isEmpty && clean.allSatisfy { $0["notes"] == nil })
        let count = jsonObjects(try newsidx(["search", "--index", index, "--json", "--count", "Lavrov \"Kursk"]))
        #expect(count.first?["notes"] as? [String] == ["unbalanced quote at column 8 ignored; searched as plain words"])
    }

    @Test func strictRefusesAFaultAndSearchesAQueryThatParses() throws {
        let index = try indexShippedCorpus(in: tmp)
        let refused = try newsidx(["search", "--index", index, "--strict", "Lavrov \"Kursk"])
        expectExit(refused, 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("bad query: unbalanced quote") && refused.stderr.contains("\n         ^\n"), "\(refused)")
        let fine = try newsidx(["search", "--index", index, "--strict", "--format", "trec", "\"Sergey Lavrov\" Kursk"])
        expectExit(fine, 0)
        #expect(trecPaths(fine) == [Repo.seedName])
    }

    @Test(arguments: [["date:2025-13-45"], ["Lavrov \"Kursk date:2025-13-45"], ["Lavrov", "--since", "yesterday-ish"]])
    func aKnownFilterWithABadValueStaysAnError(_ query: [String]) throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index] + query)
        expectExit(r, 2)
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.contains("note:"), "\(r)")
    }

    @Test(arguments: ["\"", "( )", "*"])
    func nothingSearchableLeftIsAnError(_ query: String) throws {
        let index = try indexShippedCorpus(in: tmp)
        let r = try newsidx(["search", "--index", index, query])
        expectExit(r, 2)
        #expect(r.stderr.contains("has no words to search for"), "\(r)")
    }

    @Test func aBatchNotesEachQueryByIdAndSuggestsOnlyWhenAsked() throws {
        let index = try indexShippedCorpus(in: tmp)
        let queries = try tmp.write("q.tsv", "1\tLavrov \"Kursk\n2\tLavrof\n3\tLavrov Kursk\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec"])
        expectExit(r, 0)
        #expect(r.stderr == "newsidx: note: query 1: unbalanced quote at column 8 ignored; searched as plain words\n", "\(r)")
        let first = r.stdoutLines.filter { $0.hasPrefix("1 ") }.map { String($0.split(separator: " ")[2]) }
        let third = r.stdoutLines.filter { $0.hasPrefix("3 ") }.map { String($0.split(separator: " ")[2]) }
        #expect(!first.isEmpty && first == third, "the stray quote changes nothing")
        let suggesting = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec", "--suggest"])
        #expect(suggesting.stderr.contains("query 2: did you mean: lavrov\n"), "\(suggesting)")
    }

    @Test func aStrictBatchStopsAtTheFirstFaultNamingItsQuery() throws {
        let index = try indexShippedCorpus(in: tmp)
        let queries = try tmp.write("q.tsv", "1\tLavrov Kursk\n2\tLavrov \"Kursk\n")
        let r = try newsidx(["search", "--index", index, "--queries", queries, "--format", "trec", "--strict"])
        expectExit(r, 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("query 2: bad query: unbalanced quote"), "\(r)")
    }

    @Test func helpStatesTheCapitalsRuleAndTheFallback() throws {
        let help = try newsidx(["search", "--help"])
        #expect(help.stdout.contains("PRESIDENT WILL NOT ATTEND SUMMIT"))
        #expect(help.stdout.contains("searched as plain words"))
        #expect(help.stdout.contains("--strict") && help.stdout.contains("--suggest"))
    }
}
