/// The stories of a state's segments numbered one after another, segment by segment, with
/// what clustering reads of each through the map: date, length, story id, and fingerprints
/// front to back.
struct NumberedStories {
    let segments: [SegmentReader]
    let deletions: [DeletionSet?]
    /// The number of each segment's first document; the last entry is the total.
    let starts: [Int]

    init(segments: [SegmentReader], deletions: [DeletionSet?]) {
        self.segments = segments
        self.deletions = deletions
        var starts = [0]
        for segment in segments { starts.append(starts.last! + segment.documentCount) }
        self.starts = starts
    }

    /// Every document, live or deleted.
    var count: Int { starts.last! }

    func number(segment: Int, doc: Int) -> Int { starts[segment] + doc }

    func address(_ number: Int) -> (segment: Int, doc: Int) {
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= number { lo = mid } else { hi = mid - 1 }
        }
        return (lo, number - starts[lo])
    }

    func isDeleted(segment: Int, doc: Int) -> Bool { deletions[segment]?.contains(doc) ?? false }

    /// Whether the story has enough word runs to be compared at all (`Fingerprint.minimumShingles`).
    func isLongEnough(segment: Int, doc: Int) -> Bool {
        let shingles = UInt32(littleEndian: segments[segment].fingerprints.loadUnaligned(
            fromByteOffset: doc * Fingerprint.recordSize + 8, as: UInt32.self))
        return shingles >= UInt32(Fingerprint.minimumShingles)
    }

    /// Whether `a` comes before `b` as a cluster's representative: the earlier date (stories
    /// without one after dated ones), then the longer story, then the smaller story id.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let (sa, da) = address(a), (sb, db) = address(b)
        let dayA = segments[sa].dayNumber(da), dayB = segments[sb].dayNumber(db)
        if dayA != dayB { return Self.earlier(dayA, dayB) }
        let la = segments[sa].tokenCount(da), lb = segments[sb].tokenCount(db)
        if la != lb { return la > lb }
        return segments[sa].storyID(da) < segments[sb].storyID(db)
    }

    /// Whether `a` comes before `b` among a cluster's other members: by date, then story id.
    func listedBefore(_ a: Int, _ b: Int) -> Bool {
        let (sa, da) = address(a), (sb, db) = address(b)
        let dayA = segments[sa].dayNumber(da), dayB = segments[sb].dayNumber(db)
        if dayA != dayB { return Self.earlier(dayA, dayB) }
        return segments[sa].storyID(da) < segments[sb].storyID(db)
    }

    private static func earlier(_ a: Int32, _ b: Int32) -> Bool {
        if a == SegmentFormat.noDate { return false }
        if b == SegmentFormat.noDate { return true }
        return a < b
    }

    /// Drops the fingerprint pages read so far from memory (they are read again if needed).
    func releaseFingerprints() {
        for segment in segments { segment.file.release(segment.fingerprints) }
    }

    /// Calls `body` with each live document of segment `s` and its number, front to back,
    /// dropping the segment's fingerprint pages every `NearDuplicateClustering.releaseEvery`
    /// documents and at the end, so a walk's memory does not grow with the index.
    func forEachLiveDocument(inSegment s: Int, _ body: (_ doc: Int, _ number: Int) -> Void) {
        let segment = segments[s]
        for doc in 0..<segment.documentCount {
            if doc % NearDuplicateClustering.releaseEvery == NearDuplicateClustering.releaseEvery - 1 {
                segment.file.release(segment.fingerprints)
            }
            if !isDeleted(segment: s, doc: doc) { body(doc, starts[s] + doc) }
        }
        segment.file.release(segment.fingerprints)
    }
}
