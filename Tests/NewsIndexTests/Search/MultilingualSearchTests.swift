import Testing
@testable import NewsIndex

/// Searching an index of stories in many languages (`Tests/Fixtures/languages`): the
/// issue's examples of what failed when every story was analysed as English, each a query
/// written as a reader of that language would.
@Suite struct MultilingualSearchTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    func files(_ query: String, in reader: IndexReader, mode: Query.Mode = .all) throws -> [String] {
        let syntax = QuerySyntax(analyzer: try reader.queryAnalyzer())
        let results = try Searcher(reader: reader).search(try syntax.parse(query, mode: mode), options: SearchOptions(limit: 20))
        return try results.hits.map { try reader.record(at: $0.address).path }.sorted()
    }

    @Test(arguments: [("министра", "ru.txt"), ("переговорах", "ru.txt"), ("курская", "ru.txt"),
                      ("북한군", "ko.txt"), ("외무장관과", "ko.txt"), ("外务相", "zh.txt"), ("ラブロフ外相", "ja.txt"),
                      ("กระทรวงการต่างประเทศ", "th.txt"), ("binh sĩ", "vi.txt"), ("Moskova'daki", "tr.txt"),
                      ("Gespräch", "de.txt"), ("conversación", "es.txt"), ("soldats", "fr.txt")])
    func aWordFindsTheStoriesOfItsLanguageInAnotherForm(_ query: String, _ file: String) throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        // Related languages may share a stem (French `soldats` and German `Soldaten`, `soldat`).
        let found = try files(query, in: reader)
        #expect(found.contains(file) && found.count <= 3, "\(query): \(found)")
    }

    @Test func vietnameseTonesTellWordsApart() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        #expect(try files("hội đàm", in: reader) == ["vi.txt"])
        #expect(try files("hoi dam", in: reader).isEmpty, "without its tones the word is another")
    }

    @Test func anEnglishQueryFindsTheEnglishStoryFirst() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let syntax = QuerySyntax(analyzer: try reader.queryAnalyzer())
        let results = try Searcher(reader: reader).search(try syntax.parse("Lavrov talks Moscow soldiers", mode: .any), options: SearchOptions(limit: 3))
        #expect(try reader.record(at: try #require(results.hits.first).address).path == "en.txt")
    }

    @Test func alternativesScoreAsOneTerm() throws {
        // Two stories of unknown language and one Russian: `министра` is the Russian stem
        // `министр` and the unstemmed `министра`, found in all three stories once each.
        corpus.write("ru.txt", String(decoding: try LanguageFixtures.bytes("ru.txt"), as: UTF8.self))
        corpus.write("a.txt", "Министра\n\nминистра министра.\n")
        corpus.write("b.txt", "Глава\n\nминистра.\n")
        let reader = try indexedReader(of: corpus, into: index)
        let query = try QueryParser(analyzer: try reader.queryAnalyzer()).parse("министра", mode: .any)
        #expect(AlternativeTerms.split(query.terms[0]) == ["министр", "министра"])
        let results = try Searcher(reader: reader).search(query, limit: 10)
        #expect(results.totalHits == 3)
        #expect(results.terms[0].documentFrequency == 3, "the stories holding either form, each counted once")
        let top = try reader.record(at: try #require(results.hits.first).address).path
        #expect(top == "a.txt", "its frequency is the sum of its forms' (headline twice, body twice)")
    }

    /// A search that only scores reads a term's forms side by side a block at a time,
    /// without positions: the same stories and frequencies as the reading with positions
    /// that phrases need, one story at a time.
    @Test func alternativesGiveTheSameStoriesWithoutPositions() throws {
        corpus.write("ru.txt", String(decoding: try LanguageFixtures.bytes("ru.txt"), as: UTF8.self))
        corpus.write("a.txt", "Министра\n\nминистра министра.\n")
        corpus.write("b.txt", "Глава\n\nминистра.\n")
        let reader = try indexedReader(of: corpus, into: index)
        let term = AlternativeTerms.join(["министр", "министра"])
        var stories = 0
        for segment in reader.segments {
            guard let full = try TermPostings(term, in: segment) else { continue }
            let scored = try #require(try TermPostings(term, in: segment, positions: false))
            #expect(scored.docFreq == full.docFreq)
            let a = full.cursor(), b = scored.cursor()
            while a.doc != PostingsCursor.exhausted {
                #expect(b.doc == a.doc && b.freq == a.freq)
                stories += 1
                a.next()
                b.next()
            }
            #expect(b.doc == PostingsCursor.exhausted)
        }
        #expect(stories == 3)
    }

    @Test func theQueryLanguageCanBePinned() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let pinned = QuerySyntax(analyzer: try reader.queryAnalyzer(pinned: "und"))
        let results = try Searcher(reader: reader).search(try pinned.parse("министра"), options: SearchOptions(limit: 5))
        #expect(results.hits.isEmpty, "unstemmed, the genitive is in no story")
    }

    @Test func aSnippetMarksTheWordsAsTheStorysLanguageIndexedThem() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let query = try QueryParser(analyzer: try reader.queryAnalyzer()).parse("министра переговорах", mode: .any)
        let results = try Searcher(reader: reader).search(query, limit: 1)
        let hit = try #require(results.hits.first)
        let snippet = try reader.withStoredStory(at: hit.address) { stored, body in
            SnippetBuilder(analyzer: .standard).snippet(ofUTF8: body, for: SnippetQuery(terms: results.terms), language: stored.story.language ?? "und")
        }
        let marked = snippet.highlights.map { String(snippet.text.unicodeScalars.dropFirst($0.lowerBound).prefix($0.count)) }
        #expect(marked.contains("Министр") && marked.contains("переговоры"), "\(marked)")
    }

    @Test func aKoreanMatchMarksTheWholeWrittenWord() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let query = try QueryParser(analyzer: try reader.queryAnalyzer()).parse("북한군")
        let results = try Searcher(reader: reader).search(query, limit: 1)
        let hit = try #require(results.hits.first)
        let snippet = try reader.withStoredStory(at: hit.address) { stored, body in
            SnippetBuilder(analyzer: .standard).snippet(ofUTF8: body, for: SnippetQuery(terms: results.terms), language: stored.story.language ?? "und")
        }
        let marked = snippet.highlights.map { String(snippet.text.unicodeScalars.dropFirst($0.lowerBound).prefix($0.count)) }
        #expect(marked.contains("북한군의"), "\(marked)")
    }
}

