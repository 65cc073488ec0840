/// A query term's postings in one segment: its dictionary entry, or, for a term with
/// alternatives (`AlternativeTerms`), their lists merged into one in memory, so that the
/// rest of the engine scores them as one term: a story's frequency is the sum of theirs
/// and its positions the union, the document frequency counts the stories holding any.
struct TermPostings {
    let info: TermInfo
    private let segment: SegmentReader
    private let merged: MergedPostings?

    /// The postings of `term` in `segment`, nil when the segment holds none of its forms.
    init?(_ term: String, in segment: SegmentReader) throws(IndexError) {
        self.segment = segment
        let forms = AlternativeTerms.split(term)
        if forms.count == 1 {
            guard let info = try withUTF8Bytes(of: term, { u throws(IndexError) in try segment.lookup(u) }) else { return nil }
            self.info = info
            merged = nil
            return
        }
        var infos: [TermInfo] = []
        for form in forms {
            if let info = try withUTF8Bytes(of: form, { u throws(IndexError) in try segment.lookup(u) }) { infos.append(info) }
        }
        if infos.isEmpty { return nil }
        if infos.count == 1 {
            info = infos[0]
            merged = nil
            return
        }
        let lists = MergedPostings(infos, segment: segment)
        info = lists.info
        merged = lists
    }

    /// A cursor over the postings.
    func cursor() -> PostingsCursor {
        guard let merged else { return PostingsCursor(segment: segment, term: info) }
        return PostingsCursor(postings: UnsafeRawBufferPointer(merged.postings), positions: UnsafeRawBufferPointer(merged.positions),
                              documentCount: segment.documentCount, term: info, owner: merged)
    }
}

/// Several terms' lists in one segment merged into one list in the segment's format, in
/// memory: made for a query and let go with its cursors.
final class MergedPostings {
    let info: TermInfo
    let postings: UnsafeMutableRawBufferPointer
    let positions: UnsafeMutableRawBufferPointer

    init(_ infos: [TermInfo], segment: SegmentReader) {
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
        let norms = [UInt8](segment.norms)
        var postingBytes = ByteBuffer()
        let bound = PostingsEncoder.encode(list, norms: norms, positionGroups: groups[...], into: &postingBytes)
        // A cursor loads whole words: 8 readable bytes past the end.
        postings = Self.copy(postingBytes.bytes, padding: 8)
        positions = Self.copy(positionBytes.bytes, padding: 8)
        info = TermInfo(docFreq: list.count, postings: 0..<postingBytes.count, positions: 0..<length, bound: bound)
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
