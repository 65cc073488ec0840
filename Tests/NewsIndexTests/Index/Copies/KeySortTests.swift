import Testing
@testable import NewsIndex

/// Band pairs sorted by key, equal keys in the order they came.
@Suite struct KeySortTests {
    /// `count` pairs with values ascending, as clustering appends them, and keys drawn from
    /// `distinctKeys` values spread over all 32 bits.
    static func pairs(count: Int, distinctKeys: UInt32, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let key = UInt32(truncatingIfNeeded: state >> 33) % distinctKeys &* 2654435761
            return UInt64(key) << 32 | UInt64(i)
        }
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (1000, 7), (100_000, 50_000), (100_000, 4_000_000_000)])
    func sortsAsAFullSortOfThePackedNumbersWould(count: Int, distinctKeys: UInt32) {
        var pairs = Self.pairs(count: count, distinctKeys: distinctKeys, seed: UInt64(count))
        let expected = pairs.sorted()
        var sorter = KeySort()
        sorter.sort(&pairs)
        #expect(pairs == expected)
    }

    @Test func oneSorterServesArraysOfAnySize() {
        var sorter = KeySort()
        for count in [5000, 10, 20_000] {
            var pairs = Self.pairs(count: count, distinctKeys: 300, seed: 9)
            let expected = pairs.sorted()
            sorter.sort(&pairs)
            #expect(pairs == expected)
        }
    }
}
