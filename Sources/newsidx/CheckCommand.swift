import ArgumentParser
import NewsIndex

/// `newsidx check [--repair]`: verify the index; with `--repair`, drop what cannot be read.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the index's files; with --repair, drop what cannot be read.",
        discussion: """
            Reads CURRENT and the manifest it names, then every segment in full: present, \
            the document count the manifest records, every section's checksum, records, stored \
            stories, term dictionary and postings; every deletion file; and the manifest's \
            totals. Each problem is printed naming its file. --repair then publishes, under the \
            writer lock and atomically, a manifest without the damaged segments (a segment whose \
            deletion file is damaged is dropped whole: keeping it would bring deleted and \
            replaced stories back), says how many stories were lost in which segment, and \
            removes their files; add the corpus roots again to index those stories anew. A \
            damaged CURRENT or manifest cannot be repaired. Exit status: 0 when the index is \
            sound (or was repaired), 2 when there is no index, 3 when it is damaged (or cannot \
            be repaired), 75 when --repair finds another writer holding it past --wait.
            """
    )

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Drop the segments that cannot be read, and say what was lost.")
    var repair = false

    @Flag(name: [.short, .long], help: "Print only problems and errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("With --repair: seconds to wait for another writer before exiting with status 75.", valueName: "SECONDS"))
    var wait: Double = 30

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait must be zero or more seconds") }
    }

    func run() throws {
        repair ? try runRepair() : try runCheck()
    }

    private func runCheck() throws {
        let report = try withIndex { () throws(IndexError) in try IndexCheck.run(directory: location.directory) }
        for problem in report.problems { Terminal.output(Self.line(problem) + "\n") }
        if report.isSound {
            if !quiet {
                for stray in report.strayFiles { Terminal.output(Self.strayNote(stray) + "\n") }
                Terminal.output(Self.soundLine(report) + "\n")
            }
            return
        }
        let lost = report.problems.reduce(into: [UInt64: Int]()) { all, p in
            if case .segment(let id, let live) = p.scope { all[id] = live }
        }
        var message = "the index at \(location.directory) is damaged: \(Self.count(report.problems.count, "problem"))"
        if report.problems.contains(where: { $0.scope == .manifest }) {
            message += "; it cannot be repaired: move it aside and add the corpus again"
        } else {
            let stories = lost.values.reduce(0, +)
            message += lost.isEmpty ? "; newsidx check --repair mends it and loses nothing"
                : "; newsidx check --repair drops \(Self.count(lost.count, "segment"))"
                + " (\(Self.count(stories, "story", "stories"))) and keeps the rest"
        }
        throw CommandFailure(status: .failure, message: message)
    }

    private func runRepair() throws {
        let outcome: IndexRepair.Outcome
        do {
            outcome = try IndexRepair.run(directory: location.directory, lockWait: wait)
        } catch .index(let error) {
            throw CommandFailure(error)
        } catch .unrepairable(let problem) {
            Terminal.output(Self.line(problem) + "\n")
            throw CommandFailure(status: .failure, message:
                "the index at \(location.directory) cannot be repaired: \(problem.file) says which segments are live, "
                + "and there is no other copy; move the index aside and add the corpus again")
        }
        guard let published = outcome.published else {
            if !quiet { Terminal.output("nothing to repair: " + Self.soundLine(outcome.report) + "\n") }
            return
        }
        for d in outcome.dropped {
            Terminal.output("dropped segment \(d.segment): \(d.file): \(d.detail); "
                + "\(Self.count(d.lostStories, "story", "stories")) lost\n")
        }
        for id in outcome.correctedStatistics {
            Terminal.output("corrected the token total of segment \(id)\n")
        }
        if outcome.rebuiltClusters {
            Terminal.output("rebuilt the grouping of copies (clusters-\(published.clusterGeneration))\n")
        }
        var summary = "repaired: manifest-\(published.generation) published; "
            + "\(Self.count(outcome.lostStories, "story", "stories")) lost, "
            + "\(Self.count(published.liveDocumentCount, "story", "stories")) remain"
        if outcome.lostStories > 0 {
            let roots = published.roots.map { Terminal.displayPath($0.path) }.joined(separator: " ")
            summary += "; to index the lost stories again: newsidx add --index \(location.directory) \(roots)"
        }
        Terminal.output(summary + "\n")
    }

    static func line(_ p: IndexProblem) -> String {
        switch p.scope {
        case .manifest:
            return "\(p.file): \(p.detail)"
        case .segment(let id, let live):
            return "\(p.file): \(p.detail) (segment \(id), \(count(live, "story", "stories")))"
        case .statistics:
            return "\(p.file): \(p.detail)"
        case .clusters:
            return "\(p.file): \(p.detail) (the grouping of copies; --repair rebuilds it, nothing is lost)"
        }
    }

    static func strayNote(_ name: String) -> String {
        "note: \(name) is not part of the index (left by an interrupted writer; the next add removes it)"
    }

    static func soundLine(_ r: IndexCheckReport) -> String {
        let stories = r.manifest?.liveDocumentCount ?? 0
        return "index sound: manifest-\(r.generation), \(count(r.segmentsChecked, "segment")), "
            + "\(count(stories, "story", "stories")); checksums and contents verified"
    }

    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}
