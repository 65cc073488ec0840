/// Carries the previous commit's clusters of copies over to the next state and clusters only
/// what changed, so that a commit of a few new stories does not compare a million old ones.
///
/// The stories clustered again are the new ones and the remaining stories of every cluster
/// that lost one (its members and linked stories: all that was joined); every other cluster
/// is kept as it was. The changed stories' band keys are looked up among all the old
/// stories in one front-to-back pass over their fingerprints, which remembers, per key,
/// the first and the last old story with it; then
/// each changed story sharing a band meets them as in `NearDuplicateClustering` (its group's
/// first story, else its predecessor: for new stories, numbered last, that is the last old
/// one). Joining an old story that is in a cluster joins its whole cluster, and each cluster
/// touched is formed again from its joined stories (`NearDuplicateClustering.cluster`).
///
/// The result equals a full computation whenever each changed story's copies are the first
/// or last of its band groups, or joined to them: the usual case of a copy added after its
/// original. Elsewhere it can join less than a full computation would; `compact` and
/// `check --repair` compute from scratch.
struct ClusterUpdate {
    typealias Member = NearDuplicateClustering.Member
    typealias Cluster = NearDuplicateClustering.Cluster

    let clustering: NearDuplicateClustering
    /// More changed stories than this share of the live ones, and a full recomputation is
    /// the cheaper (its sorts cost about as much as this pass's lookups at that size).
    static let largestChangedShare = 0.25

    /// The clusters of the state `segments` (with `deletions`; `origins` per segment says
    /// where its documents were), given `previous`, the clusters of the state before it
    /// (members addressed in it). Nil when too much changed for an update to pay.
    func clusters(previous: [Cluster], segments: [SegmentReader], deletions: [DeletionSet?],
                  origins: [DocumentOrigins.Origin]) -> [Cluster]? {
        let stories = NumberedStories(segments: segments, deletions: deletions)
        defer { stories.releaseFingerprints() }

        // Where each previous member is now, and which live stories are new.
        var carried: [Int: Int] = [:]
        var moved: [UInt64: Int] = [:]
        var wanted = Set<UInt64>()
        for cluster in previous {
            for m in cluster.members { wanted.insert(DocumentOrigins.packed(segment: m.segment, doc: m.doc)) }
            for story in cluster.linked { wanted.insert(DocumentOrigins.packed(segment: story.segment, doc: story.doc)) }
        }
        var changed: [Int] = []
        var live = 0
        for (s, origin) in origins.enumerated() {
            live += segments[s].documentCount - (deletions[s]?.deletedCount ?? 0)
            switch origin {
            case .previous(let position):
                carried[position] = s
            case .added, .renumbered:
                stories.forEachLiveDocument(inSegment: s) { doc, number in
                    var from = DocumentOrigins.fresh
                    if case .renumbered(let docs) = origin { from = docs[doc] }
                    if from != DocumentOrigins.fresh {
                        if wanted.contains(from) { moved[from] = number }
                    } else if stories.isLongEnough(segment: s, doc: doc) {
                        changed.append(number)
                    }
                }
            }
        }
        func now(_ segment: Int, _ doc: Int) -> Int? {
            if let s = carried[segment] {
                return doc < segments[s].documentCount && !stories.isDeleted(segment: s, doc: doc)
                    ? stories.number(segment: s, doc: doc) : nil
            }
            return moved[DocumentOrigins.packed(segment: segment, doc: doc)]
        }

        // Clusters whose every story is still there are kept; the others are reopened.
        var kept: [(members: [Int], similarities: [Float], linked: [Int])] = []
        for cluster in previous {
            let members = cluster.members.compactMap { now($0.segment, $0.doc) }
            let linked = cluster.linked.compactMap { now($0.segment, $0.doc) }
            if members.count == cluster.members.count && linked.count == cluster.linked.count {
                kept.append((members, cluster.members.map(\.similarity), linked))
            } else {
                changed += members + linked
            }
        }
        changed.sort()
        guard Double(changed.count) <= Self.largestChangedShare * Double(live) else { return nil }

        // Stories read anywhere are copied out of the files, not mapped (`FingerprintCopies`).
        let copies = FingerprintCopies(stories)
        defer { for segment in segments { segment.releaseDocumentTables() } }
        var joins = Joins(changed: changed, kept: kept.map { $0.members + $0.linked })
        func join(_ a: Int, _ b: Int) -> Bool {
            joins.join(a, b) {
                copies.record(a).withUnsafeBytes { ra in copies.record(b).withUnsafeBytes { rb in clustering.isCopy(ra, rb) } }
            }
        }
        if !changed.isEmpty {
            var groups = BandGroups(changed: changed, copies: copies)
            groups.findOldStories(in: stories, changed: changed)
            for group in groups.groups {
                // The group in story order: its first and last old story, its changed ones.
                var sequence = group.changed
                if group.firstOld >= 0 { sequence.append(group.firstOld) }
                if group.lastOld > group.firstOld { sequence.append(group.lastOld) }
                sequence.sort()
                let first = sequence[0]
                for k in 1..<sequence.count where joins.isChanged(sequence[k]) {
                    if !join(first, sequence[k]) { _ = join(sequence[k - 1], sequence[k]) }
                }
            }
        }

        var result: [(first: Int, cluster: Cluster)] = []
        let (touched, formed) = joins.components()
        for group in formed {
            if let cluster = clustering.cluster(of: group.sorted(), in: stories, copies: copies) { result.append((group.min()!, cluster)) }
        }
        for (k, cluster) in kept.enumerated() where !touched.contains(k) {
            let members = zip(cluster.members, cluster.similarities).map { number, similarity in
                let (s, doc) = stories.address(number)
                return Member(segment: s, doc: doc, similarity: similarity)
            }
            result.append(((cluster.members + cluster.linked).min()!, Cluster(members: members, linked: cluster.linked.map(stories.address))))
        }
        return result.sorted { $0.first < $1.first }.map(\.cluster)
    }
}

