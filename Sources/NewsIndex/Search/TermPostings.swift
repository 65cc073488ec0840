/// A query term's postings in one segment: its dictionary entry, or, for a term with
/// alternatives (`AlternativeTerms`), their lists merged into one in memory, so that the
/// rest of the engine scores them as one term: a story's frequency is the sum of theirs
/// and its positions the union, the document frequency counts the stories holding any.
struct TermPostings {
    let info: TermInfo
    private let segment: SegmentReader
    private let merged: MergedPostings?

    /// The postings of `term` (its UTF-8 bytes) in `segment`, nil when the segment holds
    /// none of its forms. Without `positions`, forms are merged without their positions,
    /// for a search that only scores (most of a merge's cost is the positions).
    init?(_ term: UnsafeRawBufferPointer, in segment: SegmentReader, positions: Bool = true) throws(IndexError) {
        self.segment = segment
        if !term.contains(AlternativeTerms.separator) {
            // One form, as every term of an index in one language: no list of entries.
            guard let entry = try segment.lookup(term) else { return nil }
            info = entry
            merged = nil
            return
        }
        let entries = try Self.entries(of: term, in: segment)
        switch entries.count {
        case 0:
            return nil
        case 1:
            info = entries[0]
            merged = nil
        default:
            let lists = MergedPostings(entries, segment: segment, positions: positions)
            info = lists.info
            merged = lists
        }
    }

    init?(_ term: String, in segment: SegmentReader, positions: Bool = true) throws(IndexError) {
        guard let found = try withUTF8Bytes(of: term, { u throws(IndexError) in
            try TermPostings(u, in: segment, positions: positions)
        }) else {
            return nil
        }
        self = found
    }

    /// The dictionary entries of the forms of `term` the segment holds.
    static func entries(of term: UnsafeRawBufferPointer, in segment: SegmentReader) throws(IndexError) -> [TermInfo] {
        var entries: [TermInfo] = []
        var start = 0
        for end in 0...term.count where end == term.count || term[end] == AlternativeTerms.separator {
            if let info = try segment.lookup(UnsafeRawBufferPointer(rebasing: term[start..<end])) { entries.append(info) }
            start = end + 1
        }
        return entries
    }

    /// The stories of `segment` holding any form of `term`: its document frequency, counted
    /// by walking the forms' lists side by side rather than merging them.
    static func documentFrequency(of term: String, in segment: SegmentReader) throws(IndexError) -> Int {
        let entries = try withUTF8Bytes(of: term) { u throws(IndexError) in try Self.entries(of: u, in: segment) }
        guard entries.count > 1 else { return entries.first?.docFreq ?? 0 }
        var count = 0
        MergedPostings.forEachStory(in: entries.map { PostingsCursor(segment: segment, term: $0) }) { _ in count += 1 }
        return count
    }

    /// A cursor over the postings.
    func cursor() -> PostingsCursor {
        guard let merged else { return PostingsCursor(segment: segment, term: info) }
        return PostingsCursor(postings: UnsafeRawBufferPointer(merged.postings), positions: UnsafeRawBufferPointer(merged.positions),
                              documentCount: segment.documentCount, term: info, owner: merged)
    }
}

/// Several terms' lists in one segment merged into one list in the segment's format, in
/// memory: made for a query and let go with its cursors. Without positions, its cursor
/// gives documents and frequencies only.
final class MergedPostings {
    let info: TermInfo
    let postings: UnsafeMutableRawBufferPointer
    let positions: UnsafeMutableRawBufferPointer

    init(_ infos: [TermInfo], segment: SegmentReader, positions withPositions: Bool = true) {
        let cursors = infos.map { PostingsCursor(segment: segment, term: $0) }
        var list = PostingList()
        var positionBytes = ByteBuffer()
        var encoder = PositionsEncoder()
        Self.forEachStory(in: cursors) { doc in
            guard withPositions else {
                var freq = 0
                for cursor in cursors where cursor.doc == doc { freq += cursor.freq }
                list.append(doc: UInt32(doc), freq: UInt32(freq))
                return
            }
            var positions: [UInt32] = []
            var forms = 0
            for cursor in cursors where cursor.doc == doc {
                positions += cursor.positionsOfCurrentDocument()
                forms += 1
            }
            if forms > 1 { positions.sort() }
            list.append(doc: UInt32(doc), freq: UInt32(max(1, positions.count)))
            positions.withUnsafeBufferPointer { encoder.add(positions: $0, into: &positionBytes) }
        }
        let length: Int, groups: [UInt32]
        if withPositions {
            (length, groups) = encoder.finishList(into: &positionBytes)
        } else {
            let fullBlocks = list.count / BitPacking.blockSize
            (length, groups) = (0, [UInt32](repeating: 0, count: fullBlocks > 0 ? fullBlocks + 1 : 0))
        }
        var postingBytes = ByteBuffer()
        let bound = PostingsEncoder.encode(list, norms: [UInt8](segment.norms), positionGroups: groups[...],
                                           into: &postingBytes)
        // A cursor loads whole words: 8 readable bytes past the end.
        postings = Self.copy(postingBytes.bytes, padding: 8)
        positions = Self.copy(positionBytes.bytes, padding: 8)
        info = TermInfo(docFreq: list.count, postings: 0..<postingBytes.count, positions: 0..<length, bound: bound)
    }

    /// Walks several lists side by side: `body` gets each story holding any of them, in
    /// order, while the cursors holding it stand on it.
    static func forEachStory(in cursors: [PostingsCursor], _ body: (Int) -> Void) {
        while true {
            var doc = PostingsCursor.exhausted
            for cursor in cursors where cursor.doc < doc { doc = cursor.doc }
            guard doc != PostingsCursor.exhausted else { return }
            body(doc)
            for cursor in cursors where cursor.doc == doc { cursor.next() }
        }
    }

    deinit {
        postings.deallocate()
        positions.deallocate()
    }

    private static func copy(_ bytes: [UInt8], padding: Int) -> UnsafeMutableRawBufferPointer {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + padding, alignment: 8)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        return buffer
    }
}
