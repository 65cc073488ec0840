/// Disjoint sets over 0..<count with path compression, each set's root its smallest element.
struct UnionFind {
    private var parent: [Int32]

    init(count: Int) { parent = [Int32](0..<Int32(count)) }

    var count: Int { parent.count }

    /// A new set of one element; returns it.
    mutating func append() -> Int {
        parent.append(Int32(parent.count))
        return parent.count - 1
    }

    mutating func find(_ i: Int) -> Int {
        var r = i
        while parent[r] != Int32(r) { r = Int(parent[r]) }
        var j = i
        while parent[j] != Int32(r) { let next = Int(parent[j]); parent[j] = Int32(r); j = next }
        return r
    }

    /// Joins the sets whose roots are `a` and `b`.
    mutating func union(roots a: Int, _ b: Int) {
        if a < b { parent[b] = Int32(a) } else if b < a { parent[a] = Int32(b) }
    }

    mutating func union(_ a: Int, _ b: Int) { union(roots: find(a), find(b)) }

    /// The sets of two elements or more, each in ascending order, in the order of their
    /// smallest element.
    mutating func groups() -> [[Int]] {
        var size = [Int32](repeating: 0, count: parent.count)
        for i in parent.indices { size[find(i)] += 1 }
        var groups: [[Int]] = []
        var slot = [Int32](repeating: -1, count: parent.count)
        for i in parent.indices where size[find(i)] > 1 {
            let r = find(i)
            if slot[r] < 0 {
                slot[r] = Int32(groups.count)
                groups.append([])
            }
            groups[Int(slot[r])].append(i)
        }
        return groups
    }
}
