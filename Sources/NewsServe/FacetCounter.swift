import NewsIndex

/// Counts a query's matching stories by period, source and place.
///
/// Periods come from every match's document record, which holds its date: exact at any
/// size. Sources and places are stored with the story's text, so reading them costs a
/// decompression per story: they are counted over the best-ranked matches first, then
/// index order, up to `metadataSample` stories, and the page says so when it stopped short.
struct FacetCounter {
    let reader: IndexReader
    /// Stories whose source and place are read, at most.
    static let metadataSample = 2_000
    static let shownValues = 10
    /// Beyond this many months between the first and last match, periods are years.
    static let monthsShown = 36

    /// The facets of `tree`'s matches and how many there are; `ranked` are the matches
    /// already ranked, best first, whose metadata is read first.
    func count(_ tree: QueryNode, ranked: [DocumentAddress]) throws(IndexError) -> (facets: Facets, matches: Int) {
        var days: [Int] = []
        var unranked: [DocumentAddress] = []
        var matches = 0
        let searcher = Searcher(reader: reader)
        try searcher.forEachMatch(of: tree) { address in
            matches += 1
            if let day = reader.date(at: address)?.daysSinceEpoch { days.append(day) }
            if unranked.count < Self.metadataSample { unranked.append(address) }
        }
        var sample = Array(ranked.prefix(Self.metadataSample))
        var inSample = Set(sample)
        for a in unranked where sample.count < Self.metadataSample && inSample.insert(a).inserted { sample.append(a) }
        var sources: [String: Int] = [:], places: [String: Int] = [:]
        for address in sample {
            let story = try reader.withStoredStory(at: address) { stored, _ in stored.story }
            if let s = story.source, !s.isEmpty { sources[s, default: 0] += 1 }
            if let p = story.place, !p.isEmpty { places[p, default: 0] += 1 }
        }
        let facets = Facets(sources: Self.top(sources), places: Self.top(places), periods: Self.periods(days),
                            sampled: min(matches, sample.count))
        return (facets, matches)
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
