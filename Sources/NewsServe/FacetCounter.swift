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
        let fields = FacetColumns.Field.allCases
        // Per segment and field, matches per value of the segment's table.
        var counts = segments.map { segment in fields.map { _ in [Int](repeating: 0, count: segment.values.count) } }
        var days: [Int] = []
        var matches = 0
        try Searcher(reader: reader).forEachMatch(of: tree) { address in
            matches += 1
            if let day = reader.date(at: address)?.daysSinceEpoch { days.append(day) }
            for f in fields {
                let value = segments[address.segment].columns[f.rawValue][address.doc]
                if value >= 0 { counts[address.segment][f.rawValue][Int(value)] += 1 }
            }
        }
        var totals = fields.map { _ in [String: Int]() }
        for (s, segment) in segments.enumerated() {
            for f in fields {
                for (v, n) in counts[s][f.rawValue].enumerated() where n > 0 { totals[f.rawValue][segment.values[v], default: 0] += n }
            }
        }
        func top(_ f: FacetColumns.Field) -> [Facets.Count] { Self.top(totals[f.rawValue]) }
        return (Facets(sources: top(.source), places: top(.place), languages: top(.language), periods: Self.periods(days)), matches)
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
