import Testing
@testable import NewsIndex

/// `lang:` in the query language: each story has exactly one language term, so the filter
/// finds exactly the stories of a language, counts per language are exact, and a value
/// that names no language is an error however leniently the query is read.
@Suite struct LanguageFilterTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()
    let syntax = QuerySyntax(analyzer: .standard)

    func languages(of query: String, in reader: IndexReader) throws -> [String] {
        let results = try Searcher(reader: reader).search(try syntax.parse(query, mode: .any), options: SearchOptions(limit: 50))
        return try results.hits.map { try reader.storedStory(at: $0.address).story.language ?? "nil" }.sorted()
    }

    @Test func langFindsExactlyTheStoriesOfOneLanguage() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        for (_, language) in LanguageFixtures.stories {
            #expect(try languages(of: "lang:\(language)", in: reader) == [language])
        }
    }

    @Test func langNarrowsWordsAndTakesTagsAsWritten() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        #expect(try languages(of: "lavrov lang:en", in: reader) == ["en"])
        #expect(try languages(of: "Lavrov (lang:EN-GB OR lang:fre)", in: reader) == ["en", "fr"])
        #expect(try languages(of: "lavrov -lang:en -lang:und", in: reader).count == 5, "the Latin-script stories but English")
    }

    @Test func storiesPerLanguageCountsEveryLiveStory() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let counts = try reader.storiesPerLanguage()
        #expect(counts.count == LanguageFixtures.stories.count)
        #expect(counts.allSatisfy { $0.stories == 1 })
        #expect(counts.map(\.code) == counts.map(\.code).sorted(), "ties in code order")
    }

    @Test func removedStoriesAreNotCounted() throws {
        _ = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let writer = try IndexWriter(directory: index.path, analyzer: .standard)
        try writer.remove(try writer.select(relativePath: "ru.txt"))
        try writer.commit()
        let reader = try IndexReader(directory: index.path, analyzer: .standard)
        #expect(try reader.storiesPerLanguage().map(\.code).contains("ru") == false)
    }

    @Test(arguments: ["lang:korean", "lang:1", "lavrov lang:", "lang:x-klingon"])
    func aValueThatNamesNoLanguageIsRefused(_ query: String) {
        #expect(throws: QueryError.self) { try syntax.parse(query) }
    }

    @Test func aBadLanguageStaysAnErrorWhenTheRestIsReadAsPlainWords() {
        #expect(throws: QueryError.self) { try syntax.parseLeniently("\"lavrov lang:korean") }
        #expect(throws: QueryError.self) { try syntax.parseLeniently("lang:korean") }
    }

    @Test func theLanguageFilterAddsNothingToTheScore() throws {
        let reader = try LanguageFixtures.indexedReader(in: corpus, index: index)
        let searcher = Searcher(reader: reader)
        let plain = try searcher.search(try syntax.parse("lavrov kursk"), options: SearchOptions(limit: 50))
        let filtered = try searcher.search(try syntax.parse("lavrov kursk lang:en"), options: SearchOptions(limit: 50))
        let english = try #require(plain.hits.first { try reader.storedStory(at: $0.address).story.language == "en" })
        #expect(filtered.hits.map(\.score) == [english.score])
    }
}
