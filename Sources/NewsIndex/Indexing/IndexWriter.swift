#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
#if os(Linux)
internal import CMalloc
#endif

/// The index's one writer: adds stories into new segments within a memory budget, marks
/// replaced versions deleted, and publishes everything in one atomic commit.
///
/// Holds the `LOCK` from creation until it is released, so writers take turns.
public final class IndexWriter {
    public struct Options: Sendable {
        /// Seconds to wait for another writer to finish before giving up with `.busy`.
        public var lockWait: Double = 30
        /// The memory indexing may take. The segment being built is written out, and a new
        /// one started, when it holds `segmentShare` of this: writing it out takes more
        /// (its stories compressed, its lists encoded), and the read-ahead a sixteenth.
        public var memoryBudget: Int = 128 << 20
        /// The share of `memoryBudget` a segment is built in.
        public static let segmentShare = 0.6
        /// Files larger than this are skipped with a warning.
        public var maxFileSize: Int = 64 << 20
        /// Segments of a similar size merged at once; their count stays about this many a tier.
        public var mergeFactor: Int = 8
        /// The live stories up to which a segment is in the lowest tier (`MergePolicy`);
        /// lowered by tests so that a small corpus climbs several tiers.
        var mergeFloor = 1_000
        /// The overlap coefficient from which two stories are copies of one story
        /// (`NearDuplicateClustering`); the default was chosen by measurement. The variable
        /// `NEWSIDX_DUPLICATE_THRESHOLD` overrides it, for measuring other thresholds
        /// (`make dups-eval`): every writer of an index must then be given the same value.
        public var duplicateThreshold: Double = NearDuplicateClustering.defaultThreshold

        public init() {
            if let raw = getenv("NEWSIDX_DUPLICATE_THRESHOLD"), let value = Double(String(cString: raw)),
               value > 0, value <= 1 {
                duplicateThreshold = value
            }
        }
    }

    public let directory: String
    private let analyzer: Analyzer
    let options: Options
    private let store: ManifestStore
    private let lock: WriterLock
    var manifest: Manifest
    var baseSegments: [UInt64: SegmentReader] = [:]
    private(set) var deletions: [UInt64: DeletionSet] = [:]
    private var changedDeletions: Set<UInt64> = []
    var roots: [Manifest.Root]
    private var pending: SegmentWriter?
    private var pendingID: UInt64 = 0
    /// Segments written since the last commit, and the readers of those opened.
    private var written: [Manifest.Segment] = []
    private var writtenSegments: [UInt64: SegmentReader] = [:]
    /// How many of `written` the catalogue looks into: those written before the `add` or
    /// `reindex` under way began. Within one, each file is handled once, so the segments it
    /// writes need no lookups (which would cost each new file a search of each of them).
    private var consultedWritten = 0
    /// Segment files written by merges of the commit under way, not yet published.
    private var inFlight: Set<String> = []
    var dirty = false

    struct FileKey: Hashable {
        var root: UInt32
        var path: String
    }

    struct CatalogueEntry {
        var segment: UInt64
        var doc: Int
        var storyID: UInt64
        var contentHash: UInt64

        /// Document `doc` of `segment`, as its `record` describes it.
        init(segment: UInt64, doc: Int, record: DocumentRecord) {
            self.segment = segment
            self.doc = doc
            storyID = record.storyID
            contentHash = record.contentHash
        }
    }

    /// The live stories of one file, by item id (nil for a file that is one story).
    enum FileStories {
        case one(CatalogueEntry)
        case items([String?: CatalogueEntry])

        subscript(item item: String?) -> CatalogueEntry? {
            get {
                switch self {
                case .one(let entry): item == nil ? entry : nil
                case .items(let items): items[item]
                }
            }
            set {
                var items: [String?: CatalogueEntry]
                switch self {
                case .one(let entry): items = [String?.none: entry]
                case .items(let all): items = all
                }
                self = .items([:])
                items[item] = newValue
                if items.count == 1, let only = items[String?.none] { self = .one(only) } else { self = .items(items) }
            }
        }

        var entries: [(item: String?, entry: CatalogueEntry)] {
            switch self {
            case .one(let entry): [(nil, entry)]
            case .items(let items): items.map { ($0.key, $0.value) }
            }
        }
    }

