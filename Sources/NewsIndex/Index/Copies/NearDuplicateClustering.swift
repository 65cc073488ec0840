/// Groups the index's live stories into clusters of copies of one story, from their
/// fingerprints: candidates by banded locality-sensitive hashing, each candidate pair
/// verified against the similarity threshold, verified pairs joined (union-find).
///
/// **Threshold**: two stories are copies when the estimated overlap coefficient of their
/// four-word shingles (`Fingerprint.similarity`) is at least `threshold`: that share of the
/// shorter story's word runs appear in the other; and their Jaccard overlap is at least
/// `minimumJaccard`, so the shorter is not a small part of the longer. Equal normalised
/// text is always a copy.
/// Candidates join by chaining (union-find), and then each cluster keeps the stories that
/// are copies of its representative itself: chaining alone joined stories of the corpus
/// that merely reuse one wire story's paragraphs (pair precision 0.980 against 0.982, at
/// recall 0.993 against 0.980 on the measured set).
///
/// **Candidates**: the 64-bin sketch is cut into 32 bands of 2 bins; stories sharing a band
/// are candidates. A pair with shingle Jaccard J shares some band with probability
/// 1 − (1 − J²)³²: 0.9999 at J = 0.5 (a copy cut to half), 0.996 at 0.4, 0.73 at 0.2.
/// Each band is a sort of (key, story) pairs, so the work is O(32 · n log n), never the
/// n² of comparing every pair; within a run of stories sharing a key each is verified
/// against the run's first (then its predecessor), so a thousand copies cost a thousand
/// comparisons, not half a million.
///
/// **Memory**: per live story 4 bytes (its number) + 4 (union-find) + 8 for one band's sort
/// at a time, plus the clusters' members: 16 bytes a story, 16 MB for a million. Each band's
/// pass reads the mapped fingerprints front to back, dropping the pages it read; candidate
/// pairs, anywhere in the segments, are copied out of the files (`FingerprintCopies`).
struct NearDuplicateClustering {
    /// The overlap coefficient from which two stories are copies. Chosen on the measured
    /// test set (README, "Copies of a story"), where 0.8 keeps pair precision above 0.98
    /// with recall above 0.95; lower thresholds join more stories of the corpus that share
    /// a wire story's paragraphs with another (one agency's text reused by two outlets).
    static let defaultThreshold = 0.8
    static let bands = 32
    /// A pass over the fingerprints drops what it has read from memory this often (in
    /// stories: about a megabyte of fingerprints).
    static let releaseEvery = 8192
    static let rowsPerBand = 2

    var threshold = Self.defaultThreshold
    /// The Jaccard overlap below which two stories are never copies, however much of the
    /// shorter the longer holds: a short text inside one more than about three times as
    /// long is a quotation, a digest's item or shared boilerplate (a site's blurb), not a
    /// copy of it. So a copy cut to less than about a third of its story is not found.
    static let minimumJaccard = 0.3

    /// Whether two stored fingerprints are copies of one story.
    func isCopy(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        isCopy(Fingerprint.compare(a, b))
    }

    /// Whether a comparison (`Fingerprint.compare`) says copies of one story.
    func isCopy(_ comparison: (jaccard: Double, overlap: Double)) -> Bool {
        comparison.overlap >= threshold && comparison.jaccard >= Self.minimumJaccard
    }

    /// A story in a cluster: where it is, and its similarity to the cluster's representative.
    struct Member: Equatable {
        var segment: Int
        var doc: Int
        var similarity: Float
    }

    /// A cluster as clustering leaves it: its members, the representative first, and the
    /// stories joined to them through copies that are not copies of the representative
    /// (`linked`, in story order). These are not in the cluster, but they are part of what was
    /// joined: when the representative goes, a later commit clusters them again with the rest
    /// (`ClusterUpdate`), as a full computation would.
    struct Cluster: Equatable {
        var members: [Member]
        var linked: [(segment: Int, doc: Int)]

        static func == (a: Cluster, b: Cluster) -> Bool {
            a.members == b.members && a.linked.elementsEqual(b.linked) { $0.segment == $1.segment && $0.doc == $1.doc }
        }
    }

