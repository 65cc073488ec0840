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
    @OptionGroup var writing: WriterOptions

    @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to index") }
    }

    func run() throws {
        let inputs: [IngestInput]
        do {
            inputs = try IngestInput.resolve(paths)
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let progress = ProgressLine(enabled: !writing.quiet && Terminal.stderrIsTerminal)
        let summary = try withIndex { () throws(IndexError) -> AddSummary in
            defer { progress.clear() }
            let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: writing.writerOptions)
            let summary = try writer.add(inputs) { WriterOptions.report($0, progress) }
            try writer.commit()
            return summary
        }
        if !writing.quiet { Terminal.output(Self.describe(summary, seconds: progress.elapsedSeconds) + "\n") }
    }

    static func describe(_ s: AddSummary, seconds: Double) -> String {
        let skipped = s.skipped > 0 ? ", \(s.skipped) skipped" : ""
        if !s.changedAnything {
            return "nothing changed: \(s.unchanged) \(s.unchanged == 1 ? "story" : "stories") already indexed\(skipped)"
        }
        let rate = seconds > 0 ? Double(s.bytes) / 1_048_576 / seconds : 0
        let removed = s.removed > 0 ? ", removed \(s.removed)" : ""
        let moved = s.moved > 0 ? ", moved \(s.moved)" : ""
        return "added \(s.added), updated \(s.updated)\(moved), unchanged \(s.unchanged)\(removed)\(skipped)"
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
