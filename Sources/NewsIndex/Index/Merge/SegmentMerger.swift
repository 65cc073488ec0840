/// Merges segments into one new segment: their live documents renumbered in source order,
/// each term's postings and positions rewritten without the deleted documents, and the
/// stored stories either copied compressed (runs large enough to carry their dictionary)
/// or recompressed together under one new dictionary (small runs, whose own dictionaries
/// would cost more than they save).
///
/// The output is streamed: memory holds one term's merged lists, the new term dictionary
/// and a few bytes per document, never the text or the postings of the whole segment.
struct SegmentMerger {
    struct Source {
        var segment: SegmentReader
        var deletions: DeletionSet?
    }

    struct Outcome {
        var documentCount: Int
        var totalTokens: UInt64
        /// Per source, each document's number in the merged segment, or -1 when deleted.
        var documentMaps: [[Int32]]
    }

    /// A run of fewer live stories than this is recompressed rather than copied: its
    /// dictionary (up to 128 KB) would cost more than 128 bytes a story.
    static let smallRun = 1024

    let sources: [Source]
    private let maps: [[Int32]]
    /// The live documents of the sources: the merged segment's size.
    let documentCount: Int

    init(_ sources: [Source]) {
        self.sources = sources
        var next: Int32 = 0
        maps = sources.map { source in
            (0..<source.segment.documentCount).map { doc in
                if source.deletions?.contains(doc) ?? false { return -1 }
                defer { next += 1 }
                return next
            }
        }
        documentCount = Int(next)
    }

    /// Writes the merged segment to `path` (fsynced; not yet referenced by any manifest).
    ///
    /// The sources' checksums are verified first: a merge rewrites everything it copies
    /// under new checksums, so merging a damaged segment would make its damage undetectable.
    /// A damaged source stops the merge (and the commit) with `.corrupt` naming its file.
    func write(to path: String) throws(IndexError) -> Outcome {
        for source in sources {
            let bad = source.segment.verifyChecksums()
            guard bad.isEmpty else {
                throw .corrupt(file: SegmentFormat.fileName(segment: source.segment.id),
                               detail: "checksum mismatch in the \(bad.joined(separator: ", ")) section; newsidx check --repair drops it")
            }
        }
        let file = try SegmentFileWriter(creating: path)
        var norms: [UInt8] = []
        norms.reserveCapacity(documentCount)
        var totalTokens: UInt64 = 0
        var pathOffsets = ByteBuffer(capacity: (documentCount + 1) * 4)
        var pathLength = 0
        pathOffsets.appendUInt32(0)
        try file.begin(.docs)
        for (s, source) in sources.enumerated() {
            for doc in 0..<source.segment.documentCount where maps[s][doc] >= 0 {
                try file.append(source.segment.recordBytes(doc))
                norms.append(source.segment.norms[doc])
                totalTokens += UInt64(source.segment.tokenCount(doc))
                pathLength += try source.segment.pathEntry(doc).count
                pathOffsets.appendUInt32(UInt32(pathLength))
                Self.releaseNow(source.segment, after: doc)
            }
        }
        try file.end()
        try file.begin(.paths)
        try file.append(pathOffsets.bytes)
        for (s, source) in sources.enumerated() {
            for doc in 0..<source.segment.documentCount where maps[s][doc] >= 0 {
                try file.append(try source.segment.pathEntry(doc))
                Self.releaseNow(source.segment, after: doc)
            }
        }
        try file.end()
        try file.section(.norms, norms)
        try file.begin(.fingerprints)
        for (s, source) in sources.enumerated() {
            for doc in 0..<source.segment.documentCount where maps[s][doc] >= 0 {
                try file.append(source.segment.fingerprintBytes(doc))
                Self.releaseNow(source.segment, after: doc)
            }
        }
        try file.end()
        try file.begin(.fileKeys)
        var keys = ByteBuffer(capacity: 1 << 16)
        try FileKeyTable.merge(sources.map(\.segment.fileKeys), maps: maps) { entry throws(IndexError) in
            FileKeyTable.append(entry, to: &keys)
            if keys.count >= 1 << 16 {
                try file.append(keys.bytes)
                keys.removeAll()
            }
        }
        try file.append(keys.bytes)
        try file.end()
        for source in sources { source.segment.file.release(source.segment.file.bytes) }
        var stats = ByteBuffer()
        stats.appendUInt32(UInt32(documentCount))
        stats.appendUInt64(totalTokens)
        try file.section(.stats, stats.bytes)
        try writeInvertedSections(file, norms: norms)
        try writeStore(file)
        try file.finish()
        return Outcome(documentCount: documentCount, totalTokens: totalTokens, documentMaps: maps)
    }

    /// Drops a source's pages from memory every few thousand documents of a walk over its
    /// per-document tables, and after its last, so a merge's memory does not grow with them.
    private static func releaseNow(_ segment: SegmentReader, after doc: Int) {
        if doc % 8192 == 8191 || doc == segment.documentCount - 1 { segment.file.release(segment.file.bytes) }
    }

    // MARK: Postings

