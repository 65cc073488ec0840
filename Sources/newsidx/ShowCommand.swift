import ArgumentParser
import NewsIndex

/// `newsidx show ID|PATH`: one stored story, from the index alone.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored story (title, date, source, language, text) by id or path.",
        discussion: """
            PATH may be the file's path (absolute or relative to the working directory) or \
            its path relative to the corpus root it was added from. The story is read from \
            the index, never from the original file.
            """
    )

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("A story id (as search prints it) or a path.", valueName: "ID|PATH"))
    var target: String

    func run() throws {
        let found = try withIndex { () throws(IndexError) -> StoredStory? in
            let reader = try IndexReader(directory: location.directory, analyzer: .standard)
            return try Self.resolve(target, in: reader).map { a throws(IndexError) in try reader.storedStory(at: a) }
        }
        guard let stored = found else {
            throw CommandFailure.usage("no story '\(target)' in the index at \(location.directory); search for it, or add the file first")
        }
        let story = stored.story
        var meta = [story.date?.description ?? "undated"]
        if let source = story.source { meta.append(source) }
        if let byline = story.byline { meta.append(byline) }
        Terminal.output(Terminal.bold(story.title) + "\n"
            + meta.joined(separator: " · ") + "\n"
            + "id \(stored.id) · lang \(story.languageCode) · \(Terminal.displayPath(stored.root + "/" + stored.path))\n\n"
            + story.body + "\n")
    }

    /// An id, then a file path (resolved like `add` resolves it, or taken as written when the
    /// file is gone), then a path relative to a corpus root.
    static func resolve(_ target: String, in reader: IndexReader) throws(IndexError) -> DocumentAddress? {
        if let id = UInt64(target), let address = reader.address(ofStory: id) { return address }
        let candidates = [CorpusWalker.canonicalPath(target), Terminal.absolutePath(target)].compactMap { $0 }
        for path in candidates {
            let roots = reader.manifest.roots.filter { path.hasPrefix($0.path + "/") }
                .sorted { $0.path.count > $1.path.count }
            for root in roots {
                let relative = String(path.dropFirst(root.path.count + 1))
                if let found = reader.addresses(ofPath: relative, root: root.path).first { return found }
            }
        }
        return reader.addresses(ofPath: target).first
    }
}
