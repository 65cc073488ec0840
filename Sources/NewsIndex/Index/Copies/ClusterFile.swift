/// The near-duplicate clusters of one committed state, `clusters-<gen>`: written by the
/// commit that publishes the manifest naming it, never changed after, read through mmap.
///
/// Clusters are an index-wide structure (a copy in one segment joins a story in another),
/// so they live beside the manifest, like Lucene's per-commit files, rather than in any
/// segment; segments carry only each story's fingerprint. A search maps the file and
/// reads the few entries its hits need: nothing is decoded up front.
///
/// Layout, little-endian:
///
///     header     "NIDXCLU1", version u32, segment count u32, cluster count u32, member count u32
///     segments   per segment of the manifest, in its order: id u64, document count u32, 0 u32
///     documents  per segment, per document: its cluster's number + 1, or 0 for a story
///                with no copy (u32)
///     clusters   (cluster count + 1) u32: where each cluster's members start in `members`
///     members    per member: segment's position u32, document u32, similarity to the
///                representative (f32); the representative first
///     linked     (version 2) linked count u32; (cluster count + 1) u32: where each
///                cluster's linked stories start; per linked story: segment's position u32,
///                document u32 (`NearDuplicateClustering.Cluster.linked`: joined to the
///                members, not copies of the representative; in no cluster for a search)
///     checksum   CRC-32 of everything before it, u32
///
/// Version 1 files (no linked stories) are read as they are.
final class ClusterFile: @unchecked Sendable {
    static let magic: [UInt8] = Array("NIDXCLU1".utf8)
    static let version: UInt32 = 2
    static let headerSize = 24
    static let memberSize = 12
    static let linkedSize = 8

    static func fileName(generation: UInt64) -> String { "clusters-\(generation)" }

    let file: MappedFile
    let clusterCount: Int
    private let documentTables: [Int]
    private let clusterTable: Int
    private let memberTable: Int
    private let memberCount: Int
    /// Where the linked stories' starts and entries are; nil in a version 1 file.
    private let linkedTables: (starts: Int, entries: Int, count: Int)?

    /// Maps `path` and checks that it describes exactly `segments` (ids and document counts).
    init(path: String, name: String, segments: [(id: UInt64, documentCount: Int)]) throws(IndexError) {
        file = try MappedFile(path: path)
        let bytes = file.bytes
        func corrupt(_ detail: String) -> IndexError { .corrupt(file: name, detail: detail) }
        guard bytes.count >= Self.headerSize + 4, bytes.prefix(8).elementsEqual(Self.magic) else {
            throw corrupt("not a newsidx cluster file")
        }
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        let version = u32(8)
        guard version == 1 || version == Int(Self.version) else {
            throw .unsupportedFormat(file: name, found: version, supported: Int(Self.version))
        }
        guard u32(12) == segments.count else { throw corrupt("lists \(u32(12)) segments, the manifest \(segments.count)") }
        clusterCount = u32(16)
        memberCount = u32(20)
        var at = Self.headerSize
        var tables: [Int] = []
        var documents = 0
        guard bytes.count >= at + 16 * segments.count else { throw corrupt("truncated") }
        for segment in segments {
            let id = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            guard id == segment.id, u32(at + 8) == segment.documentCount else {
                throw corrupt("does not describe segment \(segment.id) as the manifest does")
            }
            documents += segment.documentCount
            at += 16
        }
        for segment in segments {
            tables.append(at)
            at += 4 * segment.documentCount
        }
        documentTables = tables
        clusterTable = at
        memberTable = clusterTable + 4 * (clusterCount + 1)
        let membersEnd = memberTable + Self.memberSize * memberCount
        if version == 1 {
            linkedTables = nil
            guard bytes.count == membersEnd + 4 else { throw corrupt("size does not match its tables") }
        } else {
            guard bytes.count >= membersEnd + 8 else { throw corrupt("size does not match its tables") }
            let count = u32(membersEnd)
            let starts = membersEnd + 4
            let entries = starts + 4 * (clusterCount + 1)
            linkedTables = (starts, entries, count)
            guard bytes.count == entries + Self.linkedSize * count + 4 else { throw corrupt("size does not match its tables") }
        }
        _ = documents
    }

    /// The cluster number of a document, or nil for a story with no copy.
    func cluster(segment: Int, doc: Int) -> Int? {
        let v = UInt32(littleEndian: file.bytes.loadUnaligned(fromByteOffset: documentTables[segment] + 4 * doc, as: UInt32.self))
        return v == 0 || Int(v) > clusterCount ? nil : Int(v) - 1
    }

