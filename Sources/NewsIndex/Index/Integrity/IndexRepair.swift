/// `newsidx check --repair`: drops from the index what cannot be read, so that it opens
/// again and the lost stories can be indexed anew from their corpus roots.
///
/// Under the writer lock it checks the index, then publishes (atomically, as a commit
/// does) a manifest without the damaged segments, and removes their files. What it drops:
///
/// - a segment whose file is missing, unreadable, structurally damaged, fails a checksum or
///   holds another document count than the manifest records: its stories are lost;
/// - a segment whose deletion file is missing or damaged: also the whole segment. Keeping
///   it without the deletions would bring back stories that were deleted, and old versions
///   of stories since replaced, beside their new versions, and nothing would tell them
///   apart; dropping it loses only stories that indexing their files again restores;
/// - token totals the manifest records wrongly are recomputed; nothing is lost.
///
/// A damaged `CURRENT` or manifest is not repaired: without it nothing says which segments
/// are live or where the corpus roots are (a commit removes older manifests), and guessing
/// from the segment files present could bring back segments a merge had replaced.
public enum IndexRepair {
    /// A segment dropped from the index.
    public struct Dropped: Sendable, Equatable {
        public var segment: UInt64
        /// The file at fault (the segment or its deletion file) and what was wrong with it.
        public var file: String
        public var detail: String
        /// Stories lost with it: its live stories as the manifest recorded them.
        public var lostStories: Int
    }

    public struct Outcome: Sendable, Equatable {
        /// What the check under the lock found, before repairing.
        public var report: IndexCheckReport
        public var dropped: [Dropped] = []
        /// Segments whose token totals were corrected.
        public var correctedStatistics: [UInt64] = []
        /// Whether the file grouping copies was rebuilt (damaged, or segments were dropped).
        public var rebuiltClusters = false
        /// The manifest published, or nil when there was nothing to repair.
        public var published: Manifest?

        public var lostStories: Int { dropped.reduce(0) { $0 + $1.lostStories } }
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The manifest (or `CURRENT`) is damaged; nothing was changed.
        case unrepairable(IndexProblem)
        case index(IndexError)
    }

    /// Repairs the index in `directory`, waiting up to `lockWait` seconds for the writer lock.
    public static func run(directory: String, lockWait: Double) throws(Failure) -> Outcome {
        // No lock file is made where there is no index.
        guard FileSystem.exists(directory + "/" + ManifestStore.currentName) else {
            throw .index(.missing(directory: directory))
        }
        let lock: WriterLock
        do throws(IndexError) {
            lock = try WriterLock(directory: directory, wait: lockWait)
        } catch {
            throw .index(error)
        }
        defer { withExtendedLifetime(lock) {} }
        let report: IndexCheckReport
        do throws(IndexError) {
            report = try IndexCheck.run(directory: directory)
        } catch {
            throw .index(error)
        }
        if let fatal = report.problems.first(where: { $0.scope == .manifest }) { throw .unrepairable(fatal) }
        var outcome = Outcome(report: report)
        guard !report.isSound, var next = report.manifest else { return outcome }

        var doomed: [UInt64: IndexProblem] = [:]
        for problem in report.problems {
            switch problem.scope {
            case .segment(let id, let live):
                if doomed[id] == nil {
                    doomed[id] = problem
                    outcome.dropped.append(Dropped(segment: id, file: problem.file, detail: problem.detail, lostStories: live))
                }
            case .statistics(let id):
                outcome.correctedStatistics.append(id)
            case .clusters:
                outcome.rebuiltClusters = true
            case .manifest:
                break
            }
        }
        let store = ManifestStore(directory: directory)
        do throws(IndexError) {
            for id in outcome.correctedStatistics where doomed[id] == nil {
                guard let i = next.segments.firstIndex(where: { $0.id == id }) else { continue }
                next.segments[i].tokenCount = try liveTokens(next.segments[i], store: store)
            }
            let old = next
            next.segments.removeAll { doomed[$0.id] != nil }
            next.generation += 1
            // Copies are grouped over the live stories, so dropping a segment regroups them.
            if next.clusterGeneration > 0 && (outcome.rebuiltClusters || !doomed.isEmpty) {
                try rebuildClusters(&next, store: store)
                outcome.rebuiltClusters = true
            }
            try store.publish(next)
            outcome.published = next
            // The files no manifest refers to any more; readers of the old state keep theirs
            // mapped, or retry from CURRENT.
            FileSystem.remove(store.path(Manifest.fileName(generation: old.generation)))
            if old.clusterGeneration > 0 && old.clusterGeneration != next.clusterGeneration {
                FileSystem.remove(store.path(ClusterFile.fileName(generation: old.clusterGeneration)))
            }
            for s in old.segments where doomed[s.id] != nil {
                FileSystem.remove(store.path(SegmentFormat.fileName(segment: s.id)))
                if s.deletionGeneration > 0 {
                    FileSystem.remove(store.path(DeletionSet.fileName(segment: s.id, generation: s.deletionGeneration)))
                }
            }
        } catch {
            throw .index(error)
        }
        return outcome
    }

    /// Writes the cluster file of `next` (its remaining segments, sound by now) and names it.
    private static func rebuildClusters(_ next: inout Manifest, store: ManifestStore) throws(IndexError) {
        var readers: [SegmentReader] = []
        var deletions: [DeletionSet?] = []
        for entry in next.segments {
            let reader = try SegmentReader(id: entry.id, path: store.path(SegmentFormat.fileName(segment: entry.id)))
            readers.append(reader)
            deletions.append(try DeletionSet.load(for: entry, documentCount: reader.documentCount, store: store))
        }
        try ClusterFile.write(for: next.segments, readers: readers, deletions: deletions,
                              threshold: NearDuplicateClustering.defaultThreshold,
                              to: store.path(ClusterFile.fileName(generation: next.generation)))
        next.clusterGeneration = next.generation
    }

    /// Tokens of the segment's live stories, as the manifest should record them.
    private static func liveTokens(_ entry: Manifest.Segment, store: ManifestStore) throws(IndexError) -> UInt64 {
        let segment = try SegmentReader(id: entry.id, path: store.path(SegmentFormat.fileName(segment: entry.id)))
        let deletions = try DeletionSet.load(for: entry, documentCount: segment.documentCount, store: store)
        var tokens: UInt64 = 0
        for doc in 0..<segment.documentCount where !(deletions?.contains(doc) ?? false) {
            tokens += UInt64(segment.tokenCount(doc))
        }
        return tokens
    }
}
