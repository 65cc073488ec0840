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
        let cursors = entries.map { PostingsCursor(segment: segment, term: $0) }
        var count = 0
        while case let doc = cursors.map(\.doc).min()!, doc != PostingsCursor.exhausted {
            count += 1
            for cursor in cursors where cursor.doc == doc { cursor.next() }
        }
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
        guard withPositions else {
            var entries: [(doc: Int32, freq: UInt32)] = []
            entries.reserveCapacity(infos.reduce(0) { $0 + $1.docFreq })
            for info in infos {
                let cursor = PostingsCursor(segment: segment, term: info)
                while cursor.doc != PostingsCursor.exhausted {
                    entries.append((Int32(cursor.doc), UInt32(cursor.freq)))
                    cursor.next()
                }
            }
            entries.sort { $0.doc < $1.doc }
            var list = PostingList()
            var i = 0
            while i < entries.count {
                var freq = entries[i].freq
                var j = i + 1
                while j < entries.count && entries[j].doc == entries[i].doc {
                    freq += entries[j].freq
                    j += 1
                }
                list.append(doc: UInt32(entries[i].doc), freq: freq)
                i = j
            }
            let fullBlocks = list.count / BitPacking.blockSize
            let groups = [UInt32](repeating: 0, count: fullBlocks > 0 ? fullBlocks + 1 : 0)
            (info, postings) = Self.encode(list, positionGroups: groups, segment: segment)
            positions = Self.copy([], padding: 8)
            return
        }
        var entries: [(doc: Int, positions: [UInt32])] = []
        for info in infos {
            let cursor = PostingsCursor(segment: segment, term: info)
            while cursor.doc != PostingsCursor.exhausted {
                entries.append((cursor.doc, cursor.positionsOfCurrentDocument()))
                cursor.next()
            }
        }
        entries.sort { $0.doc < $1.doc }
        var list = PostingList()
        var positionBytes = ByteBuffer()
        var encoder = PositionsEncoder()
        var i = 0
        while i < entries.count {
            var positions = entries[i].positions
            var j = i + 1
            while j < entries.count && entries[j].doc == entries[i].doc {
                positions += entries[j].positions
                j += 1
            }
            if j > i + 1 { positions.sort() }
            list.append(doc: UInt32(entries[i].doc), freq: UInt32(max(1, positions.count)))
            positions.withUnsafeBufferPointer { encoder.add(positions: $0, into: &positionBytes) }
            i = j
        }
        let (length, groups) = encoder.finishList(into: &positionBytes)
        let (encoded, buffer) = Self.encode(list, positionGroups: groups, segment: segment)
        postings = buffer
        positions = Self.copy(positionBytes.bytes, padding: 8)
        info = TermInfo(docFreq: encoded.docFreq, postings: encoded.postings, positions: 0..<length, bound: encoded.bound)
    }

    /// The list in the segment's block form, in a buffer a cursor can load whole words of
    /// (8 readable bytes past the end).
    private static func encode(_ list: PostingList, positionGroups: [UInt32], segment: SegmentReader)
        -> (TermInfo, UnsafeMutableRawBufferPointer) {
        var postingBytes = ByteBuffer()
        let bound = PostingsEncoder.encode(list, norms: [UInt8](segment.norms), positionGroups: positionGroups[...],
                                           into: &postingBytes)
        let info = TermInfo(docFreq: list.count, postings: 0..<postingBytes.count, positions: 0..<0, bound: bound)
        return (info, copy(postingBytes.bytes, padding: 8))
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
