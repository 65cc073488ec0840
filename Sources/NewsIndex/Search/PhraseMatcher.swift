/// Decides whether a story's positions hold a phrase or a proximity group.
///
/// Positions come per distinct term, sorted; a list may repeat a position (a token indexed
/// twice), so lists are deduplicated first. `order` gives, for each word of the phrase, its
/// term's list (`"new york new"` has two lists and order [0, 1, 0]).
enum PhraseMatcher {
    /// In order (`ordered`): the words at increasing positions with at most `slop` extra
    /// positions between first and last (`"a b"` is slop 0: adjacent). In any order: some
    /// window of `words + slop` positions holds every word (a repeated word as many times).
    static func matches(_ lists: [[UInt32]], order: [Int], slop: Int, ordered: Bool) -> Bool {
        let lists = lists.map(deduplicated)
        guard !order.isEmpty, !lists.contains(where: \.isEmpty) else { return false }
        let extra = order.count - 1 + slop
        if ordered {
            for p0 in lists[order[0]] {
                var current = p0
                for k in 1..<order.count {
                    guard let q = firstAbove(lists[order[k]], current) else { return false }
                    current = q
                }
                if Int(current) - Int(p0) <= extra { return true }
            }
            return false
        }
        var need = [Int](repeating: 0, count: lists.count)
        for l in order { need[l] += 1 }
        for list in lists.indices where need[list] > 0 {
            for start in lists[list] {
                let end = UInt64(start) + UInt64(extra)
                var ok = true
                for l in lists.indices where need[l] > 0 {
                    let from = firstAtOrAbove(lists[l], UInt64(start))
                    let to = firstAtOrAbove(lists[l], end + 1)
                    if to - from < need[l] { ok = false; break }
                }
                if ok { return true }
            }
        }
        return false
    }

    static func deduplicated(_ list: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(list.count)
        for p in list where out.last != p { out.append(p) }
        return out
    }

    /// The smallest position above `p`.
    static func firstAbove(_ list: [UInt32], _ p: UInt32) -> UInt32? {
        let i = firstAtOrAbove(list, UInt64(p) + 1)
        return i < list.count ? list[i] : nil
    }

    /// The index of the first position at or above `p` (binary search).
    static func firstAtOrAbove(_ list: [UInt32], _ p: UInt64) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if UInt64(list[mid]) < p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
