import Testing
@testable import NewsIndex

/// Query trees executed over a small index: each construct, and combinations.
@Suite struct TreeSearchTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()
    let reader: IndexReader
    let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 10, day: 28))

    init() throws {
        corpus.write("s1.txt", "date 2025-10-27\nLavrov meets Choe in Moscow\n\nMOSCOW, Oct. 27 (Yonhap) -- Russian Foreign Minister Sergey Lavrov met North Korean Foreign Minister Choe Son-hui in Moscow on Monday.\n")
        corpus.write("s2.txt", "date 2025-10-20\nNorth Korea fires missile\n\nSEOUL, Oct. 20 (Reuters) - North Korea fired a missile toward the sea, the military said, a day before Lavrov spoke.\n")
        corpus.write("s3.txt", "date 2025-09-15\nKursk region shelling\n\nKURSK (AP) — Shelling hit the Kursk region, officials said, and the foreign minister of Ukraine spoke.\n")
        corpus.write("sub/s4.txt", "Sports roundup\n\nThe football league results from the weekend; Lavrov was not involved in the Kursker derby.\n")
        corpus.write("sub/s5.html", """
            <html><head><title>Seoul talks go on</title><meta name="author" content="Jane Smith">
            <meta property="og:site_name" content="Korea Herald"><meta property="article:published_time" content="2025-10-25"></head>
            <body><article><p>Talks in Seoul on the peninsula continued on Saturday, with Korean and Russian delegations meeting for a second day in the capital.</p>
            <p>Officials said the talks would go on next week, and that foreign ministers might join them.</p></article></body></html>
            """)
        reader = try indexedReader(of: corpus, into: index)
    }

    func paths(_ q: String, _ mode: Query.Mode = .all, order: SortOrder = .relevance, halfLife: Double? = nil) throws -> [String] {
        let tree = try syntax.parse(q, mode: mode)
        let results = try Searcher(reader: reader).search(tree, options: SearchOptions(limit: 10, order: order, recencyHalfLifeDays: halfLife))
        #expect(results.totalHits == results.hits.count)
        return try results.hits.map { try reader.storedStory(at: $0.address).path }
    }

    func set(_ q: String, _ mode: Query.Mode = .all) throws -> Set<String> { Set(try paths(q, mode)) }

    @Test func terms() throws {
        #expect(try set("lavrov") == ["s1.txt", "s2.txt", "sub/s4.txt"])
        #expect(try set("lavrov moscow") == ["s1.txt"])
    }

    @Test func phrases() throws {
        #expect(try set("\"foreign minister\"") == ["s1.txt", "s3.txt", "sub/s5.html"])  // s5: "foreign ministers", by stems
        #expect(try set("\"minister foreign\"") == [])
        #expect(try set("\"foreign minister of ukraine\"") == ["s3.txt"])
        #expect(try set("\"lavrov met\"") == ["s1.txt"])
        // A phrase never joins the end of the headline to the start of the body.
        #expect(try set("\"moscow moscow\"") == [])
    }

    @Test func proximity() throws {
        #expect(try set("\"lavrov moscow\"") == [])
        // The headline "Lavrov meets Choe in Moscow": 3 words between.
        #expect(try set("\"lavrov moscow\"~2") == [])
        #expect(try set("\"lavrov moscow\"~3") == ["s1.txt"])
        #expect(try set("title:\"lavrov moscow\"~3") == ["s1.txt"])
        // "MOSCOW, Oct. 27 (Yonhap) -- Russian Foreign Minister Sergey Lavrov": 7 words between.
        #expect(try set("\"moscow lavrov\"~6") == [])
        #expect(try set("\"moscow lavrov\"~7") == ["s1.txt"])
        #expect(try set("NEAR(moscow lavrov, 10)") == ["s1.txt"])
        #expect(try set("NEAR(minister russian, 1)") == ["s1.txt"])
        #expect(try set("NEAR(minister russian, 0)") == [])
    }

    @Test func booleans() throws {
        #expect(try set("kursk OR seoul") == ["s2.txt", "s3.txt", "sub/s5.html"])
        #expect(try set("lavrov -moscow") == ["s2.txt", "sub/s4.txt"])
        #expect(try set("lavrov NOT moscow") == ["s2.txt", "sub/s4.txt"])
        #expect(try set("lavrov AND NOT (moscow OR football)") == ["s2.txt"])
        #expect(try set("(kursk OR seoul) minister") == ["s3.txt", "sub/s5.html"])
        #expect(try set("-lavrov") == ["s3.txt", "sub/s5.html"])
        #expect(try set("korea +missile", .any) == ["s2.txt"])
        #expect(try set("missile talks", .any) == ["s2.txt", "sub/s5.html"])
    }

    @Test func optionalClausesRaiseTheScore() throws {
        let hits = try paths("+lavrov moscow", .any)
        #expect(hits.first == "s1.txt")
        #expect(Set(hits) == ["s1.txt", "s2.txt", "sub/s4.txt"])
    }

    @Test func prefixes() throws {
        #expect(try set("kurs*") == ["s3.txt", "sub/s4.txt"])
        #expect(try set("title:kurs*") == ["s3.txt"])
        #expect(try set("source:reu*") == ["s2.txt"])
        #expect(try set("zzq*") == [])
        // "delegations" is indexed as "deleg": the stems of the prefix's completions count.
        #expect(try set("delegat*") == ["sub/s5.html"])
    }

    @Test func fields() throws {
        #expect(try set("title:lavrov") == ["s1.txt"])
        #expect(try set("title:\"north korea\"") == ["s2.txt"])
        #expect(try set("title:(kursk OR seoul)") == ["s3.txt", "sub/s5.html"])
        #expect(try set("source:yonhap") == ["s1.txt"])
        #expect(try set("source:reuters") == ["s2.txt"])
        #expect(try set("source:\"korea herald\"") == ["sub/s5.html"])
        #expect(try set("byline:smith") == ["sub/s5.html"])
        #expect(try set("place:seoul") == ["s2.txt"])
        #expect(try set("place:moscow") == ["s1.txt"])
        #expect(try set("path:sub/") == ["sub/s4.txt", "sub/s5.html"])
        #expect(try set("path:s1") == ["s1.txt"])
    }

    @Test func fieldsFilterWithoutScoring() throws {
        let tree = try syntax.parse("source:yonhap")
        let results = try Searcher(reader: reader).search(tree, options: SearchOptions(limit: 10))
        #expect(results.hits.map(\.score) == [0])
        let plain = try Searcher(reader: reader).search(try syntax.parse("lavrov"), options: SearchOptions(limit: 10))
        let filtered = try Searcher(reader: reader).search(try syntax.parse("lavrov source:yonhap"), options: SearchOptions(limit: 10))
        #expect(filtered.hits.map(\.score) == [plain.hits.first { $0.address == filtered.hits[0].address }!.score])
    }

    @Test func dates() throws {
        #expect(try set("date:2025-10-27") == ["s1.txt"])
        #expect(try set("date:2025-10") == ["s1.txt", "s2.txt", "sub/s5.html"])
        #expect(try set("date:2025-10-01..2025-10-25") == ["s2.txt", "sub/s5.html"])
        #expect(try set("date:..2025-10-20") == ["s2.txt", "s3.txt"])
        #expect(try set("date:2025-10-21..") == ["s1.txt", "sub/s5.html"])
        #expect(try set("date:7d") == ["s1.txt", "sub/s5.html"])
        // Stories without a date are left out of every date filter.
        #expect(try set("lavrov date:..2025-12-31") == ["s1.txt", "s2.txt"])
    }

    @Test func combinationPhraseInFieldInDateRangeWithNegation() throws {
        #expect(try set("title:\"north korea\" date:2025-10-01..2025-10-31 -source:yonhap") == ["s2.txt"])
        #expect(try set("title:\"north korea\" date:2025-10-01..2025-10-31 -source:reuters") == [])
        #expect(try set("\"foreign minister\" date:2025 -place:kursk (lavrov OR choe)") == ["s1.txt"])
        #expect(try set("NEAR(talks seoul, 3) source:\"korea herald\" date:2025-10 -missile") == ["sub/s5.html"])
    }

    @Test func sortByDateAndUndatedLast() throws {
        #expect(try paths("lavrov", order: .newest) == ["s1.txt", "s2.txt", "sub/s4.txt"])
        #expect(try paths("lavrov", order: .oldest) == ["s2.txt", "s1.txt", "sub/s4.txt"])
        #expect(try paths("-zzz", order: .newest) == ["s1.txt", "sub/s5.html", "s2.txt", "s3.txt", "sub/s4.txt"])
    }

    @Test func recencyDecaysOlderStories() throws {
        // "minister" is in s1 (Oct 27), s3 (Sep 15) and s5 (Oct 25): a short half-life puts the newest first.
        let plain = try paths("minister")
        let recent = try paths("minister", halfLife: 1)
        #expect(Set(plain) == Set(recent))
        #expect(recent == ["s1.txt", "sub/s5.html", "s3.txt"])
    }

    @Test func plainQueriesScoreAsBefore() throws {
        let searcher = Searcher(reader: reader)
        for q in ["lavrov", "foreign minister", "korea missile"] {
            let old = try searcher.search(try QueryParser(analyzer: .standard).parse(q), limit: 10)
            // The same words through the general executor (a date filter that keeps everything).
            let tree = QueryNode.boolean(must: [try syntax.parse(q), .date(DateRange(first: nil, last: nil))], should: [], mustNot: [])
            let general = try searcher.search(tree, options: SearchOptions(limit: 10))
            let undated = Set(try old.hits.filter { try reader.storedStory(at: $0.address).story.date == nil }.map(\.address))
            let kept = old.hits.filter { !undated.contains($0.address) }
            #expect(general.hits.map(\.address) == kept.map(\.address), "\(q)")
            for (a, b) in zip(general.hits, kept) { #expect(abs(a.score - b.score) < 1e-12) }
        }
    }

    @Test func phraseScoresAsItsWords() throws {
        let searcher = Searcher(reader: reader)
        let phrase = try searcher.search(try syntax.parse("\"foreign minister\""), options: SearchOptions(limit: 10))
        let words = try searcher.search(try syntax.parse("foreign minister"), options: SearchOptions(limit: 10))
        for hit in phrase.hits {
            #expect(abs(hit.score - words.hits.first { $0.address == hit.address }!.score) < 1e-12)
        }
        #expect(phrase.terms.map(\.text) == ["foreign", "minist"])
    }

    @Test func fieldTermsAreNotWords() throws {
        // source, byline and place words are indexed apart: "yonhap" as a word is in the body's dateline only.
        #expect(try set("herald") == [])
        #expect(try set("smith") == [])
        #expect(reader.tokenCount == reader.segments.reduce(0) { $0 + $1.totalTokens })
    }

    @Test func suggestions() throws {
        let suggester = SpellingSuggester(reader: reader)
        #expect(try suggester.correction(of: "lavrof") == "lavrov")
        #expect(try suggester.correction(of: "lavrov") == nil)
        #expect(try suggester.correction(of: "qqqqqqq") == nil)
        #expect(try suggester.suggestion(for: "Lavrof Moscow", tree: try syntax.parse("Lavrof Moscow")) == "lavrov Moscow")
        #expect(try suggester.suggestion(for: "\"Lavrof met\"", tree: try syntax.parse("\"Lavrof met\"")) == nil)
        #expect(SpellingSuggester.distance(Array("kursk".utf8), UnsafeRawBufferPointer(start: nil, count: 0), limit: 2) == 5)
        let ab = Array("ab".utf8), ba = Array("ba".utf8)
        ba.withUnsafeBytes { #expect(SpellingSuggester.distance(ab, $0, limit: 2) == 1) }
    }
}

/// The spelling suggester's cheap filter never rejects a word within the edit limit.
@Suite struct SpellingDistanceTests {
    @Test(arguments: [("lavrov", "lavrof"), ("kursk", "krusk"), ("pyongyang", "pyonyang"), ("moscow", "moskva"),
                      ("sanction", "sancton"), ("abc", "cab"), ("aaaa", "aaab"), ("zelenskiy", "zelensky")])
    func theLetterBagIsALowerBoundOfTheEditDistance(a: String, b: String) {
        let bag = SpellingSuggester.LetterBag(Array(a.utf8))
        let bBytes = Array(b.utf8)
        bBytes.withUnsafeBytes { raw in
            let exact = SpellingSuggester.distance(Array(a.utf8), raw, limit: 10)
            #expect(bag.distance(to: raw) <= exact, "\(a) \(b)")
        }
    }

    @Test func oneScratchServesWordsOfEveryLength() {
        var scratch = SpellingSuggester.DistanceScratch(longest: 3)
        let target = Array("lavrov".utf8)
        for word in ["lavrof", "lavrovs", "l", "lavrovich", "vorval"] {
            Array(word.utf8).withUnsafeBytes { raw in
                #expect(SpellingSuggester.distance(target, raw, limit: 3, scratch: &scratch)
                        == SpellingSuggester.distance(target, raw, limit: 3))
            }
        }
    }
}
