/// One place a snippet marks: a single query term, or a whole phrase where its words occur
/// one after the other.
struct SnippetMark {
    /// Byte range in the body, from the first word's first byte to the last word's last.
    var bytes: Range<Int>
    /// The `BodyScan` words holding its first and last bytes.
    var words: ClosedRange<Int>
    /// What it covers: a single term's index (below `SnippetKeys.singleCount`), or
    /// `singleCount` plus a phrase's index.
    var key: Int

    /// The marks in `scan`'s hits, in story order: each phrase's occurrences (adjacent hits
    /// spelling it), then the single terms among the hits not inside a phrase.
    static func find(in scan: BodyScan, keys: SnippetKeys) -> [SnippetMark] {
        let hits = scan.hits
        var inPhrase = [Bool](repeating: false, count: keys.phrases.isEmpty ? 0 : hits.count)
        var marks: [SnippetMark] = []
        for (p, phrase) in keys.phrases.enumerated() {
            var i = 0
            while i + phrase.count <= hits.count {
                var matches = true
                for (j, key) in phrase.enumerated() {
                    let hit = hits[i + j]
                    if hit.key != key || inPhrase[i + j] || (j > 0 && hit.ordinal != hits[i + j - 1].ordinal + 1) {
                        matches = false
                        break
                    }
                }
                if matches {
                    let last = hits[i + phrase.count - 1]
                    marks.append(SnippetMark(bytes: hits[i].bytes.lowerBound..<last.bytes.upperBound,
                                             words: hits[i].word...last.word, key: keys.singleCount + p))
                    for j in i..<(i + phrase.count) { inPhrase[j] = true }
                    i += phrase.count
                } else {
                    i += 1
                }
            }
        }
        let phraseMarks = marks.count
        for (i, hit) in hits.enumerated() where hit.key < keys.singleCount && (inPhrase.isEmpty || !inPhrase[i]) {
            marks.append(SnippetMark(bytes: hit.bytes, words: hit.word...hit.word, key: hit.key))
        }
        if phraseMarks > 0 { marks.sort { $0.bytes.lowerBound < $1.bytes.lowerBound } }
        return joiningOverlaps(marks)
    }

    /// `marks` with each one inside a Korean word widened to the whole word (the run of
    /// Hangul syllables around it): a query's `북한군` marks `북한군의`, particle and all, as
    /// a reader sees the word.
    static func wideningHangul(_ marks: [SnippetMark], in body: UnsafeBufferPointer<UInt8>) -> [SnippetMark] {
        func isHangul(at i: Int) -> Bool {
            guard i >= 0, i < body.count, (0xEA...0xED).contains(body[i]) else { return false }
            return (0xAC00...0xD7A3).contains(body.decodeScalar(at: i).value)
        }
        return marks.map { mark in
            guard isHangul(at: mark.bytes.lowerBound) || isHangul(at: mark.bytes.upperBound - 3) else { return mark }
            var widened = mark
            var start = mark.bytes.lowerBound, end = mark.bytes.upperBound
            while isHangul(at: start - 3) { start -= 3 }
            while isHangul(at: end) { end += 3 }
            widened.bytes = start..<end
            return widened
        }
    }

    /// `marks` with those that overlap or touch made one, keeping the first's key: the
    /// characters and pairs a run of Han, kana or Hangul is indexed as (`Tokenizer`) overlap,
    /// and a query word written in them is marked as the whole stretch it matched.
    static func joiningOverlaps(_ marks: [SnippetMark]) -> [SnippetMark] {
        var joined: [SnippetMark] = []
        joined.reserveCapacity(marks.count)
        for mark in marks {
            if let last = joined.last, mark.bytes.lowerBound <= last.bytes.upperBound {
                joined[joined.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, mark.bytes.upperBound)
                joined[joined.count - 1].words = last.words.lowerBound...max(last.words.upperBound, mark.words.upperBound)
            } else {
                joined.append(mark)
            }
        }
        return joined
    }
}
