/// The segment file format, version 12: one immutable file `seg-<id>.seg` per segment.
///
/// All integers are little-endian; "varint" is LEB128. Layout:
///
///     header   "NIDXSEG1" (8 bytes), format version u32, reserved u32
///     sections in any order, each 8-byte aligned
///     footer   section count u32, then per section: id u32, offset u64, length u64, crc32 u32;
///              then the footer's own offset u64 and "NIDXEND1"
///
/// Sections:
/// - `docs`: one 48-byte record per document, in document order: story id u64, content
///   hash u64, file size u64, file mtime in ns (i64), root id u32, token count u32 (the
///   BM25 length: headline tokens count `headlineWeight` times), date as days since
///   1970-01-01 (i32, `Int32.min` when unknown), headline token count u32 (each counted
///   once; 0 for a story without a headline; positions below it are the headline's, which
///   is how `title:` queries are answered without a second copy of the headline's terms).
/// - `paths`: (docs + 1) u32 offsets into the bytes that follow; each entry is the path
///   relative to its root, UTF-8, followed for a story that shares its file with others
///   (a feed item) by a NUL byte and the item's id.
/// - `store`: each story's text compressed on its own with zstd and a dictionary trained
///   on the segment, or in a merged segment on the segment each run of stories came from
///   (`StoredStoryWriter` documents the layout, `StoredStoryRecord` the record of one story).
/// - `terms`: the term dictionary, terms in byte order in blocks of `termBlockSize`. A block
///   starts with varints postings base and positions base (absolute offsets into those
///   sections); each entry is varints shared-prefix length, suffix length, the suffix,
///   document frequency, postings length, positions length, the list's largest term
///   frequency, then its smallest length-norm byte (a plain byte). An entry's postings start at
///   the base plus the lengths of the entries before it in the block (positions alike). A
///   block's first entry shares nothing, so it can be read without its predecessors.
/// - `termIndex`: term count u64, block count u32, then one u32 offset into `terms` per block.
/// - `postings`: per term, its documents in blocks of 128 with a skip table
///   (`PostingsEncoder` documents the layout).
/// - `positions` (Rice-coded groups since version 12): per term, a group per postings block
///   of 128 documents and one for the tail, which the block's skip entry points at; in a
///   group, per document in postings order, its tf positions as the first (from 0) and the
///   distance of each from the one before, Rice-coded (`PositionsEncoder` documents the
///   layout). Headline tokens come first; the body starts `bodyPositionGap`
///   positions later so that no phrase spans the two. Each headline occurrence is recorded
///   `headlineWeight` times at its position (distances of 0): a term's frequency and a story's
///   token count weigh the headline that much more, which is BM25F with one length
///   normalisation over both fields (Robertson and Zaragoza's simple BM25F), kept in the
///   plain BM25 form that block bounds and MaxScore rely on. Readers of positions
///   deduplicate them.
///   Besides the story's words, the dictionary holds field terms for its metadata (`FieldTerm`):
///   the byte 0x01, a field code (`s` source, `b` byline, `p` place), then a word of that
///   field analyzed like the text, at positions counted from 0 within the field. 0x01 sorts
///   before every word, so the words' vocabulary (prefix expansion, spelling suggestions)
///   starts after them; field terms do not count in a story's token count (BM25 length).
/// - `stats`: documents u32, total tokens u64.
/// - `norms`: one byte per document, its token count quantised by `LengthNorm`.
/// - `fingerprints` (since version 9; 16-bit bins since 10): one `Fingerprint.recordSize`-byte record per
///   document, in document order: exact hash of the body's normalised words u64, shingle
///   count u32, then the MinHash sketch, `Fingerprint.sketchSize` u16 (`Fingerprint`
///   documents them). A section of its own rather than a wider `docs` record: only
///   clustering at commit reads it, and a merge copies it record by record.
/// - `fileKeys` (since version 11): the documents by the file they came from, an 8-byte entry
///   per document sorted by a hash of root and path (`FileKeyTable` documents it): how a
///   writer finds a file's stories without a catalogue of every file in memory.
enum SegmentFormat {
    static let version: UInt32 = 12
    static let headerMagic: [UInt8] = Array("NIDXSEG1".utf8)
    static let footerMagic: [UInt8] = Array("NIDXEND1".utf8)
    static let headerSize = 16
    static let docRecordSize = 48
    static let termBlockSize = 32
    static let bodyPositionGap: UInt32 = 64
    /// How many times a headline word counts. 2, the usual title weight in BM25F practice,
    /// not tuned on any collection: on the four test collections it moved mean nDCG@10
    /// from 0.5371 to 0.5378, on known-item searches far more (news headlines 0.973 to
    /// 0.987, news short queries 0.872 to 0.904, PostgreSQL pages 0.818 to 0.866).
    static let headlineWeight = 2
    static let noDate = Int32.min

    enum Section: UInt32, CaseIterable {
        case docs = 1, paths, store, terms, termIndex, postings, positions, stats, norms, fingerprints, fileKeys
    }

    enum StoreFlag {
        static let titleIsHeadline: UInt8 = 1
        static let hasSource: UInt8 = 2
        static let hasByline: UInt8 = 4
        static let hasPlace: UInt8 = 8
        static let hasURL: UInt8 = 16
        static let hasLanguage: UInt8 = 32
    }

    static func fileName(segment id: UInt64) -> String { "seg-\(id).seg" }
}
