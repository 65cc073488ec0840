/// Where one term's lists lie in a segment.
struct TermInfo: Equatable {
    var docFreq: Int
    var postings: Range<Int>
    var positions: Range<Int>
    /// The largest frequency and shortest length in the list: its score bound.
    var bound: PostingsEncoder.Bound
}

/// Reads one segment file through mmap: nothing is loaded up front beyond the footer.
///
/// Structural checks (magic, version, section bounds) happen at open; section checksums are
/// verified by `verifyChecksums()`, which `newsidx check` runs, not on every search.
final class SegmentReader: @unchecked Sendable {
    let id: UInt64
    let file: MappedFile
    let documentCount: Int
    let totalTokens: UInt64
    let termCount: Int

    /// The footer's table, indexed by `SegmentFormat.Section.rawValue`; nil for a section the
    /// footer does not list.
    ///
    /// An array rather than a dictionary keyed by section: a search process opens one reader
    /// per segment, and the first `Dictionary<Section, …>` has the Swift runtime scan every
    /// protocol conformance in the binary for `Section: Hashable` (and `Int: Comparable` for
    /// the `Range<Int>` inside): about 350,000 instructions per search process.
    private let sections: [SectionEntry?]

    /// Where a section lies in the file, and the CRC-32 the footer records for it.
    private struct SectionEntry {
        var range: Range<Int>
        var crc: UInt32
    }

    /// One slot in `sections` per raw value a section can have.
    private static let sectionSlots = SegmentFormat.Section.allCases.reduce(0) { max($0, Int($1.rawValue) + 1) }
    private let docs: UnsafeRawBufferPointer
    private let paths: UnsafeRawBufferPointer
    let storedStories: StoredStoryReader
    private let terms: UnsafeRawBufferPointer
    private let termIndex: UnsafeRawBufferPointer
    let postings: UnsafeRawBufferPointer
    let positions: UnsafeRawBufferPointer
    /// One length-norm byte per document (`LengthNorm`).
    let norms: UnsafeRawBufferPointer
    /// One `Fingerprint` record per document.
    let fingerprints: UnsafeRawBufferPointer
    /// The documents by the file they came from.
    let fileKeys: FileKeyTable
    /// Blocks of the term dictionary (`SegmentFormat.termBlockSize` terms each).
    let blockCount: Int

    /// The file's name, for errors: made once, since every read that may fail carries it.
    private let name: String

    /// How much of a segment read front to back (a checksum, a merge) stays resident before
    /// its pages are released.
    static let releaseStride = 1 << 20