    /// Walks the merged terms twice: once writing the positions (noting where each term's
    /// went), once writing the postings, whose skip entries point into the positions, and
    /// building the term dictionary; so neither stream is held in memory. The sources' lists
    /// are read through `SectionReadBuffer`s, not their maps.
    private func writeInvertedSections(_ file: SegmentFileWriter, norms: [UInt8]) throws(IndexError) {
        var list = PostingList()
        var encoded = ByteBuffer()
        var layout = PositionsLayout()
        var positionsEncoder = PositionsEncoder()
        try file.begin(.positions)
        var walk = try MergedTermWalk(sources.map(\.segment))
        var lists = sources.map { SourceLists($0.segment, readingPositions: true) }
        while let (_, parts) = try walk.next() {
            var documents = 0
            try forEachLiveDocument(parts, lists) { cursor, _ throws(IndexError) in
                cursor.withPositionsOfCurrentDocument { positionsEncoder.add(positions: $0, into: &encoded) }
                documents += 1
                if encoded.count >= 1 << 16 {
                    try file.append(encoded.bytes)
                    encoded.removeAll()
                }
            }
            let (length, groups) = positionsEncoder.finishList(into: &encoded)
            try file.append(encoded.bytes)
            encoded.removeAll()
            if documents > 0 { layout.add(length: length, groupStarts: groups) }
        }
        try file.end()
        var dictionary = TermDictionaryWriter()
        try file.begin(.postings)
        walk = try MergedTermWalk(sources.map(\.segment))
        lists = sources.map { SourceLists($0.segment, readingPositions: false) }
        while let (term, parts) = try walk.next() {
            list.removeAll()
            try forEachLiveDocument(parts, lists) { cursor, doc throws(IndexError) in
                list.append(doc: UInt32(doc), freq: UInt32(cursor.freq))
            }
            guard list.count > 0 else { continue }
            encoded.removeAll()
            let (positionRange, groups) = layout.next(docFreq: list.count)
            let bound = PostingsEncoder.encode(list, norms: norms, positionGroups: groups, into: &encoded)
            let start = file.sectionLength
            try file.append(encoded.bytes)
            term.withUnsafeBytes { term in
                dictionary.add(term, docFreq: list.count, bound: bound, postings: start..<start + encoded.count,
                               positions: positionRange)
            }
        }
        try file.end()
        let (terms, termIndex) = dictionary.finish()
        try file.section(.terms, terms)
        try file.section(.termIndex, termIndex)
    }

    /// Calls `body` with each live document of one term's lists over all sources, in merged
    /// order: the source's cursor on it, and its number in the merged segment.
    private func forEachLiveDocument(
        _ parts: [(source: Int, info: TermInfo)], _ lists: [SourceLists],
        _ body: (PostingsCursor, Int32) throws(IndexError) -> Void
    ) throws(IndexError) {
        for (s, info) in parts {
            let segment = sources[s].segment
            let cursor = lists[s].cursor(info)
            while cursor.doc != PostingsCursor.exhausted {
                let doc = maps[s][cursor.doc]
                if doc >= 0 {
                    try body(cursor, doc)
                    if cursor.isCorrupt {
                        throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "positions of a term are damaged")
                    }
                }
                cursor.next()
            }
            if cursor.isCorrupt {
                throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings of a term are damaged")
            }
        }
    }

    // MARK: Stored stories

    /// Where one merged document's stored story comes from.
    private enum StoredSource {
        /// Copied compressed; the index into the merged segment's dictionaries, if any.
        case copied(dictionary: Int?)
        /// Recompressed: its index among the recompressed stories.
        case recompressed(Int)
    }

    private func writeStore(_ file: SegmentFileWriter) throws(IndexError) {
        var dictionaries: [UnsafeRawBufferPointer] = []
        var origin: [StoredSource] = []
        origin.reserveCapacity(documentCount)
        var rawLengths: [UInt32] = []
        rawLengths.reserveCapacity(documentCount)
        var recompress = StoredStoryWriter()
        for (s, source) in sources.enumerated() {
            let store = source.segment.storedStories
            for (r, run) in store.runs.enumerated() {
                let end = r + 1 < store.runs.count ? store.runs[r + 1].firstDocument : source.segment.documentCount
                let live = (run.firstDocument..<end).filter { maps[s][$0] >= 0 }
                let copy = run.dictionary != nil && live.count >= Self.smallRun
                var dictionary: Int?
                if copy, let d = run.dictionary {
                    dictionary = dictionaries.count
                    dictionaries.append(store.dictionaries[d])
                }
                for doc in live {
                    rawLengths.append(UInt32(store.rawLength(doc)))
                    if copy {
                        origin.append(.copied(dictionary: dictionary))
                    } else {
                        origin.append(.recompressed(recompress.count))
                        try withBytes(of: try store.record(doc)) { record in recompress.add(record: record) }
                    }
                }
            }
        }
        let fresh = recompress.count > 0 ? recompress.compress() : nil
        let freshDictionary: Int? = fresh.flatMap { $0.dictionary.isEmpty ? nil : dictionaries.count }

        var runs: [(firstDocument: Int, dictionary: Int?)] = []
        var frameEnds: [UInt64] = []
        frameEnds.reserveCapacity(documentCount)
        var end: UInt64 = 0
        var doc = 0
        try forEachStoredFrame(origin, fresh) { frame in
            let dictionary: Int?
            switch origin[doc] {
            case .copied(let d): dictionary = d
            case .recompressed: dictionary = freshDictionary
            }
            if runs.isEmpty || runs[runs.count - 1].dictionary != dictionary { runs.append((doc, dictionary)) }
            end += UInt64(frame.count)
            frameEnds.append(end)
            doc += 1
        }
        try file.begin(.store)
        let head: [UInt8]
        if let fresh, freshDictionary != nil {
            head = fresh.dictionary.withUnsafeBytes { d in
                StoredStoryWriter.head(dictionaries: dictionaries + [d], runs: runs, rawLengths: rawLengths, frameEnds: frameEnds)
            }
        } else {
            head = StoredStoryWriter.head(dictionaries: dictionaries, runs: runs, rawLengths: rawLengths, frameEnds: frameEnds)
        }
        try file.append(head)
        try forEachStoredFrame(origin, fresh) { frame throws(IndexError) in try file.append(frame) }
        try file.end()
    }

    /// Calls `body` with every merged document's compressed frame, in document order.
    private func forEachStoredFrame(
        _ origin: [StoredSource], _ fresh: StoredStoryWriter.Compressed?,
        _ body: (UnsafeRawBufferPointer) throws(IndexError) -> Void
    ) throws(IndexError) {
        var n = 0
        for (s, source) in sources.enumerated() {
            var released: UnsafeRawPointer?
            for doc in 0..<source.segment.documentCount where maps[s][doc] >= 0 {
                switch origin[n] {
                case .copied:
                    let frame = try source.segment.storedStories.frame(doc)
                    try body(frame)
                    if let start = released ?? frame.baseAddress, let end = frame.baseAddress.map({ $0 + frame.count }) {
                        released = start
                        if end - start >= SegmentReader.releaseStride {
                            source.segment.file.release(UnsafeRawBufferPointer(start: start, count: end - start))
                            released = end
                        }
                    }
                case .recompressed(let i):
                    try fresh!.withFrame(i) { (frame) throws(IndexError) in try body(frame) }
                }
                n += 1
            }
            source.segment.file.release(source.segment.file.bytes)
        }
    }
}

