import Testing
@testable import NewsIndex

/// The `fileKeys` section: a segment's documents found by the file they came from.
@Suite struct FileKeyTableTests {
    let dir = TemporaryDirectory()

    func segment(_ id: UInt64, _ records: [DocumentRecord]) throws -> SegmentReader {
        var writer = SegmentWriter(analyzer: .standard)
        for record in records {
            writer.add(record, Story(title: record.path, titleIsHeadline: true, body: "Words of \(record.path)."))
        }
        let path = dir.path + "/" + SegmentFormat.fileName(segment: id)
        try writer.write(to: path)
        return try SegmentReader(id: id, path: path)
    }

    func record(_ path: String, root: UInt32 = 1, item: String? = nil, id: UInt64 = 1) -> DocumentRecord {
        DocumentRecord(storyID: id, rootID: root, path: path, item: item, contentHash: id, fileSize: 1, mtimeNanoseconds: 0)
    }

    func table(_ entries: [UInt64]) -> [UInt8] {
        var entries = entries
        return FileKeyTable.encode(&entries)
    }

    @Test func encodingSortsByHashThenDocument() {
        let bytes = table([7 << 32 | 2, 3 << 32 | 5, 7 << 32 | 1, 3 << 32 | 0])
        bytes.withUnsafeBytes { raw in
            let t = FileKeyTable(raw)
            #expect((0..<t.count).map { t.hash(at: $0) } == [3, 3, 7, 7])
            #expect((0..<t.count).map { t.document(at: $0) } == [0, 5, 1, 2])
        }
    }

    @Test(arguments: [(UInt32(3), 0..<2), (7, 2..<5), (1, 0..<0), (5, 2..<2), (9, 5..<5)])
    func lookupFindsEveryEntryOfAHash(hash: UInt32, expected: Range<Int>) {
        let bytes = table([3 << 32 | 0, 3 << 32 | 1, 7 << 32 | 2, 7 << 32 | 3, 7 << 32 | 4])
        bytes.withUnsafeBytes { raw in #expect(FileKeyTable(raw).entries(withHash: hash) == expected) }
    }

    @Test func anEmptyTableFindsNothing() {
        [UInt8]().withUnsafeBytes { raw in #expect(FileKeyTable(raw).entries(withHash: 0).isEmpty) }
    }

    @Test func theHashDependsOnTheRoot() {
        #expect(FileKeyTable.hash(root: 1, path: "a.txt") != FileKeyTable.hash(root: 2, path: "a.txt"))
    }

    @Test func aFilesDocumentsAreFoundWithTheirFeedItems() throws {
        let s = try segment(1, [record("feed.rss", item: "x"), record("a.txt"), record("feed.rss", item: "y"), record("b.txt")])
        #expect(s.documents(root: 1, path: "feed.rss") == [0, 2])
        #expect(s.documents(root: 1, path: "b.txt") == [3])
        #expect(s.documents(root: 2, path: "a.txt").isEmpty)
        #expect(s.documents(root: 1, path: "c.txt").isEmpty)
    }

    @Test func filesWhoseHashesCollideAreToldApartByPath() throws {
        var first: [UInt32: String] = [:]
        var pair: (String, String)?
        for i in 0..<400_000 where pair == nil {
            let name = "story-\(i).txt"
            let hash = FileKeyTable.hash(root: 1, path: name)
            if let other = first[hash] { pair = (other, name) } else { first[hash] = name }
        }
        let (a, b) = try #require(pair)
        #expect(FileKeyTable.hash(root: 1, path: a) == FileKeyTable.hash(root: 1, path: b))
        let s = try segment(1, [record(a), record("other.txt"), record(b)])
        #expect(s.documents(root: 1, path: a) == [0])
        #expect(s.documents(root: 1, path: b) == [2])
    }

    @Test func aMergedSegmentFindsTheLiveDocumentsUnderTheirNewNumbers() throws {
        let a = try segment(1, (0..<30).map { record("a/\($0 % 10).txt", item: "\($0)") })
        let b = try segment(2, (0..<30).map { record("a/\($0 % 7).txt", item: "b\($0)") })
        var deleted = DeletionSet(documentCount: 30)
        for doc in [0, 10, 11] { deleted.insert(doc) }
        let path = dir.path + "/" + SegmentFormat.fileName(segment: 3)
        let outcome = try SegmentMerger([.init(segment: a, deletions: deleted), .init(segment: b, deletions: nil)]).write(to: path)
        let merged = try SegmentReader(id: 3, path: path)
        for name in (0..<10).map({ "a/\($0).txt" }) {
            var expected: [Int] = []
            for (s, source) in [a, b].enumerated() {
                expected += source.documents(root: 1, path: name).map { Int(outcome.documentMaps[s][$0]) }.filter { $0 >= 0 }
            }
            #expect(merged.documents(root: 1, path: name) == expected.sorted(), "\(name)")
        }
        #expect(merged.verifyStructure() == nil)
    }
}
