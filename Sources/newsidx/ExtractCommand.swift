import ArgumentParser
import NewsIndex
import NewsJSON

/// `newsidx extract FILE...`: what ingestion sees in a file, without indexing it.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show what ingestion reads from files (format, title, date, source, body), without indexing.",
        discussion: """
            Use it to see why a story matches or does not. --json prints one object per story \
            (a feed gives one per item) with the keys path (as given), format, title, date \
            (ISO 8601), source, byline, url, lang and body; null where unknown. Files that hold \
            no story are reported on stderr. Exit status: 0 when every file was read, 2 when a \
            file does not exist.
            """
    )

    @Flag(name: .long, help: "One JSON object per story, one per line.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Refuse files larger than this many megabytes.", valueName: "MB"))
    var maxFileSize: Int = 64

    @Argument(help: ArgumentHelp("Files to read.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to extract") }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of megabytes") }
    }

    func run() throws {
        let reader = StoryReader(maxSize: maxFileSize << 20)
        var missing = false
        for file in files {
            let bytes: [UInt8]
            switch SourceFile.read(file, maxSize: maxFileSize << 20) {
            case .success(let f): bytes = f.bytes
            case .failure(let problem):
                if problem.isMissing {
                    Terminal.error("\(file): no such file; check the path")
                    missing = true
                } else {
                    Terminal.warning("\(file): skipped: \(problem)")
                }
                continue
            }
            let document: (format: StoryFormat, stories: [Story])
            do {
                document = try reader.readDocument(bytes, path: file)
            } catch {
                Terminal.warning("\(file): skipped: \(error)")
                continue
            }
            let (format, stories) = (document.format.rawValue, document.stories)
            if stories.contains(where: \.bodyIsFallback) { Terminal.warning("\(file): \(Story.fallbackNote)") }
            for story in stories {
                Terminal.output(json ? JSONLine.story(story, path: file, format: format).line + "\n" : Self.text(file, format, story))
            }
        }
        if missing { throw CommandFailure(status: .usage, message: nil) }
    }

    static func text(_ path: String, _ format: String?, _ s: Story) -> String {
        var lines = [Terminal.bold("== \(path)") + " (\(format ?? "?"))"]
        let fields: [(String, String?)] = [
            ("title", s.title + (s.titleIsHeadline ? "" : "  [from the lead]")), ("date", s.date?.description),
            ("source", s.source), ("byline", s.byline), ("place", s.place), ("url", s.url),
            ("lang", s.language), ("item", s.itemID),
        ]
        for (name, value) in fields { if let value { lines.append(name.padding(8) + value) } }
        return lines.joined(separator: "\n") + "\n\n" + s.body + "\n\n"
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
