import ArgumentParser
import NewsIndex

/// The options of the commands that index files (`add`, `reindex`).
struct WriterOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors and warnings.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Skip files larger than this many megabytes.", valueName: "MB"))
    var maxFileSize: Int = 64

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another writer before exiting with status 75.", valueName: "SECONDS"))
    var wait: Double = 30

    @Option(name: .long, help: ArgumentHelp(
        "Memory indexing may take; the segment being built is written out at 60% of it.", valueName: "MB"))
    var memory: Int = 128

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of megabytes") }
        guard wait >= 0 else { throw ValidationError("--wait must be zero or more seconds") }
        guard memory >= 16 else { throw ValidationError("--memory must be at least 16 (megabytes)") }
    }

    var writerOptions: IndexWriter.Options {
        var options = IndexWriter.Options()
        options.maxFileSize = maxFileSize << 20
        options.lockWait = wait
        options.memoryBudget = memory << 20
        return options
    }

    /// Reports a writer's event on stderr: warnings always (cron mails them), progress on a
    /// terminal unless `--quiet`.
    static func report(_ event: AddEvent, _ progress: ProgressLine) {
        switch event {
        case .skipped(let path, let reason):
            progress.clear()
            Terminal.warning("\(Terminal.displayPath(path)): skipped: \(reason)")
        case .note(let path, let message):
            progress.clear()
            Terminal.warning("\(Terminal.displayPath(path)): \(message)")
        case .rootUnavailable(let path, let reason):
            progress.clear()
            Terminal.warning("\(path): corpus root not scanned (\(reason)); its stories are kept. "
                + "If it is gone for good: newsidx roots rm \(path)")
        case .progress(let p):
            progress.update(p)
        }
    }
}
