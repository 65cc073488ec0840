/// Builds one segment in memory (inverted postings, positions, stored stories) and
/// serialises it in `SegmentFormat`.
struct SegmentWriter {
    private let analyzer: Analyzer
    private let context = AnalysisContext()
    private var terms = TermTable()
    /// Per term: encoded postings and positions so far, and its counters (`TermState`).
    private var postings: [[UInt8]] = []
    private var positions: [[UInt8]] = []
    private var state: [TermState] = []

    /// A term's counters side by side, so that recording an occurrence or closing a document
    /// touches one cache line of them rather than one per counter (a segment holds hundreds
    /// of thousands of terms, met in no order).
    private struct TermState {
        /// The last document holding the term, and how many do.
        var lastDoc: Int32 = 0
        var docFreq: Int32 = 0
        /// In the document being added: the term's frequency and last position.
        var frequency: Int32 = 0
        var lastPosition: UInt32 = 0
    }

    private var docs = ByteBuffer()
    private var norms: [UInt8] = []
    private var fingerprints = ByteBuffer()
    private var pathOffsets: [UInt32] = [0]
    private var pathBytes = ByteBuffer()
    /// Per document, its file's key hash and its number (`FileKeyTable`).
    private var fileKeys: [UInt64] = []
    private let storedStories = StoryCompressionPipeline()
    private(set) var totalTokens: UInt64 = 0
    /// Bytes allocated by the per-term lists.
    private var postingBytes = 0

    /// The document being added: the terms it holds so far and its token count.
    private var touched: [Int32] = []
    private var documentTokens = 0

    private(set) var documentCount = 0

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// Bytes held, checked against the writer's memory budget: what the buffers have
    /// allocated (arrays grow by doubling, so up to twice what they hold), and per term its
    /// two lists' headers and allocations and its slots in the per-term arrays.
    var memoryFootprint: Int {
        terms.memoryFootprint + postingBytes + postings.count * 96 + postings.capacity * 32
            + docs.capacity + fingerprints.capacity + pathBytes.capacity + pathOffsets.capacity * 4
            + fileKeys.capacity * 8 + norms.capacity + storedStories.recordBytes
    }

    mutating func add(_ record: DocumentRecord, _ story: Story) {
        let doc = Int32(documentCount)
        var position: UInt32 = 0
        let language = LanguageAnalysis.of(story.languageCode)
        if story.titleIsHeadline {
            analyzer.forEachToken(in: story.title, language: language, context: context) { term, _ in
                let id = intern(term)
                for _ in 0..<SegmentFormat.headlineWeight { occur(id, at: position) }
                position &+= 1
            }
        }
        let headlineTokens = position
        if story.titleIsHeadline { position &+= SegmentFormat.bodyPositionGap }
        var fingerprint = FingerprintBuilder()
        analyzer.forEachToken(in: story.body, language: language, context: context) { term, _ in
            occur(intern(term), at: position)
            fingerprint.add(term)
            position &+= 1
        }
        fingerprint.finish().serialize(into: &fingerprints)
        let tokens = documentTokens
        addField(.source, story.source)
        addField(.byline, story.byline)
        addField(.place, story.place)
        addLanguage(story.languageCode)
        finishDocument(doc)

        docs.appendUInt64(record.storyID)
        docs.appendUInt64(record.contentHash)
        docs.appendUInt64(record.fileSize)
        docs.appendUInt64(UInt64(bitPattern: record.mtimeNanoseconds))
        docs.appendUInt32(record.rootID)
        docs.appendUInt32(UInt32(clamping: tokens))
        norms.append(LengthNorm.encode(UInt32(clamping: tokens)))
        docs.appendUInt32(UInt32(bitPattern: story.date.map { Int32(clamping: $0.daysSinceEpoch) } ?? SegmentFormat.noDate))
        docs.appendUInt32(headlineTokens)

        fileKeys.append(UInt64(FileKeyTable.hash(root: record.rootID, path: record.path)) << 32 | UInt64(doc))
        pathBytes.append(contentsOf: record.path.utf8)
        if let item = record.item {
            pathBytes.append(0)
            pathBytes.append(contentsOf: item.utf8)
        }
        pathOffsets.append(UInt32(pathBytes.count))

        storedStories.add(story)

        documentCount += 1
    }

