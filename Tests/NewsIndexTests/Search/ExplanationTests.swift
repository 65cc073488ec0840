import Testing
@testable import NewsIndex

/// `Searcher.explain`: the parts add up to the score the search gave, and say where the
/// words were.
@Suite struct ExplanationTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()
    let reader: IndexReader

    init() throws {
        corpus.write("headline.txt", "Lavrov meets Choe in Moscow\n\nRussian Foreign Minister Sergei Lavrov met Choe Son-hui in Moscow on Monday.\n\nLavrov praised the soldiers who fought in Kursk.\n")
        corpus.write("lead.txt", "date 2025-01-02 Officials in Kursk said the bridge had reopened.\n\nTraffic resumed on Tuesday.\n")
        corpus.write("other.txt", "Grain exports rise\n\nUkraine shipped more grain from its Black Sea ports this month.\n")
        reader = try indexedReader(of: corpus, into: index)
    }

    func explained(_ text: String, _ mode: Query.Mode) throws -> [(path: String, hit: ScoredDocument, explanation: Explanation)] {
        let searcher = Searcher(reader: reader)
        let results = try searcher.search(try QueryParser(analyzer: .standard).parse(text, mode: mode), limit: 10)
        return try results.hits.map { hit in
            (try reader.storedStory(at: hit.address).path, hit, try searcher.explain(hit, in: results))
        }
    }

    @Test(arguments: [("Lavrov Kursk", Query.Mode.any), ("Lavrov Kursk", .all), ("Kursk Kursk bridge Moscow", .any)])
    func thePartsAddUpToTheScoreTheSearchGave(query: String, mode: Query.Mode) throws {
        let hits = try explained(query, mode)
        #expect(!hits.isEmpty)
        for (_, hit, explanation) in hits {
            #expect(explanation.score == hit.score)
            #expect(explanation.terms.reduce(0) { $0 + $1.score } == hit.score)
        }
    }

    @Test func occurrencesAreCountedInTheHeadlineAndTheBody() throws {
        let hit = try #require(try explained("Lavrov Moscow", .all).first)
        #expect(hit.path == "headline.txt")
        let lavrov = hit.explanation.terms[0], moscow = hit.explanation.terms[1]
        #expect(lavrov.term == "lavrov" && lavrov.headlineFrequency == 1 && lavrov.bodyFrequency == 2)
        #expect(moscow.term == "moscow" && moscow.headlineFrequency == 1 && moscow.bodyFrequency == 1)
    }

    @Test func aStoryWithoutAHeadlineHasEveryOccurrenceInItsBody() throws {
        let hit = try #require(try explained("bridge", .all).first)
        #expect(hit.path == "lead.txt")
        #expect(hit.explanation.terms[0].headlineFrequency == 0 && hit.explanation.terms[0].bodyFrequency == 1)
    }

    @Test func aTermTheStoryLacksContributesNothing() throws {
        let hits = try explained("bridge Lavrov", .any)
        let lead = try #require(hits.first { $0.path == "lead.txt" })
        let lavrov = try #require(lead.explanation.terms.first { $0.term == "lavrov" })
        #expect(lavrov.termFrequency == 0 && lavrov.score == 0)
        #expect(lavrov.documentFrequency == 1)
    }

    @Test func theStatisticsAreTheIndexWide() throws {
        let hit = try #require(try explained("Kursk Kursk", .all).first)
        let e = hit.explanation
        #expect(e.documentCount == 3 && e.k1 == 1.2 && e.b == 0.75)
        #expect(e.averageDocumentLength == reader.averageDocumentLength)
        #expect(e.terms[0].queryFrequency == 2 && e.terms[0].queryWeight == 1.375)
        #expect(e.terms[0].documentFrequency == 2)
        #expect(e.lengthNorm == 1.2 * (0.25 + 0.75 * Double(e.scoredLength) / e.averageDocumentLength))
    }
}
