/// `newsidx reindex`: bringing the index in line with its corpus roots as they are now.
///
/// A run has three steps:
/// 1. Walk every root, comparing each file's size and modification time with those its
///    stories recorded. A file whose size and time match is unchanged and is not opened,
///    so a run that finds nothing to do costs a directory walk and publishes nothing.
/// 2. Read the files that are new or whose size or time differ, on the reading thread as
///    `add` does. A file whose content hash is still the one recorded is unchanged (its story
///    is copied with the new size and time, so the next run need not read it again); a file
///    whose content hash is that of a single-story file gone from its path in this run is
///    that file moved: its stored story is copied to the new path with its id, without
///    parsing the file. Everything else is parsed and ingested as `add` does; a story of a
///    new file (a feed item) whose content hash is that of a story of a file gone in this run
///    takes over its id.
/// 3. Delete the stories of files that are gone and did not move.
///
/// A root that is missing, cannot be opened, or holds no file while the index holds stories
/// from it (the mount point of an unmounted disk) is reported and left alone: its stories are
/// kept. So are stories below a folder the walk could not enter.
extension IndexWriter {
    /// Rescans every corpus root: new files are added, changed ones replace their stories
    /// (keeping their ids), moved ones keep their stories and ids, and removed files' stories
    /// are deleted. Call `commit()` after; when nothing changed it publishes nothing.
    public func reindex(onEvent: (AddEvent) -> Void) throws(IndexError) -> AddSummary {
        // Moves copy stories out of committed segments: start from a committed state.
        if dirty { try commit() }
        consultEverythingWritten()
        defer { consultEverythingWritten() }
        var summary = AddSummary()
        let scan = try walkRoots(summary: &summary, onEvent: onEvent)
        let gone = try goneFiles(scan)

        // Where a gone file's story can go: by content hash, single-story files (moves found
        // without parsing) and the stories of several-story files (taken over by new items).
        var goneByHash: [UInt64: [FileKey]] = [:]
        var goneItems: [UInt64: [(key: FileKey, item: String?)]] = [:]
        for key in gone {
            switch try stories(of: key) {
            case .one(let entry)?: goneByHash[entry.contentHash, default: []].append(key)
            case .items(let items)?: for (item, entry) in items { goneItems[entry.contentHash, default: []].append((key, item)) }
            case nil: break
            }
        }
        /// The story each moved content came from, for a second new copy of it.
        var movedFrom: [UInt64: CatalogueEntry] = [:]

        let committed = committedFiles
        var reader = FileReader(maxFileSize: options.maxFileSize, recordedHash: committed.contentHash(ofFileAt:))
        reader.movedHashes = Set(goneByHash.keys)
        try read(scan.toRead, with: reader, summary: &summary, onEvent: onEvent) { file, summary throws(IndexError) in
            switch file.outcome {
            case .moved:
                guard let key = key(of: file.path) else { return }
                summary.bytes += file.size
                if let previous = try stories(of: key) {
                    // Moved over a file of the index: that file's stories give way.
                    for (_, entry) in previous.entries { try delete(entry) }
                    summary.removed += previous.count
                }
                if let from = goneByHash[file.hash]?.popLast(), case .one(let entry)? = try stories(of: from) {
                    movedFrom[file.hash] = entry
                    try copy(entry, to: key, storyID: entry.storyID, file: file, replacing: true)
                    summary.moved += 1
                } else if let entry = movedFrom[file.hash] {
                    // A second copy of a moved file: the same content, a story of its own.
                    try copy(entry, to: key, storyID: newStoryID(), file: file, replacing: false)
                    summary.added += 1
                }
            case .unchanged:
                guard let key = key(of: file.path) else { return }
                summary.bytes += file.size
                summary.unchanged += 1
                if case .one(let entry)? = try stories(of: key) {
                    try copy(entry, to: key, storyID: entry.storyID, file: file, replacing: true)
                }
            case .stories, .skipped:
                try ingest(file, summary: &summary, onEvent: onEvent) { hash throws(IndexError) in
                    guard let (key, item) = goneItems[hash]?.popLast(), let entry = try stories(of: key)?[item: item] else {
                        return nil
                    }
                    try delete(entry)
                    return entry.storyID
                }
            }
        }

        for key in gone {
            guard let stories = try stories(of: key) else { continue }
            for (_, entry) in stories.entries { try delete(entry) }
            summary.removed += stories.count
            dirty = true
        }
        return summary
    }

    /// What the walk of the roots found.
    struct RootScan {
        /// Files to read: new, or with another size or time than recorded.
        var toRead: [String] = []
        /// The live stories of the files the walk found, by segment: a bit a story.
        var seen: [UInt64: DocumentSet] = [:]
        /// Roots not scanned: their stories stay.
        var unavailable: Set<UInt32> = []
        /// Files and folders the walk could not enter: stories below them stay.
        var unscanned: [String] = []
    }

