import ArgumentParser
import NewsIndex
import NewsJSON

/// `newsidx stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show stories (in all and per language), distinct terms, segments, bytes on disk and corpus roots."
    )

    @OptionGroup var location: IndexOptions

    @Flag(name: .long, help: "Print one JSON object with the keys stories, languages (stories per language code), terms, segments, bytes, roots.")
    var json = false

    func run() throws {
        if json {
            let object = try withIndex { () throws(IndexError) in
                try JSONLine.stats(of: try IndexReader(directory: location.directory, analyzer: .standard))
            }
            Terminal.output(object.line + "\n")
            return
        }
        let (stories, languages, terms, segments, bytes, roots) = try withIndex { () throws(IndexError) in
            let reader = try IndexReader(directory: location.directory, analyzer: .standard)
            return (reader.documentCount, try reader.storiesPerLanguage(), try reader.distinctTermCount(),
                    reader.manifest.segments.count, try reader.bytesOnDisk(), reader.manifest.roots.map(\.path))
        }
        var perLanguage = ""
        for (i, (code, count)) in languages.enumerated() { perLanguage += (i == 0 ? "" : ", ") + "\(code) \(count)" }
        Terminal.output("""
                stories   \(stories)
                languages \(perLanguage.isEmpty ? "-" : perLanguage)
                terms     \(terms)
                segments  \(segments)
                bytes     \(bytes) (\(Format.megabytes(bytes)))
                roots     \(roots.isEmpty ? "-" : roots.joined(separator: "\n          "))

                """)
    }
}
