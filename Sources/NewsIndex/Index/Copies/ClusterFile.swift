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
///     checksum   CRC-32 of everything before it, u32
final class ClusterFile: @unchecked Sendable {
    static let magic: [UInt8] = Array("NIDXCLU1".utf8)
    static let version: UInt32 = 1
    static let headerSize = 24
    static let memberSize = 12

    static func fileName(generation: UInt64) -> String { "clusters-\(generation)" }

    let file: MappedFile
    let clusterCount: Int
    private let documentTables: [Int]
    private let clusterTable: Int
    private let memberTable: Int
    private let memberCount: Int

    /// Maps `path` and checks that it describes exactly `segments` (ids and document counts).
    init(path: String, name: String, segments: [(id: UInt64, documentCount: Int)]) throws(IndexError) {
        file = try MappedFile(path: path)
        let bytes = file.bytes
        func corrupt(_ detail: String) -> IndexError { .corrupt(file: name, detail: detail) }
        guard bytes.count >= Self.headerSize + 4, bytes.prefix(8).elementsEqual(Self.magic) else {
            throw corrupt("not a newsidx cluster file")
        }
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        guard u32(8) == Int(Self.version) else {
            throw .unsupportedFormat(file: name, found: u32(8), supported: Int(Self.version))
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
        guard bytes.count == memberTable + Self.memberSize * memberCount + 4 else { throw corrupt("size does not match its tables") }
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
        let start = min(u32(clusterTable + 4 * number), memberCount)
        let end = min(max(u32(clusterTable + 4 * number + 4), start), memberCount)
        return (start..<end).map { m in
            let at = memberTable + Self.memberSize * m
            return NearDuplicateClustering.Member(
                segment: u32(at), doc: u32(at + 4),
                similarity: Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))))
        }
    }

    /// The number of members of cluster `number`.
    func size(_ number: Int) -> Int {
        let bytes = file.bytes
        let start = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: clusterTable + 4 * number, as: UInt32.self)))
        let end = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: clusterTable + 4 * number + 4, as: UInt32.self)))
        return max(0, end - start)
    }

    /// Whether the checksum matches the contents (`newsidx check`; not on every search).
    func verifyChecksum() -> Bool {
        let body = UnsafeRawBufferPointer(rebasing: file.bytes[..<(file.bytes.count - 4)])
        return CRC32.checksum(body) == UInt32(littleEndian: file.bytes.loadUnaligned(fromByteOffset: file.bytes.count - 4, as: UInt32.self))
    }

    /// Clusters the live stories of `segments` (read through `readers`, with their
    /// `deletions`) and writes the file durably to `path`: a commit, and a repair that
    /// dropped segments or found this file damaged, both do.
    static func write(for segments: [Manifest.Segment], readers: [SegmentReader], deletions: [DeletionSet?],
                      threshold: Double, to path: String) throws(IndexError) {
        let clusters = NearDuplicateClustering(threshold: threshold).clusters(segments: readers, deletions: deletions)
        try FileSystem.writeDurably(path, serialize(clusters, segments: segments.map { ($0.id, $0.documentCount) }))
    }

    /// The file's bytes for `clusters` over `segments` (id and document count each).
    static func serialize(_ clusters: [[NearDuplicateClustering.Member]],
                          segments: [(id: UInt64, documentCount: Int)]) -> [UInt8] {
        let memberCount = clusters.reduce(0) { $0 + $1.count }
        var out = ByteBuffer(capacity: headerSize + segments.reduce(0) { $0 + 16 + 4 * $1.documentCount } + 16 * memberCount + 8)
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
        for (c, members) in clusters.enumerated() {
            for m in members { out.setUInt32(UInt32(c + 1), at: tables[m.segment] + 4 * m.doc) }
        }
        var start: UInt32 = 0
        out.appendUInt32(0)
        for members in clusters {
            start += UInt32(members.count)
            out.appendUInt32(start)
        }
        for members in clusters {
            for m in members {
                out.appendUInt32(UInt32(m.segment))
                out.appendUInt32(UInt32(m.doc))
                out.appendUInt32(m.similarity.bitPattern)
            }
        }
        out.appendUInt32(CRC32.checksum(out.bytes))
        return out.bytes
    }
}