    /// Step 1: walks every root, sorting its files into unchanged (counted, not opened) and
    /// to be read.
    private func walkRoots(summary: inout AddSummary, onEvent: (AddEvent) -> Void) throws(IndexError) -> RootScan {
        var scan = RootScan()
        let storyCounts = try storyCountsByRoot()
        for root in roots {
            guard FileSystem.isDirectory(root.path) else {
                scan.unavailable.insert(root.id)
                let reason = FileSystem.exists(root.path) ? "not a folder" : "no such folder"
                onEvent(.rootUnavailable(path: root.path, reason: reason))
                continue
            }
            var files = 0
            var failure: IndexError?
            CorpusWalker().walkEntriesOnAnotherThread(root.path, onFile: { file in
                // A file below a root nested in this one is that root's, and its walk's.
                guard failure == nil, let key = key(of: file.path), key.root == root.id else { return }
                files += 1
                let found: FileStories?
                do throws(IndexError) { found = try stories(of: key) } catch {
                    failure = error
                    return
                }
                if let stories = found {
                    for (_, entry) in stories.entries {
                        let count = baseSegments[entry.segment]?.documentCount ?? 0
                        scan.seen[entry.segment, default: DocumentSet(documentCount: count)].insert(entry.doc)
                    }
                    if let stamp = recordedStamp(stories), stamp.size == file.size, stamp.mtimeNanoseconds == file.mtimeNanoseconds {
                        summary.unchanged += stories.count
                        return
                    }
                    scan.toRead.append(file.path)
                } else if StoryFormat.isCandidate(StoryFormat.nameInside(file.path).name) {
                    // Files of other types were reported by `add`; a walk passes them over.
                    scan.toRead.append(file.path)
                }
            }, onWarning: { path, reason in
                scan.unscanned.append(path)
                summary.skipped += 1
                onEvent(.skipped(path: path, reason: reason))
            })
            if let failure { throw failure }
            let held = storyCounts[root.id, default: 0]
            if files == 0 && held > 0 {
                scan.unavailable.insert(root.id)
                onEvent(.rootUnavailable(path: root.path, reason: "no files in it, while the index holds \(held) "
                    + (held == 1 ? "story" : "stories") + " from it"))
            }
        }
        return scan
    }

    /// Files of the index that the walk did not find, in roots it scanned and outside the
    /// folders it could not enter.
    private func goneFiles(_ scan: RootScan) throws(IndexError) -> [FileKey] {
        let rootPaths = Dictionary(uniqueKeysWithValues: roots.map { ($0.id, $0.path) })
        var gone: [FileKey] = []
        var listed: Set<FileKey> = []
        try forEachStory { key, _, entry in
            guard !scan.unavailable.contains(key.root), !(scan.seen[entry.segment]?.contains(entry.doc) ?? false),
                  let root = rootPaths[key.root] else { return }
            let path = (root == "/" ? "/" : root + "/") + key.path
            if scan.unscanned.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { return }
            if listed.insert(key).inserted { gone.append(key) }
        }
        return gone
    }

    /// Writes the stored story of `entry` again, at `key` with `file`'s size and time and id
    /// `storyID`, without reading the file's content; `replacing` deletes the original.
    private func copy(_ entry: CatalogueEntry, to key: FileKey, storyID: UInt64, file: FileReader.ReadFile,
                      replacing: Bool) throws(IndexError) {
        guard let segment = baseSegments[entry.segment] else {
            throw .corrupt(file: SegmentFormat.fileName(segment: entry.segment), detail: "not among the committed segments")
        }
        let story = try segment.story(entry.doc)
        if replacing { try delete(entry) }
        let record = DocumentRecord(storyID: storyID, rootID: key.root, path: key.path, item: nil,
                                    contentHash: entry.contentHash, fileSize: UInt64(file.size),
                                    mtimeNanoseconds: file.mtimeNanoseconds)
        try append(record, story)
    }

    private func newStoryID() -> UInt64 {
        defer { manifest.nextStoryID += 1 }
        return manifest.nextStoryID
    }

    /// The size and time of a file as its stories recorded them: its newest story's (a feed's
    /// unchanged items keep the stamp of the version they were written from). Nil when a
    /// story is not in a committed segment.
    private func recordedStamp(_ stories: FileStories) -> (size: UInt64, mtimeNanoseconds: Int64)? {
        var newest: (size: UInt64, mtimeNanoseconds: Int64)?
        for (_, entry) in stories.entries {
            guard let segment = baseSegments[entry.segment] else { return nil }
            let stamp = segment.fileStamp(entry.doc)
            if newest == nil || stamp.mtimeNanoseconds > newest!.mtimeNanoseconds { newest = stamp }
        }
        return newest
    }
}

extension IndexWriter.FileStories {
    /// How many live stories the file holds.
    var count: Int {
        switch self {
        case .one: 1
        case .items(let items): items.count
        }
    }
}
