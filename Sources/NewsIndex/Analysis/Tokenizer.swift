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
/// Each Han ideograph and kana is a token of its own (with any marks that follow), as in
/// Lucene's StandardTokenizer; scripts written without spaces and without such a rule (Thai,
/// Khmer, …) give one token per space-separated run. A token whose term would exceed
/// `maxTermLength` bytes is skipped: such runs are data (base64, hashes), not words.
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
            switch current.class {
            case .letter, .digit, .mark: index = scanWord(from: index, into: &term, body)
            case .ideograph: index = scanIdeograph(current, from: index, into: &term, body)
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

    /// Reports the ideograph or kana `first` at `start`, with the marks after it, as a token.
    private func scanIdeograph(
        _ first: Scalar, from start: Int, into term: inout TermBuffer,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) -> Int {
        term.removeAll()
        appendFold(of: first, at: start, to: &term)
        var index = start + first.length
        while case let next = scalar(at: index), next.class == .mark {
            appendFold(of: next, at: index, to: &term)
            index += next.length
        }
        term.report(start..<index, body)
        return index
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
            case .letter, .digit: return true
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
