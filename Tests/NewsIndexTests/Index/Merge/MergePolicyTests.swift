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

    /// Applies merges the way a commit does: the result takes the place of its first source.
    func apply(_ merge: [UInt64], to segments: inout [Manifest.Segment], id: UInt64) {
        let chosen = Set(merge)
        let live = segments.filter { chosen.contains($0.id) }.reduce(0) { $0 + $1.documentCount - $1.deletedCount }
        let at = segments.firstIndex { $0.id == merge[0] }!
        segments.removeAll { chosen.contains($0.id) }
        if live > 0 { segments.insert(segment(id, live: live), at: min(at, segments.count)) }
    }

    func cascade(_ segments: [Manifest.Segment]) -> [Manifest.Segment] {
        var segments = segments
        var id: UInt64 = 1_000
        while let merge = policy.nextMerge(segments) {
            apply(merge, to: &segments, id: id)
            id += 1
        }
        return segments
    }

    @Test func aCascadeThroughTwoTiersIsPlannedAsOneMerge() {
        let segments = (1...16).map { segment(UInt64($0), live: 30) }
        #expect(policy.plannedMerges(segments) == [Array(1...16)])
    }

    @Test func nothingIsPlannedWhenNoMergeIsDue() {
        #expect(policy.plannedMerges((1...3).map { segment($0, live: 50) }).isEmpty)
    }

    @Test(arguments: [
        [30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [5_000, 40, 90, 10, 60, 2_000, 300, 350, 390, 80, 70],
        [400, 400, 400, 90, 400, 90, 90, 90, 1_600, 1_500],
    ])
    func plannedMergesEndWhereTheCascadeEnds(lives: [Int]) {
        let segments = lives.enumerated().map { segment(UInt64($0.offset + 1), live: $0.element) }
        var planned = segments
        for (n, merge) in policy.plannedMerges(segments).enumerated() { apply(merge, to: &planned, id: 1_000 + UInt64(n)) }
        let expected = cascade(segments)
        #expect(planned.map(\.documentCount) == expected.map(\.documentCount))
        #expect(policy.nextMerge(planned) == nil)
        #expect(planned.count < segments.count)
    }

    @Test func aWornSegmentIsRewrittenInThePlan() {
        let segments = [segment(1, live: 5_000), segment(2, live: 400, deleted: 401)]
        #expect(policy.plannedMerges(segments) == [[2]])
    }

    @Test func theSegmentsACommitWroteAreMergedIntoOne() {
        let segments = [segment(1, live: 5_000)] + (2...6).map { segment($0, live: 30) }
        #expect(policy.plannedMerges(segments, fresh: Set(2...6)) == [[2, 3, 4, 5, 6]])
    }

    @Test func aSingleSegmentACommitWroteIsLeftAsItIs() {
        let segments = [segment(1, live: 5_000), segment(2, live: 30)]
        #expect(policy.plannedMerges(segments, fresh: [2]).isEmpty)
    }

    @Test func freshSegmentsAreMergedAtMostSixtyFourAtATime() {
        let segments = (1...130).map { segment(UInt64($0), live: 30) }
        #expect(policy.plannedMerges(segments, fresh: Set(1...130)) == [Array(1...64), Array(65...128), [129, 130]])
    }

    @Test func freshSegmentsMergedIntoAFullTierClimbOnInTheSameMerge() {
        let segments = (1...3).map { segment($0, live: 150) } + (4...6).map { segment($0, live: 50) }
        #expect(policy.plannedMerges(segments, fresh: Set(4...6)) == [[1, 2, 3, 4, 5, 6]])
    }
}
