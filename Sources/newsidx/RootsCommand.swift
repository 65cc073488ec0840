import ArgumentParser
import NewsIndex

/// `newsidx roots`: the corpus roots `reindex` rescans; `newsidx roots rm DIR` forgets one.
struct RootsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roots",
        abstract: "List the corpus roots reindex rescans, or forget one (roots rm DIR).",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self
    )

    /// `newsidx roots [list]`: one line per root, read without taking the writer's lock.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print each corpus root with its number of stories.",
            discussion: "A root not found on disk is marked so; reindex leaves its stories alone."
        )

        @OptionGroup var location: IndexOptions

        func run() throws {
            let (roots, counts) = try withIndex { () throws(IndexError) in
                let reader = try IndexReader(directory: location.directory, analyzer: .standard)
                return (reader.manifest.roots, reader.storyCountsByRoot())
            }
            for root in roots {
                let n = counts[root.id, default: 0]
                let missing = CorpusWalker.canonicalPath(root.path) == nil ? "  (not found on disk)" : ""
                Terminal.output("\(root.path)  \(n) \(n == 1 ? "story" : "stories")\(missing)\n")
            }
        }
    }

    /// `newsidx roots rm DIR`: forget a root and delete its stories.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Forget a corpus root and delete its stories from the index.",
            discussion: """
                DIR is the root as newsidx roots prints it, or a path that resolves to it; it \
                need not exist any more. The files are not touched. Exit status: 0 done, 2 DIR \
                is not a root or there is no index, 3 the index cannot be written, 75 another \
                writer holds it past --wait.
                """
        )

        @OptionGroup var location: IndexOptions
        @OptionGroup var turn: WriterTurnOptions

        @Argument(help: ArgumentHelp("The corpus root to forget.", valueName: "DIR"))
        var directory: String

        func run() throws {
            var options = IndexWriter.Options()
            options.lockWait = turn.wait
            let candidates = [CorpusWalker.canonicalPath(directory), Terminal.absolutePath(directory)].compactMap { $0 }
            let outcome = try withIndex { () throws(IndexError) -> (root: String, removed: Int)? in
                _ = try IndexReader(directory: location.directory, analyzer: .standard)
                let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: options)
                for path in candidates {
                    if let removed = try writer.removeRoot(path: path) {
                        try writer.commit()
                        return (path, removed)
                    }
                }
                return nil
            }
            guard let outcome else {
                throw CommandFailure.usage("\(directory) is not a corpus root of the index at \(location.directory); "
                    + "newsidx roots lists them")
            }
            if !turn.quiet {
                Terminal.output("forgot \(outcome.root): removed \(outcome.removed) \(outcome.removed == 1 ? "story" : "stories")\n")
            }
        }
    }
}