/// The band keys of the changed stories, and for each the first and last old story that
/// shares it.
private struct BandGroups {
    struct Group {
        var changed: [Int] = []
        var firstOld = -1
        var lastOld = -1
    }

    private(set) var groups: [Group] = []
    private var slots: [UInt64: Int] = [:]
    /// One bit per hashed (band, key): most old stories' keys are told apart here, without
    /// a dictionary lookup.
    private var filter = [UInt64](repeating: 0, count: 1 << 14)

    init(changed: [Int], copies: FingerprintCopies) {
        for number in changed {
            let record = copies.record(number)
            for band in 0...NearDuplicateClustering.bands {
                let key = record.withUnsafeBytes { Self.slotKey(band, NearDuplicateClustering.bandKey($0, band: band)) }
                if let slot = slots[key] {
                    groups[slot].changed.append(number)
                } else {
                    slots[key] = groups.count
                    groups.append(Group(changed: [number]))
                    let bit = Self.bit(key)
                    filter[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
    }

    private static func slotKey(_ band: Int, _ key: UInt32) -> UInt64 { UInt64(band) << 32 | UInt64(key) }

    private static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 44) }

    /// One pass over the live old stories (all but `changed`, ascending), front to back.
    mutating func findOldStories(in stories: NumberedStories, changed: [Int]) {
        var next = 0
        for s in stories.segments.indices {
            let segment = stories.segments[s]
            stories.forEachLiveDocument(inSegment: s) { doc, number in
                while next < changed.count && changed[next] < number { next += 1 }
                if next < changed.count && changed[next] == number { return }
                guard stories.isLongEnough(segment: s, doc: doc) else { return }
                let record = segment.fingerprintBytes(doc)
                for band in 0...NearDuplicateClustering.bands {
                    let key = Self.slotKey(band, NearDuplicateClustering.bandKey(record, band: band))
                    let bit = Self.bit(key)
                    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let slot = slots[key] else { continue }
                    if groups[slot].firstOld < 0 { groups[slot].firstOld = number }
                    groups[slot].lastOld = number
                }
            }
        }
    }
}

/// The joins of an update: one element per changed story, per kept cluster (standing for all
/// its members) and per other old story met.
private struct Joins {
    private var sets: UnionFind
    private let changedCount: Int
    private var index: [Int: Int] = [:]
    private var clusterOf: [Int: Int] = [:]
    private let kept: [[Int]]
    /// What each element stands for: a story's number, or -1 - k for kept cluster k.
    private var meaning: [Int] = []

    init(changed: [Int], kept: [[Int]]) {
        sets = UnionFind(count: 0)
        changedCount = changed.count
        self.kept = kept
        for number in changed { index[number] = sets.append(); meaning.append(number) }
        for (k, cluster) in kept.enumerated() { for number in cluster { clusterOf[number] = k } }
    }

    func isChanged(_ number: Int) -> Bool { (index[number] ?? changedCount) < changedCount }

    private mutating func element(_ number: Int) -> Int {
        if let k = clusterOf[number] {
            let key = -1 - k
            if let e = index[key] { return e }
            index[key] = sets.append()
            meaning.append(key)
            return index[key]!
        }
        if let e = index[number] { return e }
        index[number] = sets.append()
        meaning.append(number)
        return index[number]!
    }

    /// Joins the stories `a` and `b` when they already are, or when `isCopy` says so.
    mutating func join(_ a: Int, _ b: Int, isCopy: () -> Bool) -> Bool {
        let ra = sets.find(element(a)), rb = sets.find(element(b))
        if ra == rb { return true }
        guard isCopy() else { return false }
        sets.union(roots: ra, rb)
        return true
    }

    /// The kept clusters joined to anything, and the joined groups as story numbers.
    mutating func components() -> (touched: Set<Int>, groups: [[Int]]) {
        var touched = Set<Int>()
        let groups = sets.groups().map { group in
            group.flatMap { e -> [Int] in
                let m = meaning[e]
                guard m < 0 else { return [m] }
                touched.insert(-1 - m)
                return kept[-1 - m]
            }
        }
        return (touched, groups)
    }
}