    /// Opens (creating if needed) the index in `directory` for writing, waiting for the lock.
    public init(directory: String, analyzer: Analyzer, options: Options = Options()) throws(IndexError) {
        self.directory = directory
        self.analyzer = analyzer
        self.options = options
        try FileSystem.makeDirectory(directory)
        store = ManifestStore(directory: directory)
        lock = try WriterLock(directory: directory, wait: options.lockWait)
        _ = Self.arenasLimited
        if let current = try store.loadCurrent() {
            guard current.analyzer == analyzer.identifier else {
                throw .analyzerMismatch(index: current.analyzer, current: analyzer.identifier)
            }
            manifest = current
        } else {
            manifest = Manifest(analyzer: analyzer.identifier)
        }
        roots = manifest.roots
        try removeUnreferencedFiles()
        for entry in manifest.segments {
            let reader = try openSegment(entry.id)
            baseSegments[entry.id] = reader
            deletions[entry.id] = try DeletionSet.load(for: entry, documentCount: reader.documentCount, store: store)
        }
    }

    /// The segments whose stories the catalogue covers: the committed ones, then those
    /// written since (`IndexWriter+Catalogue`).
    func catalogueSegments() throws(IndexError) -> [SegmentReader] {
        var segments = committedSegments
        for segment in written.prefix(consultedWritten) {
            if writtenSegments[segment.id] == nil { writtenSegments[segment.id] = try openSegment(segment.id) }
            segments.append(writtenSegments[segment.id]!)
        }
        return segments
    }

    /// The committed segments, in manifest order.
    var committedSegments: [SegmentReader] { manifest.segments.compactMap { baseSegments[$0.id] } }

    /// Marks the start or end of an `add` or `reindex`: what was written so far is looked into.
    func consultEverythingWritten() { consultedWritten = written.count }

    /// Whether stories added by this writer wait for a commit.
    var hasUncommittedStories: Bool { pending != nil || !written.isEmpty }

    /// Indexes every file under `inputs`: new files are added, changed ones replace their old
    /// version (keeping its story id), unchanged ones are left alone. Call `commit()` after.
    ///
    /// Two threads share the work: one walks, reads, hashes and parses files while this one
    /// analyzes and inverts the stories; events are reported on this thread.
    public func add(_ inputs: [IngestInput], onEvent: (AddEvent) -> Void) throws(IndexError) -> AddSummary {
        // The catalogue does not look into the segment being built: write out what an earlier
        // call left there, so a file it holds is recognised as handled.
        try flush()
        consultEverythingWritten()
        defer { consultEverythingWritten() }
        let inputs = Self.outermost(inputs)
        for input in inputs {
            let rootPath = input.isDirectory ? input.canonicalPath : Self.parent(of: input.canonicalPath)
            if enclosingRoot(of: rootPath + "/") == nil {
                let id = (roots.map(\.id).max() ?? 0) + 1
                roots.append(Manifest.Root(id: id, path: rootPath))
                dirty = true
            }
        }
        let committed = committedFiles
        let reader = FileReader(maxFileSize: options.maxFileSize, recordedHash: committed.contentHash(ofFileAt:))
        var summary = AddSummary()
        try read(inputs.map(\.canonicalPath), with: reader, summary: &summary, onEvent: onEvent) {
            file, summary throws(IndexError) in try ingest(file, summary: &summary, onEvent: onEvent)
        }
        return summary
    }

    /// Runs `reader` over `paths` on a thread of its own and hands each file it read to
    /// `handle` on this one, reporting skips and progress.
    func read(_ paths: [String], with reader: FileReader, summary: inout AddSummary, onEvent: (AddEvent) -> Void,
              handle: (FileReader.ReadFile, inout AddSummary) throws(IndexError) -> Void) throws(IndexError) {
        // Read-ahead: enough to keep both cores busy, a small share of the memory budget.
        var progress = AddProgress()
        try BoundedQueue<FileReader.Item>.handOver(capacity: 64, maxWeight: max(1 << 20, options.memoryBudget / 16),
                                                  produce: { reader.read(paths, into: $0) }) { item throws(IndexError) in
            switch item {
            case .skipped(let path, let reason):
                summary.skipped += 1
                onEvent(.skipped(path: path, reason: reason))
            case .file(let file):
                progress.files += 1
                try handle(file, &summary)
                progress.stories = summary.added + summary.updated + summary.unchanged + summary.moved
                progress.bytes = summary.bytes
                onEvent(.progress(progress))
            }
        }
    }

