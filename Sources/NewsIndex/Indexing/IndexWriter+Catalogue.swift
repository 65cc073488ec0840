/// Where each live story is: the writer's catalogue of stories by file, read from the
/// segments' file-key tables (`FileKeyTable`) when asked rather than held in memory, so a
/// writer's memory does not grow with the index.
///
/// The catalogue covers the committed segments (without their deleted documents) and the
/// segments this writer wrote out in earlier `add` calls since (`add` first writes out what
/// an earlier one left building); not those of the `add` or `reindex` under way, which
/// handles each file once and so never needs to look up what it has itself written.
extension IndexWriter {
    /// The catalogue as it stands now.
    func catalogue() throws(IndexError) -> FileCatalogue {
        FileCatalogue(segments: try catalogueSegments(), deletions: deletions)
    }

    /// The live stories of the file `key`, or nil when it has none.
    func stories(of key: FileKey) throws(IndexError) -> FileStories? {
        try catalogue().stories(of: key)
    }

    /// Calls `body` with every live story, segment by segment in document order.
    func forEachStory(_ body: (FileKey, DocumentRecord, CatalogueEntry) throws(IndexError) -> Void) throws(IndexError) {
        try catalogue().forEachStory(body)
    }

    /// Live stories by root id.
    func storyCountsByRoot() throws(IndexError) -> [UInt32: Int] {
        try catalogue().storyCountsByRoot()
    }

    /// Whether `entry` lies in a segment this writer wrote since the last commit.
    func isUncommitted(_ entry: CatalogueEntry) -> Bool { baseSegments[entry.segment] == nil }

    /// The committed files as they stand now, for the reading thread to recognise a
    /// single-story file unchanged without parsing it.
    var committedFiles: CommittedFiles {
        CommittedFiles(catalogue: FileCatalogue(segments: committedSegments, deletions: deletions), roots: roots)
    }
}

/// The live stories of some segments by the file they came from, found in the segments'
/// file-key tables. A value: the writer makes one for each question, and hands the reading
/// thread one of the committed state, which it can use while the writer goes on.
struct FileCatalogue: @unchecked Sendable {
    let segments: [SegmentReader]
    let deletions: [UInt64: DeletionSet]

    private func isDeleted(_ segment: UInt64, _ doc: Int) -> Bool { deletions[segment]?.contains(doc) ?? false }

    /// The live stories of the file `key`, or nil when it has none.
    func stories(of key: IndexWriter.FileKey) throws(IndexError) -> IndexWriter.FileStories? {
        var found: IndexWriter.FileStories?
        for segment in segments {
            for doc in segment.documents(root: key.root, path: key.path) where !isDeleted(segment.id, doc) {
                let record = try segment.record(doc)
                if found == nil { found = .items([:]) }
                found![item: record.item] = IndexWriter.CatalogueEntry(segment: segment.id, doc: doc, record: record)
            }
        }
        return found
    }

    /// Calls `body` with every live story, segment by segment in document order, dropping
    /// each segment's tables from memory after it.
    func forEachStory(
        _ body: (IndexWriter.FileKey, DocumentRecord, IndexWriter.CatalogueEntry) throws(IndexError) -> Void
    ) throws(IndexError) {
        for segment in segments {
            for doc in 0..<segment.documentCount where !isDeleted(segment.id, doc) {
                let record = try segment.record(doc)
                try body(IndexWriter.FileKey(root: record.rootID, path: record.path), record,
                         IndexWriter.CatalogueEntry(segment: segment.id, doc: doc, record: record))
            }
            segment.releaseDocumentTables()
        }
    }

    /// Live stories by root id, without decoding their paths.
    func storyCountsByRoot() -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for segment in segments {
            for doc in 0..<segment.documentCount where !isDeleted(segment.id, doc) {
                counts[segment.rootID(doc), default: 0] += 1
            }
            segment.releaseDocumentTables()
        }
        return counts
    }
}

/// The committed single-story files' content hashes, by absolute path: what the reading
/// thread of `add` and `reindex` compares a file it has read with.
struct CommittedFiles: Sendable {
    let catalogue: FileCatalogue
    let roots: [Manifest.Root]

    /// The recorded content hash of the file at absolute `path` when it holds exactly one
    /// live story (not a feed); nil otherwise.
    func contentHash(ofFileAt path: String) -> UInt64? {
        guard let key = IndexWriter.key(of: path, roots: roots),
              case .one(let entry)? = try? catalogue.stories(of: key) else { return nil }
        return entry.contentHash
    }
}
