#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A document's address inside an open index.
public struct DocumentAddress: Sendable, Hashable {
    /// Position of the segment in `IndexReader.segments`.
    public var segment: Int
    public var doc: Int

    /// The `doc`th document (from 0, below the segment's `documentCount` in the manifest) of
    /// the reader's `segment`th segment.
    public init(segment: Int, doc: Int) {
        self.segment = segment
        self.doc = doc
    }
}

/// A stored story with everything the index knows about it.
public struct StoredStory: Sendable, Equatable {
    public var id: UInt64
    /// The absolute corpus root it was added from.
    public var root: String
    /// Its path relative to `root`.
    public var path: String
    public var contentHash: UInt64
    public var story: Story
}

/// A read-only view of one committed state of the index. Never takes the writer lock and
/// never sees a half-written state: it reads the manifest `CURRENT` names and maps the
/// segments that manifest lists.
public final class IndexReader: @unchecked Sendable {
    public let directory: String
    public let manifest: Manifest
    /// The analyzer the index was built with (the manifest records its identifier).
    public let analyzer: Analyzer
    let segments: [SegmentReader]
    let deletions: [DeletionSet?]
    /// The cluster file, mapped on first use (`clusterFile()`); searches that do not
    /// collapse never open it. Behind a lock: a server's requests share one reader.
    let loadedClusters = Mutex<ClusterFile??>(nil)
    /// The languages of the stories, most first, from the dictionaries (`queryAnalyzer`),
    /// read on first use.
    private let queryLanguages = Mutex<QueryLanguages?>(nil)

    /// Live documents: BM25's N.
    public var documentCount: Int { manifest.liveDocumentCount }

    /// Tokens over live documents.
    public var tokenCount: UInt64 { manifest.segments.reduce(0) { $0 + $1.tokenCount } }

    public var averageDocumentLength: Double {
        documentCount == 0 ? 0 : Double(tokenCount) / Double(documentCount)
    }

    /// Opens the index in `directory`; throws `.missing` when there is none.
    public init(directory: String, analyzer: Analyzer) throws(IndexError) {
        self.directory = directory
        self.analyzer = analyzer
        let store = ManifestStore(directory: directory)
        // A writer may retire the files of the manifest just read; reopen from CURRENT then.
        var attempt = 0
        while true {
            guard let manifest = try store.loadCurrent() else { throw .missing(directory: directory) }
            guard manifest.analyzer == analyzer.identifier else {
                throw .analyzerMismatch(index: manifest.analyzer, current: analyzer.identifier)
            }
            do throws(IndexError) {
                var segments: [SegmentReader] = []
                var deletions: [DeletionSet?] = []
                for entry in manifest.segments {
                    let reader = try SegmentReader(id: entry.id, path: store.path(SegmentFormat.fileName(segment: entry.id)))
                    guard reader.documentCount == entry.documentCount else {
                        throw IndexError.corrupt(file: SegmentFormat.fileName(segment: entry.id),
                                                 detail: "holds \(reader.documentCount) documents, the manifest says \(entry.documentCount)")
                    }
                    segments.append(reader)
                    deletions.append(try DeletionSet.load(for: entry, documentCount: reader.documentCount, store: store))
                }
                self.manifest = manifest
                self.segments = segments
                self.deletions = deletions
                return
            } catch {
                attempt += 1
                if case .io(_, _, let code) = error, code == ENOENT, attempt < 5 { continue }
                throw error
            }
        }
    }

    @inline(__always)
    func isDeleted(segment: Int, doc: Int) -> Bool { deletions[segment]?.contains(doc) ?? false }

    /// Calls `body` with the address and record of every live document.
    func forEachLiveDocument(_ body: (DocumentAddress, DocumentRecord) throws(IndexError) -> Void) throws(IndexError) {
        for (s, segment) in segments.enumerated() {
            for doc in 0..<segment.documentCount where !isDeleted(segment: s, doc: doc) {
                try body(DocumentAddress(segment: s, doc: doc), try segment.record(doc))
            }
        }
    }