    /// `inputs` without those inside another input (or repeated), so that each file is
    /// walked once.
    static func outermost(_ inputs: [IngestInput]) -> [IngestInput] {
        var kept: [IngestInput] = []
        for input in inputs {
            let path = input.canonicalPath
            let covered = inputs.contains { other in
                other.isDirectory && other.canonicalPath != path
                    && path.hasPrefix(other.canonicalPath == "/" ? "/" : other.canonicalPath + "/")
            }
            if !covered && !kept.contains(where: { $0.canonicalPath == path }) { kept.append(input) }
        }
        return kept
    }

    /// Indexes one read file: a changed file's stories replace their old versions (keeping
    /// their ids), and stories that are gone from it (items dropped from a feed) are deleted.
    ///
    /// `claim` may give a new story the id of a story with the same content hash that
    /// `reindex` found gone from its file (a feed moved), deleting that one.
    func ingest(_ file: FileReader.ReadFile, summary: inout AddSummary, onEvent: (AddEvent) -> Void,
                claim: (_ contentHash: UInt64) throws(IndexError) -> UInt64? = { _ in nil }) throws(IndexError) {
        guard let key = key(of: file.path) else { return }
        summary.bytes += file.size
        let stories: [Story]
        switch file.outcome {
        case .skipped(let reason):
            summary.skipped += 1
            onEvent(.skipped(path: file.path, reason: reason))
            return
        case .unchanged, .moved:
            summary.unchanged += 1
            return
        case .stories(let read):
            stories = read
            if read.contains(where: \.bodyIsFallback) { onEvent(.note(path: file.path, message: Story.fallbackNote)) }
        }
        let previous = try self.stories(of: key) ?? .items([:])
        // Written since the last commit by an earlier `add` of this writer: handled.
        if previous.entries.contains(where: { isUncommitted($0.entry) }) { return }
        var seen = Set<String?>()
        for story in stories {
            let item = stories.count == 1 && story.itemID == nil ? nil : story.itemID ?? "\(seen.count)"
            guard seen.insert(item).inserted else { continue }
            let hash = item == nil ? file.hash : Self.fingerprint(story)
            let storyID: UInt64
            if let old = previous[item: item] {
                if old.contentHash == hash {
                    summary.unchanged += 1
                    continue
                }
                storyID = old.storyID
                try delete(old)
                summary.updated += 1
            } else if let reused = try claim(hash) {
                storyID = reused
                summary.moved += 1
            } else {
                storyID = manifest.nextStoryID
                manifest.nextStoryID += 1
                summary.added += 1
            }
            let record = DocumentRecord(storyID: storyID, rootID: key.root, path: key.path, item: item,
                                        contentHash: hash, fileSize: UInt64(file.size),
                                        mtimeNanoseconds: file.mtimeNanoseconds)
            try append(record, story)
        }
        for (item, old) in previous.entries where !seen.contains(item) {
            try delete(old)
            summary.removed += 1
            dirty = true
        }
    }

    func append(_ record: DocumentRecord, _ story: Story) throws(IndexError) {
        if pending == nil {
            pending = SegmentWriter(analyzer: analyzer)
            pendingID = manifest.nextSegmentID
            manifest.nextSegmentID += 1
        }
        pending!.add(record, story)
        dirty = true
        if Double(pending!.memoryFootprint) >= Double(options.memoryBudget) * Options.segmentShare {
            try flush()
            Self.returnFreedMemory()
        }
    }

    /// A hash of what a story says, for stories that share a file: a feed rewritten with one
    /// new item leaves its other items unchanged.
    private static func fingerprint(_ story: Story) -> UInt64 {
        var bytes: [UInt8] = []
        for field in [story.title, story.date?.description, story.source, story.byline, story.place,
                      story.url, story.language, story.body] {
            bytes.append(contentsOf: (field ?? "").utf8)
            bytes.append(0)
        }
        return ContentHash.xxh64(bytes)
    }

