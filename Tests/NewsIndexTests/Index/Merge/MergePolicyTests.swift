import Testing
@testable import NewsIndex

@Suite struct MergePolicyTests {
    let policy = MergePolicy(mergeFactor: 4, floorDocuments: 100)

    func segment(_ id: UInt64, live: Int, deleted: Int = 0) -> Manifest.Segment {
        Manifest.Segment(id: id, documentCount: live + deleted, tokenCount: 0, deletedCount: deleted, deletionGeneration: 0)
    }

    @Test func fewerSegmentsThanTheFactorInATierAreLeftAlone() {
        #expect(policy.nextMerge((1...3).map { segment($0, live: 50) }) == nil)
    }

    @Test func aFullTierIsMergedInManifestOrder() {
        let segments = [segment(7, live: 5_000), segment(1, live: 40), segment(2, live: 90), segment(3, live: 10),
                        segment(4, live: 60)]
        #expect(policy.nextMerge(segments) == [1, 2, 3, 4])
    }

    @Test func onlyTheFactorsSmallestOfACrowdedTierAreMerged() {
        let segments = (1...6).map { segment(UInt64($0), live: 100 - $0) }
        #expect(policy.nextMerge(segments) == [3, 4, 5, 6])
    }

    @Test func segmentsOfDifferentTiersAreNotMergedTogether() {
        let segments = [segment(1, live: 50), segment(2, live: 300), segment(3, live: 50), segment(4, live: 2_000)]
        #expect(policy.nextMerge(segments) == nil)
    }

    @Test(arguments: [(0, 0), (100, 0), (101, 1), (400, 1), (401, 2), (1_600, 2), (1_601, 3)])
    func tiersGrowByTheMergeFactor(live: Int, tier: Int) {
        #expect(policy.tier(live) == tier)
    }

    @Test func aSegmentMoreThanHalfDeletedIsRewrittenAlone() {
        let segments = [segment(1, live: 5_000), segment(2, live: 400, deleted: 401)]
        #expect(policy.nextMerge(segments) == [2])
    }

    @Test func compactingMergesEverythingUnlessItIsOneCleanSegment() {
        #expect(policy.mergeAll([segment(1, live: 10), segment(2, live: 20)]) == [1, 2])
        #expect(policy.mergeAll([segment(1, live: 10, deleted: 1)]) == [1])
        #expect(policy.mergeAll([segment(1, live: 10)]) == nil)
        #expect(policy.mergeAll([]) == nil)
    }
}