    public func rootPath(_ id: UInt32) -> String {
        manifest.roots.first { $0.id == id }?.path ?? "?"
    }

    public func storyID(at address: DocumentAddress) -> UInt64 {
        segments[address.segment].storyID(address.doc)
    }

    /// The generation `CURRENT` names in `directory` (nil when there is no index there):
    /// a long-lived reader's owner compares it with `manifest.generation` to see a commit.
    public static func currentGeneration(in directory: String) throws(IndexError) -> UInt64? {
        try ManifestStore(directory: directory).currentGeneration()
    }

    /// The story's date, from its document record (no stored text is read).
    public func date(at address: DocumentAddress) -> StoryDate? {
        segments[address.segment].date(address.doc)
    }

    /// The first and last dates of the live stories, from their document records; nil when
    /// no story has a date.
    public func dateSpan() -> ClosedRange<StoryDate>? {
        var first = Int.max, last = Int.min
        for (s, segment) in segments.enumerated() {
            for doc in 0..<segment.documentCount where !isDeleted(segment: s, doc: doc) {
                guard let day = segment.date(doc)?.daysSinceEpoch else { continue }
                first = min(first, day)
                last = max(last, day)
            }
        }
        guard first <= last, let a = StoryDate(daysSinceEpoch: first), let b = StoryDate(daysSinceEpoch: last) else { return nil }
        return a...b
    }

    /// Where a document came from (its root, path and item id), without reading its text.
    public func record(at address: DocumentAddress) throws(IndexError) -> (root: String, path: String, item: String?) {
        let record = try segments[address.segment].record(address.doc)
        return (rootPath(record.rootID), record.path, record.item)
    }

    public func storedStory(at address: DocumentAddress) throws(IndexError) -> StoredStory {
        try withStoredStory(at: address) { stored, body in
            var stored = stored
            stored.story.body = String(decoding: body, as: UTF8.self)
            return stored
        }
    }

    /// `body` called with the stored story at `address`, its `story.body` left empty, and the
    /// body's UTF-8 bytes, valid only during the call: for reading a body once without making
    /// a `String` of it (validating a long page's UTF-8 cost as much as finding its snippet).
    /// The bytes were valid UTF-8 when stored; a damaged segment may hand back others.
    public func withStoredStory<R>(
        at address: DocumentAddress, _ body: (StoredStory, UnsafeBufferPointer<UInt8>) throws(IndexError) -> R
    ) throws(IndexError) -> R {
        let segment = segments[address.segment]
        let record = try segment.record(address.doc)
        let root = rootPath(record.rootID)
        return try segment.withStory(address.doc) { story, text throws(IndexError) in
            try body(StoredStory(id: record.storyID, root: root, path: record.path, contentHash: record.contentHash, story: story), text)
        }
    }

    /// The live document with this story id.
    public func address(ofStory id: UInt64) -> DocumentAddress? {
        for (s, segment) in segments.enumerated() {
            for doc in 0..<segment.documentCount where segment.storyID(doc) == id && !isDeleted(segment: s, doc: doc) {
                return DocumentAddress(segment: s, doc: doc)
            }
        }
        return nil
    }

    /// Live documents whose path relative to `root` (any root when nil) is `path`, found in
    /// each segment's table of documents by file.
    public func addresses(ofPath path: String, root: String? = nil) -> [DocumentAddress] {
        let rootIDs = manifest.roots.filter { root == nil || $0.path == root }.map(\.id)
        var found: [DocumentAddress] = []
        for (s, segment) in segments.enumerated() {
            let docs = rootIDs.flatMap { segment.documents(root: $0, path: path) }.sorted()
            for doc in docs where !isDeleted(segment: s, doc: doc) { found.append(DocumentAddress(segment: s, doc: doc)) }
        }
        return found
    }

