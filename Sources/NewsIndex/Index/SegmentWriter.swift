/// Builds one segment in memory (inverted postings, positions, stored stories) and
/// serialises it in `SegmentFormat` version 1.
struct SegmentWriter {
    private let analyzer: Analyzer
    private var terms = TermTable()
    /// Per term: encoded postings and positions so far, the last document and the frequency.
    private var postings: [[UInt8]] = []
    private var positions: [[UInt8]] = []
    private var lastDoc: [Int32] = []
    private var docFreq: [Int32] = []

    private var docs = ByteBuffer()
    private var norms: [UInt8] = []
    private var pathOffsets: [UInt32] = [0]
    private var pathBytes = ByteBuffer()
    private var storedStories = StoredStoryWriter()
    private(set) var totalTokens: UInt64 = 0
    private var postingBytes = 0

    /// The document being added: the terms it holds so far, each term's frequency and last
    /// position in it, and its token count.
    private var touched: [Int32] = []
    private var frequency: [Int32] = []
    private var lastPosition: [UInt32] = []
    private var documentTokens = 0

    private(set) var documentCount = 0

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Bytes held, checked against the writer's memory budget.
    var memoryFootprint: Int {
        terms.memoryFootprint + postingBytes + postings.count * 64
            + docs.count + pathBytes.count + pathOffsets.count * 4 + storedStories.memoryFootprint
    }