    /// Marks a committed document deleted; documents of segments written in this session
    /// are never replaced twice (`ingest` passes over a file already handled).
    func delete(_ entry: CatalogueEntry) throws(IndexError) {
        guard let reader = baseSegments[entry.segment] else { return }
        var set = deletions[entry.segment] ?? DeletionSet(documentCount: reader.documentCount)
        set.insert(entry.doc)
        deletions[entry.segment] = set
        changedDeletions.insert(entry.segment)
        if let i = manifest.segments.firstIndex(where: { $0.id == entry.segment }) {
            manifest.segments[i].tokenCount -= UInt64(reader.tokenCount(entry.doc))
        }
    }

    /// Limits glibc to two malloc arenas, once per process: glibc otherwise gives threads
    /// arenas of their own, and memory the reading or compressing thread freed in one was
    /// not reused by the next segment built in another (at `--memory 32` on 132 MB of
    /// stories, peak memory 109 MB with the default arenas, 90 MB with two).
    private static let arenasLimited: Bool = {
        #if os(Linux)
        return mallopt(M_ARENA_MAX, 2) == 1
        #else
        return false
        #endif
    }()

    /// Hands the heap a written segment occupied back to the system: glibc keeps freed
    /// memory in its arenas (one per thread), so without this the next segment, and a
    /// commit's merges, would add to the last one's peak instead of reusing it.
    static func returnFreedMemory() {
        #if os(Linux)
        malloc_trim(0)
        #endif
    }

    /// Writes the in-memory segment to disk (not yet visible: `commit` publishes it).
    private func flush() throws(IndexError) {
        guard let segment = pending, segment.documentCount > 0 else { return }
        try segment.write(to: store.path(SegmentFormat.fileName(segment: pendingID)))
        written.append(Manifest.Segment(id: pendingID, documentCount: segment.documentCount,
                                        tokenCount: segment.totalTokens, deletedCount: 0, deletionGeneration: 0))
        pending = nil
    }

    /// Publishes everything added since the last commit, atomically. Returns false when
    /// there was nothing to publish.
    @discardableResult
    public func commit() throws(IndexError) -> Bool {
        try commit(mergingAll: false)
    }

    /// Merges every segment into one, dropping deleted documents (`newsidx compact`), and
    /// publishes that with anything else added. Returns false when there was nothing to do.
    @discardableResult
    public func compact() throws(IndexError) -> Bool {
        try commit(mergingAll: true)
    }

    private func commit(mergingAll: Bool) throws(IndexError) -> Bool {
        let policy = MergePolicy(mergeFactor: options.mergeFactor, floorDocuments: options.mergeFloor)
        guard dirty || (mergingAll && policy.mergeAll(manifest.segments) != nil) else { return false }
        try flush()
        Self.returnFreedMemory()
        let generation = manifest.generation + 1
        var next = manifest
        next.generation = generation
        next.roots = roots
        for id in changedDeletions.sorted() {
            guard let set = deletions[id], let i = next.segments.firstIndex(where: { $0.id == id }) else { continue }
            next.segments[i].deletedCount = set.deletedCount
            if set.deletedCount == set.documentCount {
                next.segments.remove(at: i)
                continue
            }
            try FileSystem.writeDurably(store.path(DeletionSet.fileName(segment: id, generation: generation)), set.serialize())
            next.segments[i].deletionGeneration = generation
        }
        var origins = DocumentOrigins(previous: manifest.segments, added: written)
        let fresh = Set(written.map(\.id))
        next.segments += written
        written = []
        for (id, segment) in writtenSegments { baseSegments[id] = segment }
        writtenSegments = [:]
        consultedWritten = 0
        if !mergingAll { try merge(policy.plannedMerges(next.segments, fresh: fresh), in: &next, origins: &origins) }
        while let ids = mergingAll ? policy.mergeAll(next.segments) : policy.nextMerge(next.segments) {
            try merge([ids], in: &next, origins: &origins)
        }
        try writeClusters(of: &next, carryingOver: mergingAll ? nil : origins)
        try store.publish(next)
        manifest = next
        changedDeletions = []
        dirty = false
        inFlight = []
        try removeUnreferencedFiles()
        var open: [UInt64: SegmentReader] = [:]
        for segment in next.segments { open[segment.id] = try reader(segment.id) }
        baseSegments = open
        deletions = deletions.filter { open[$0.key] != nil }
        return true
    }

