/// Lays out one term's positions in the segment: a group per full postings block of 128
/// documents, then one for the tail, each starting on a byte, so that a postings skip entry
/// can point at the positions of its block's documents.
///
/// A group holds, per document in postings order, tf varints of position deltas (the first
/// from 0).
struct PositionsEncoder {
    /// Appends the positions of a list whose term frequencies are `freqs`, given in the
    /// writer's in-memory form (per document, tf varints of deltas, the first from 0), to
    /// `out`. Returns where each group starts, from the start of the term's positions, for
    /// `PostingsEncoder`: empty for a list without a full block.
    mutating func encode(freqs: [UInt32], positions: [UInt8], into out: inout ByteBuffer) -> [UInt32] {
        let fullBlocks = freqs.count / BitPacking.blockSize
        var starts: [UInt32] = []
        if fullBlocks > 0 {
            starts.reserveCapacity(fullBlocks + 1)
            positions.withUnsafeBytes { raw in
                var offset = 0
                for (i, tf) in freqs.enumerated() {
                    if i % BitPacking.blockSize == 0 { starts.append(UInt32(offset)) }
                    for _ in 0..<tf { _ = readVarint(raw, &offset, raw.count) }
                }
                if starts.count == fullBlocks { starts.append(UInt32(offset)) }
            }
        }
        out.append(contentsOf: positions)
        return starts
    }
}

/// Where each term's positions went, noted term by term while the positions section is
/// written, for the postings written after it (their skip entries point into the
/// positions): each term's length, and the group starts of a list of full blocks.
struct PositionsLayout {
    private var lengths: [UInt32] = []
    private var groupStarts: [UInt32] = []
    private var nextTerm = 0
    private var nextGroup = 0
    private var offset = 0

    mutating func add(length: Int, groupStarts starts: [UInt32]) {
        lengths.append(UInt32(length))
        groupStarts.append(contentsOf: starts)
    }

    /// The next term's positions, in the order they were added: their range in the section
    /// and their group starts (empty for a list of fewer than `BitPacking.blockSize` documents).
    mutating func next(docFreq: Int) -> (range: Range<Int>, groupStarts: ArraySlice<UInt32>) {
        let fullBlocks = docFreq / BitPacking.blockSize
        let groups = fullBlocks > 0 ? fullBlocks + 1 : 0
        let start = offset
        offset += Int(lengths[nextTerm])
        nextTerm += 1
        defer { nextGroup += groups }
        return (start..<offset, groupStarts[nextGroup..<nextGroup + groups])
    }
}
