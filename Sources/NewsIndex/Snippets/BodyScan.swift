/// One pass over a story's body that finds what choosing passages needs — its words, where
/// its sentences end, and where the query's terms occur — while running the tokenizer over
/// only the stretches that may hold a query term.
///
/// Tokenizing and stemming every word of every hit was most of a text-mode search's work.
/// But whitespace always separates tokens, so tokenizing a whitespace-delimited stretch alone
/// gives the same tokens as tokenizing the whole body; and stemming and case folding keep a
/// word's first letter, so in ASCII text a stretch where no word starts with a query term's
/// first letter (in either case) cannot hold one. Only the other stretches, and any with
/// non-ASCII bytes (which may fold to anything), go through the `Analyzer`.
///
/// Words here are what a reader counts: runs of non-whitespace (`Jong-un,` is one word),
/// except that each CJK character is a word of its own (those scripts have no spaces) and a
/// run longer than `maxWordBytes` is split, so that text without spaces cannot make one
/// passage of the whole story.
struct BodyScan {
    struct Word {
        /// Byte range in the body.
        var bytes: Range<Int>
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

    let words: [Word]
    let hits: [Hit]

    init(_ body: UnsafeBufferPointer<UInt8>, keys: SnippetKeys, analyzer: Analyzer) {
        var words: [Word] = []
        var hits: [Hit] = []
        words.reserveCapacity(body.count / 6 + 1)
        let n = body.count
        var i = 0
        // The pending run of whitespace-delimited stretches to tokenize: its bytes and first word.
        var runStart = -1, runEnd = 0, runFirstWord = 0
        var nextOrdinal = 0
        var previousEndsWithStop = false

        func tokenizeRun() {
            guard runStart >= 0 else { return }
            var wordIndex = runFirstWord
            let offset = runStart
            analyzer.forEachToken(inUTF8: UnsafeBufferPointer(rebasing: body[runStart..<runEnd]),
                                  stemmingOnly: keys.mayMatch) { term, range in
                let ordinal = nextOrdinal
                nextOrdinal += 1
                let key = keys.index(of: term)
                guard key >= 0 else { return }
                let start = range.lowerBound + offset
                while wordIndex + 1 < words.count && words[wordIndex].bytes.upperBound <= start { wordIndex += 1 }
                hits.append(Hit(bytes: start..<(range.upperBound + offset), key: key, ordinal: ordinal, word: wordIndex))
            }
            runStart = -1
        }

        while true {
            var newlines = 0
            while i < n, Self.byteClass[Int(body[i])] == Self.space {
                if body[i] == 0x0A { newlines += 1 }
                i += 1
            }
            if !words.isEmpty && (i == n || newlines >= 2 || (previousEndsWithStop && Self.startsSentence(body, at: i))) {
                words[words.count - 1].endsSentence = true
            }
            guard i < n else { break }

            let stretchStart = i, firstWord = words.count
            var pieceStart = i
            var mayHoldKey = false, hasWordBytes = false, afterAlphanumeric = false
            while i < n {
                let b = body[i]
                let c = Self.byteClass[Int(b)]
                if c == Self.alphanumeric {
                    if !afterAlphanumeric && keys.firstBytes[Int(Self.lowercased(b))] { mayHoldKey = true }
                    afterAlphanumeric = true
                    hasWordBytes = true
                    i += 1
                } else if c == Self.punctuation {
                    afterAlphanumeric = false
                    i += 1
                } else if c == Self.space {
                    break
                } else {
                    mayHoldKey = true
                    hasWordBytes = true
                    afterAlphanumeric = false
                    if b >= 0xE3 && b <= 0xE9 {
                        // U+3000–U+9FFF: CJK punctuation, kana and ideographs, one word each.
                        if i > pieceStart { words.append(Word(bytes: pieceStart..<i)) }
                        let end = min(i + 3, n)
                        let isFullStop = end - i == 3 && b == 0xE3 && body[i + 1] == 0x80 && body[i + 2] == 0x82
                        words.append(Word(bytes: i..<end, endsSentence: isFullStop))
                        i = end
                        pieceStart = i
                        continue
                    }
                    i += 1
                }
                if i - pieceStart >= Self.maxWordBytes && (i == n || body[i] & 0xC0 != 0x80) {
                    words.append(Word(bytes: pieceStart..<i))
                    pieceStart = i
                }
            }
            if i > pieceStart { words.append(Word(bytes: pieceStart..<i)) }
            previousEndsWithStop = SentenceEnd.isStop(body, stretchStart..<i)

            if mayHoldKey || !hasWordBytes {
                if runStart < 0 {
                    runStart = stretchStart
                    runFirstWord = firstWord
                }
                runEnd = i
            } else {
                // Words nobody looks for: tokens lie here, so no phrase spans it.
                tokenizeRun()
                nextOrdinal += 1
            }
        }
        tokenizeRun()
        self.words = words
        self.hits = hits
    }

    /// Whether the text at `index` can start a sentence: a capital, a digit, an opening quote
    /// or bracket, or any non-ASCII character (curly quotes, accented capitals).
    private static func startsSentence(_ body: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
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

    @inline(__always)
    private static func lowercased(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    private static let punctuation: UInt8 = 0, space: UInt8 = 1, alphanumeric: UInt8 = 2, nonASCII: UInt8 = 3

    /// Each byte's class: ASCII whitespace, letters and digits, other ASCII, or part of a
    /// non-ASCII character.
    private static let byteClass: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x09...0x0D, 0x20: space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: alphanumeric
        case 0x80...: nonASCII
        default: punctuation
        }
    }
}
