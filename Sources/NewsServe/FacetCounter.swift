import NewsIndex

/// Counts a query's matching stories by period, source, place and language, every match:
/// periods from the document records (which hold each story's date), the others from the
/// index's `FacetColumns`.
struct FacetCounter {
    let reader: IndexReader
    let columns: FacetColumns
    static let shownValues = 10
    /// Beyond this many months between the first and last match, periods are years.
    static let monthsShown = 36

    /// The facets of `tree`'s matches and how many there are.
    func count(_ tree: QueryNode) throws(IndexError) -> (facets: Facets, matches: Int) {
        let segments = try columns.columns(of: reader)
        var sourceCounts = segments.map { [Int](repeating: 0, count: $0.values.count) }
        var placeCounts = sourceCounts
        var languageCounts = sourceCounts
        var days: [Int] = []
        var matches = 0
        try Searcher(reader: reader).forEachMatch(of: tree) { address in
            matches += 1
            if let day = reader.date(at: address)?.daysSinceEpoch { days.append(day) }
            let column = segments[address.segment]
            let source = column.sources[address.doc], place = column.places[address.doc]
            if source >= 0 { sourceCounts[address.segment][Int(source)] += 1 }
            if place >= 0 { placeCounts[address.segment][Int(place)] += 1 }
            let language = column.languages[address.doc]
            if language >= 0 { languageCounts[address.segment][Int(language)] += 1 }
        }
        var sources: [String: Int] = [:], places: [String: Int] = [:], languages: [String: Int] = [:]
        for (s, column) in segments.enumerated() {
            for (v, n) in sourceCounts[s].enumerated() where n > 0 { sources[column.values[v], default: 0] += n }
            for (v, n) in placeCounts[s].enumerated() where n > 0 { places[column.values[v], default: 0] += n }
            for (v, n) in languageCounts[s].enumerated() where n > 0 { languages[column.values[v], default: 0] += n }
        }
        return (Facets(sources: Self.top(sources), places: Self.top(places), languages: Self.top(languages), periods: Self.periods(days)), matches)
    }

    /// The `shownValues` most frequent values, most first, then alphabetically.
    static func top(_ counts: [String: Int]) -> [Facets.Count] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(shownValues).map { Facets.Count(value: $0.key, count: $0.value) }
    }

    /// Matches per month from the first to the last (empty months included, so the bars
    /// keep time's shape), or per year when that is more than `monthsShown` months.
    static func periods(_ days: [Int]) -> [Facets.Count] {
        let dates = days.compactMap { StoryDate(daysSinceEpoch: $0) }
        guard let first = dates.min(), let last = dates.max() else { return [] }
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > monthsShown {
            var counts = [Int](repeating: 0, count: last.year - first.year + 1)
            for d in dates { counts[d.year - first.year] += 1 }
            return counts.enumerated().map { Facets.Count(value: String(first.year + $0.offset), count: $0.element) }
        }
        var counts = [Int](repeating: 0, count: months)
        for d in dates { counts[(d.year - first.year) * 12 + d.month - first.month] += 1 }
        return counts.enumerated().map { i, n in
            let month = first.month - 1 + i
            let year = first.year + month / 12
            let m = month % 12 + 1
            return Facets.Count(value: "\(year)-\(m < 10 ? "0" : "")\(m)", count: n)
        }
    }
}
