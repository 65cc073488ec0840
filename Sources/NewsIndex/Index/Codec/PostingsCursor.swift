/// Walks one term's postings in a segment in document order (the format `PostingsEncoder`
/// writes): decodes a block of 128 documents at a time, jumps over blocks with the skip
/// table, and tells the score bound of the block holding any target document.
///
/// A damaged list ends the walk early (`isCorrupt` is set) instead of trapping.
///
/// A cursor over several lists at once (`PostingsUnion`) refills its block from them instead
/// of decoding one: the walk within a block is the same.
final class PostingsCursor {
    static let exhausted = Int.max

    let docFreq: Int
    /// The bound over the whole list, from the term dictionary.
    let bound: PostingsEncoder.Bound
    private(set) var doc: Int = -1
    private(set) var isCorrupt = false
    /// The lists this cursor reads as one, when it reads several.
    private let union: PostingsUnion?
    /// `union != nil`, tested on the hot path without touching the reference.
    private let readsUnion: Bool

    private let section: UnsafeRawBufferPointer
    private let regionEnd: Int
    private let fullBlocks: Int
    private let skipStart: Int
    private let blocksStart: Int
    private let positions: UnsafeRawBufferPointer
    private let positionsStart: Int
    private let positionsEnd: Int
    private let tailPositions: Int
    private let docLimit: Int

