import ArgumentParser
import NewsIndex

/// `newsidx reindex`: bring the index in line with its corpus roots, from cron.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rescan every corpus root: add new files, update changed ones, drop removed ones.",
        discussion: """
            The roots are the folders given to add (for a file, its folder); newsidx roots \
            lists them. A file whose size and modification time are as recorded is not read; \
            a moved file keeps its story and id without being parsed again. When nothing \
            changed, nothing in the index is rewritten. A root that is missing or empty while \
            the index holds stories from it (an unmounted disk) is not scanned: a warning says \
            so and its stories are kept (newsidx roots rm forgets it). Exit status, as for \
            add: 0 done (skipped files and unscanned roots are warnings on stderr), 2 no index \
            or bad arguments, 3 the index cannot be read or written, 75 another writer holds \
            the index past --wait.
            """
    )

    @OptionGroup var location: IndexOptions
    @OptionGroup var writing: WriterOptions

    func run() throws {
        let progress = ProgressLine(enabled: !writing.quiet && Terminal.stderrIsTerminal)
        let (summary, roots) = try withIndex { () throws(IndexError) -> (AddSummary, Int) in
            defer { progress.clear() }
            // An index must exist: reindex has no roots to create one from.
            _ = try IndexReader(directory: location.directory, analyzer: .standard)
            let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: writing.writerOptions)
            let summary = try writer.reindex { WriterOptions.report($0, progress) }
            try writer.commit()
            return (summary, writer.rootCount)
        }
        guard !writing.quiet else { return }
        Terminal.output("\(roots) \(roots == 1 ? "root" : "roots"): "
            + AddCommand.describe(summary, seconds: progress.elapsedSeconds) + "\n")
    }
}
