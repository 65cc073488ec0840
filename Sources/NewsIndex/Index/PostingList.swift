/// One term's documents, in increasing order, with the term's frequency in each: what the
/// postings and positions encoders take, decoded from a segment writer's in-memory form or
/// gathered by a merge.
struct PostingList {
    private(set) var docs: [UInt32] = []
    private(set) var freqs: [UInt32] = []

    init() {}

    /// Decodes `count` postings from the writer's in-memory form: per document, varint
    /// (delta from the previous document << 1 | tf == 1), then varint tf when tf != 1.
    init(varint bytes: [UInt8], count: Int) {
        docs.reserveCapacity(count)
        freqs.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            var doc: UInt32 = 0
            for _ in 0..<count {
                let first = readVarint(raw, &offset, raw.count)!
                doc += UInt32(first >> 1)
                docs.append(doc)
                freqs.append(first & 1 == 1 ? 1 : UInt32(readVarint(raw, &offset, raw.count)!))
            }
        }
    }

    var count: Int { docs.count }

    mutating func append(doc: UInt32, freq: UInt32) {
        docs.append(doc)
        freqs.append(freq)
    }

    mutating func removeAll() {
        docs.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
    }
}