    private let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: BitPacking.blockSize)
    private let freqs = UnsafeMutablePointer<UInt32>.allocate(capacity: BitPacking.blockSize)
    /// The loaded block (`fullBlocks` is the tail), its size and the index in it.
    private var block = -1
    private var count = 0
    private var index = 0
    private var tailOffset = 0
    /// Where the loaded block's packed frequencies start, and their width; -1 once unpacked.
    private var pendingFreqs = -1
    private var pendingFreqWidth = 0
    /// The positions group of block `positionBlock` at the start of the positions of its
    /// document `positionIndex`, and where those of the document read last (`lastReadIndex`)
    /// start: a cursor moves forward, so a group is read once however many of its documents'
    /// positions are asked for, the same document's perhaps twice.
    private var positionGroup: PositionGroupReader
    private var positionBlock = -1
    private var positionIndex = 0
    private var lastRead: PositionGroupReader
    private var lastReadIndex = -1
    /// The decoded positions of the document read last, room for `positionCapacity`.
    private var positionBuffer = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
    private var positionCapacity = 64

    convenience init(segment: SegmentReader, term: TermInfo) {
        self.init(postings: segment.postings, positions: segment.positions, documentCount: segment.documentCount, term: term)
    }

    /// `postings` must be followed by at least 8 readable bytes (whole-word block loads).
    init(postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer, documentCount: Int, term: TermInfo) {
        union = nil
        readsUnion = false
        section = postings
        docFreq = term.docFreq
        bound = term.bound
        docLimit = documentCount
        self.positions = positions
        positionsStart = term.positions.lowerBound
        positionsEnd = term.positions.upperBound
        positionGroup = PositionGroupReader(positions: positions, start: positionsEnd, end: positionsEnd)
        lastRead = positionGroup
        regionEnd = term.postings.upperBound
        fullBlocks = term.docFreq / BitPacking.blockSize
        var start = term.postings.lowerBound
        if fullBlocks > 0, start + 4 <= regionEnd {
            tailPositions = Int(UInt32(littleEndian: section.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
            start += 4
        } else {
            tailPositions = 0
        }
        skipStart = start
        blocksStart = start + fullBlocks * PostingsEncoder.skipEntrySize
        if blocksStart > regionEnd { isCorrupt = true }
        next()
    }

    /// A cursor over `union`'s lists read as one, holding `docFreq` stories.
    init(union: PostingsUnion, docFreq: Int, documentCount: Int) {
        self.union = union
        readsUnion = true
        self.docFreq = docFreq
        bound = union.bound
        docLimit = documentCount
        section = UnsafeRawBufferPointer(start: nil, count: 0)
        positions = section
        (positionsStart, positionsEnd, tailPositions, regionEnd) = (0, 0, 0, 0)
        (fullBlocks, skipStart, blocksStart) = (0, 0, 0)
        positionGroup = PositionGroupReader(positions: section, start: 0, end: 0)
        lastRead = positionGroup
        next()
    }

    deinit {
        docs.deallocate()
        freqs.deallocate()
        positionBuffer.deallocate()
    }

    /// The current document's term frequency.
    var freq: Int {
        if pendingFreqs >= 0 { decodeFreqs() }
        return Int(freqs[index])
    }

    /// Unpacks the loaded block's frequencies, which `load` leaves packed: a conjunction
    /// decodes many blocks to look for one document and scores few of them.
    @inline(never)
    private func decodeFreqs() {
        BitPacking.unpack(section, at: pendingFreqs, width: pendingFreqWidth, into: freqs, plus: 1)
        pendingFreqs = -1
    }

    /// Moves to the next document; `doc` becomes `exhausted` at the end.
    func next() {
        guard doc != Self.exhausted else { return }
        index += 1
        if index >= count {
            // The union is refilled on a branch of its own that returns: `load` releases
            // nothing, so a walk of one list retains nothing around it.
            if readsUnion { return refillFromUnion() }
            guard load(block + 1) else { return }
        }
        doc = Int(docs[index])
    }

    /// Moves to the first document at or after `target`.
    func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        if index >= count || Int(docs[count - 1]) < target {
            if readsUnion { return leapInUnion(to: target) }
            var b = block + 1
            while b < fullBlocks && lastDoc(ofBlock: b) < target { b += 1 }
            guard load(b) else { return }
        }
        var i = index
        if i + 8 < count && Int(docs[i + 8]) < target {
            // Far into the block (a rare term leading a common one): halve the rest.
            var hi = count
            i += 9
            while i < hi {
                let mid = (i + hi) >> 1
                if Int(docs[mid]) < target { i = mid + 1 } else { hi = mid }
            }
        } else {
            while i < count && Int(docs[i]) < target { i += 1 }
        }
        index = i
        if index >= count {
            // Only the tail can end below the target: the list is done.
            finish()
            return
        }
        doc = Int(docs[index])
    }

    /// The bound of the block that would hold `target` (without decoding it), and the last
    /// document that bound covers; the whole list's bound for the tail.
    @inline(__always)
    func blockBound(at target: Int) -> (bound: PostingsEncoder.Bound, lastDoc: Int) {
        if readsUnion { return unionBlockBound(at: target) }
        var b = max(block, 0)
        while b < fullBlocks && lastDoc(ofBlock: b) < target { b += 1 }
        guard b < fullBlocks else { return (bound, Self.exhausted - 1) }
        let entry = skipStart + b * PostingsEncoder.skipEntrySize
        let tf = UInt32(section[entry + 12]) | UInt32(section[entry + 13]) << 8
        return (PostingsEncoder.Bound(maxFrequency: tf, minNorm: section[entry + 14]), lastDoc(ofBlock: b))
    }

    /// The positions of the term in the current document, in increasing order.
    func positionsOfCurrentDocument() -> [UInt32] {
        withPositionsOfCurrentDocument { Array($0) }
    }

    /// Calls `body` with the positions of the term in the current document, in increasing
    /// order (none when they are damaged: `isCorrupt` is set), held only for the call: a
    /// merge copies them, and a headline test reads one, without an array per document.
    func withPositionsOfCurrentDocument<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        let decoded = decodePositions()
        return body(UnsafeBufferPointer(start: positionBuffer, count: decoded))
    }

    /// Decodes the current document's positions into `positionBuffer`; returns how many
    /// (none when they are damaged).
    private func decodePositions() -> Int {
        guard doc != Self.exhausted else { return 0 }
        if readsUnion, let union {
            let merged = union.positionsOfLastStory()
            reservePositions(merged.count)
            for (i, p) in merged.enumerated() { positionBuffer[i] = p }
            return merged.count
        }
        var reader: PositionGroupReader
        if positionBlock == block && index == lastReadIndex {
            reader = lastRead
        } else {
            if positionBlock != block || index < positionIndex {
                let start = positionsStart + groupStart(ofBlock: block)
                guard start < positionsEnd else { return damaged() }
                positionGroup = PositionGroupReader(positions: positions, start: start, end: positionsEnd)
                positionBlock = block
                positionIndex = 0
            }
            while positionIndex < index {
                if pendingFreqs >= 0 { decodeFreqs() }
                guard positionGroup.skipDocument(frequency: Int(freqs[positionIndex])) else { return damaged() }
                positionIndex += 1
            }
            reader = positionGroup
        }
        lastRead = reader
        lastReadIndex = index
        let n = freq
        guard reader.couldHold(n) else { return damaged() }
        reservePositions(n)
        guard reader.readDocument(frequency: n, into: positionBuffer),
              index < count - 1 || reader.end == positionsStart + groupEnd(ofBlock: block)
        else { return damaged() }
        positionGroup = reader
        positionIndex = index + 1
        return n
    }

    /// Makes room for `n` positions in `positionBuffer`.
    private func reservePositions(_ n: Int) {
        guard n > positionCapacity else { return }
        positionBuffer.deallocate()
        positionCapacity = max(n, positionCapacity * 2)
        positionBuffer = UnsafeMutablePointer<UInt32>.allocate(capacity: positionCapacity)
    }

    private func damaged() -> Int {
        isCorrupt = true
        positionBlock = -1
        lastReadIndex = -1
        return 0
    }

    /// Where the positions of block `b` (the tail when `b == fullBlocks`) start, from the
    /// start of the term's positions.
    private func groupStart(ofBlock b: Int) -> Int {
        b < fullBlocks
            ? Int(UInt32(littleEndian: section.loadUnaligned(
                fromByteOffset: skipStart + b * PostingsEncoder.skipEntrySize + 8, as: UInt32.self)))
            : tailPositions
    }

    /// Where the positions of block `b` end: where the next block's start, or the term's end.
    private func groupEnd(ofBlock b: Int) -> Int {
        b + 1 <= fullBlocks ? groupStart(ofBlock: b + 1) : positionsEnd - positionsStart
    }

    @inline(__always)
    private func lastDoc(ofBlock b: Int) -> Int {
        Int(UInt32(littleEndian: section.loadUnaligned(
            fromByteOffset: skipStart + b * PostingsEncoder.skipEntrySize, as: UInt32.self)))
    }

    private func finish() {
        doc = Self.exhausted
        index = 0
        count = 0
        block = fullBlocks + 1
    }

    private func fail() {
        isCorrupt = true
        finish()
    }

    /// Decodes block `b` (the tail when `b == fullBlocks`); false when the list has ended.
    private func load(_ b: Int) -> Bool {
        guard !isCorrupt, b <= fullBlocks else {
            finish()
            return false
        }
        var previous = b == 0 ? 0 : UInt32(lastDoc(ofBlock: b - 1))
        if b < fullBlocks {
            let start = blocksStart + (b == 0 ? 0 : Int(UInt32(littleEndian: section.loadUnaligned(
                fromByteOffset: skipStart + (b - 1) * PostingsEncoder.skipEntrySize + 4, as: UInt32.self))))
            guard start < regionEnd else { fail(); return false }
            let docWidth = Int(section[start])
            let freqAt = start + 1 + BitPacking.packedSize(width: min(docWidth, 32))
            guard docWidth <= 32, freqAt < regionEnd else { fail(); return false }
            let freqWidth = Int(section[freqAt])
            guard freqWidth <= 32, freqAt + 1 + BitPacking.packedSize(width: freqWidth) <= regionEnd else {
                fail()
                return false
            }
            let last = BitPacking.unpackSums(section, at: start + 1, width: docWidth, into: docs, from: UInt64(previous))
            (pendingFreqs, pendingFreqWidth) = (freqAt + 1, freqWidth)
            guard last == UInt64(lastDoc(ofBlock: b)) else { fail(); return false }
            count = BitPacking.blockSize
        } else {
            if b == 0 { tailOffset = blocksStart } else {
                tailOffset = blocksStart + Int(UInt32(littleEndian: section.loadUnaligned(
                    fromByteOffset: skipStart + (b - 1) * PostingsEncoder.skipEntrySize + 4, as: UInt32.self)))
            }
            count = docFreq - fullBlocks * BitPacking.blockSize
            pendingFreqs = -1
            for i in 0..<count {
                guard let first = readVarint(section, &tailOffset, regionEnd) else { fail(); return false }
                let tf: UInt64 = first & 1 == 1 ? 1 : (readVarint(section, &tailOffset, regionEnd) ?? 0)
                guard tf > 0, tf < UInt64(UInt32.max), first >> 1 < UInt64(docLimit),
                      UInt64(previous) + (first >> 1) < UInt64(docLimit)
                else { fail(); return false }
                previous += UInt32(first >> 1)
                docs[i] = previous
                freqs[i] = UInt32(tf)
            }
            if count == 0 {
                finish()
                return false
            }
        }
        guard Int(docs[count - 1]) < docLimit else { fail(); return false }
        block = b
        index = 0
        doc = Int(docs[0])
        return true
    }
}