extension MultilingualSearchTests {
    @Test func didYouMeanStaysSilentForWordsAnotherLanguageStems() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let syntax = QuerySyntax(analyzer: try reader.queryAnalyzer())
        let russian = "министрв"
        #expect(try SpellingSuggester(reader: reader).suggestion(for: russian, tree: try syntax.parse(russian)) == nil)
        let english = "Lavorv"
        #expect(try SpellingSuggester(reader: reader).suggestion(for: english, tree: try syntax.parse(english)) == nil,
                "a Latin word in an index of Latin-script languages with stemmers is one of theirs too")
    }
}

extension MultilingualSearchTests {
    @Test func metadataFieldsAreReadAsTheyAreIndexedWhateverTheIndexsLanguages() throws {
        // With Polish stories (no stemmer: folded only) beside English ones, a word has an
        // English and an unstemmed form; source:, byline: and place: are indexed with
        // English analysis only, and must not match the other form in a story's text.
        corpus.write("ap.html", "<html lang=\"en\"><head><meta property=\"og:site_name\" content=\"Associated Press\"><title>Talks</title></head><body><article><p>The foreign ministers met in Moscow on Monday to discuss the war, trade and the fate of soldiers who were sent abroad.</p></article></body></html>")
        corpus.write("pl.txt", "Rozmowy w Moskwie\n\nJak podała agencja Associated Press, ministrowie spraw zagranicznych spotkali się w poniedziałek w Moskwie, aby omówić wojnę, handel i los żołnierzy wysłanych w zeszłym roku za granicę.\n")
        let reader = try indexedReader(of: corpus, into: index)
        #expect(try reader.storiesPerLanguage().map(\.code).sorted() == ["en", "pl"])
        #expect(try files("source:\"associated press\"", in: reader) == ["ap.html"])
        #expect(try files("source:associated", in: reader) == ["ap.html"])
    }
}