/// One source's postings, and its positions when they are read, in term order.
private struct SourceLists {
    let documentCount: Int
    let postings: SectionReadBuffer
    let positions: SectionReadBuffer?

    init(_ segment: SegmentReader, readingPositions: Bool) {
        documentCount = segment.documentCount
        postings = SectionReadBuffer(file: segment.file, section: segment.postings)
        positions = readingPositions ? SectionReadBuffer(file: segment.file, section: segment.positions) : nil
    }

    /// A cursor over the term's lists `info` read into the buffers; valid until the next call.
    func cursor(_ info: TermInfo) -> PostingsCursor {
        var local = info
        let (postingBytes, p) = postings.read(info.postings)
        local.postings = p..<p + info.postings.count
        var positionBytes = UnsafeRawBufferPointer(start: nil, count: 0)
        if let positions {
            let (bytes, q) = positions.read(info.positions)
            positionBytes = bytes
            local.positions = q..<q + info.positions.count
        } else {
            local.positions = 0..<0
        }
        return PostingsCursor(postings: postingBytes, positions: positionBytes, documentCount: documentCount, term: local)
    }
}

/// Several segments' term dictionaries walked side by side in byte order: each step gives
/// the next term and, for every segment that holds it, where its lists lie.
struct MergedTermWalk {
    private let segments: [SegmentReader]
    private var blocks: [Int]
    private var entries: [[(term: [UInt8], info: TermInfo)]]
    private var positions: [Int]

    init(_ segments: [SegmentReader]) throws(IndexError) {
        self.segments = segments
        blocks = Array(repeating: 0, count: segments.count)
        entries = []
        for segment in segments {
            entries.append(segment.blockCount > 0 ? try segment.terms(inBlock: 0) : [])
        }
        positions = Array(repeating: 0, count: segments.count)
    }

    mutating func next() throws(IndexError) -> (term: [UInt8], parts: [(source: Int, info: TermInfo)])? {
        var smallest: [UInt8]?
        for s in segments.indices where positions[s] < entries[s].count {
            let term = entries[s][positions[s]].term
            if smallest == nil || term.lexicographicallyPrecedes(smallest!) { smallest = term }
        }
        guard let term = smallest else { return nil }
        var parts: [(source: Int, info: TermInfo)] = []
        for s in segments.indices where positions[s] < entries[s].count && entries[s][positions[s]].term == term {
            parts.append((s, entries[s][positions[s]].info))
            positions[s] += 1
            if positions[s] == entries[s].count, blocks[s] + 1 < segments[s].blockCount {
                blocks[s] += 1
                entries[s] = try segments[s].terms(inBlock: blocks[s])
                positions[s] = 0
            }
        }
        return (term, parts)
    }
}
