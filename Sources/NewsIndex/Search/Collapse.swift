/// A hit that stands for its cluster of copies in a collapsed result list.
public struct CollapsedHit: Sendable, Equatable {
    /// The cluster's best-ranked member: its score, rank and snippet are the hit's.
    public var hit: ScoredDocument
    /// The cluster's id (its representative's story id); for a story with no copy, its own id.
    public var cluster: UInt64
    /// The cluster's other members, representative first then by date, whether or not they
    /// matched the query: they are not hits of their own.
    public var similar: [ClusterMember]

    public init(hit: ScoredDocument, cluster: UInt64, similar: [ClusterMember]) {
        self.hit = hit
        self.cluster = cluster
        self.similar = similar
    }
}

/// Collapsing ranked hits by near-duplicate cluster, as a search engine's field collapsing
/// does: one hit per cluster, at the rank of its best-ranked member.
///
/// The hit shown is the best-ranked member, not the representative: the member that
/// matched the query best carries the snippet that shows why (an update with the changed
/// figure a query names), while the representative — the earliest, original story — heads
/// the list of the others under it. Collapsing works on the top hits only: the searcher
/// ranks `overfetch` times as many as a page needs, and ranks deeper only when collapsing
/// left too few; a search without copies among its hits costs no more than before beyond
/// that deeper top-k.
public enum Collapse {
    /// How many hits a collapsing search ranks per hit shown, at first.
    public static let overfetch = 4

    /// The hits with each cluster's later members folded into its first.
    public static func collapse(_ hits: [ScoredDocument], reader: IndexReader) throws(IndexError) -> [CollapsedHit] {
        var seen: [Int] = []
        var out: [CollapsedHit] = []
        out.reserveCapacity(hits.count)
        for hit in hits {
            guard let number = try reader.clusterNumber(of: hit.address) else {
                out.append(CollapsedHit(hit: hit, cluster: reader.storyID(at: hit.address), similar: []))
                continue
            }
            // A sorted array of the clusters shown: no hashing in the search path.
            var lo = 0, hi = seen.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if seen[mid] < number { lo = mid + 1 } else { hi = mid }
            }
            if lo < seen.count && seen[lo] == number { continue }
            seen.insert(number, at: lo)
            let cluster = try reader.cluster(of: hit.address)
            out.append(CollapsedHit(hit: hit, cluster: cluster?.id ?? reader.storyID(at: hit.address),
                                    similar: cluster?.members.filter { $0.address != hit.address } ?? []))
        }
        return out
    }

    /// Ranks `overfetch` times as deep as a page of `depth` hits needs, then deeper while
    /// collapsing leaves fewer than `depth` and more stories match: the last ranking and its
    /// hits collapsed. `search` ranks to the depth it is given.
    public static func rank(
        depth: Int, reader: IndexReader, _ search: (Int) throws(IndexError) -> SearchResults
    ) throws(IndexError) -> (results: SearchResults, collapsed: [CollapsedHit]) {
        var fetched = times(depth, overfetch)
        var results = try search(fetched)
        var collapsed = try collapse(results.hits, reader: reader)
        while collapsed.count < depth && results.hits.count >= fetched && fetched < Int.max {
            fetched = times(fetched, overfetch)
            results = try search(fetched)
            collapsed = try collapse(results.hits, reader: reader)
        }
        return (results, collapsed)
    }

    /// `a * b`, or `Int.max` when that overflows.
    static func times(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }

    /// The hits as they are, each with its cluster's id and no members folded in
    /// (`--no-collapse`).
    public static func annotate(_ hits: [ScoredDocument], reader: IndexReader) throws(IndexError) -> [CollapsedHit] {
        try hits.map { hit throws(IndexError) in
            let id = try reader.clusterNumber(of: hit.address) == nil ? nil : try reader.cluster(of: hit.address)?.id
            return CollapsedHit(hit: hit, cluster: id ?? reader.storyID(at: hit.address), similar: [])
        }
    }
}