    init(id: UInt64, path: String) throws(IndexError) {
        self.id = id
        file = try MappedFile(path: path)
        let bytes = file.bytes
        let name = SegmentFormat.fileName(segment: id)
        self.name = name
        func corrupt(_ detail: String) -> IndexError { .corrupt(file: name, detail: detail) }

        guard bytes.count >= SegmentFormat.headerSize + 16,
              bytes.prefix(8).elementsEqual(SegmentFormat.headerMagic)
        else { throw corrupt("not a newsidx segment: bad header") }
        var header = ByteCursor(bytes, offset: 8, context: name)
        let version = try header.readUInt32()
        guard version == SegmentFormat.version else {
            throw .unsupportedFormat(file: name, found: Int(version), supported: Int(SegmentFormat.version))
        }
        guard bytes.suffix(8).elementsEqual(SegmentFormat.footerMagic) else {
            throw corrupt("truncated: footer missing")
        }
        var tail = ByteCursor(bytes, offset: bytes.count - 16, context: name)
        let footerOffset = try tail.readUInt64()
        guard footerOffset >= UInt64(SegmentFormat.headerSize), footerOffset < UInt64(bytes.count - 16) else {
            throw corrupt("footer offset out of range")
        }
        var footer = ByteCursor(bytes, offset: Int(footerOffset), context: name)
        let count = try footer.readUInt32()
        guard count <= 64 else { throw corrupt("implausible section count \(count)") }
        var table = [SectionEntry?](repeating: nil, count: Self.sectionSlots)
        for _ in 0..<count {
            let raw = try footer.readUInt32()
            let offset = try footer.readUInt64()
            let length = try footer.readUInt64()
            let crc = try footer.readUInt32()
            guard offset <= footerOffset, length <= footerOffset - offset else {
                throw corrupt("section \(raw) runs past the footer")
            }
            if let section = SegmentFormat.Section(rawValue: raw) {
                table[Int(section.rawValue)] = SectionEntry(range: Int(offset)..<Int(offset + length), crc: crc)
            }
        }
        func slice(_ s: SegmentFormat.Section) throws(IndexError) -> UnsafeRawBufferPointer {
            guard let r = table[Int(s.rawValue)]?.range else { throw corrupt("section \(s) missing") }
            return UnsafeRawBufferPointer(rebasing: bytes[r])
        }
        sections = table
        docs = try slice(.docs)
        paths = try slice(.paths)
        let store = try slice(.store)
        terms = try slice(.terms)
        termIndex = try slice(.termIndex)
        postings = try slice(.postings)
        positions = try slice(.positions)
        norms = try slice(.norms)
        fingerprints = try slice(.fingerprints)
        let keys = try slice(.fileKeys)
        fileKeys = FileKeyTable(keys)

        var stats = ByteCursor(try slice(.stats), context: name)
        documentCount = Int(try stats.readUInt32())
        totalTokens = try stats.readUInt64()
        guard docs.count == documentCount * SegmentFormat.docRecordSize, norms.count == documentCount,
              fingerprints.count == documentCount * Fingerprint.recordSize,
              keys.count == documentCount * FileKeyTable.entrySize,
              paths.count >= (documentCount + 1) * 4
        else { throw corrupt("document tables do not match the document count \(documentCount)") }
        storedStories = try StoredStoryReader(section: store, documentCount: documentCount, context: name)

        var index = ByteCursor(termIndex, context: name)
        let termTotal = try index.readUInt64()
        blockCount = Int(try index.readUInt32())
        guard termTotal <= UInt64(terms.count),
              blockCount == (Int(termTotal) + SegmentFormat.termBlockSize - 1) / SegmentFormat.termBlockSize,
              termIndex.count == 12 + blockCount * 4
        else { throw corrupt("term index does not match the dictionary") }
        termCount = Int(termTotal)
    }

    /// Recomputes every section's CRC-32 against the footer; returns the names of bad sections.
    /// Pages are dropped from this process's memory as they are summed (`releaseStride`
    /// bytes at a time), so checking (or merging) a large segment does not keep it resident.
    func verifyChecksums() -> [String] {
        SegmentFormat.Section.allCases.compactMap { section in
            guard let entry = sections[Int(section.rawValue)] else { return nil }
            var crc: UInt32 = 0
            for start in stride(from: entry.range.lowerBound, to: entry.range.upperBound, by: Self.releaseStride) {
                let chunk = UnsafeRawBufferPointer(rebasing: file.bytes[start..<min(start + Self.releaseStride, entry.range.upperBound)])
                crc = CRC32.checksum(chunk, seed: crc)
                file.release(chunk)
            }
            return crc == entry.crc ? nil : "\(section)"
        }
    }

    // MARK: Documents

    func record(_ doc: Int) throws(IndexError) -> DocumentRecord {
        var c = ByteCursor(docs, offset: doc * SegmentFormat.docRecordSize, context: name)
        let storyID = try c.readUInt64()
        let hash = try c.readUInt64()
        let size = try c.readUInt64()
        let mtime = Int64(bitPattern: try c.readUInt64())
        let root = try c.readUInt32()
        let (path, item) = try key(doc)
        return DocumentRecord(storyID: storyID, rootID: root, path: path, item: item,
                              contentHash: hash, fileSize: size, mtimeNanoseconds: mtime)
    }

    func storyID(_ doc: Int) -> UInt64 {
        UInt64(littleEndian: docs.loadUnaligned(fromByteOffset: doc * SegmentFormat.docRecordSize, as: UInt64.self))
    }

    /// The id of the corpus root the document's file is in.
    func rootID(_ doc: Int) -> UInt32 {
        UInt32(littleEndian: docs.loadUnaligned(fromByteOffset: doc * SegmentFormat.docRecordSize + 32, as: UInt32.self))
    }

