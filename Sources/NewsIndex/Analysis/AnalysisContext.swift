/// What analysing many stories in many languages keeps between words: the English stem
/// cache, one Snowball stemmer per language, and per language the terms of the words seen
/// last. One context serves one thread (a segment writer, a snippet builder, a query).
final class AnalysisContext {
    private(set) lazy var englishStems = StemCache()
    private var stemmers: [String: SnowballStemmer] = [:]
    /// Per language, the term of each recently seen word as written (case, diacritics,
    /// joiners): news text repeats its vocabulary, and lower-casing and stemming a word
    /// outside ASCII allocates. Emptied when it holds `cacheLimit` words.
    private var terms: [String: [[UInt8]: [UInt8]]] = [:]
    static let cacheLimit = 50_000

    init() {}

    /// The term of the word written as `written` (valid UTF-8; its tokenizer term is
    /// `folded`) in `language`, whose script it is in.
    func term(
        written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>, language: LanguageAnalysis
    ) -> [UInt8] {
        let key = Array(written)
        if let known = terms[language.code]?[key] { return known }
        let term = analyse(written: written, folded: folded, language: language)
        if terms[language.code, default: [:]].count >= Self.cacheLimit { terms[language.code] = [:] }
        terms[language.code, default: [:]][key] = term
        return term
    }

    /// Lower case with the language's diacritics (the joiners the tokenizer drops left out),
    /// stemmed by the language's stemmer, then folded unless the language keeps diacritics.
    private func analyse(
        written: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>, language: LanguageAnalysis
    ) -> [UInt8] {
        var lower: [UInt8]
        if language.endsWordsAtApostrophes, let cut = Self.apostrophe(in: written) {
            lower = Self.lowerCase(UnsafeBufferPointer(rebasing: written[..<cut]), folded: nil)
        } else {
            lower = Self.lowerCase(written, folded: folded)
        }
        if let algorithm = language.snowball {
            if stemmers[language.code] == nil { stemmers[language.code] = SnowballStemmer(algorithm: algorithm) }
            if let stemmer = stemmers[language.code] {
                lower = lower.withUnsafeBufferPointer { stemmer.stem($0).map(Array.init) } ?? lower
            }
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
