/// A scored document.
public struct ScoredDocument: Sendable, Equatable {
    public var address: DocumentAddress
    public var score: Double
}

/// Keeps the `k` best-scoring documents seen (a bounded min-heap); ties go to the
/// document that comes first in the index, so results are deterministic.
struct TopKCollector {
    let k: Int
    private var heap: [ScoredDocument] = []
    private(set) var collected = 0

    init(k: Int) {
        self.k = k
        heap.reserveCapacity(min(k, 1 << 16))
    }

    /// True when `a` ranks below `b`.
    @inline(__always)
    private static func worse(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        if a.score != b.score { return a.score < b.score }
        if a.address.segment != b.address.segment { return a.address.segment > b.address.segment }
        return a.address.doc > b.address.doc
    }

    /// The score a new document must beat to enter, once the heap is full.
    var threshold: Double { heap.count < k ? -.infinity : heap[0].score }

    mutating func collect(_ d: ScoredDocument) {
        collected += 1
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(d)
            siftUp(heap.count - 1)
        } else if Self.worse(heap[0], d) {
            heap[0] = d
            siftDown(0)
        }
    }

    /// The best documents, best first.
    func results() -> [ScoredDocument] {
        heap.sorted { Self.worse($1, $0) }
    }

    private mutating func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.worse(heap[i], heap[parent]) else { return }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && Self.worse(heap[l], heap[m]) { m = l }
            if r < heap.count && Self.worse(heap[r], heap[m]) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
