import NewsIndex

/// Where a query's words stand in a story's text, for marking the whole story (a snippet
/// marks only its passages): every token whose term is one of the query's text words.
enum StoryMarks {
    /// Ranges of Unicode scalars in `text`, a story in `language`; `analyzer` reads the
    /// query as the index's queries are read (`IndexReader.queryAnalyzer`).
    static func marks(in text: String, language: String, query: String, analyzer: Analyzer, today: StoryDate?) -> [Range<Int>] {
        guard let reading = try? QuerySyntax(analyzer: analyzer, today: today).parseLeniently(query) else { return [] }
        var wanted: [[UInt8]] = []
        for m in reading.tree.positiveMatches where m.scope.scores {
            switch m.kind {
            case .term(let t): wanted += AlternativeTerms.split(t).map { Array($0.utf8) }
            case .phrase(let ts, _, _): wanted += ts.flatMap(AlternativeTerms.split).map { Array($0.utf8) }
            case .prefix: continue
            }
        }
        guard !wanted.isEmpty else { return [] }
        var byteRanges: [Range<Int>] = []
        analyzer.forEachToken(in: text, language: language) { term, range in
            if wanted.contains(where: { $0.elementsEqual(term) }) { byteRanges.append(range) }
        }
        // The characters and pairs of a run of Han, kana or Hangul overlap: one mark for the stretch.
        var joined: [Range<Int>] = []
        for range in byteRanges {
            if let last = joined.last, range.lowerBound <= last.upperBound {
                joined[joined.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        return scalarRanges(joined, in: text)
    }

    /// UTF-8 byte ranges (sorted) as ranges of scalar offsets.
    static func scalarRanges(_ ranges: [Range<Int>], in text: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var scalarIndex = 0, byteIndex = 0, r = 0
        var start: Int?
        for scalar in text.unicodeScalars {
            while r < ranges.count {
                if start == nil, byteIndex == ranges[r].lowerBound { start = scalarIndex }
                if let s = start, byteIndex == ranges[r].upperBound {
                    out.append(s..<scalarIndex)
                    start = nil
                    r += 1
                    continue
                }
                break
            }
            byteIndex += UTF8.width(scalar)
            scalarIndex += 1
        }
        if r < ranges.count, let s = start, byteIndex == ranges[r].upperBound { out.append(s..<scalarIndex) }
        return out
    }
}
