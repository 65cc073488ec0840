/// What analysing many stories in many languages keeps between words: the English stem
/// cache, and per language its Snowball stemmer and the terms of the words seen last. One
/// context serves one thread (a segment writer, a snippet builder, a query).
final class AnalysisContext {
    private(set) lazy var englishStems = StemCache()
    private var byLanguage: [String: LanguageTerms] = [:]

    init() {}

    /// The terms of `language`'s words: looked up once per text, not per word.
    func terms(of language: LanguageAnalysis) -> LanguageTerms {
        if let known = byLanguage[language.code] { return known }
        let made = LanguageTerms(language)
        byLanguage[language.code] = made
        return made
    }

    /// The word in lower case with its diacritics: the folded term itself for ASCII (folding
    /// ASCII only lower-cases and drops joiners) when `folded` is given, otherwise the written
    /// form lower-cased without apostrophes, periods and commas, which the tokenizer drops
    /// inside words.
    static func lowerCase(_ written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>?) -> [UInt8] {
        if let folded, written.allSatisfy({ $0 < 0x80 }) { return Array(folded) }
        let lowered = String(decoding: written, as: UTF8.self).lowercased()
        var out: [UInt8] = []
        out.reserveCapacity(lowered.utf8.count)
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x27, 0x2019, 0x02BC, 0x2E, 0x2C: continue
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        return out
    }
}

/// One language's analysis of words in its script, with the terms of the words seen last:
/// news text repeats its vocabulary, and lower-casing and stemming a word outside ASCII
/// allocates. The cache is emptied when it holds `cacheLimit` words.
final class LanguageTerms {
    let language: LanguageAnalysis
    private let stemmer: SnowballStemmer?
    /// Each word as written (case, diacritics, joiners) and its term.
    private var cache = BytesKeyedCache<[UInt8]>(limit: LanguageTerms.cacheLimit)
    static let cacheLimit = 50_000

    init(_ language: LanguageAnalysis) {
        self.language = language
        stemmer = language.snowball.flatMap(SnowballStemmer.init(algorithm:))
    }

    /// The term of the word written as `written` (valid UTF-8; its tokenizer term is
    /// `folded`), a word in the language's script.
    func term(written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        cache.value(for: written) { analyse(written: written, folded: folded) }
    }

    /// Lower case with the language's diacritics (the joiners the tokenizer drops left out),
    /// stemmed by the language's stemmer, then folded unless the language keeps diacritics.
    private func analyse(written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var lower: [UInt8]
        if language.endsWordsAtApostrophes, let cut = Self.apostrophe(in: written) {
            lower = AnalysisContext.lowerCase(UnsafeBufferPointer(rebasing: written[..<cut]), folded: nil)
        } else {
            lower = AnalysisContext.lowerCase(written, folded: folded)
        }
        if let stemmer {
            lower = lower.withUnsafeBufferPointer { stemmer.stem($0).map(Array.init) } ?? lower
        }
        if language.keepsDiacritics { return lower }
        var out: [UInt8] = []
        lower.withUnsafeBufferPointer { bytes in
            Tokenizer().forEachToken(in: bytes) { piece, _ in out.append(contentsOf: piece) }
        }
        return out.isEmpty ? Array(folded) : out
    }

    /// Where the first apostrophe (`'` or `’`) in `written` is, when a word comes before it.
    static func apostrophe(in written: UnsafeBufferPointer<UInt8>) -> Int? {
        for i in written.indices.dropFirst() {
            if written[i] == 0x27 { return i }
            if written[i] == 0xE2 && i + 2 < written.count && written[i + 1] == 0x80 && written[i + 2] == 0x99 { return i }
        }
        return nil
    }
}
