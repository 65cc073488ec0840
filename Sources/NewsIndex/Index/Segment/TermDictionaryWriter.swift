/// Builds the `terms` and `termIndex` sections (layout in `SegmentFormat`) from terms
/// given in byte order, each with where its lists start in the postings and positions
/// sections and how long they are.
struct TermDictionaryWriter {
    private var dictionary = ByteBuffer()
    private var index = ByteBuffer()
    private var previous: [UInt8] = []
    private(set) var count = 0

    /// Adds the next term, which must sort after the one before.
    mutating func add(
        _ term: UnsafeRawBufferPointer, docFreq: Int, bound: PostingsEncoder.Bound,
        postings: Range<Int>, positions: Range<Int>
    ) {
        var shared = 0
        if count % SegmentFormat.termBlockSize == 0 {
            index.appendUInt32(UInt32(dictionary.count))
            dictionary.appendVarint(postings.lowerBound)
            dictionary.appendVarint(positions.lowerBound)
        } else {
            let limit = min(previous.count, term.count)
            while shared < limit && previous[shared] == term[shared] { shared += 1 }
        }
        dictionary.appendVarint(shared)
        dictionary.appendVarint(term.count - shared)
        dictionary.append(contentsOf: term[shared...])
        dictionary.appendVarint(docFreq)
        dictionary.appendVarint(postings.count)
        dictionary.appendVarint(positions.count)
        dictionary.appendVarint(Int(bound.maxFrequency))
        dictionary.append(bound.minNorm)
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: term)
        count += 1
    }

    /// The two sections' bytes.
    func finish() -> (terms: [UInt8], termIndex: [UInt8]) {
        var head = ByteBuffer(capacity: 12 + index.count)
        head.appendUInt64(UInt64(count))
        head.appendUInt32(UInt32((count + SegmentFormat.termBlockSize - 1) / SegmentFormat.termBlockSize))
        head.append(contentsOf: index.bytes)
        return (dictionary.bytes, head.bytes)
    }
}
