import ArgumentParser
import NewsIndex
import NewsJSON

/// `newsidx dups`: the clusters of copies in the index, largest first, for an editor
/// cleaning an archive.
struct DupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dups",
        abstract: "List clusters of duplicate and near-duplicate stories, largest first.",
        discussion: """
            A cluster is a story and its copies: the same text republished under another \
            headline, with a dateline added or removed, a paragraph dropped or appended, a \
            figure updated, or saved again as a web page. Each cluster is named by its \
            representative, the earliest story (the longest when dates tie), listed first; \
            each member shows its similarity to it: the estimated share of the shorter \
            story's four-word runs that the other holds (1.00 for the same text).

            Text: a line per cluster (its id and size), then one per member: id, date, \
            similarity, title, file. --json: one object per cluster per line, \
            {"cluster": ID, "members": [{"id", "root", "path", "title", "date", "similarity"}, …]}.
            Exit status: 0 (also when there are no clusters), 2 no index, 3 unreadable index.
            """
    )

    @OptionGroup var location: IndexOptions

    @Option(name: .long, help: ArgumentHelp(
        "List only members at least this similar to their representative (0 to 1); clusters left with one story are not listed.",
        valueName: "X"))
    var minSimilarity: Double = 0

    @Flag(name: .long, help: "One JSON object per cluster per line.")
    var json = false

    func validate() throws {
        guard minSimilarity >= 0 && minSimilarity <= 1 else {
            throw ValidationError("--min-similarity must be between 0 and 1")
        }
    }

    func run() throws {
        let out = try withIndex { () throws(IndexError) -> String in
            let reader = try IndexReader(directory: location.directory, analyzer: .standard)
            var out = ""
            var listed = 0
            for cluster in try reader.duplicateClusters() {
                let members = cluster.members.enumerated().filter { $0.offset == 0 || $0.element.similarity >= minSimilarity }
                    .map(\.element)
                guard members.count > 1 else { continue }
                listed += 1
                let stories = try members.map { m throws(IndexError) in (m, try reader.storedStory(at: m.address)) }
                if json {
                    var o = JSONLine()
                    o.add("cluster", cluster.id)
                    o.add("members", stories.map { m, s in
                        var member = JSONLine.storyReference(id: s.id, root: s.root, path: s.path,
                                                             title: s.story.title, date: s.story.date)
                        member.add("similarity", m.similarity)
                        return member
                    })
                    out += o.line + "\n"
                } else {
                    if listed > 1 { out += "\n" }
                    out += Terminal.bold("cluster \(cluster.id) · \(members.count) stories") + "\n"
                    let width = stories.map { String($0.1.id).count }.max() ?? 1
                    for (m, s) in stories {
                        let id = String(s.id)
                        out += "  " + String(repeating: " ", count: width - id.count) + id
                            + "  " + (s.story.date?.description ?? "undated   ")
                            + "  " + Format.fixed(m.similarity, 2) + "  " + s.story.title
                            + "  " + Terminal.dim(HitFormatter.location(s)) + "\n"
                    }
                }
            }
            if listed == 0 && !json { out = "no duplicate stories\n" }
            return out
        }
        Terminal.output(out)
    }
}
