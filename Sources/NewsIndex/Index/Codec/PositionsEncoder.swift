/// Encodes one term's positions in the segment's form: a group per full postings block of
/// 128 documents, then one for the tail, each starting on a byte, so that a postings skip
/// entry can point at the positions of its block's documents. A group:
///
///     parameters   u8: the Rice parameter of first positions (low 4 bits), then of gaps
///     codes        per document in postings order, its first position (from 0) with the
///                  first parameter, then each further position's distance from the one
///                  before (0 for a headline word's repeat) with the second; Rice codes
///                  (`RiceCode`), bits low first, the last byte padded with zero bits
///
/// Each group takes the parameters that make it shortest, and first positions have their
/// own: they spread over a whole story, while the gaps of a frequent word are short. A
/// story's first position of a word is about as random as the story is long, and a code
/// that spends about `log2` of each value's size on it comes close to the least it can
/// take; a fixed width per block of 128 spends the width of the largest on all of them.
/// On the news corpus: 2.46 MB of positions, where varints took 3.24 MB, bit-packed blocks
/// of 128 deltas (as the postings are, and tantivy's positions) 2.97 MB, and such blocks
/// with up to 7 values patched as exceptions (Lucene's) 2.83 MB.
struct PositionsEncoder {
    private var writer = RiceWriter()

    /// Appends the positions of a list whose term frequencies are `freqs`, given in the
    /// writer's in-memory form (per document, tf varints of deltas, the first from 0), to
    /// `out`. Returns where each group starts, from the start of the term's positions, for
    /// `PostingsEncoder`: empty for a list without a full block. The same groups as feeding
    /// `add(positions:into:)` a document at a time, but the list is split in one pass over
    /// its varints: going through `add` cost indexing 3% more instructions.
    mutating func encode(freqs: [UInt32], positions: [UInt8], into out: inout ByteBuffer) -> [UInt32] {
        let (firsts, gaps) = Self.split(freqs: freqs, positions: positions)
        let base = out.count
        let fullBlocks = freqs.count / BitPacking.blockSize
        var starts: [UInt32] = []
        if fullBlocks > 0 { starts.reserveCapacity(fullBlocks + 1) }
        var first = 0
        var gap = 0
        while first < freqs.count {
            let group = first..<min(first + BitPacking.blockSize, freqs.count)
            if fullBlocks > 0 { starts.append(UInt32(out.count - base)) }
            var gapEnd = gap
            for i in group { gapEnd &+= Int(freqs[i]) &- 1 }
            writeGroup(freqs: freqs[group], firsts: firsts[group], gaps: gaps[gap..<gapEnd], into: &out)
            first = group.upperBound
            gap = gapEnd
        }
        if fullBlocks > 0 && starts.count == fullBlocks { starts.append(UInt32(out.count - base)) }
        return starts
    }

    // MARK: One document at a time

    /// The list being encoded a document at a time (`add(positions:into:)`): its length so
    /// far, its group starts, and the documents of the group not yet written.
    private var listLength = 0
    private var listDocuments = 0
    private var listStarts: [UInt32] = []
    private var groupFreqs: [UInt32] = []
    private var groupFirsts: [UInt32] = []
    private var groupGaps: [UInt32] = []

    /// Appends one document's positions (increasing) to the list being encoded, writing a
    /// group to `out` each time one fills: so a merge never holds a whole list, whose
    /// positions for a word like `the` grow with the index. `finishList` ends the list.
    mutating func add(positions: UnsafeBufferPointer<UInt32>, into out: inout ByteBuffer) {
        if groupFreqs.isEmpty { listStarts.append(UInt32(listLength)) }
        groupFreqs.append(UInt32(positions.count))
        var previous = positions.first ?? 0
        groupFirsts.append(previous)
        for p in positions.dropFirst() {
            groupGaps.append(p &- previous)
            previous = p
        }
        listDocuments += 1
        if groupFreqs.count == BitPacking.blockSize { writePendingGroup(into: &out) }
    }

    /// Writes the list's last group; returns the list's length in bytes and where each
    /// group starts, as `encode` does.
    mutating func finishList(into out: inout ByteBuffer) -> (length: Int, groupStarts: [UInt32]) {
        if !groupFreqs.isEmpty { writePendingGroup(into: &out) }
        var starts = listStarts
        if listDocuments < BitPacking.blockSize {
            starts = []
        } else if listDocuments % BitPacking.blockSize == 0 {
            starts.append(UInt32(listLength))
        }
        defer {
            listLength = 0
            listDocuments = 0
            listStarts.removeAll(keepingCapacity: true)
        }
        return (listLength, starts)
    }

    private mutating func writePendingGroup(into out: inout ByteBuffer) {
        let before = out.count
        writeGroup(freqs: groupFreqs[...], firsts: groupFirsts[...], gaps: groupGaps[...], into: &out)
        listLength += out.count - before
        groupFreqs.removeAll(keepingCapacity: true)
        groupFirsts.removeAll(keepingCapacity: true)
        groupGaps.removeAll(keepingCapacity: true)
    }

    /// The in-memory varints of a list, parted into each document's first position and the
    /// distances after it (all documents' in order).
    private static func split(freqs: [UInt32], positions: [UInt8]) -> (firsts: [UInt32], gaps: [UInt32]) {
        var total = 0
        for tf in freqs { total &+= Int(tf) }
        var gaps: [UInt32] = []
        let firsts = [UInt32](unsafeUninitializedCapacity: freqs.count) { firsts, firstCount in
            gaps = [UInt32](unsafeUninitializedCapacity: total - freqs.count) { gaps, gapCount in
                positions.withUnsafeBufferPointer { bytes in
                    var offset = 0
                    /// The next varint; the writer's own bytes, so not checked.
                    func next() -> UInt32 {
                        var byte = bytes[offset]
                        offset &+= 1
                        var value = UInt32(byte & 0x7F)
                        var shift: UInt32 = 7
                        while byte >= 0x80 {
                            byte = bytes[offset]
                            offset &+= 1
                            value |= UInt32(byte & 0x7F) &<< shift
                            shift &+= 7
                        }
                        return value
                    }
                    var g = 0
                    for (i, tf) in freqs.enumerated() {
                        firsts[i] = next()
                        for _ in 1..<Int(tf) {
                            gaps[g] = next()
                            g &+= 1
                        }
                    }
                    gapCount = g
                }
            }
            firstCount = freqs.count
        }
        return (firsts, gaps)
    }

    /// Writes one group: documents with frequencies `freqs`, their `firsts` and `gaps`.
    private mutating func writeGroup(
        freqs: ArraySlice<UInt32>, firsts: ArraySlice<UInt32>, gaps: ArraySlice<UInt32>, into out: inout ByteBuffer
    ) {
        let firstParameter = RiceCode.cheapestParameter(firsts)
        let gapParameter = RiceCode.cheapestParameter(gaps)
        out.append(UInt8(firstParameter | gapParameter << 4))
        var writer = self.writer
        freqs.withUnsafeBufferPointer { freqs in
            firsts.withUnsafeBufferPointer { firsts in
                gaps.withUnsafeBufferPointer { gaps in
                    var gap = 0
                    for k in 0..<freqs.count {
                        writer.write(firsts[k], parameter: firstParameter)
                        for _ in 1..<Int(freqs[k]) {
                            writer.write(gaps[gap], parameter: gapParameter)
                            gap &+= 1
                        }
                    }
                }
            }
        }
        writer.finish(into: &out)
        self.writer = writer
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
