internal import CWordBreak

/// Splits UTF-8 text into word tokens and folds each into its term, one pass over the bytes
/// with no allocation per token.
///
/// A token is a maximal run of letters, digits and combining marks (invisible format characters
/// such as the soft hyphen count as marks), where these joiners may also sit inside it:
/// - `.` between digits is kept (`38.13`); `,` between digits is dropped (`15,000` → `15000`).
/// - `.` after a single letter and before another single letter joins an acronym and is
///   dropped, with a final `.` belonging to the token (`U.S.` → `us`, `U.S.A.` → `usa`);
///   dots between longer runs separate (`end.Start` → `end`, `start`).
/// - An apostrophe (`'`, `’`, `ʼ`) between letters is dropped (`don't` → `dont`), and a
///   possessive `'s` ending a word is dropped with it (`Korea's` → `korea`).
///
/// Every other character separates tokens, hyphens included (`Jong-un` → `jong`, `un`).
///
/// Scripts written without spaces between words are segmented by script:
/// - a run of Han ideographs, kana and Hangul syllables (with the marks after each) gives
///   each character and each overlapping pair of characters, as Xapian's CJK n-grams do
///   (`북한군` → `북`, `북한`, `한`, `한군`, `군`): a word of two characters is one term, a
///   Korean particle (`의`, `가`) costs a pair rather than the whole word, and a word of one
///   character is still found. On the shared collections this ranked above pairs alone (the
///   CJK analyzer of Lucene and Elasticsearch) for Chinese (nDCG@10 0.961 against 0.956) and
///   Japanese (0.929 against 0.918) and level for Korean (0.964 against 0.965);
/// - a run of Thai, Lao, Khmer or Burmese letters is split at the word boundaries of ICU's
///   dictionary-based break iterator (`CWordBreak`), and stays one token without ICU.
///
/// A token whose term would exceed `maxTermLength` bytes is skipped: such runs are data
/// (base64, hashes), not words.
struct Tokenizer: Sendable {
    /// The longest term kept, in UTF-8 bytes (Lucene's default maximum token length is 255).
    static let maxTermLength = 255

    /// Calls `body` with each token's term and its byte range in `text`.
    func forEachToken(
        in text: UnsafeBufferPointer<UInt8>,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxTermLength) { term in
            CaseFolding.ascii.withUnsafeBufferPointer { asciiFold in
                ScalarClass.ascii.withUnsafeBufferPointer { asciiClass in
                    var buffer = TermBuffer(storage: term)
                    TokenScanner(text: text, asciiFold: asciiFold, asciiClass: asciiClass).run(into: &buffer, body)
                }
            }
        }
    }
}

/// One `Tokenizer.forEachToken` pass over `text`.
private struct TokenScanner {
    typealias Scalar = (class: ScalarClass, value: UInt32, length: Int)

    let text: UnsafeBufferPointer<UInt8>
    let asciiFold: UnsafeBufferPointer<UInt8>
    let asciiClass: UnsafeBufferPointer<ScalarClass>

