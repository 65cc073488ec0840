import ArgumentParser
import NewsIndex

/// `newsidx compact`: merge every segment into one.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Merge the index into one segment, dropping replaced and deleted stories.",
        discussion: """
            Writers already keep the number of segments small (a tier of 8 similar segments is \
            merged into one); compacting an archive that no longer grows makes its searches as \
            fast as they can be. Searches go on meanwhile and see the new segment when it is \
            published. Exit status: 0 when done (or already compact), 2 when there is no index, \
            3 when it cannot be read or written, 75 when another writer holds it past --wait.
            """
    )

    @OptionGroup var location: IndexOptions
    @OptionGroup var turn: WriterTurnOptions

    func run() throws {
        var options = IndexWriter.Options()
        options.lockWait = turn.wait
        let (before, after, changed) = try withIndex { () throws(IndexError) in
            let before = try IndexReader(directory: location.directory, analyzer: .standard)
            let bytesBefore = try before.bytesOnDisk()
            let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: options)
            let changed = try writer.compact()
            let after = try IndexReader(directory: location.directory, analyzer: .standard)
            return ((before.manifest.segments.count, bytesBefore),
                    (after.manifest.segments.count, try after.bytesOnDisk(), after.documentCount), changed)
        }
        guard !turn.quiet else { return }
        if changed {
            Terminal.output("compacted \(before.0) \(before.0 == 1 ? "segment" : "segments") into \(after.0): "
                + "\(after.2) \(after.2 == 1 ? "story" : "stories"), \(Format.megabytes(before.1)) → \(Format.megabytes(after.1))\n")
        } else {
            Terminal.output("already compact: \(after.0) \(after.0 == 1 ? "segment" : "segments"), \(after.2) \(after.2 == 1 ? "story" : "stories")\n")
        }
    }
}
