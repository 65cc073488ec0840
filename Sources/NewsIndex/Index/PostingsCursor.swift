/// Walks one term's postings in a segment in document order, decoding lazily.
///
/// A damaged list ends the walk early (`isCorrupt` is set) instead of trapping.
struct PostingsCursor {
    static let exhausted = Int.max

    private let postings: UnsafeRawBufferPointer
    private var offset: Int
    private let end: Int
    private(set) var doc: Int = -1
    private(set) var freq: Int = 0
    private(set) var isCorrupt = false
    let docFreq: Int
    /// Documents in the segment: a decoded id at or past it means the list is damaged.
    private let docLimit: Int

    private let positions: UnsafeRawBufferPointer
    private var positionOffset: Int
    private let positionEnd: Int
    /// Position varints belonging to documents passed over since positions were last read.
    private var positionsToSkip = 0
    /// The current document's positions once read (they cannot be read twice from the stream).
    private var currentPositions: [UInt32]?

    init(segment: SegmentReader, term: TermInfo) {
        postings = segment.postings
        offset = term.postings.lowerBound
        end = term.postings.upperBound
        positions = segment.positions
        positionOffset = term.positions.lowerBound
        positionEnd = term.positions.upperBound
        docFreq = term.docFreq
        docLimit = segment.documentCount
        doc = 0
        advanceOne(from: 0)
    }

    /// Moves to the next document; `doc` becomes `exhausted` at the end.
    mutating func next() {
        guard doc != Self.exhausted else { return }
        if currentPositions == nil { positionsToSkip += freq }
        currentPositions = nil
        advanceOne(from: doc)
    }

    /// Moves to the first document at or after `target`.
    mutating func advance(to target: Int) {
        while doc < target { next() }
    }

    private mutating func advanceOne(from base: Int) {
        guard offset < end, let first = readVarint(postings, &offset, end) else {
            if offset < end { isCorrupt = true }
            doc = Self.exhausted
            freq = 0
            return
        }
        if first & 1 == 1 {
            freq = 1
        } else if let tf = readVarint(postings, &offset, end), tf > 0, tf < UInt64(Int32.max) {
            freq = Int(tf)
        } else {
            isCorrupt = true
            doc = Self.exhausted
            freq = 0
            return
        }
        let delta = first >> 1
        guard delta < UInt64(docLimit), base + Int(delta) < docLimit else {
            isCorrupt = true
            doc = Self.exhausted
            freq = 0
            return
        }
        doc = base + Int(delta)
    }

    /// The positions of the term in the current document, in increasing order.
    mutating func positionsOfCurrentDocument() -> [UInt32] {
        if let cached = currentPositions { return cached }
        while positionsToSkip > 0 {
            guard readVarint(positions, &positionOffset, positionEnd) != nil else { isCorrupt = true; return [] }
            positionsToSkip -= 1
        }
        var out: [UInt32] = []
        out.reserveCapacity(freq)
        var p: UInt64 = 0
        for _ in 0..<freq {
            guard let d = readVarint(positions, &positionOffset, positionEnd) else { isCorrupt = true; break }
            p += d
            out.append(UInt32(truncatingIfNeeded: p))
        }
        currentPositions = out
        return out
    }
}

/// Decodes one LEB128 varint from `bytes[offset..<end]`; nil when it runs past `end` or 64 bits.
@inline(__always)
func readVarint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, _ end: Int) -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while offset < end && shift < 64 {
        let b = bytes[offset]
        offset += 1
        result |= UInt64(b & 0x7F) << shift
        if b < 0x80 { return result }
        shift += 7
    }
    return nil
}
