import Testing
@testable import NewsIndex

/// A query term's postings in a segment, for a term with several forms.
@Suite struct TermPostingsTests {
    let corpus = TemporaryDirectory()
    let index = TemporaryDirectory()

    @Test func aStoryHoldingSeveralFormsCountsOnce() throws {
        corpus.write("both.txt", "Harbour\n\nThe harbour and the quay.\n")
        corpus.write("first.txt", "Harbour\n\nThe harbour at dawn.\n")
        corpus.write("second.txt", "Quay\n\nThe quay at dusk.\n")
        corpus.write("neither.txt", "Market\n\nThe market at noon.\n")
        let reader = try indexedReader(of: corpus, into: index)
        let term = AlternativeTerms.join(["harbour", "quay"])
        let counts = try reader.segments.map { segment throws in
            (try TermPostings(term, in: segment)?.docFreq ?? 0, try TermPostings("harbour", in: segment)?.docFreq ?? 0,
             try TermPostings("quay", in: segment)?.docFreq ?? 0)
        }
        #expect(counts.map(\.0).reduce(0, +) == 3)
        #expect(counts.map(\.1).reduce(0, +) == 2 && counts.map(\.2).reduce(0, +) == 2)
        #expect(try reader.documentFrequency(of: term) == 3)
    }

    @Test func aTermWithNoFormInTheSegmentHasNoPostings() throws {
        corpus.write("a.txt", "Harbour\n\nThe harbour at dawn.\n")
        let reader = try indexedReader(of: corpus, into: index)
        let term = AlternativeTerms.join(["wharf", "jetty"])
        #expect(try reader.segments.allSatisfy { try TermPostings(term, in: $0) == nil })
    }
}
