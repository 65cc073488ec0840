extension HTMLClassVocabulary {
    /// Words and stems with what each names, found by their first byte: a class name is
    /// looked up against a hundred stems at each of its positions, on every distinct name of
    /// every page.
    struct Lexicon {
        /// The entries' bytes, one after another, in order of their first byte.
        private var bytes: [UInt8] = []
        /// Where each entry starts in `bytes` (with the end of the last one after it).
        private var starts: [Int32] = []
        private var meanings: [HTMLClassVocabulary] = []
        /// The first entry starting with each byte value (with the entry count after it).
        private var firstEntry = [Int32](repeating: 0, count: 257)

        init(_ words: [String], meaning: HTMLClassVocabulary) {
            self.init(words.map { (Array($0.utf8), meaning) })
        }

        /// One lexicon of the entries of several.
        static func merging(_ lexicons: [Lexicon]) -> Lexicon {
            Lexicon(lexicons.flatMap(\.entries))
        }

        private init(_ entries: [([UInt8], HTMLClassVocabulary)]) {
            let sorted = entries.filter { !$0.0.isEmpty }.enumerated()
                .sorted { ($0.element.0[0], $0.offset) < ($1.element.0[0], $1.offset) }.map(\.element)
            var counts = [Int32](repeating: 0, count: 257)
            for (word, meaning) in sorted {
                starts.append(Int32(bytes.count))
                bytes += word
                meanings.append(meaning)
                counts[Int(word[0]) + 1] += 1
            }
            starts.append(Int32(bytes.count))
            for b in 1...256 { counts[b] += counts[b - 1] }
            firstEntry = counts
        }

        private var entries: [([UInt8], HTMLClassVocabulary)] {
            meanings.indices.map { (Array(bytes[Int(starts[$0])..<Int(starts[$0 + 1])]), meanings[$0]) }
        }

        /// What `word` names when it is an entry of its own.
        func meaning(ofWord word: UnsafeBufferPointer<UInt8>) -> HTMLClassVocabulary {
            guard let first = word.first else { return [] }
            var result: HTMLClassVocabulary = []
            for entry in Int(firstEntry[Int(first)])..<Int(firstEntry[Int(first) + 1])
            where length(of: entry) == word.count && matches(entry, word, at: 0) {
                result.formUnion(meanings[entry])
            }
            return result
        }

        /// Whether `word` is an entry of its own.
        func contains(word: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = word.first else { return false }
            return (Int(firstEntry[Int(first)])..<Int(firstEntry[Int(first) + 1])).contains {
                length(of: $0) == word.count && matches($0, word, at: 0)
            }
        }

        /// What the entries found anywhere inside `text` name together.
        func meanings(inside text: UnsafeBufferPointer<UInt8>) -> HTMLClassVocabulary {
            var result: HTMLClassVocabulary = []
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    firstEntry.withUnsafeBufferPointer { firstEntry in
                        for i in text.indices {
                            let b = Int(text[i])
                            var entry = Int(firstEntry[b])
                            let last = Int(firstEntry[b + 1])
                            while entry < last {
                                let start = Int(starts[entry]), count = Int(starts[entry + 1]) - start
                                if i + count <= text.count {
                                    var k = 1
                                    while k < count, bytes[start + k] == text[i + k] { k += 1 }
                                    if k == count { result.formUnion(meanings[entry]) }
                                }
                                entry += 1
                            }
                        }
                    }
                }
            }
            return result
        }

        /// Calls `body` with the range of each entry found in `text`, from the start, one
        /// match at a time: after a match the search goes on at its end.
        func forEachMatch(inside text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
            var i = 0
            search: while i < text.count {
                let b = Int(text[i])
                for entry in Int(firstEntry[b])..<Int(firstEntry[b + 1]) where matches(entry, text, at: i) {
                    let end = i + length(of: entry)
                    body(i..<end)
                    i = end
                    continue search
                }
                i += 1
            }
        }

        private func length(of entry: Int) -> Int {
            Int(starts[entry + 1] - starts[entry])
        }

        /// Whether the entry's bytes stand in `text` at `position`.
        private func matches(_ entry: Int, _ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
            let start = Int(starts[entry]), count = length(of: entry)
            guard position + count <= text.count else { return false }
            for k in 0..<count where bytes[start + k] != text[position + k] { return false }
            return true
        }
    }
}