    /// The members of cluster `number`, the representative first.
    func members(_ number: Int) -> [NearDuplicateClustering.Member] {
        let bytes = file.bytes
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        return entries(of: number, startsAt: clusterTable, count: memberCount).map { m in
            let at = memberTable + Self.memberSize * m
            return NearDuplicateClustering.Member(
                segment: u32(at), doc: u32(at + 4),
                similarity: Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))))
        }
    }

    /// Cluster `number`'s entries in a table of `count` entries whose per-cluster starts
    /// are at `starts`, kept within the table however the starts read.
    private func entries(of number: Int, startsAt starts: Int, count: Int) -> Range<Int> {
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: file.bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        let start = min(u32(starts + 4 * number), count)
        return start..<min(max(u32(starts + 4 * number + 4), start), count)
    }

    /// Whether the checksum matches the contents (`newsidx check`; not on every search).
    func verifyChecksum() -> Bool {
        let body = UnsafeRawBufferPointer(rebasing: file.bytes[..<(file.bytes.count - 4)])
        return CRC32.checksum(body) == UInt32(littleEndian: file.bytes.loadUnaligned(fromByteOffset: file.bytes.count - 4, as: UInt32.self))
    }

    /// The linked stories of cluster `number` (none in a version 1 file).
    func linked(_ number: Int) -> [(segment: Int, doc: Int)] {
        guard let tables = linkedTables else { return [] }
        let bytes = file.bytes
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        return entries(of: number, startsAt: tables.starts, count: tables.count).map { k in
            let at = tables.entries + Self.linkedSize * k
            return (u32(at), u32(at + 4))
        }
    }

    /// Every cluster, its members and its linked stories: what a commit carries over.
    func allClusters() -> [NearDuplicateClustering.Cluster] {
        (0..<clusterCount).map { NearDuplicateClustering.Cluster(members: members($0), linked: linked($0)) }
    }

    /// Clusters the live stories of `segments` (read through `readers`, with their
    /// `deletions`) from scratch and writes the file durably to `path`: a repair that
    /// dropped segments or found this file damaged does.
    static func write(for segments: [Manifest.Segment], readers: [SegmentReader], deletions: [DeletionSet?],
                      threshold: Double, to path: String) throws(IndexError) {
        let clusters = NearDuplicateClustering(threshold: threshold).clusters(segments: readers, deletions: deletions)
        try write(clusters, for: segments, to: path)
    }

    /// Writes `clusters` of `segments` durably to `path`.
    static func write(_ clusters: [NearDuplicateClustering.Cluster], for segments: [Manifest.Segment],
                      to path: String) throws(IndexError) {
        try FileSystem.writeDurably(path, serialize(clusters, segments: segments.map { ($0.id, $0.documentCount) }))
    }

    /// The file's bytes for `clusters` over `segments` (id and document count each).
    static func serialize(_ clusters: [NearDuplicateClustering.Cluster],
                          segments: [(id: UInt64, documentCount: Int)]) -> [UInt8] {
        let memberCount = clusters.reduce(0) { $0 + $1.members.count }
        let linkedCount = clusters.reduce(0) { $0 + $1.linked.count }
        var out = ByteBuffer(capacity: headerSize + segments.reduce(0) { $0 + 16 + 4 * $1.documentCount }
                                 + 8 * clusters.count + memberSize * memberCount + linkedSize * linkedCount + 16)
        out.append(contentsOf: magic)
        out.appendUInt32(version)
        out.appendUInt32(UInt32(segments.count))
        out.appendUInt32(UInt32(clusters.count))
        out.appendUInt32(UInt32(memberCount))
        for segment in segments {
            out.appendUInt64(segment.id)
            out.appendUInt32(UInt32(segment.documentCount))
            out.appendUInt32(0)
        }
        var tables: [Int] = []
        for segment in segments {
            tables.append(out.count)
            out.append(contentsOf: repeatElement(0, count: 4 * segment.documentCount))
        }
        for (c, cluster) in clusters.enumerated() {
            for m in cluster.members { out.setUInt32(UInt32(c + 1), at: tables[m.segment] + 4 * m.doc) }
        }
        appendStarts(clusters.map(\.members.count), to: &out)
        for cluster in clusters {
            for m in cluster.members {
                out.appendUInt32(UInt32(m.segment))
                out.appendUInt32(UInt32(m.doc))
                out.appendUInt32(m.similarity.bitPattern)
            }
        }
        out.appendUInt32(UInt32(linkedCount))
        appendStarts(clusters.map(\.linked.count), to: &out)
        for cluster in clusters {
            for story in cluster.linked {
                out.appendUInt32(UInt32(story.segment))
                out.appendUInt32(UInt32(story.doc))
            }
        }
        out.appendUInt32(CRC32.checksum(out.bytes))
        return out.bytes
    }

    /// Where each cluster's entries start in a table of `counts` entries a cluster, and
    /// where the last ends: (clusters + 1) u32.
    private static func appendStarts(_ counts: [Int], to out: inout ByteBuffer) {
        var start: UInt32 = 0
        out.appendUInt32(0)
        for count in counts {
            start += UInt32(count)
            out.appendUInt32(start)
        }
    }
}
