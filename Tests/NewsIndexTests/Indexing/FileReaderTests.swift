import Testing
@testable import NewsIndex

/// The reading half of `add` and `reindex`.
@Suite struct FileReaderTests {
    let corpus = TemporaryDirectory()

    func readOne(_ path: String, _ reader: FileReader) -> FileReader.ReadFile? {
        let queue = BoundedQueue<FileReader.Item>(capacity: 4, maxWeight: 1 << 20)
        reader.read([path], into: queue)
        queue.close()
        guard case .file(let file)? = queue.pop() else { return nil }
        return file
    }

    @Test func aFileWithTheContentHashOfAMovedOneIsNotParsed() throws {
        let path = corpus.write("a.txt", "Harbour cranes idle\n\nDock workers walked out.\n")
        let hash = try #require(readOne(path, FileReader(maxFileSize: 1 << 20, recordedHash: { _ in nil }))?.hash)
        var reader = FileReader(maxFileSize: 1 << 20, recordedHash: { _ in nil })
        reader.movedHashes = [hash]
        let file = try #require(readOne(path, reader))
        guard case .moved = file.outcome else {
            Issue.record("expected .moved, got \(file.outcome)")
            return
        }
    }

    @Test func aFileWithItsRecordedHashIsUnchangedAndNotParsed() throws {
        let path = corpus.write("a.txt", "Harbour cranes idle\n\nDock workers walked out.\n")
        let hash = try #require(readOne(path, FileReader(maxFileSize: 1 << 20, recordedHash: { _ in nil }))?.hash)
        let file = try #require(readOne(path, FileReader(maxFileSize: 1 << 20, recordedHash: { $0 == path ? hash : nil })))
        guard case .unchanged = file.outcome else {
            Issue.record("expected .unchanged, got \(file.outcome)")
            return
        }
    }
}