    /// Live stories by corpus root id (`Manifest.Root.id`), without decoding their paths.
    public func storyCountsByRoot() -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for (s, segment) in segments.enumerated() {
            for doc in 0..<segment.documentCount where !isDeleted(segment: s, doc: doc) {
                counts[segment.rootID(doc), default: 0] += 1
            }
        }
        return counts
    }

    /// Stories holding `term` (any of its alternatives, `AlternativeTerms`), summed over the
    /// segments (deleted ones count until they are merged away, as in Lucene).
    public func documentFrequency(of term: String) throws(IndexError) -> Int {
        var df = 0
        for segment in segments {
            df += try TermPostings.documentFrequency(of: term, in: segment)
        }
        return df
    }

    /// Distinct words across segments (a merge of the sorted dictionaries); field terms
    /// (`FieldTerm`) are not words and are not counted.
    public func distinctTermCount() throws(IndexError) -> Int {
        if segments.count == 1 {
            var fieldTerms = 0
            try segments[0].forEachTerm { term, _ in
                guard FieldTerm.isFieldTerm(term) else { return false }
                fieldTerms += 1
                return true
            }
            return segments[0].termCount - fieldTerms
        }
        var all = Set<[UInt8]>()
        for segment in segments {
            try segment.forEachTerm { term, _ in
                if !FieldTerm.isFieldTerm(term) { all.insert(Array(term)) }
                return true
            }
        }
        return all.count
    }

    /// The analyzer for queries on this index: its words analysed for the languages the
    /// index holds stories in (`QueryLanguages`), or for `pinned` alone. The languages come
    /// from the dictionaries' language terms (deleted stories counted, as in a document
    /// frequency), read once per reader.
    public func queryAnalyzer(pinned: String? = nil) throws(IndexError) -> Analyzer {
        if let known = queryLanguages.withLock({ $0 }) { return analyzer.forQueries(known.pinning(pinned)) }
        var counts: [(code: String, stories: Int)] = []
        try forEachLanguageTerm { _, _, code, info throws(IndexError) in
            if let i = counts.firstIndex(where: { $0.code == code }) { counts[i].stories += info.docFreq } else {
                counts.append((code, info.docFreq))
            }
        }
        let languages = QueryLanguages(stories: counts)
        queryLanguages.withLock { $0 = languages }
        return analyzer.forQueries(languages.pinning(pinned))
    }

    /// Calls `body` with each segment's language terms (`FieldTerm.Field.language`): the
    /// segment's position, the segment, the language code and the term's lists.
    private func forEachLanguageTerm(
        _ body: (Int, SegmentReader, String, TermInfo) throws(IndexError) -> Void
    ) throws(IndexError) {
        for (s, segment) in segments.enumerated() {
            for (term, info) in try segment.terms(withPrefix: [FieldTerm.marker, FieldTerm.Field.language.rawValue]) {
                try body(s, segment, String(decoding: term.dropFirst(2), as: UTF8.self), info)
            }
        }
    }

    /// Live stories per language (`Story.language`), most first, codes in order on ties:
    /// each segment's language terms, their lists read through to skip deleted stories.
    public func storiesPerLanguage() throws(IndexError) -> [(code: String, stories: Int)] {
        var counts: [String: Int] = [:]
        try forEachLanguageTerm { s, segment, code, info throws(IndexError) in
            let cursor = PostingsCursor(segment: segment, term: info)
            var live = 0
            while cursor.doc != PostingsCursor.exhausted {
                if !isDeleted(segment: s, doc: cursor.doc) { live += 1 }
                cursor.next()
            }
            if cursor.isCorrupt {
                throw .corrupt(file: SegmentFormat.fileName(segment: segment.id), detail: "postings list is damaged")
            }
            if live > 0 { counts[code, default: 0] += live }
        }
        return counts.map { (code: $0.key, stories: $0.value) }
            .sorted { $0.stories != $1.stories ? $0.stories > $1.stories : $0.code < $1.code }
    }

    /// Bytes of all files in the index directory.
    public func bytesOnDisk() throws(IndexError) -> Int {
        try FileSystem.list(directory).reduce(0) { $0 + (FileSystem.size(directory + "/" + $1) ?? 0) }
    }
}