    /// The size and modification time its file had when the document was written, without
    /// decoding its path: what `reindex` compares with the file on disk.
    func fileStamp(_ doc: Int) -> (size: UInt64, mtimeNanoseconds: Int64) {
        let at = doc * SegmentFormat.docRecordSize
        return (UInt64(littleEndian: docs.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)),
                Int64(littleEndian: docs.loadUnaligned(fromByteOffset: at + 24, as: Int64.self)))
    }

    /// Indexed tokens in the document: BM25's document length.
    func tokenCount(_ doc: Int) -> UInt32 {
        UInt32(littleEndian: docs.loadUnaligned(fromByteOffset: doc * SegmentFormat.docRecordSize + 36, as: UInt32.self))
    }

    func date(_ doc: Int) -> StoryDate? {
        let raw = Int32(bitPattern: UInt32(littleEndian: docs.loadUnaligned(
            fromByteOffset: doc * SegmentFormat.docRecordSize + 40, as: UInt32.self)))
        return raw == SegmentFormat.noDate ? nil : StoryDate(daysSinceEpoch: Int(raw))
    }

    /// Tokens of the story's headline: its positions below this are the headline's (0
    /// without a headline).
    func headlineTokenCount(_ doc: Int) -> Int {
        Int(UInt32(littleEndian: docs.loadUnaligned(fromByteOffset: doc * SegmentFormat.docRecordSize + 44, as: UInt32.self)))
    }

    /// The date as stored: days since 1970-01-01, `SegmentFormat.noDate` when unknown.
    func dayNumber(_ doc: Int) -> Int32 {
        Int32(bitPattern: UInt32(littleEndian: docs.loadUnaligned(
            fromByteOffset: doc * SegmentFormat.docRecordSize + 40, as: UInt32.self)))
    }

    /// The document's fixed-size record as stored (`SegmentFormat` describes it), for a
    /// merge to copy.
    func recordBytes(_ doc: Int) -> UnsafeRawBufferPointer {
        let start = doc * SegmentFormat.docRecordSize
        return UnsafeRawBufferPointer(rebasing: docs[start..<(start + SegmentFormat.docRecordSize)])
    }

    /// The document's near-duplicate fingerprint.
    func fingerprint(_ doc: Int) -> Fingerprint {
        Fingerprint(bytes: fingerprints, offset: doc * Fingerprint.recordSize)
    }

    /// The document's fingerprint record as stored, for a merge to copy.
    func fingerprintBytes(_ doc: Int) -> UnsafeRawBufferPointer {
        let start = doc * Fingerprint.recordSize
        return UnsafeRawBufferPointer(rebasing: fingerprints[start..<(start + Fingerprint.recordSize)])
    }

    /// The document's `paths` entry as stored: path, and a NUL and the item id if any.
    func pathEntry(_ doc: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        var c = ByteCursor(paths, offset: doc * 4, context: name)
        let start = Int(try c.readUInt32()), end = Int(try c.readUInt32())
        let base = (documentCount + 1) * 4
        guard start <= end, base + end <= paths.count else { throw c.corrupt("path of document \(doc) out of range") }
        return UnsafeRawBufferPointer(rebasing: paths[(base + start)..<(base + end)])
    }

    /// Whether the document's path relative to its root starts with `prefix` (UTF-8).
    func pathHasPrefix(_ doc: Int, _ prefix: [UInt8]) -> Bool {
        guard let entry = try? pathEntry(doc), entry.count >= prefix.count else { return false }
        for i in 0..<prefix.count where entry[i] != prefix[i] { return false }
        return true
    }

    /// Drops the pages of the per-document tables (records, paths, file keys) from this
    /// process's memory after a walk over every document, so that walking a large index does
    /// not keep it resident.
    func releaseDocumentTables() {
        file.release(docs)
        file.release(paths)
        file.release(fileKeys.bytes)
    }

    /// The documents that came from the file at `path` below root `root` (deleted ones
    /// included), in document order.
    func documents(root: UInt32, path: String) -> [Int] {
        var path = path
        return path.withUTF8 { utf8 in
            let wanted = UnsafeRawBufferPointer(utf8)
            var found: [Int] = []
            for i in fileKeys.entries(withHash: FileKeyTable.hash(root: root, path: wanted)) {
                let doc = fileKeys.document(at: i)
                guard doc < documentCount, rootID(doc) == root, let entry = try? pathEntry(doc) else { continue }
                let stored = entry.firstIndex(of: 0).map { UnsafeRawBufferPointer(rebasing: entry[..<$0]) } ?? entry
                if stored.elementsEqual(wanted) { found.append(doc) }
            }
            return found
        }
    }

    /// The document's path relative to its root, and its item id within the file if any.
    func key(_ doc: Int) throws(IndexError) -> (path: String, item: String?) {
        let entry = try pathEntry(doc)
        guard let nul = entry.firstIndex(of: 0) else { return (String(decoding: entry, as: UTF8.self), nil) }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: entry[..<nul]), as: UTF8.self),
                String(decoding: UnsafeRawBufferPointer(rebasing: entry[(nul + 1)...]), as: UTF8.self))
    }

    /// The stored story, as the ingest reader produced it.
    func story(_ doc: Int) throws(IndexError) -> Story {
        try withStory(doc) { story, body in
            var story = story
            story.body = String(decoding: body, as: UTF8.self)
            return story
        }
    }

    /// `body` called with the stored story, its body left empty, and the body's UTF-8 bytes,
    /// which are valid only during the call.
    func withStory<R>(_ doc: Int, _ body: (Story, UnsafeBufferPointer<UInt8>) throws(IndexError) -> R) throws(IndexError) -> R {
        let item = try key(doc).item
        return try storedStories.withStory(doc) { story, text throws(IndexError) in
            var story = story
            story.date = date(doc)
            story.itemID = item
            return try body(story, text)
        }
    }

    // MARK: Terms

    /// The term's lists, or nil when the segment does not contain it.
    func lookup(_ term: UnsafeRawBufferPointer) throws(IndexError) -> TermInfo? {
        guard blockCount > 0 else { return nil }
        // The last block whose first term is <= term.
        var lo = 0, hi = blockCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if try compare(firstTermOf: mid, term) <= 0 { lo = mid } else { hi = mid - 1 }
        }
        var found: TermInfo?
        try scanBlock(lo) { entry, info in
            let c = Self.compare(entry, term)
            if c == 0 { found = info }
            return c < 0
        }
        return found
    }

    /// The terms starting with `prefix`, in byte order, with their lists.
    func terms(withPrefix prefix: [UInt8]) throws(IndexError) -> [(term: [UInt8], info: TermInfo)] {
        var found: [(term: [UInt8], info: TermInfo)] = []
        try forEachTerm(withPrefix: prefix) { term, info in found.append((Array(term), info)) }
        return found
    }

    /// Calls `body` with each term starting with `prefix`, in byte order (its bytes valid only
    /// during the call), and its lists: a binary search to the block that may hold the first,
    /// then a scan while terms keep the prefix.
    func forEachTerm(
        withPrefix prefix: [UInt8], _ body: (UnsafeRawBufferPointer, TermInfo) throws(IndexError) -> Void
    ) throws(IndexError) {
        guard blockCount > 0 else { return }
        try withBytes(of: prefix) { p throws(IndexError) in
            var lo = 0, hi = blockCount - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if try compare(firstTermOf: mid, p) <= 0 { lo = mid } else { hi = mid - 1 }
            }
            var done = false
            for block in lo..<blockCount where !done {
                try scanBlock(block) { term, info throws(IndexError) in
                    if term.count >= p.count && Self.compare(UnsafeRawBufferPointer(rebasing: term[0..<p.count]), p) == 0 {
                        try body(term, info)
                        return true
                    }
                    if Self.compare(term, p) > 0 {
                        done = true
                        return false
                    }
                    return true
                }
            }
        }
    }

    /// Every term in byte order with its lists; `body` returns false to stop.
    func forEachTerm(_ body: (UnsafeRawBufferPointer, TermInfo) throws(IndexError) -> Bool) throws(IndexError) {
        for block in 0..<blockCount {
            var goOn = true
            try scanBlock(block) { term, info throws(IndexError) in
                goOn = try body(term, info)
                return goOn
            }
            if !goOn { return }
        }
    }

    /// The terms of dictionary block `block`, in order, copied out: a merge walks several
    /// segments' dictionaries side by side a block at a time.
    func terms(inBlock block: Int) throws(IndexError) -> [(term: [UInt8], info: TermInfo)] {
        var entries: [(term: [UInt8], info: TermInfo)] = []
        entries.reserveCapacity(SegmentFormat.termBlockSize)
        try scanBlock(block) { term, info in
            entries.append((Array(term), info))
            return true
        }
        return entries
    }

    private func blockOffset(_ block: Int) -> Int {
        Int(UInt32(littleEndian: termIndex.loadUnaligned(fromByteOffset: 12 + block * 4, as: UInt32.self)))
    }

    private func compare(firstTermOf block: Int, _ term: UnsafeRawBufferPointer) throws(IndexError) -> Int {
        var c = ByteCursor(terms, offset: blockOffset(block), context: name)
        _ = try c.readVarint()
        _ = try c.readVarint()
        _ = try c.readVarint()
        let n = try c.readLength(max: terms.count)
        return Self.compare(try c.readBytes(n), term)
    }

    /// The longest term a dictionary entry may rebuild (the analyzer keeps terms shorter).
    static let maxTermLength = 1024

    /// Decodes the entries of one block in order; `visit` returns false to stop early.
    /// Terms are rebuilt in a stack buffer, and each varint is bounds-checked against the
    /// block's section without throwing per read: the dictionary is the query path's first step.
    private func scanBlock(
        _ block: Int, _ visit: (UnsafeRawBufferPointer, TermInfo) throws(IndexError) -> Bool
    ) throws(IndexError) {
        var offset = blockOffset(block)
        let end = terms.count
        func corrupt() -> IndexError { .corrupt(file: name, detail: "term dictionary block \(block) is damaged") }
        guard let base0 = readVarint(terms, &offset, end), let base1 = readVarint(terms, &offset, end),
              base0 <= UInt64(postings.count), base1 <= UInt64(positions.count)
        else { throw corrupt() }
        var postingStart = Int(base0)
        var positionStart = Int(base1)
        let entries = min(SegmentFormat.termBlockSize, termCount - block * SegmentFormat.termBlockSize)
        var thrown: IndexError?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxTermLength) { current in
            var length = 0
            for _ in 0..<entries {
                guard let shared = readVarint(terms, &offset, end), let suffix = readVarint(terms, &offset, end),
                      shared <= UInt64(length), shared + suffix <= UInt64(Self.maxTermLength),
                      suffix <= UInt64(end - offset)
                else { thrown = corrupt(); return }
                let keep = Int(shared), add = Int(suffix)
                if add > 0 {
                    UnsafeMutableRawPointer(current.baseAddress! + keep)
                        .copyMemory(from: terms.baseAddress! + offset, byteCount: add)
                }
                offset += add
                length = keep + add
                guard let df = readVarint(terms, &offset, end), let pl = readVarint(terms, &offset, end),
                      let ql = readVarint(terms, &offset, end), let maxTf = readVarint(terms, &offset, end),
                      offset < end,
                      df > 0, df <= UInt64(documentCount),
                      pl <= UInt64(postings.count - postingStart), ql <= UInt64(positions.count - positionStart),
                      maxTf <= UInt64(UInt32.max)
                else { thrown = corrupt(); return }
                let minNorm = terms[offset]
                offset += 1
                let info = TermInfo(docFreq: Int(df), postings: postingStart..<postingStart + Int(pl),
                                    positions: positionStart..<positionStart + Int(ql),
                                    bound: PostingsEncoder.Bound(maxFrequency: UInt32(maxTf), minNorm: minNorm))
                postingStart += Int(pl)
                positionStart += Int(ql)
                let term = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: current[0..<length]))
                do throws(IndexError) {
                    if try !visit(term, info) { return }
                } catch {
                    thrown = error
                    return
                }
            }
        }
        if let thrown { throw thrown }
    }

    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let c = memcmpBytes(pa, pb, n)
            if c != 0 { return c }
        }
        return a.count - b.count
    }
}
