#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns the terms of a segment under construction: term bytes live in one arena and an
/// open-addressing table maps them to dense ids, so indexing allocates nothing per token.
struct TermTable {
    private(set) var arena: [UInt8] = []
    /// `starts[id]..<starts[id + 1]` is term `id` in `arena`.
    private(set) var starts: [Int32] = [0]
    private var slots: [Int32]
    private var hashes: [UInt32] = []

    init() {
        slots = [Int32](repeating: -1, count: 1 << 12)
        arena.reserveCapacity(1 << 16)
    }

    var count: Int { starts.count - 1 }

    /// Bytes held, for the writer's memory budget.
    var memoryFootprint: Int { arena.capacity + starts.capacity * 4 + slots.count * 4 + hashes.capacity * 4 }

    /// Runs `body` over the bytes of term `id`, in place.
    func withTerm<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        arena.withUnsafeBytes { a in body(UnsafeRawBufferPointer(rebasing: a[Int(starts[id])..<Int(starts[id + 1])])) }
    }

    /// The id of `term`, adding it if new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let h = Self.hash(term)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let id = Int(slots[i])
            if id < 0 { break }
            if hashes[id] == h && equals(id, term) { return id }
            i = (i + 1) & mask
        }
        let id = count
        arena.append(contentsOf: term)
        starts.append(Int32(arena.count))
        hashes.append(h)
        slots[i] = Int32(id)
        if count * 2 > slots.count { grow() }
        return id
    }

    /// Term ids in byte-wise lexicographic order of their terms: the term dictionary's order.
    func sortedIDs() -> [Int32] {
        var ids = (0..<Int32(count)).map { $0 }
        arena.withUnsafeBufferPointer { a in
            starts.withUnsafeBufferPointer { s in
                ids.sort { x, y in
                    let xs = Int(s[Int(x)]), xe = Int(s[Int(x) + 1])
                    let ys = Int(s[Int(y)]), ye = Int(s[Int(y) + 1])
                    let n = min(xe - xs, ye - ys)
                    let c = memcmpBytes(a.baseAddress! + xs, a.baseAddress! + ys, n)
                    return c != 0 ? c < 0 : (xe - xs) < (ye - ys)
                }
            }
        }
        return ids
    }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[id]), e = Int(starts[id + 1])
        guard e - s == term.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            memcmpBytes(a.baseAddress! + s, term.baseAddress!, term.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            var i = Int(hashes[id]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(id)
        }
    }

    /// FNV-1a folded with a final avalanche; terms are short, so this beats SipHash here.
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in term { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}

/// Byte-wise comparison of `n` bytes: negative, zero or positive as `memcmp`.
@inline(__always)
func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Int {
    n == 0 ? 0 : Int(memcmp(a, b, n))
}
