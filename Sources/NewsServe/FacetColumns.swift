import NewsIndex
import Synchronization

/// Each segment's stories' sources, places and languages as numbers into a table of the segment's
/// values, read once from its stored stories — as Lucene uninverts a field into a field
/// cache — so that facets count every match exactly without decompressing a story per
/// request. Segments never change, so a segment's columns serve every commit that keeps it:
/// after a commit only the new segments are read (the follower does so before serving it).
final class FacetColumns: Sendable {
    /// The fields counted, each a column of `Segment.columns` (by `rawValue`).
    enum Field: Int, CaseIterable {
        case source, place, language

        func value(of story: Story) -> String? {
            switch self {
            case .source: story.source
            case .place: story.place
            case .language: story.languageCode
            }
        }
    }

    /// One segment's columns, one per `Field`: per document an index into `values`, or -1
    /// for none.
    struct Segment: Sendable {
        var columns: [[Int32]]
        var values: [String]
    }

    private let cache = Mutex<[UInt64: Segment]>([:])

    /// The columns of each of `reader`'s segments, in its segment order; those of segments
    /// not seen before are read now.
    func columns(of reader: IndexReader) throws(IndexError) -> [Segment] {
        let ids = reader.manifest.segments.map(\.id)
        var known = cache.withLock { cached in ids.map { cached[$0] } }
        for (s, column) in known.enumerated() where column == nil {
            let read = try Self.read(segment: s, of: reader)
            known[s] = read
            cache.withLock { $0[ids[s]] = read }
        }
        return known.map { $0! }
    }

    /// Lets go of the columns of segments `reader` no longer has (merged or removed): called
    /// once the follower serves it. A request still on an older reader reads them again.
    func keepOnly(_ reader: IndexReader) {
        let ids = Set(reader.manifest.segments.map(\.id))
        cache.withLock { cached in cached = cached.filter { ids.contains($0.key) } }
    }

    static func read(segment s: Int, of reader: IndexReader) throws(IndexError) -> Segment {
        let count = reader.manifest.segments[s].documentCount
        var column = Segment(columns: Field.allCases.map { _ in [] }, values: [])
        for f in Field.allCases { column.columns[f.rawValue].reserveCapacity(count) }
        var numbers: [String: Int32] = [:]
        func number(_ value: String?) -> Int32 {
            guard let value, !value.isEmpty else { return -1 }
            if let n = numbers[value] { return n }
            let n = Int32(column.values.count)
            column.values.append(value)
            numbers[value] = n
            return n
        }
        for doc in 0..<count {
            let story = try reader.withStoredStory(at: DocumentAddress(segment: s, doc: doc)) { stored, _ in stored.story }
            for f in Field.allCases { column.columns[f.rawValue].append(number(f.value(of: story))) }
        }
        return column
    }
}
