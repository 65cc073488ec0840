@testable import NewsIndex

/// Indexes every file of `corpus` into a new index in `index`, commits, and opens it: the
/// fixture of the suites that search a handful of stories.
func indexedReader(of corpus: TemporaryDirectory, into index: TemporaryDirectory) throws -> IndexReader {
    let writer = try IndexWriter(directory: index.path, analyzer: .standard)
    _ = try writer.add(try IngestInput.resolve([corpus.path])) { _ in }
    try writer.commit()
    return try IndexReader(directory: index.path, analyzer: .standard)
}
