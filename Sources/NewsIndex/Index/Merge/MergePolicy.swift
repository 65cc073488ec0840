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
