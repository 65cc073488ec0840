import ArgumentParser
import NewsIndex

/// `newsidx rm ID|PATH...`: delete stories from the index.
struct RmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete stories from the index, by id or by path; a folder deletes every story below it.",
        discussion: """
            Each argument is a story id (as search prints it), a file or folder path (absolute \
            or relative to the working directory; it need not exist any more), or a path \
            relative to a corpus root. A folder deletes the stories of every file below it. \
            Every argument is checked before anything is deleted: one that matches no story \
            stops the command with status 2 and nothing deleted. The files are not touched, so \
            a file still in a corpus root is indexed again by the next reindex (to stop \
            indexing a whole root: newsidx roots rm). Exit status: 0 done, 2 an argument \
            matches nothing or there is no index, 3 the index cannot be written, 75 another \
            writer holds it past --wait.
            """
    )

    @OptionGroup var location: IndexOptions
    @OptionGroup var turn: WriterTurnOptions

    @Argument(help: ArgumentHelp("Story ids, files or folders.", valueName: "ID|PATH"))
    var targets: [String]

    func validate() throws {
        guard !targets.isEmpty else { throw ValidationError("give at least one story id or path") }
    }

    func run() throws {
        var options = IndexWriter.Options()
        options.lockWait = turn.wait
        let outcome = try withIndex { () throws(IndexError) -> Result<Int, CommandFailure> in
            _ = try IndexReader(directory: location.directory, analyzer: .standard)
            let writer = try IndexWriter(directory: location.directory, analyzer: .standard, options: options)
            var chosen = IndexWriter.Selection()
            var unmatched: [String] = []
            for target in targets {
                let selection = try Self.resolve(target, in: writer)
                if selection.isEmpty { unmatched.append(target) }
                chosen = chosen.union(selection)
            }
            guard unmatched.isEmpty else {
                return .failure(.usage("no story matches \(unmatched.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "in the index at \(location.directory); nothing was deleted"))
            }
            let removed = try writer.remove(chosen)
            try writer.commit()
            return .success(removed)
        }
        let removed = try outcome.get()
        if !turn.quiet { Terminal.output("removed \(removed) \(removed == 1 ? "story" : "stories")\n") }
    }

    /// An id, then a path as the file system resolves it (or as written when it is gone),
    /// then a path relative to a corpus root: the first that matches a story.
    static func resolve(_ target: String, in writer: IndexWriter) throws(IndexError) -> IndexWriter.Selection {
        if let id = UInt64(target) {
            let byID = try writer.select(storyID: id)
            if !byID.isEmpty { return byID }
        }
        for path in [CorpusWalker.canonicalPath(target), Terminal.absolutePath(target)].compactMap({ $0 }) {
            let byPath = try writer.select(path: path)
            if !byPath.isEmpty { return byPath }
        }
        return try writer.select(relativePath: target)
    }
}
