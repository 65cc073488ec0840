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
            var result: HTMLClassVocabulary = []
            forEachEntry(at: 0, in: word, whole: true) { entry in
                result.formUnion(meanings[entry])
                return true
            }
            return result
        }

        /// Whether `word` is an entry of its own.
        func contains(word: UnsafeBufferPointer<UInt8>) -> Bool {
            var found = false
            forEachEntry(at: 0, in: word, whole: true) { _ in
                found = true
                return false
            }
            return found
        }

        /// What the entries found anywhere inside `text` name together.
        func meanings(inside text: UnsafeBufferPointer<UInt8>) -> HTMLClassVocabulary {
            var result: HTMLClassVocabulary = []
            for i in text.indices {
                forEachEntry(at: i, in: text, whole: false) { entry in
                    result.formUnion(meanings[entry])
                    return true
                }
            }
            return result
        }

        /// Calls `body` with the range of each entry found in `text`, from the start, one
        /// match at a time: after a match the search goes on at its end.
        func forEachMatch(inside text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
            var i = 0
            while i < text.count {
                var end: Int?
                forEachEntry(at: i, in: text, whole: false) { entry in
                    end = i + Int(starts[entry + 1] - starts[entry])
                    return false
                }
                if let end {
                    body(i..<end)
                    i = end
                } else {
                    i += 1
                }
            }
        }

        /// Calls `body` with each entry whose bytes stand in `text` at `position` (and fill
        /// it, when `whole`), in order, until `body` returns false.
        @inline(__always)
        private func forEachEntry(at position: Int, in text: UnsafeBufferPointer<UInt8>, whole: Bool, _ body: (Int) -> Bool) {
            guard position < text.count else { return }
            let b = Int(text[position])
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    for entry in Int(firstEntry[b])..<Int(firstEntry[b + 1]) {
                        let start = Int(starts[entry]), count = Int(starts[entry + 1]) - start
                        guard whole ? count == text.count : position + count <= text.count else { continue }
                        var k = 1
                        while k < count, bytes[start + k] == text[position + k] { k += 1 }
                        if k == count, !body(entry) { return }
                    }
                }
            }
        }
    }
}
