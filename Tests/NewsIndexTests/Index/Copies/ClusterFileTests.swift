import Foundation
import Testing
@testable import NewsIndex

/// The cluster file as written and read back, in both versions.
@Suite struct ClusterFileTests {
    let folder = TemporaryDirectory()
    static let segments: [(id: UInt64, documentCount: Int)] = [(7, 4), (9, 3)]
    typealias Member = NearDuplicateClustering.Member

    static let clusters = [
        NearDuplicateClustering.Cluster(members: [Member(segment: 0, doc: 1, similarity: 1), Member(segment: 1, doc: 2, similarity: 0.9)],
                                        linked: [(segment: 1, doc: 0)]),
        NearDuplicateClustering.Cluster(members: [Member(segment: 0, doc: 3, similarity: 1), Member(segment: 0, doc: 0, similarity: 0.85)],
                                        linked: []),
    ]

    func open(_ bytes: [UInt8]) throws -> ClusterFile {
        let path = folder.write("clusters-1", bytes: bytes)
        return try ClusterFile(path: path, name: "clusters-1", segments: Self.segments)
    }

    @Test func membersAndLinkedStoriesReadBackAsWritten() throws {
        let file = try open(ClusterFile.serialize(Self.clusters, segments: Self.segments))
        #expect(file.allClusters() == Self.clusters)
        #expect(file.verifyChecksum())
    }

    @Test func aLinkedStoryBelongsToNoClusterForASearch() throws {
        let file = try open(ClusterFile.serialize(Self.clusters, segments: Self.segments))
        #expect(file.cluster(segment: 1, doc: 0) == nil)
        #expect(file.cluster(segment: 1, doc: 2) == 0)
        #expect(file.cluster(segment: 0, doc: 0) == 1)
    }

    @Test func aVersion1FileReadsWithNoLinkedStories() throws {
        // Version 1 is version 2 without the linked block (count and starts, no entries here).
        let unlinked = Self.clusters.map { NearDuplicateClustering.Cluster(members: $0.members, linked: []) }
        var bytes = ClusterFile.serialize(unlinked, segments: Self.segments)
        bytes.removeLast(4 + 4 + 4 * (unlinked.count + 1))
        bytes.replaceSubrange(8..<12, with: [1, 0, 0, 0])
        let crc = CRC32.checksum(bytes)
        bytes += (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
        let file = try open(bytes)
        #expect(file.allClusters() == unlinked)
        #expect(file.verifyChecksum())
    }

    @Test func aFileOfAnotherSizeThanItsTablesIsCorrupt() throws {
        var bytes = ClusterFile.serialize(Self.clusters, segments: Self.segments)
        bytes.insert(0, at: bytes.count - 4)
        #expect(throws: IndexError.self) { try open(bytes) }
    }
}
