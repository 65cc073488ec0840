/// One pass over a story's body that finds what choosing passages needs — its words, where
/// its sentences end, and where the query's terms occur — while running the tokenizer over
/// only the stretches that may hold a query term.
///
/// Tokenizing and stemming every word of every hit was most of a text-mode search's work.
/// But whitespace always separates tokens, so tokenizing a whitespace-delimited stretch alone
/// gives the same tokens as tokenizing the whole body; and stemming and case folding keep a
/// word's first two letters (see `SnippetKeys.mayStart`), so in ASCII text a stretch where no
/// word starts with a query term's first two letters (in either case) cannot hold one. Only
/// the other stretches, and any with non-ASCII letters (which may fold to anything), go
/// through the `Analyzer`.
///
/// A long body is read only as far as it must be: past `scanLimit` bytes the pass stops at
/// the first word boundary where every term has been seen (as Lucene's and Solr's
/// highlighters read a bounded prefix, but without giving up on a term that comes later).
/// A 100 KB page cost a search process more in this pass than everything else together.
///
/// Words here are what a reader counts: runs of non-whitespace (`Jong-un,` is one word),
/// except that each CJK character is a word of its own (those scripts have no spaces) and a
/// run longer than `maxWordBytes` is split, so that text without spaces cannot make one
/// passage of the whole story.
struct BodyScan {
    struct Word {
        /// Byte range in the body.
        var bytes: Range<Int>
        /// Bytes before it that continue a multi-byte character: its first character is
        /// code point `bytes.lowerBound - continuationBytesBefore` of the body.
        var continuationBytesBefore: Int
        /// A sentence or paragraph ends with this word.
        var endsSentence = false
    }

    /// An occurrence of one of the `SnippetKeys` terms.
    struct Hit {
        /// The token's byte range in the body, as written.
        var bytes: Range<Int>
        /// Its index in `SnippetKeys.terms`.
        var key: Int
        /// Adjacent tokens of the body have consecutive ordinals (to find phrases); other
        /// ordinals only keep the order.
        var ordinal: Int
        /// The word holding its first byte.
        var word: Int
    }

    static let maxWordBytes = 120
    /// Bytes of a body read before the pass may stop (see above).
    static let scanLimit = 32 * 1024
    /// Stretches that cannot hold a term but lie within this many bytes between two that may
    /// are tokenized with them: one tokenizer call costs about as much as scanning that much.
    static let bridgedBytes = 24

    let words: [Word]
    /// The sentences, as ranges of `words`, in order and covering them all.
    let sentences: [Range<Int>]
    let hits: [Hit]
    /// Bytes of the body that continue a multi-byte character.
    let continuationBytes: Int
    /// Whether the pass read the body to its end (else the words stop short of it).
    let readWholeBody: Bool

    /// `language`: the story's (`Story.language`); its words are analysed as they were indexed.
    init(_ body: UnsafeBufferPointer<UInt8>, keys: SnippetKeys, analyzer: Analyzer, language: String = "en",
         scanLimit: Int = BodyScan.scanLimit) {
        var scanner = Scanner(body: body, keys: keys, analyzer: analyzer, scanLimit: scanLimit)
        let analysis = LanguageAnalysis.of(language)
        if !analysis.stemsEnglish && analysis.isSpecific { scanner.language = (analysis, AnalysisContext()) }
        keys.byteKinds.withUnsafeBufferPointer { scanner.run(kinds: $0) }
        words = scanner.words
        sentences = scanner.sentences
        hits = scanner.hits
        continuationBytes = scanner.continuationBytes
        readWholeBody = scanner.readWholeBody
    }

    /// The code point at which the text from byte `words[index].bytes.lowerBound` starts, or
    /// at which the text after word `index - 1` ends when `index` is `words.count`.
    func codePoint(atWord index: Int) -> Int {
        index < words.count ? words[index].bytes.lowerBound - words[index].continuationBytesBefore
            : (words.last?.bytes.upperBound ?? 0) - continuationBytes
    }

    /// The pass itself, as a value with mutating methods so that its state stays in plain
    /// stores (a nested function capturing locals would box them).
    private struct Scanner {
        let body: UnsafeBufferPointer<UInt8>
        let keys: SnippetKeys
        let analyzer: Analyzer
        /// The story's language when it has an analysis of its own other than English's.
        var language: (analysis: LanguageAnalysis, context: AnalysisContext)?
        var words: [Word] = []
        var sentences: [Range<Int>] = []
        var hits: [Hit] = []
        var continuationBytes = 0
        /// The pending run of stretches to tokenize: its bytes and first word (-1: none).
        var runStart = -1, runEnd = 0, runFirstWord = 0
        /// Whether a stretch with tokens lies after the run (so no phrase continues it).
        var tokensAfterRun = false
        var nextOrdinal = 0
        let scanLimit: Int
        /// A bit per term of `keys` seen so far, and the value with every term seen; with
        /// more than 64 terms the pass reads to the end.
        var seenTerms: UInt64 = 0
        let allTerms: UInt64
        let mayStopEarly: Bool
        var readWholeBody = true