    /// Indexes the words of one metadata field as field terms (`FieldTerm`), at positions
    /// from 0, without counting them in the story's length; analysed as English whatever the
    /// story's language (names of agencies, authors and places), as queries read them
    /// (`QueryLanguages.english`).
    private mutating func addField(_ field: FieldTerm.Field, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        var position: UInt32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SegmentReader.maxTermLength + 2) { buffer in
            buffer[0] = FieldTerm.marker
            buffer[1] = field.rawValue
            analyzer.forEachToken(in: text, cache: context.englishStems) { term, _ in
                guard term.count <= SegmentReader.maxTermLength else { return }
                for (i, b) in term.enumerated() { buffer[2 + i] = b }
                occur(intern(UnsafeBufferPointer(rebasing: buffer[0..<(2 + term.count)])), at: position, counted: false)
                position &+= 1
            }
        }
    }

    /// The story's one language term: its code as it is, so that `lang:` finds exactly the
    /// stories `Story.language` names.
    private mutating func addLanguage(_ code: String) {
        let term = [FieldTerm.marker, FieldTerm.Field.language.rawValue] + code.utf8.prefix(SegmentReader.maxTermLength)
        term.withUnsafeBufferPointer { occur(intern($0), at: 0, counted: false) }
    }

    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let id = terms.intern(term)
        if id == postings.count {
            postings.append([])
            positions.append([])
            state.append(TermState())
        }
        return id
    }

    /// Records one occurrence: its position goes straight to the term's position list (as
    /// a delta within the document); the term is noted as seen in this document.
    private mutating func occur(_ term: Int, at position: UInt32, counted: Bool = true) {
        let before = positions[term].capacity
        if state[term].frequency == 0 {
            touched.append(Int32(term))
            positions[term].appendVarint(UInt64(position))
        } else {
            positions[term].appendVarint(UInt64(position &- state[term].lastPosition))
        }
        state[term].lastPosition = position
        state[term].frequency += 1
        if counted { documentTokens += 1 }
        postingBytes += positions[term].capacity - before
    }

    /// Appends the document to the postings of every term it holds (no sorting: each term
    /// collected its positions as they came).
    private mutating func finishDocument(_ doc: Int32) {
        for t in touched {
            let term = Int(t)
            let tf = Int(state[term].frequency)
            let before = postings[term].capacity
            let delta = UInt64(doc - state[term].lastDoc)
            postings[term].appendVarint(delta << 1 | (tf == 1 ? 1 : 0))
            if tf != 1 { postings[term].appendVarint(UInt64(tf)) }
            state[term].lastDoc = doc
            state[term].docFreq += 1
            state[term].frequency = 0
            postingBytes += postings[term].capacity - before
        }
        totalTokens += UInt64(documentTokens)
        touched.removeAll(keepingCapacity: true)
        documentTokens = 0
    }


    /// Writes the segment file to `path` and fsyncs it, section by section, so the file is
    /// never held whole in memory (but for the encoded postings). The positions go before the
    /// postings, whose skip entries point into them. The stored stories are compressed on
    /// another thread while this one encodes the postings.
    func write(to path: String) throws(IndexError) {
        let store = BackgroundResult { [storedStories] in storedStories.finish() }
        let file = try SegmentFileWriter(creating: path)
        try file.section(.docs, docs.bytes)
        var paths = ByteBuffer(capacity: pathOffsets.count * 4 + pathBytes.count)
        for o in pathOffsets { paths.appendUInt32(o) }
        paths.append(contentsOf: pathBytes.bytes)
        try file.section(.paths, paths.bytes)
        try file.section(.norms, norms)
        try file.section(.fingerprints, fingerprints.bytes)
        var keys = fileKeys
        try file.section(.fileKeys, FileKeyTable.encode(&keys))
        var stats = ByteBuffer()
        stats.appendUInt32(UInt32(documentCount))
        stats.appendUInt64(totalTokens)
        try file.section(.stats, stats.bytes)

        // One pass over the terms: each list is decoded once, its positions written out and
        // its postings (whose skip entries point into the positions) encoded into memory, to
        // follow the positions section; they take less than the lists they come from.
        var encoded = ByteBuffer()
        var encodedPostings = ByteBuffer()
        var positionsEncoder = PositionsEncoder()
        var dictionary = TermDictionaryWriter()
        try file.begin(.positions)
        for id32 in terms.sortedIDs() {
            let id = Int(id32)
            encoded.removeAll()
            let list = PostingList(varint: postings[id], count: Int(state[id].docFreq))
            let groups = positionsEncoder.encode(freqs: list.freqs, positions: positions[id], into: &encoded)
            let positionStart = file.sectionLength
            try file.append(encoded.bytes)
            let postingStart = encodedPostings.count
            let bound = PostingsEncoder.encode(list, norms: norms, positionGroups: groups[...], into: &encodedPostings)
            terms.withTerm(id) { term in
                dictionary.add(term, docFreq: list.count, bound: bound, postings: postingStart..<encodedPostings.count,
                               positions: positionStart..<positionStart + encoded.count)
            }
        }
        try file.end()
        try file.section(.postings, encodedPostings.bytes)
        let (termBytes, indexBytes) = dictionary.finish()
        try file.section(.terms, termBytes)
        try file.section(.termIndex, indexBytes)
        try file.begin(.store)
        try StoredStoryWriter.write(store.wait(), count: storedStories.count, to: file)
        try file.end()
        try file.finish()
    }
}
