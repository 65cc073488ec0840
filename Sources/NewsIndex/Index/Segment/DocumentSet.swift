/// A set of a segment's documents as a bitset: bit d of byte d / 8 for document d.
struct DocumentSet: Equatable {
    private(set) var bits: [UInt8]
    private(set) var count = 0

    init(documentCount: Int) {
        bits = [UInt8](repeating: 0, count: (documentCount + 7) / 8)
    }

    init(bits: [UInt8]) {
        self.bits = bits
        count = bits.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    @inline(__always)
    func contains(_ doc: Int) -> Bool { bits[doc >> 3] & (1 << UInt8(doc & 7)) != 0 }

    mutating func insert(_ doc: Int) {
        guard !contains(doc) else { return }
        bits[doc >> 3] |= 1 << UInt8(doc & 7)
        count += 1
    }
}
