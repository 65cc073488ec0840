import ArgumentParser
import NewsIndex

/// `newsidx stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show stories, distinct terms, segments, bytes on disk and corpus roots."
    )

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Print one JSON object with the keys stories, terms, segments, bytes, roots.")
    var json = false

    func run() throws {
        let (stories, terms, segments, bytes, roots) = try withIndex { () throws(IndexError) in
            let reader = try IndexReader(directory: location.directory, analyzer: .standard)
            return (reader.documentCount, try reader.distinctTermCount(), reader.manifest.segments.count,
                    try reader.bytesOnDisk(), reader.manifest.roots.map(\.path))
        }
        if json {
            var o = JSONLine()
            o.add("stories", stories)
            o.add("terms", terms)
            o.add("segments", segments)
            o.add("bytes", bytes)
            o.add("roots", roots)
            Terminal.output(o.line + "\n")
        } else {
            Terminal.output("""
                stories   \(stories)
                terms     \(terms)
                segments  \(segments)
                bytes     \(bytes) (\(Format.megabytes(bytes)))
                roots     \(roots.isEmpty ? "-" : roots.joined(separator: "\n          "))

                """)
        }
    }
}
