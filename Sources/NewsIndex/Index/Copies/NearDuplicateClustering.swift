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
/// at a time, plus the clusters' members: 16 bytes a story, 16 MB for a million.
/// Fingerprints are read from the mapped segments, each pass dropping the pages it read.
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
    /// Candidate pairs verified between two drops of the fingerprint pages they read: at
    /// most 16,384 records, 64 MB of pages (twice that if every record straddled two).
    /// Every 256 pairs, a reindex of 100 new stories at 1.14 million spent half its 32 s
    /// reading the same pages again; at 8192, 16 s, with the same peak memory (248 MB,
    /// which is reached elsewhere).
    static let releaseEveryComparisons = 8192
    static let rowsPerBand = 2

    var threshold = Self.defaultThreshold
    /// The Jaccard overlap below which two stories are never copies, however much of the
    /// shorter the longer holds: a short text inside one more than about three times as
    /// long is a quotation, a digest's item or shared boilerplate (a site's blurb), not a
    /// copy of it. So a copy cut to less than about a third of its story is not found.
    static let minimumJaccard = 0.3

    /// Whether two stored fingerprints are copies of one story.
    func isCopy(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let (jaccard, overlap) = Fingerprint.compare(a, b)
        return overlap >= threshold && jaccard >= Self.minimumJaccard
    }

    /// A story in a cluster: where it is, and its similarity to the cluster's representative.
    struct Member: Equatable {
        var segment: Int
        var doc: Int
        var similarity: Float
    }

    /// Clusters of two stories or more, each representative first (the earliest story; the
    /// longest when dates tie or are unknown; stories without a date come after dated
    /// ones; the smallest story id last), the others by date then story id.
    func clusters(segments: [SegmentReader], deletions: [DeletionSet?]) -> [[Member]] {
        // Stories are numbered across segments (`starts`); those long enough to cluster
        // are listed by that number.
        var starts = [0]
        for segment in segments { starts.append(starts.last! + segment.documentCount) }
        var eligible: [UInt32] = []
        for (s, segment) in segments.enumerated() {
            for doc in 0..<segment.documentCount where !(deletions[s]?.contains(doc) ?? false) {
                let shingles = UInt32(littleEndian: segment.fingerprints.loadUnaligned(
                    fromByteOffset: doc * Fingerprint.recordSize + 8, as: UInt32.self))
                if doc % Self.releaseEvery == Self.releaseEvery - 1 { segment.file.release(segment.fingerprints) }
                guard shingles >= UInt32(Fingerprint.minimumShingles) else { continue }
                eligible.append(UInt32(starts[s] + doc))
            }
            segment.file.release(segment.fingerprints)
        }
        let n = eligible.count
        guard n > 1 else { return [] }
        func address(_ i: Int) -> (segment: Int, doc: Int) {
            let number = Int(eligible[i])
            var lo = 0, hi = segments.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= number { lo = mid } else { hi = mid - 1 }
            }
            return (lo, number - starts[lo])
        }
        func record(_ i: Int) -> UnsafeRawBufferPointer {
            let (s, doc) = address(i)
            return segments[s].fingerprintBytes(doc)
        }

        var parent = [Int32](0..<Int32(n))
        func find(_ i: Int) -> Int {
            var r = i
            while parent[r] != Int32(r) { r = Int(parent[r]) }
            var j = i
            while parent[j] != Int32(r) { let next = Int(parent[j]); parent[j] = Int32(r); j = next }
            return r
        }
        // Verifying candidates reads fingerprints anywhere, a page or two a pair: what it
        // read is dropped from memory every `releaseEveryComparisons` pairs.
        var comparisons = 0
        func join(_ a: Int, _ b: Int) -> Bool {
            let ra = find(a), rb = find(b)
            if ra == rb { return true }
            comparisons += 1
            if comparisons % Self.releaseEveryComparisons == 0 { for segment in segments { segment.file.release(segment.fingerprints) } }
            if !isCopy(record(a), record(b)) { return false }
            if ra < rb { parent[rb] = Int32(ra) } else { parent[ra] = Int32(rb) }
            return true
        }

        // One band at a time: a 32-bit key per story (the band's two 16-bit bins, or for
        // the last pass the low half of the exact hash) packed with the story's number, so
        // a plain sort groups equal keys, each group in story order.
        var entries: [UInt64] = []
        entries.reserveCapacity(n)
        for band in 0...Self.bands {
            entries.removeAll(keepingCapacity: true)
            var s = 0
            for i in 0..<n {
                let number = Int(eligible[i])
                while number >= starts[s + 1] {
                    // Read front to back: dropped from memory as the pass leaves each segment.
                    segments[s].file.release(segments[s].fingerprints)
                    s += 1
                }
                let doc = number - starts[s]
                if doc % Self.releaseEvery == Self.releaseEvery - 1 { segments[s].file.release(segments[s].fingerprints) }
                let r = segments[s].fingerprintBytes(doc)
                let key: UInt32
                if band == Self.bands {
                    key = UInt32(truncatingIfNeeded: UInt64(littleEndian: r.loadUnaligned(as: UInt64.self)))
                } else {
                    key = UInt32(littleEndian: r.loadUnaligned(fromByteOffset: 12 + 2 * band * Self.rowsPerBand, as: UInt32.self))
                }
                entries.append(UInt64(key) << 32 | UInt64(i))
            }
            segments[s].file.release(segments[s].fingerprints)
            entries.sort()
            var start = 0
            while start < n {
                let key = entries[start] >> 32
                var end = start + 1
                while end < n && entries[end] >> 32 == key { end += 1 }
                if end - start > 1 {
                    let first = Int(truncatingIfNeeded: entries[start] & 0xFFFF_FFFF)
                    for k in (start + 1)..<end {
                        let i = Int(truncatingIfNeeded: entries[k] & 0xFFFF_FFFF)
                        if !join(first, i) { _ = join(Int(truncatingIfNeeded: entries[k - 1] & 0xFFFF_FFFF), i) }
                    }
                }
                start = end
            }
            for segment in segments { segment.file.release(segment.fingerprints) }
        }
        entries = []

        // Members grouped by their root, in one pass: a count per root, then offsets.
        var size = [Int32](repeating: 0, count: n)
        for i in 0..<n { size[find(i)] += 1 }
        var groups: [[Int]] = []
        var slot = [Int32](repeating: -1, count: n)
        for i in 0..<n where size[find(i)] > 1 {
            let r = find(i)
            if slot[r] < 0 {
                slot[r] = Int32(groups.count)
                groups.append([])
            }
            groups[Int(slot[r])].append(i)
        }
        defer { for segment in segments { segment.file.release(segment.fingerprints) } }
        return groups.map { group in
            func date(_ i: Int) -> Int32 { let (s, doc) = address(i); return segments[s].dayNumber(doc) }
            func tokens(_ i: Int) -> UInt32 { let (s, doc) = address(i); return segments[s].tokenCount(doc) }
            func storyID(_ i: Int) -> UInt64 { let (s, doc) = address(i); return segments[s].storyID(doc) }
            func before(_ a: Int, _ b: Int) -> Bool {
                let da = date(a), db = date(b)
                if da != db {
                    if da == SegmentFormat.noDate { return false }
                    if db == SegmentFormat.noDate { return true }
                    return da < db
                }
                let la = tokens(a), lb = tokens(b)
                if la != lb { return la > lb }
                return storyID(a) < storyID(b)
            }
            let representative = group.min(by: before)!
            var others = group.filter { $0 != representative }
            others.sort { a, b in
                let da = date(a), db = date(b)
                if da != db { return da == SegmentFormat.noDate ? false : db == SegmentFormat.noDate ? true : da < db }
                return storyID(a) < storyID(b)
            }
            let rep = record(representative)
            // A member must be a copy of the representative itself, not only linked to it
            // through others: chains of near copies otherwise join stories that merely
            // reuse one wire story's paragraphs.
            others.removeAll { !isCopy(rep, record($0)) }
            return ([representative] + others).map { i in
                Member(segment: address(i).segment, doc: address(i).doc,
                       similarity: i == representative ? 1 : Float(Fingerprint.similarity(rep, record(i))))
            }
        }.filter { $0.count > 1 }
    }
}