    func run(into term: inout TermBuffer, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                index = asciiFold[Int(byte)] == 0 ? index + 1 : scanWord(from: index, into: &term, body)
                continue
            }
            let current = scalar(at: index)
            if current.class == .letter && Self.isWrittenWithoutSpaces(current.value) {
                index = scanUnspacedRun(from: index, into: &term, body)
                continue
            }
            switch current.class {
            case .letter, .digit, .mark: index = scanWord(from: index, into: &term, body)
            case .ideograph: index = scanBigrams(from: index, into: &term, body)
            case .separator, .apostrophe, .period, .comma: index += current.length
            }
        }
    }

    /// Scans and reports the word starting at `start`; returns the index after it.
    private func scanWord(
        from start: Int, into term: inout TermBuffer, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) -> Int {
        term.removeAll()
        var index = start
        var last = ScalarClass.separator
        var segmentLength = 0
        var isAcronym = false
        scanning: while index < text.count {
            let runStart = index
            while index < text.count {
                let folded = asciiFold[Int(text[index])]
                if folded == 0 { break }
                term.append(folded)
                index += 1
            }
            if index > runStart {
                segmentLength += index - runStart
                last = asciiClass[Int(text[index - 1])]
            }
            guard index < text.count, text[index] >= 0x80 || asciiClass[Int(text[index])] != .separator else {
                break scanning
            }

            let current = scalar(at: index)
            switch current.class {
            case .letter where Self.isWrittenWithoutSpaces(current.value):
                break scanning  // its words are ICU's to find (`scanUnspacedRun`)
            case .letter, .digit:
                appendFold(of: current, at: index, to: &term)
                segmentLength += 1
                last = current.class
                index += current.length
            case .mark:
                appendFold(of: current, at: index, to: &term)
                index += current.length
            case .period:
                let next = scalar(at: index + 1)
                if last == .digit && next.class == .digit {
                    term.append(UInt8(ascii: "."))
                    index += 1
                } else if last == .letter && segmentLength == 1 && next.class == .letter
                    && !continuesWord(at: index + 1 + next.length)
                {
                    isAcronym = true
                    segmentLength = 0
                    index += 1
                } else {
                    if isAcronym && last == .letter && segmentLength == 1 { index += 1 }
                    break scanning
                }
            case .comma:
                guard last == .digit && scalar(at: index + 1).class == .digit else { break scanning }
                index += 1
            case .apostrophe:
                let next = scalar(at: index + current.length)
                if next.value | 0x20 == UInt32(UInt8(ascii: "s")) && !continuesWord(at: index + current.length + 1) {
                    index += current.length + 1
                    break scanning
                }
                guard last == .letter && next.class == .letter else { break scanning }
                index += current.length
            case .separator, .ideograph:
                break scanning
            }
        }
        term.report(start..<index, body)
        return index
    }

    /// Reports the characters of the run of ideographs, kana and Hangul starting at `start`
    /// (each with the marks after it) and their overlapping pairs, each pair before its
    /// second character (`AB` gives `A`, `AB`, `B`), so that the tokens of a run written in a
    /// query stand together wherever the run does in a story; returns the index after the run.
    private func scanBigrams(
        from start: Int, into term: inout TermBuffer, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) -> Int {
        var previous: Range<Int>? = nil
        var index = start
        while case let current = scalar(at: index), current.class == .ideograph {
            var end = index + current.length
            while case let next = scalar(at: end), next.class == .mark { end += next.length }
            if let before = previous {
                term.removeAll()
                appendFolds(of: before, to: &term)
                appendFolds(of: index..<end, to: &term)
                term.report(before.lowerBound..<end, body)
            }
            term.removeAll()
            appendFolds(of: index..<end, to: &term)
            term.report(index..<end, body)
            previous = index..<end
            index = end
        }
        return index
    }

    /// Reports the words ICU finds in the run of Thai, Lao, Khmer or Burmese letters and
    /// marks starting at `start` (the whole run when ICU is missing); returns the index after it.
    private func scanUnspacedRun(
        from start: Int, into term: inout TermBuffer, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) -> Int {
        var end = start
        while case let next = scalar(at: end), next.class == .letter || next.class == .mark,
              Self.isWrittenWithoutSpaces(next.value) {
            end += next.length
        }
        let run = UnsafeBufferPointer(rebasing: text[start..<end])
        withUnsafeTemporaryAllocation(of: UInt.self, capacity: run.count + 1) { boundaries in
            let found = run.withMemoryRebound(to: CChar.self) { chars in
                newsidx_word_breaks(chars.baseAddress, chars.count, boundaries.baseAddress, boundaries.count)
            }
            var wordStart = start
            for k in 0..<(found > 0 ? found : 1) {
                let wordEnd = found > 0 ? start + Int(boundaries[k]) : end
                term.removeAll()
                appendFolds(of: wordStart..<wordEnd, to: &term)
                term.report(wordStart..<wordEnd, body)
                wordStart = wordEnd
            }
        }
        return end
    }

    /// Thai, Lao, Myanmar and Khmer: the scripts ICU breaks into words with dictionaries.
    @inline(__always)
    static func isWrittenWithoutSpaces(_ value: UInt32) -> Bool {
        // One comparison for the Latin, Greek, Cyrillic, Arabic and Indic letters of most text.
        value >= 0x0E00 && (0x0E00...0x0EFF).contains(value) || (0x1000...0x109F).contains(value) || (0x1780...0x17FF).contains(value)
            || (0x19E0...0x19FF).contains(value) || (0xAA60...0xAA7F).contains(value) || (0xA9E0...0xA9FF).contains(value)
    }

    /// Appends the folds of the scalars of `range`, whatever their class.
    private func appendFolds(of range: Range<Int>, to term: inout TermBuffer) {
        var index = range.lowerBound
        while index < range.upperBound {
            let next = scalar(at: index)
            if next.length == 1 {
                let folded = asciiFold[Int(text[index])]
                if folded != 0 { term.append(folded) }
            } else {
                appendFold(of: next, at: index, to: &term)
            }
            index += max(1, next.length)
        }
    }

    /// The scalar at `index`; a zero-length separator at the end of the text.
    @inline(__always)
    private func scalar(at index: Int) -> Scalar {
        guard index < text.count else { return (.separator, 0, 0) }
        let byte = text[index]
        if byte < 0x80 { return (asciiClass[Int(byte)], UInt32(byte), 1) }
        let (value, length) = text.decodeScalar(at: index)
        return (ScalarClass(value), value, length)
    }

    /// Whether a letter or digit follows at `index`, after any combining marks.
    private func continuesWord(at index: Int) -> Bool {
        var index = index
        while true {
            let next = scalar(at: index)
            switch next.class {
            case .letter: return !Self.isWrittenWithoutSpaces(next.value)
            case .digit: return true
            case .mark: index += next.length
            case .separator, .ideograph, .apostrophe, .period, .comma: return false
            }
        }
    }

    /// Appends the fold of the non-ASCII `scalar` found at `index`.
    private func appendFold(of scalar: Scalar, at index: Int, to term: inout TermBuffer) {
        if !CaseFolding.scalars.withFold(of: scalar.value, { term.append($0) }) {
            term.append(UnsafeBufferPointer(rebasing: text[index..<index + scalar.length]))
        }
    }
}

/// The term of the token being scanned, in a fixed buffer; remembers overflowing it.
private struct TermBuffer {
    let storage: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    var overflowed = false

    mutating func removeAll() {
        count = 0
        overflowed = false
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < storage.count else {
            overflowed = true
            return
        }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard count + bytes.count <= storage.count else {
            overflowed = true
            return
        }
        for byte in bytes {
            storage[count] = byte
            count += 1
        }
    }

    /// Calls `body` with the term unless it is empty or overflowed.
    func report(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        guard !overflowed && count > 0 else { return }
        body(UnsafeBufferPointer(rebasing: storage[..<count]), range)
    }
}