/// The union's side of the walk, out of line. Each entry point is declared to release
/// nothing (`@_effects(releasenone)`), and releases nothing it did not retain itself: the
/// cursor owns the union and the union its lists for the cursor's life. Without the
/// declaration the optimiser, seeing the union's array walks from every scoring loop that
/// inlines `next`/`advance`, retained each term's scorer and cursor around every block
/// load: a quarter more instructions for searches of one-form terms (callgrind, 300
/// all-terms queries at 30x: 601 M against 477 M).
extension PostingsCursor {
    /// Moves the union's lists to `target` and takes the first story there.
    @inline(never) @_effects(releasenone)
    private func leapInUnion(to target: Int) {
        guard let union else { return }
        let (found, frequency, damaged) = union.leap(to: target)
        pendingFreqs = -1
        if damaged { isCorrupt = true }
        guard found != Self.exhausted else { return finish() }
        docs[0] = UInt32(truncatingIfNeeded: found)
        freqs[0] = UInt32(clamping: frequency)
        (count, index, doc) = (1, 0, found)
        block += 1
    }

    /// The union's bound from `target` on.
    @inline(never) @_effects(releasenone)
    private func unionBlockBound(at target: Int) -> (bound: PostingsEncoder.Bound, lastDoc: Int) {
        union?.blockBound(at: target) ?? (bound, Self.exhausted - 1)
    }

    /// The union's next stories, a block's worth (one when positions are read).
    @inline(never) @_effects(releasenone)
    private func refillFromUnion() {
        guard let union else { return }
        count = union.refill(docs: docs, freqs: freqs)
        pendingFreqs = -1
        if union.isCorrupt { isCorrupt = true }
        guard count > 0 else { return finish() }
        block += 1
        index = 0
        doc = Int(docs[0])
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