    mutating func add(_ record: DocumentRecord, _ story: Story) {
        let doc = Int32(documentCount)
        var position: UInt32 = 0
        if story.titleIsHeadline {
            analyzer.forEachToken(in: story.title) { term, _ in
                occur(intern(term), at: position)
                position &+= 1
            }
            position &+= SegmentFormat.bodyPositionGap
        }
        analyzer.forEachToken(in: story.body) { term, _ in
            occur(intern(term), at: position)
            position &+= 1
        }
        let tokens = documentTokens
        finishDocument(doc)

        docs.appendUInt64(record.storyID)
        docs.appendUInt64(record.contentHash)
        docs.appendUInt64(record.fileSize)
        docs.appendUInt64(UInt64(bitPattern: record.mtimeNanoseconds))
        docs.appendUInt32(record.rootID)
        docs.appendUInt32(UInt32(clamping: tokens))
        norms.append(LengthNorm.encode(UInt32(clamping: tokens)))
        docs.appendUInt32(UInt32(bitPattern: story.date.map { Int32(clamping: $0.daysSinceEpoch) } ?? SegmentFormat.noDate))
        docs.appendUInt32(0)

        pathBytes.append(contentsOf: record.path.utf8)
        if let item = record.item {
            pathBytes.append(0)
            pathBytes.append(contentsOf: item.utf8)
        }
        pathOffsets.append(UInt32(pathBytes.count))

        storedStories.add(story)

        documentCount += 1
    }

    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let id = terms.intern(term)
        if id == postings.count {
            postings.append([])
            positions.append([])
            lastDoc.append(0)
            docFreq.append(0)
            frequency.append(0)
            lastPosition.append(0)
        }
        return id
    }

    /// Records one occurrence: its position goes straight to the term's position list (as
    /// a delta within the document); the term is noted as seen in this document.
    private mutating func occur(_ term: Int, at position: UInt32) {
        let before = positions[term].count
        if frequency[term] == 0 {
            touched.append(Int32(term))
            Self.appendVarint(&positions[term], UInt64(position))
        } else {
            Self.appendVarint(&positions[term], UInt64(position &- lastPosition[term]))
        }
        lastPosition[term] = position
        frequency[term] += 1
        documentTokens += 1
        postingBytes += positions[term].count - before
    }

    /// Appends the document to the postings of every term it holds (no sorting: each term
    /// collected its positions as they came).
    private mutating func finishDocument(_ doc: Int32) {
        for t in touched {
            let term = Int(t)
            let tf = Int(frequency[term])
            let before = postings[term].count
            let delta = UInt64(doc - lastDoc[term])
            Self.appendVarint(&postings[term], delta << 1 | (tf == 1 ? 1 : 0))
            if tf != 1 { Self.appendVarint(&postings[term], UInt64(tf)) }
            lastDoc[term] = doc
            docFreq[term] += 1
            frequency[term] = 0
            postingBytes += postings[term].count - before
        }
        totalTokens += UInt64(documentTokens)
        touched.removeAll(keepingCapacity: true)
        documentTokens = 0
    }

    @inline(__always)
    private static func appendVarint(_ out: inout [UInt8], _ value: UInt64) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Writes the segment file to `path` and fsyncs it, section by section, so the file is
    /// never held whole in memory. The stored stories are compressed on another thread while
    /// this one encodes the postings.
    func write(to path: String) throws(IndexError) {
        let store = BackgroundResult { [storedStories] in storedStories.finish() }
        let (dictionary, index, postingStream, positionStream) = invertedSections()
        let file = try DurableFile(creating: path)
        var header = ByteBuffer()
        header.append(contentsOf: SegmentFormat.headerMagic)
        header.appendUInt32(SegmentFormat.version)
        header.appendUInt32(0)
        try file.append(header.bytes)
        var table: [(SegmentFormat.Section, Int, Int, UInt32)] = []

        func section(_ id: SegmentFormat.Section, _ bytes: [UInt8]) throws(IndexError) {
            try file.pad(to: 8)
            table.append((id, file.offset, bytes.count, CRC32.checksum(bytes)))
            try file.append(bytes)
        }

        try section(.docs, docs.bytes)
        var paths = ByteBuffer(capacity: pathOffsets.count * 4 + pathBytes.count)
        for o in pathOffsets { paths.appendUInt32(o) }
        paths.append(contentsOf: pathBytes.bytes)
        try section(.paths, paths.bytes)
        try section(.terms, dictionary)
        try section(.termIndex, index)
        try section(.postings, postingStream)
        try section(.positions, positionStream)
        try section(.norms, norms)
        var stats = ByteBuffer()
        stats.appendUInt32(UInt32(documentCount))
        stats.appendUInt64(totalTokens)
        try section(.stats, stats.bytes)
        try section(.store, store.wait())

        try file.pad(to: 8)
        var footer = ByteBuffer()
        let footerOffset = file.offset
        footer.appendUInt32(UInt32(table.count))
        for (id, offset, length, crc) in table {
            footer.appendUInt32(id.rawValue)
            footer.appendUInt64(UInt64(offset))
            footer.appendUInt64(UInt64(length))
            footer.appendUInt32(crc)
        }
        footer.appendUInt64(UInt64(footerOffset))
        footer.append(contentsOf: SegmentFormat.footerMagic)
        try file.append(footer.bytes)
        try file.close()
    }

    /// The term dictionary, its sparse index, and the postings and positions streams in term order.
    private func invertedSections() -> ([UInt8], [UInt8], [UInt8], [UInt8]) {
        let order = terms.sortedIDs()
        var dictionary = ByteBuffer()
        var index = ByteBuffer()
        var postingStream = ByteBuffer(capacity: postingBytes)
        var positionStream = ByteBuffer(capacity: postingBytes)
        let blockCount = (order.count + SegmentFormat.termBlockSize - 1) / SegmentFormat.termBlockSize
        index.appendUInt64(UInt64(order.count))
        index.appendUInt32(UInt32(blockCount))
        var previous: ArraySlice<UInt8> = []
        for (n, id32) in order.enumerated() {
            let id = Int(id32)
            let term = terms.term(id)
            var shared = 0
            if n % SegmentFormat.termBlockSize == 0 {
                index.appendUInt32(UInt32(dictionary.count))
                dictionary.appendVarint(postingStream.count)
                dictionary.appendVarint(positionStream.count)
            } else {
                let limit = min(previous.count, term.count)
                while shared < limit && previous[previous.startIndex + shared] == term[term.startIndex + shared] {
                    shared += 1
                }
            }
            dictionary.appendVarint(shared)
            dictionary.appendVarint(term.count - shared)
            dictionary.append(contentsOf: term.dropFirst(shared))
            let before = postingStream.count
            let bound = PostingsEncoder.encode(varintPostings: postings[id], positions: positions[id],
                                               docFreq: Int(docFreq[id]), norms: norms, into: &postingStream)
            dictionary.appendVarint(Int(docFreq[id]))
            dictionary.appendVarint(postingStream.count - before)
            dictionary.appendVarint(positions[id].count)
            dictionary.appendVarint(Int(bound.maxFrequency))
            dictionary.append(bound.minNorm)
            positionStream.append(contentsOf: positions[id])
            previous = term
        }
        return (dictionary.bytes, index.bytes, postingStream.bytes, positionStream.bytes)
    }
}
