import Testing
@testable import NewsIndex

/// How a commit's merges are shared between two threads.
@Suite struct MergeLanesTests {
    @Test func oneMergeTakesOneLane() {
        let lanes = MergeLanes(sizes: [500])
        #expect(lanes.first == [0])
        #expect(lanes.second.isEmpty)
    }

    @Test func theLargestMergeRunsBesideTheRest() {
        let lanes = MergeLanes(sizes: [103_000, 818_000, 103_000, 103_000])
        #expect(lanes.first == [1])
        #expect(lanes.second == [0, 2, 3])
    }

    @Test func mergesOfEqualSizeAlternate() {
        let lanes = MergeLanes(sizes: [10, 10, 10, 10])
        #expect(lanes.first.count == 2)
        #expect(lanes.second.count == 2)
    }

    @Test func noMergesLeaveBothLanesEmpty() {
        let lanes = MergeLanes(sizes: [])
        #expect(lanes.first.isEmpty)
        #expect(lanes.second.isEmpty)
    }
}
