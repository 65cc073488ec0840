/// Where each live story is: the writer's catalogue of stories by file, read from the
/// segments' file-key tables (`FileKeyTable`) when asked rather than held in memory, so a
/// writer's memory does not grow with the index.
///
/// The catalogue covers the committed segments (without their deleted documents) and the
/// segments this writer wrote out in earlier `add` calls since (`add` first writes out what
/// an earlier one left building); not those of the `add` or `reindex` under way, which
/// handles each file once and so never needs to look up what it has itself written.
extension IndexWriter {
    /// The live stories of the file `key`, or nil when it has none.
    func stories(of key: FileKey) throws(IndexError) -> FileStories? {
        var found: FileStories?
        for segment in try catalogueSegments() {
            for doc in segment.documents(root: key.root, path: key.path) where !isDeleted(segment.id, doc) {
                let record = try segment.record(doc)
                let entry = CatalogueEntry(segment: segment.id, doc: doc, storyID: record.storyID,
                                           contentHash: record.contentHash)
                if found == nil { found = .items([:]) }
                found![item: record.item] = entry
            }
        }
        return found
    }

    /// Calls `body` with every live story, segment by segment in document order.
    func forEachStory(_ body: (FileKey, DocumentRecord, CatalogueEntry) throws(IndexError) -> Void) throws(IndexError) {
        for segment in try catalogueSegments() {
            for doc in 0..<segment.documentCount where !isDeleted(segment.id, doc) {
                let record = try segment.record(doc)
                try body(FileKey(root: record.rootID, path: record.path), record,
                         CatalogueEntry(segment: segment.id, doc: doc, storyID: record.storyID, contentHash: record.contentHash))
            }
            segment.releaseDocumentTables()
        }
    }

    /// Live stories by root id.
    func storyCountsByRoot() throws(IndexError) -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for segment in try catalogueSegments() {
            for doc in 0..<segment.documentCount where !isDeleted(segment.id, doc) {
                counts[segment.rootID(doc), default: 0] += 1
            }
            segment.releaseDocumentTables()
        }
        return counts
    }

    /// Whether `entry` lies in a segment this writer wrote since the last commit.
    func isUncommitted(_ entry: CatalogueEntry) -> Bool { baseSegments[entry.segment] == nil }

    /// The committed files as they stand now, for the reading thread to recognise a
    /// single-story file unchanged without parsing it.
    var committedFiles: CommittedFiles {
        CommittedFiles(segments: manifest.segments.compactMap { baseSegments[$0.id] },
                       deletions: deletions, roots: roots)
    }
}

/// A snapshot of the committed single-story files' content hashes, looked up by path in the
/// segments' file-key tables: what the reading thread of `add` and `reindex` compares a file
/// it has read with. Immutable, so the reading thread can use it while the writer goes on.
struct CommittedFiles: @unchecked Sendable {
    let segments: [SegmentReader]
    let deletions: [UInt64: DeletionSet]
    let roots: [Manifest.Root]

    /// The recorded content hash of the file at absolute `path` when it holds exactly one
    /// live story (not a feed); nil otherwise.
    func contentHash(ofFileAt path: String) -> UInt64? {
        guard let key = IndexWriter.key(of: path, roots: roots) else { return nil }
        var hash: UInt64?
        for segment in segments {
            for doc in segment.documents(root: key.root, path: key.path) where !(deletions[segment.id]?.contains(doc) ?? false) {
                guard hash == nil, let record = try? segment.record(doc), record.item == nil else { return nil }
                hash = record.contentHash
            }
        }
        return hash
    }
}
