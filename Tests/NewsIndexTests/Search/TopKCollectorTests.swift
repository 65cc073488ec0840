import Testing
@testable import NewsIndex

@Suite struct TopKCollectorTests {
    func doc(_ d: Int, _ score: Double, segment: Int = 0) -> ScoredDocument {
        ScoredDocument(address: DocumentAddress(segment: segment, doc: d), score: score)
    }

    @Test func keepsTheBestKBestFirst() {
        var top = TopKCollector(k: 3)
        for (i, s) in [0.5, 2.0, 1.0, 3.0, 0.1, 2.5].enumerated() { top.collect(doc(i, s)) }
        #expect(top.results().map(\.score) == [3.0, 2.5, 2.0])
        #expect(top.collected == 6)
    }

    @Test func tiesGoToTheEarlierDocument() {
        var top = TopKCollector(k: 2)
        top.collect(doc(5, 1.0))
        top.collect(doc(1, 1.0, segment: 1))
        top.collect(doc(2, 1.0))
        #expect(top.results().map(\.address) == [DocumentAddress(segment: 0, doc: 2), DocumentAddress(segment: 0, doc: 5)])
    }

    @Test func fewerDocumentsThanKAreAllKept() {
        var top = TopKCollector(k: 10)
        top.collect(doc(0, 1))
        #expect(top.results().count == 1)
    }
}
