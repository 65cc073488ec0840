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
        var docs = [UInt32](repeating: 0, count: count)
        var freqs = [UInt32](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            docs.withUnsafeMutableBufferPointer { docs in
                freqs.withUnsafeMutableBufferPointer { freqs in
                    var offset = 0
                    var doc: UInt32 = 0
                    for i in 0..<count {
                        let first = readVarint(raw, &offset, raw.count)!
                        doc &+= UInt32(truncatingIfNeeded: first &>> 1)
                        docs[i] = doc
                        freqs[i] = first & 1 == 1 ? 1 : UInt32(truncatingIfNeeded: readVarint(raw, &offset, raw.count)!)
                    }
                }
            }
        }
        self.docs = docs
        self.freqs = freqs
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
