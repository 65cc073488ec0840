import ArgumentParser
import NewsIndex

/// `newsidx add PATH...`: index files and folders.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Index stories from files and folders: wire text, HTML pages, NewsML-G2/NITF, RSS/Atom, and .gz of these.",
        discussion: """
            Folders are walked recursively. Adding the same tree again changes nothing; a \
            changed file replaces its old version, keeping its story id. Files that cannot be \
            indexed (empty, binary, unreadable, too large, unsupported type) are skipped with a \
            warning naming each. Exit status: 0 when every path was processed, 2 when a path \
            does not exist (nothing is indexed then), 3 when the index cannot be written, 75 \
            when another writer holds the index past --wait.
            """
    )

    @OptionGroup var location: IndexOptions

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Skip files larger than this many megabytes.", valueName: "MB"))
    var maxFileSize: Int = 64

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another writer before exiting with status 75.", valueName: "SECONDS"))
    var wait: Double = 30

    @Option(name: .long, help: ArgumentHelp(
        "Memory for the segment being built; when full it is written out and a new one started.", valueName: "MB"))
    var memory: Int = 128

    @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to index") }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of megabytes") }
        guard wait >= 0 else { throw ValidationError("--wait must be zero or more seconds") }
        guard memory >= 16 else { throw ValidationError("--memory must be at least 16 (megabytes)") }
    }

    func run() throws {
        let inputs: [IngestInput]
        do {
            inputs = try IngestInput.resolve(paths)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        var options = IndexWriter.Options()
        options.maxFileSize = maxFileSize << 20
        options.lockWait = wait
        options.memoryBudget = memory << 20
        let progress = ProgressLine(enabled: !quiet && Terminal.stderrIsTerminal)
        let summary = try withIndex { () throws(IndexError) -> AddSummary in
            defer { progress.clear() }
            let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: options)
            let summary = try writer.add(inputs) { event in
                switch event {
                case .skipped(let path, let reason):
                    progress.clear()
                    Terminal.warning("\(Terminal.displayPath(path)): skipped: \(reason)")
                case .progress(let p):
                    progress.update(p)
                }
            }
            try writer.commit()
            return summary
        }
        if !quiet { Terminal.output(Self.describe(summary, seconds: progress.elapsedSeconds) + "\n") }
    }

    static func describe(_ s: AddSummary, seconds: Double) -> String {
        let skipped = s.skipped > 0 ? ", \(s.skipped) skipped" : ""
        if !s.changedAnything {
            return "nothing changed: \(s.unchanged) \(s.unchanged == 1 ? "story" : "stories") already indexed\(skipped)"
        }
        let rate = seconds > 0 ? Double(s.bytes) / 1_048_576 / seconds : 0
        let removed = s.removed > 0 ? ", removed \(s.removed)" : ""
        return "added \(s.added), updated \(s.updated), unchanged \(s.unchanged)\(removed)\(skipped)"
            + " (\(Format.megabytes(s.bytes)) in \(Format.fixed(seconds, 2)) s, \(Format.fixed(rate, 1)) MB/s)"
    }
}

/// The one-line progress display on a terminal's stderr, redrawn at most ten times a second.
final class ProgressLine {
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    var elapsedSeconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func update(_ p: AddProgress) {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) else { return }
        lastDraw = .now
        let rate = elapsedSeconds > 0 ? Double(p.bytes) / 1_048_576 / elapsedSeconds : 0
        Terminal.standardError("\r\u{1B}[K\(p.files) files, \(p.stories) stories, \(Format.fixed(rate, 1)) MB/s")
        shown = true
    }

    func clear() {
        guard shown else { return }
        Terminal.standardError("\r\u{1B}[K")
        shown = false
    }
}