    /// Performs `merges` (disjoint sets of segment ids of `next`), each into a new segment
    /// written beside them (published with `next`), recording where their documents came from
    /// in `origins`. Two merges are written at once, one on another thread: a bulk add's
    /// commit plans one large merge and a few small ones, and would leave a core idle.
    private func merge(_ merges: [[UInt64]], in next: inout Manifest, origins: inout DocumentOrigins) throws(IndexError) {
        guard !merges.isEmpty else { return }
        var planned: [(ids: [UInt64], id: UInt64, path: String, merger: SegmentMerger)] = []
        for ids in merges {
            let merger = SegmentMerger(try ids.map { id throws(IndexError) in
                SegmentMerger.Source(segment: try reader(id), deletions: deletions[id])
            })
            let id = next.nextSegmentID
            next.nextSegmentID += 1
            let name = SegmentFormat.fileName(segment: id)
            inFlight.insert(name)
            planned.append((ids, id, store.path(name), merger))
        }
        let lanes = MergeLanes(sizes: planned.map { $0.merger.documentCount })
        let jobs = planned.map { (path: $0.path, merger: $0.merger) }
        let background = lanes.second.isEmpty ? nil : BackgroundResult { Self.write(lanes.second.map { jobs[$0] }) }
        let first = Self.write(lanes.first.map { jobs[$0] })
        let second = background?.wait() ?? .success([])
        var outcomes = [SegmentMerger.Outcome?](repeating: nil, count: planned.count)
        for (lane, result) in [(lanes.first, first), (lanes.second, second)] {
            for (i, outcome) in zip(lane, try result.get()) { outcomes[i] = outcome }
        }
        for ((ids, id, _, merger), outcome) in zip(planned, outcomes) {
            // Merged away: whatever of them the merge left resident (their term dictionaries,
            // stored-story headers) would otherwise stay until the commit ends, a cascade of
            // merges over many small segments adding up.
            for source in merger.sources { source.segment.file.release(source.segment.file.bytes) }
            apply(ids, mergedInto: id, outcome!, in: &next, origins: &origins)
        }
    }

    /// Writes each merge in turn; stops at the first that fails.
    private static func write(_ jobs: [(path: String, merger: SegmentMerger)]) -> Result<[SegmentMerger.Outcome], IndexError> {
        Result { () throws(IndexError) in try jobs.map { job throws(IndexError) in try job.merger.write(to: job.path) } }
    }

    /// Replaces segments `ids` of `next` by the segment `id` they were merged into.
    private func apply(_ ids: [UInt64], mergedInto id: UInt64, _ outcome: SegmentMerger.Outcome,
                       in next: inout Manifest, origins: inout DocumentOrigins) {
        let source = Set(ids)
        let at = next.segments.firstIndex { $0.id == ids[0] } ?? next.segments.count
        next.segments.removeAll { source.contains($0.id) }
        if outcome.documentCount > 0 {
            next.segments.insert(Manifest.Segment(id: id, documentCount: outcome.documentCount,
                                                  tokenCount: outcome.totalTokens, deletedCount: 0, deletionGeneration: 0),
                                 at: min(at, next.segments.count))
        }
        for old in ids { deletions[old] = nil }
        origins.merged(ids, into: id, maps: outcome.documentMaps, documentCount: outcome.documentCount)
    }