        init(body: UnsafeBufferPointer<UInt8>, keys: SnippetKeys, analyzer: Analyzer, scanLimit: Int) {
            self.body = body
            self.keys = keys
            self.analyzer = analyzer
            self.scanLimit = scanLimit
            let termCount = keys.terms.count
            allTerms = termCount < 64 ? (1 << UInt64(termCount)) - 1 : .max
            mayStopEarly = termCount <= 64
            words.reserveCapacity(min(body.count, scanLimit) / 6 + 1)
        }

        mutating func run(kinds: UnsafeBufferPointer<UInt8>) {
            let n = body.count
            var i = 0
            var previous = 0..<0
            while true {
                var newlines = 0
                while i < n, kinds[Int(body[i])] == ByteKind.space {
                    if body[i] == 0x0A { newlines += 1 }
                    i += 1
                }
                if !words.isEmpty && (i == n || newlines >= 2
                    || (BodyScan.startsSentence(body, at: i) && SentenceEnd.isStop(body, previous))) {
                    endSentence()
                }
                guard i < n else { break }
                if i >= scanLimit && mayStopEarly {
                    tokenizeRun()
                    if seenTerms == allTerms {
                        endSentence()
                        readWholeBody = false
                        break
                    }
                }

                let stretchStart = i, firstWord = words.count
                var pieceStart = i, pieceContinuations = continuationBytes
                var mayHoldKey = false, hasWordBytes = false
                while i < n {
                    let b = body[i]
                    let kind = kinds[Int(b)]
                    if kind >= ByteKind.alphanumeric {
                        // A run of ASCII letters and digits starts here, taken whole below
                        // (a byte of any other kind ends it). Unless its second byte is an
                        // ASCII letter or digit that no term has after this first one, its
                        // stretch is tokenized.
                        if kind == ByteKind.keyStart && !mayHoldKey {
                            mayHoldKey = i + 1 == n || kinds[Int(body[i + 1])] < ByteKind.alphanumeric
                                || keys.mayStart(b, body[i + 1])
                        }
                        hasWordBytes = true
                        i += 1
                        while i < n && kinds[Int(body[i])] >= ByteKind.alphanumeric { i += 1 }
                        continue
                    } else if kind == ByteKind.punctuation {
                        // Nothing to note.
                    } else if kind == ByteKind.space {
                        break
                    } else if let length = BodyScan.punctuationLength(body, at: i) {
                        // Dashes, curly quotes, bullets, ellipses, no-break spaces: never
                        // in a token, so they cannot make a stretch worth tokenizing.
                        continuationBytes += length - 1
                        i += length
                        continue
                    } else {
                        mayHoldKey = true
                        hasWordBytes = true
                        if b & 0xC0 == 0x80 {
                            continuationBytes += 1
                        } else if b >= 0xE3 && b <= 0xE9 {
                            // U+3000–U+9FFF: CJK punctuation, kana and ideographs, one word each.
                            appendPiece(pieceStart..<i, continuationBytesBefore: pieceContinuations)
                            let end = min(i + 3, n)
                            let isFullStop = end - i == 3 && b == 0xE3 && body[i + 1] == 0x80 && body[i + 2] == 0x82
                            words.append(Word(bytes: i..<end, continuationBytesBefore: continuationBytes))
                            if isFullStop { endSentence() }
                            continuationBytes += end - i - 1
                            i = end
                            pieceStart = i
                            pieceContinuations = continuationBytes
                            continue
                        }
                    }
                    i += 1
                }
                appendPiece(pieceStart..<i, continuationBytesBefore: pieceContinuations)
                previous = stretchStart..<i

                if !hasWordBytes {
                    // No tokens (`--`, `•`): nothing to find, and no phrase is broken by it.
                } else if mayHoldKey {
                    if runStart >= 0 && stretchStart - runEnd > BodyScan.bridgedBytes { tokenizeRun() }
                    if runStart < 0 {
                        if tokensAfterRun { nextOrdinal += 1 }
                        runStart = stretchStart
                        runFirstWord = firstWord
                    }
                    tokensAfterRun = false
                    runEnd = i
                } else {
                    // Words nobody looks for: a later run may bridge them, else they
                    // separate the runs around them.
                    tokensAfterRun = true
                    if runStart >= 0 && i - runEnd > BodyScan.bridgedBytes { tokenizeRun() }
                }
            }
            tokenizeRun()
        }

