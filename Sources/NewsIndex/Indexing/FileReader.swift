/// The reading half of `add`: walks the inputs, reads and hashes each file, and parses it
/// into stories unless its hash shows it unchanged. Runs on its own thread and hands its
/// results over a `BoundedQueue`.
struct FileReader: Sendable {
    let maxFileSize: Int
    /// The recorded content hash of the committed single-story file at an absolute path
    /// (`CommittedFiles`): a file read with that hash is unchanged and is not parsed.
    let recordedHash: @Sendable (String) -> UInt64?
    /// Content hashes of single-story files that `reindex` found gone from their paths: a
    /// file read with one of these is that story moved, and is not parsed.
    var movedHashes: Set<UInt64> = []

    /// One file, read.
    struct ReadFile: Sendable {
        enum Outcome: Sendable {
            case unchanged
            /// The content of a file that disappeared elsewhere (`movedHashes`); not parsed.
            case moved
            case stories([Story])
            case skipped(String)
        }

        var path: String
        var size: Int
        var mtimeNanoseconds: Int64
        var hash: UInt64
        var outcome: Outcome
    }

    enum Item: Sendable {
        case file(ReadFile)
        /// A file or folder the walk could not enter or read.
        case skipped(path: String, reason: String)
    }

    /// Reads every file under `paths` in walk order; stops early when the queue is cancelled.
    func read(_ paths: [String], into queue: BoundedQueue<Item>) {
        let parser = StoryReader(maxSize: maxFileSize)
        for path in paths {
            var stop = false
            CorpusWalker().walk(path, onFile: { file in
                guard !stop else { return }
                let item = read(file, parser: parser)
                stop = !queue.push(.file(item), weight: item.size)
            }, onWarning: { file, reason in
                guard !stop else { return }
                stop = !queue.push(.skipped(path: file, reason: reason))
            })
            if stop { return }
        }
    }

    private func read(_ path: String, parser: StoryReader) -> ReadFile {
        var result = ReadFile(path: path, size: 0, mtimeNanoseconds: 0, hash: 0, outcome: .unchanged)
        guard StoryFormat.isCandidate(StoryFormat.nameInside(path).name) else {
            result.outcome = .skipped(IngestError.unsupportedFormat(path: path).description)
            return result
        }
        let file: SourceFile
        switch SourceFile.read(path, maxSize: maxFileSize) {
        case .success(let f): file = f
        case .failure(let reason):
            result.outcome = .skipped(reason.description)
            return result
        }
        result.size = file.bytes.count
        result.mtimeNanoseconds = file.mtimeNanoseconds
        result.hash = ContentHash.xxh64(file.bytes)
        if recordedHash(path) == result.hash { return result }
        if movedHashes.contains(result.hash) {
            result.outcome = .moved
            return result
        }
        do throws(IngestError) {
            result.outcome = .stories(try parser.read(file.bytes, path: path))
        } catch {
            result.outcome = .skipped(error.description)
        }
        return result
    }
}