    /// Clusters the live stories of `next` and writes its cluster file (published with it).
    /// With the previous state's clusters and `origins` (where `next`'s documents were), only
    /// what changed is clustered again (`ClusterUpdate`): a cron's commit of a few stories
    /// costs one pass over the fingerprints, not a recomputation. Without them (`compact`),
    /// or when much changed, or when the previous file cannot be read, the clusters are
    /// computed from scratch (`NearDuplicateClustering`).
    private func writeClusters(of next: inout Manifest, carryingOver origins: DocumentOrigins?) throws(IndexError) {
        var readers: [SegmentReader] = []
        var deleted: [DeletionSet?] = []
        for segment in next.segments {
            readers.append(try reader(segment.id))
            deleted.append(deletions[segment.id])
        }
        let clustering = NearDuplicateClustering(threshold: options.duplicateThreshold)
        var clusters: [NearDuplicateClustering.Cluster]?
        if let origins, let previous = previousClusters() {
            clusters = ClusterUpdate(clustering: clustering).clusters(
                previous: previous, segments: readers, deletions: deleted,
                origins: next.segments.map { origins.bySegment[$0.id] ?? .added })
        }
        let name = ClusterFile.fileName(generation: next.generation)
        inFlight.insert(name)
        try ClusterFile.write(clusters ?? clustering.clusters(segments: readers, deletions: deleted),
                              for: next.segments, to: store.path(name))
        next.clusterGeneration = next.generation
    }

    /// The clusters of the state this commit follows, addressed in it; nil when it has none
    /// or its file does not read back intact (the commit then clusters from scratch).
    private func previousClusters() -> [NearDuplicateClustering.Cluster]? {
        guard manifest.clusterGeneration > 0 else { return nil }
        let name = ClusterFile.fileName(generation: manifest.clusterGeneration)
        guard let file = try? ClusterFile(path: store.path(name), name: name,
                                          segments: manifest.segments.map { ($0.id, $0.documentCount) }),
              file.verifyChecksum() else { return nil }
        return file.allClusters()
    }

    /// The reader of segment `id`, opening it if it was written by this writer.
    private func reader(_ id: UInt64) throws(IndexError) -> SegmentReader {
        if let open = baseSegments[id] { return open }
        let opened = try openSegment(id)
        baseSegments[id] = opened
        return opened
    }

    private func openSegment(_ id: UInt64) throws(IndexError) -> SegmentReader {
        try SegmentReader(id: id, path: store.path(SegmentFormat.fileName(segment: id)))
    }

    /// Deletes files no committed manifest refers to: leftovers of a crash or of older commits.
    private func removeUnreferencedFiles() throws(IndexError) {
        var keep: Set<String> = ["LOCK", ManifestStore.currentName]
        if manifest.generation > 0 { keep.insert(Manifest.fileName(generation: manifest.generation)) }
        if manifest.clusterGeneration > 0 { keep.insert(ClusterFile.fileName(generation: manifest.clusterGeneration)) }
        for s in manifest.segments {
            keep.insert(SegmentFormat.fileName(segment: s.id))
            if s.deletionGeneration > 0 { keep.insert(DeletionSet.fileName(segment: s.id, generation: s.deletionGeneration)) }
        }
        if let pending, pending.documentCount > 0 { keep.insert(SegmentFormat.fileName(segment: pendingID)) }
        for s in written { keep.insert(SegmentFormat.fileName(segment: s.id)) }
        keep.formUnion(inFlight)
        for name in try FileSystem.list(directory) where !keep.contains(name) {
            let ours = name.hasPrefix("seg-") || name.hasPrefix("manifest-") || name.hasPrefix("clusters-")
                || name == ManifestStore.currentName + ".tmp"
            if ours { FileSystem.remove(store.path(name)) }
        }
    }

    /// The catalogue key of the file at absolute `path`: its deepest root and the path below it.
    func key(of path: String) -> FileKey? { Self.key(of: path, roots: roots) }

    static func key(of path: String, roots: [Manifest.Root]) -> FileKey? {
        guard let root = enclosingRoot(of: path, roots: roots) else { return nil }
        return FileKey(root: root.id, path: String(path.dropFirst(root.path == "/" ? 1 : root.path.count + 1)))
    }

    /// The deepest registered root that contains `path`, so a file is keyed once however
    /// the folders around it were added.
    func enclosingRoot(of path: String) -> Manifest.Root? { Self.enclosingRoot(of: path, roots: roots) }

    private static func enclosingRoot(of path: String, roots: [Manifest.Root]) -> Manifest.Root? {
        roots.filter { path.hasPrefix($0.path == "/" ? "/" : $0.path + "/") }.max { $0.path.count < $1.path.count }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
