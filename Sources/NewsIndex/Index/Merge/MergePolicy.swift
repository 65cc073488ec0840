/// Chooses segments to merge so that their number stays logarithmic in the index's size,
/// as Lucene's tiered and tantivy's log merge policies do: segments fall into tiers by
/// live documents (tier 0 up to `floorDocuments`, each tier above `mergeFactor` times
/// larger), and a tier that holds `mergeFactor` segments is merged into one of the tier
/// above. A segment more than half deleted is rewritten on its own to reclaim the space.
///
/// Every story is rewritten about once per tier it climbs: indexing stays linear in the
/// corpus times a logarithm, and a search visits at most `mergeFactor - 1` segments a tier.
struct MergePolicy: Sendable {
    var mergeFactor = 8
    var floorDocuments = 1_000

    /// The next set of segments to merge (ids, in manifest order), or nil when none is due.
    func nextMerge(_ segments: [Manifest.Segment]) -> [UInt64]? {
        if let worn = segments.first(where: { $0.deletedCount * 2 > $0.documentCount }) { return [worn.id] }
        var tiers: [Int: [Manifest.Segment]] = [:]
        for segment in segments { tiers[tier(segment.documentCount - segment.deletedCount), default: []].append(segment) }
        guard let (_, due) = tiers.filter({ $0.value.count >= mergeFactor }).min(by: { $0.key < $1.key }) else {
            return nil
        }
        let chosen = Set(due.sorted { $0.documentCount - $0.deletedCount < $1.documentCount - $1.deletedCount }
            .prefix(mergeFactor).map(\.id))
        return segments.map(\.id).filter(chosen.contains)
    }

    /// Segments a commit wrote that are merged together at its end, at most this many at once.
    static let freshMergeWidth = 64

    /// The merges a commit makes, planned at once so that every segment it ends with is
    /// written in one merge of the segments it draws on. The segments the commit itself
    /// wrote (`fresh`, in the order written) are first taken together, up to
    /// `freshMergeWidth` at a time: a bulk add flushes dozens, and one merge rewrites each
    /// story once where climbing the tiers rewrote it once a tier, and leaves a read-mostly
    /// archive in few segments, which a search visits one by one. Then `nextMerge` is
    /// applied until none is due. The ids of each merge are in manifest order; the merges
    /// in the order their results appear in the manifest, after those that leave nothing
    /// (every story in them deleted).
    func plannedMerges(_ segments: [Manifest.Segment], fresh: Set<UInt64> = []) -> [[UInt64]] {
        /// A segment of the simulated commit: its own id, the original segments it draws
        /// on, and whether it results from a merge.
        struct Planned {
            var segment: Manifest.Segment
            var sources: [UInt64]
            var merged: Bool
        }
        var planned = segments.map { Planned(segment: $0, sources: [$0.id], merged: false) }
        var emptied: [[UInt64]] = []
        var nextID = (segments.map(\.id).max() ?? 0) + 1
        func merge(_ ids: [UInt64]) {
            let chosen = Set(ids)
            let at = planned.firstIndex { chosen.contains($0.segment.id) }!
            let parts = planned.filter { chosen.contains($0.segment.id) }
            let live = parts.reduce(0) { $0 + $1.segment.documentCount - $1.segment.deletedCount }
            let merged = Planned(
                segment: Manifest.Segment(id: nextID, documentCount: live, tokenCount: 0, deletedCount: 0, deletionGeneration: 0),
                sources: parts.flatMap(\.sources), merged: true)
            nextID += 1
            planned.removeAll { chosen.contains($0.segment.id) }
            if live > 0 {
                planned.insert(merged, at: min(at, planned.count))
            } else {
                emptied.append(merged.sources)
            }
        }
        let written = segments.map(\.id).filter(fresh.contains)
        for start in stride(from: 0, to: written.count, by: Self.freshMergeWidth) {
            let group = Array(written[start..<min(start + Self.freshMergeWidth, written.count)])
            if group.count > 1 { merge(group) }
        }
        while let ids = nextMerge(planned.map(\.segment)) { merge(ids) }
        return emptied + planned.filter(\.merged).map(\.sources)
    }

    /// Everything into one segment (`newsidx compact`): nil when the index already is one
    /// segment with nothing deleted.
    func mergeAll(_ segments: [Manifest.Segment]) -> [UInt64]? {
        guard segments.count > 1 || segments.contains(where: { $0.deletedCount > 0 }) else { return nil }
        return segments.map(\.id)
    }

    func tier(_ liveDocuments: Int) -> Int {
        var tier = 0
        var ceiling = floorDocuments
        while liveDocuments > ceiling {
            tier += 1
            ceiling = ceiling.multipliedReportingOverflow(by: mergeFactor).overflow ? .max : ceiling * mergeFactor
        }
        return tier
    }
}