    /// Clusters of two stories or more, each representative first (the earliest story; the
    /// longest when dates tie or are unknown; stories without a date come after dated
    /// ones; the smallest story id last), the others by date then story id; clusters in the
    /// order of their first story.
    func clusters(segments: [SegmentReader], deletions: [DeletionSet?]) -> [Cluster] {
        let stories = NumberedStories(segments: segments, deletions: deletions)
        defer { stories.releaseFingerprints() }
        // Stories long enough to cluster, by number.
        var eligible: [UInt32] = []
        for s in segments.indices {
            stories.forEachLiveDocument(inSegment: s) { doc, number in
                if stories.isLongEnough(segment: s, doc: doc) { eligible.append(UInt32(number)) }
            }
        }
        let n = eligible.count
        guard n > 1 else { return [] }

        var joins = UnionFind(count: n)
        // Verifying a candidate pair reads two records anywhere in the segments: they are
        // copied out (`FingerprintCopies`), the group's first and the previous story's kept
        // while the group lasts.
        let copies = FingerprintCopies(stories)
        let size = Fingerprint.recordSize
        let buffers = UnsafeMutableRawBufferPointer.allocate(byteCount: 3 * size, alignment: 8)
        defer { buffers.deallocate() }
        let first = UnsafeMutableRawBufferPointer(rebasing: buffers[0..<size])
        var previous = UnsafeMutableRawBufferPointer(rebasing: buffers[size..<(2 * size)])
        var current = UnsafeMutableRawBufferPointer(rebasing: buffers[(2 * size)...])
        func copy(_ i: Int, into buffer: UnsafeMutableRawBufferPointer) { copies.read(Int(eligible[i]), into: buffer) }

        // One band at a time: a 32-bit key per story (`bandKey`) packed with the story's
        // place in `eligible`, so sorting by key groups equal keys, each group in story order.
        // In a group each story is joined to the first when it is a copy of it, else to its
        // predecessor when a copy of that.
        var entries: [UInt64] = []
        entries.reserveCapacity(n)
        var sorter = KeySort()
        for band in 0...Self.bands {
            entries.removeAll(keepingCapacity: true)
            // The eligible stories again, front to back (`i` is each one's place in `eligible`).
            var i = 0
            for s in segments.indices {
                stories.forEachLiveDocument(inSegment: s) { doc, _ in
                    guard stories.isLongEnough(segment: s, doc: doc) else { return }
                    entries.append(UInt64(Self.bandKey(segments[s].fingerprintBytes(doc), band: band)) << 32 | UInt64(i))
                    i += 1
                }
            }
            sorter.sort(&entries)
            var start = 0
            while start < n {
                let key = entries[start] >> 32
                var end = start + 1
                while end < n && entries[end] >> 32 == key { end += 1 }
                if end - start > 1 {
                    let head = Int(truncatingIfNeeded: entries[start] & 0xFFFF_FFFF)
                    copy(head, into: first)
                    previous.copyMemory(from: UnsafeRawBufferPointer(first))
                    var previousRead = true
                    for k in (start + 1)..<end {
                        let i = Int(truncatingIfNeeded: entries[k] & 0xFFFF_FFFF)
                        let root = joins.find(i), headRoot = joins.find(head)
                        if root == headRoot {
                            previousRead = false
                            continue
                        }
                        copy(i, into: current)
                        if isCopy(UnsafeRawBufferPointer(first), UnsafeRawBufferPointer(current)) {
                            joins.union(roots: headRoot, root)
                        } else {
                            let before = Int(truncatingIfNeeded: entries[k - 1] & 0xFFFF_FFFF)
                            let beforeRoot = joins.find(before)
                            if beforeRoot != root {
                                if !previousRead { copy(before, into: previous) }
                                if isCopy(UnsafeRawBufferPointer(previous), UnsafeRawBufferPointer(current)) {
                                    joins.union(roots: beforeRoot, root)
                                }
                            }
                        }
                        swap(&previous, &current)
                        previousRead = true
                    }
                }
                start = end
            }
        }
        entries = []
        defer { for segment in segments { segment.releaseDocumentTables() } }
        return joins.groups().compactMap { group in cluster(of: group.map { Int(eligible[$0]) }, in: stories, copies: copies) }
    }

    /// The key of a story's fingerprint `record` in `band`: the band's two 16-bit bins, or for
    /// the last band (`bands`) the low half of the exact hash, so equal texts always meet.
    static func bandKey(_ record: UnsafeRawBufferPointer, band: Int) -> UInt32 {
        if band == bands { return UInt32(truncatingIfNeeded: UInt64(littleEndian: record.loadUnaligned(as: UInt64.self))) }
        return UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 12 + 2 * band * rowsPerBand, as: UInt32.self))
    }

    /// The cluster of the joined stories `group` (story numbers, ascending): the
    /// representative, then those of the others that are copies of it, with their similarity
    /// to it, and the rest as linked; nil when no other is a copy of it.
    func cluster(of group: [Int], in stories: NumberedStories, copies: FingerprintCopies) -> Cluster? {
        guard let representative = group.min(by: stories.precedes) else { return nil }
        let rep = copies.record(representative)
        // A member must be a copy of the representative itself, not only linked to it
        // through others: chains of near copies otherwise join stories that merely
        // reuse one wire story's paragraphs.
        var others: [(number: Int, similarity: Float)] = [], linked: [(segment: Int, doc: Int)] = []
        for number in group where number != representative {
            let record = copies.record(number)
            let comparison = rep.withUnsafeBytes { a in record.withUnsafeBytes { b in Fingerprint.compare(a, b) } }
            if isCopy(comparison) {
                others.append((number, Float(comparison.overlap)))
            } else {
                linked.append(stories.address(number))
            }
        }
        guard !others.isEmpty else { return nil }
        others.sort { stories.listedBefore($0.number, $1.number) }
        func member(_ number: Int, _ similarity: Float) -> Member {
            let (s, doc) = stories.address(number)
            return Member(segment: s, doc: doc, similarity: similarity)
        }
        return Cluster(members: [member(representative, 1)] + others.map { member($0.number, $0.similarity) }, linked: linked)
    }
}