        /// Ends the current sentence with the last word (if not already ended there).
        private mutating func endSentence() {
            let start = sentences.last?.upperBound ?? 0
            guard words.count > start else { return }
            words[words.count - 1].endsSentence = true
            sentences.append(start..<words.count)
        }

        /// Appends `piece` as one word, or as several when it is longer than `maxWordBytes`
        /// (cut where a character starts). Inlined for the one word of nearly every piece:
        /// called once per word, it was a sixth of the scan.
        @inline(__always)
        private mutating func appendPiece(_ piece: Range<Int>, continuationBytesBefore: Int) {
            if piece.count <= BodyScan.maxWordBytes {
                if !piece.isEmpty { words.append(Word(bytes: piece, continuationBytesBefore: continuationBytesBefore)) }
            } else {
                appendLongPiece(piece, continuationBytesBefore: continuationBytesBefore)
            }
        }

        private mutating func appendLongPiece(_ piece: Range<Int>, continuationBytesBefore: Int) {
            var start = piece.lowerBound
            var continuationsSoFar = continuationBytesBefore
            while piece.upperBound - start > BodyScan.maxWordBytes {
                var cut = start + BodyScan.maxWordBytes
                while cut < piece.upperBound && body[cut] & 0xC0 == 0x80 { cut += 1 }
                words.append(Word(bytes: start..<cut, continuationBytesBefore: continuationsSoFar))
                continuationsSoFar += continuations(in: start..<cut)
                start = cut
            }
            if start < piece.upperBound { words.append(Word(bytes: start..<piece.upperBound, continuationBytesBefore: continuationsSoFar)) }
        }

        private func continuations(in range: Range<Int>) -> Int {
            var count = 0
            for i in range where body[i] & 0xC0 == 0x80 { count += 1 }
            return count
        }

        /// Tokenizes the pending run and records its hits.
        mutating func tokenizeRun() {
            guard runStart >= 0 else { return }
            var wordIndex = runFirstWord
            let offset = runStart
            let keys = keys
            var ordinal = nextOrdinal
            var seen = seenTerms
            var found = hits
            hits = []
            let words = words
            let run = UnsafeBufferPointer(rebasing: body[runStart..<runEnd])
            func record(_ term: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                ordinal += 1
                let key = keys.index(of: term)
                guard key >= 0 else { return }
                if key < 64 { seen |= 1 << UInt64(key) }
                let start = range.lowerBound + offset
                while wordIndex + 1 < words.count && words[wordIndex].bytes.upperBound <= start { wordIndex += 1 }
                found.append(Hit(bytes: start..<(range.upperBound + offset), key: key, ordinal: ordinal - 1, word: wordIndex))
            }
            if let language {
                analyzer.forEachToken(inUTF8: run, language: language.analysis, context: language.context, record)
            } else {
                // A closure rather than the method `keys.mayMatch`, whose partial application
                // would copy `keys` into a new heap box at every run.
                analyzer.forEachToken(inUTF8: run, stemmingOnly: { keys.mayMatch($0) }, record)
            }
            hits = found
            seenTerms = seen
            nextOrdinal = ordinal
            runStart = -1
        }
    }

    /// The length of the common non-ASCII punctuation starting at `index`, if it is some:
    /// U+2010–U+2027 (hyphens, dashes, quotes, bullets, `…`), U+2030–U+203E, and U+00A0,
    /// `«`, `»`. The tokenizer never puts these in a token (U+2019, also an apostrophe,
    /// joins only letters on both sides, which are then looked at themselves).
    @inline(__always)
    fileprivate static func punctuationLength(_ body: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let b = body[index]
        if b == 0xE2 && index + 2 < body.count && body[index + 1] == 0x80 {
            let c = body[index + 2]
            return (c >= 0x90 && c <= 0xA7) || (c >= 0xB0 && c <= 0xBE) ? 3 : nil
        }
        if b == 0xC2 && index + 1 < body.count {
            let c = body[index + 1]
            return c == 0xA0 || c == 0xAB || c == 0xBB ? 2 : nil
        }
        return nil
    }

    /// Whether the text at `index` can start a sentence: a capital, a digit, an opening quote
    /// or bracket, or any non-ASCII character (curly quotes, accented capitals).
    fileprivate static func startsSentence(_ body: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < body.count else { return true }
        let b = body[index]
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "["):
            return true
        default:
            return b >= 0x80
        }
    }
}
