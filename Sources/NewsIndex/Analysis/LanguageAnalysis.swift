/// What one language adds to the shared tokenizing and folding: its stemmer, its stop words,
/// whether its diacritics tell words apart, and the script these apply to.
///
/// A story is analysed as its language (`Story.language`): its words in that language's
/// script are lower-cased, stemmed with the language's Snowball stemmer and then folded
/// (diacritics come off after stemming, since the stemmers read them: French `é`, Russian
/// `й`, Turkish `ş`); words in other scripts, stories of unknown language (`und`) and
/// languages without a stemmer get the language-neutral analysis, folding alone. English
/// keeps the stemmer in the tree (`EnglishStemmer`): the same stems as Snowball's English on
/// the 4,000-pair fixture, at a third of the instructions.
struct LanguageAnalysis: Sendable, Equatable {
    /// The scripts languages are written in, as far as analysis tells them apart.
    enum Script: Sendable, Equatable {
        case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, tamil, other

        /// The script of the scalar `value` (a letter).
        init(_ value: UInt32) {
            switch value {
            case 0..<0x250, 0x1E00..<0x1F00, 0xFF21..<0xFF5B: self = .latin
            case 0x370..<0x400, 0x1F00..<0x2000: self = .greek
            case 0x400..<0x530, 0x1C80..<0x1C90, 0x2DE0..<0x2E00, 0xA640..<0xA6A0: self = .cyrillic
            case 0x530..<0x590: self = .armenian
            case 0x590..<0x600: self = .hebrew
            case 0x600..<0x700, 0x750..<0x780, 0x8A0..<0x900, 0xFB50..<0xFE00, 0xFE70..<0xFF00: self = .arabic
            case 0x900..<0x980: self = .devanagari
            case 0xB80..<0xC00: self = .tamil
            default: self = .other
            }
        }

        /// The script of a word's first letter.
        init(_ word: String) {
            self = word.unicodeScalars.first.map { Script($0.value) } ?? .other
        }

        /// The script of a term's first letter.
        init(of term: UnsafeBufferPointer<UInt8>) {
            guard let first = term.first else { self = .other; return }
            self = first < 0x80 ? .latin : Script(term.decodeScalar(at: 0).value)
        }
    }

    /// The language's code (`ru`), `und` for the language-neutral analysis.
    let code: String
    /// The script the language's stemmer and stop words apply to; nil: none do.
    let script: Script?
    /// Snowball's name for the language's stemmer (`russian`); nil: no stemming (or English's own).
    let snowball: String?
    /// Terms keep their diacritics (lower-cased, not folded): Vietnamese writes its six tones
    /// with them, and folding makes `ma`, `má`, `mà`, `mả`, `mã`, `mạ` one word.
    let keepsDiacritics: Bool
    /// A word ends at an apostrophe: Turkish writes the suffixes of a name after one
    /// (`Moskova'da`, `Türkiye'nin`), as Lucene's Turkish analyzer reads it. On the shared
    /// Turkish collection nDCG@10 0.931 -> 0.934; lower-casing I as ı there changed nothing
    /// (0.930), so Turkish is lower-cased as every language is.
    var endsWordsAtApostrophes: Bool { code == "tr" || code == "az" }

    var stemsEnglish: Bool { code == "en" }
    /// Whether terms in the language's script differ from the neutral analysis's.
    var isSpecific: Bool { stemsEnglish || snowball != nil || keepsDiacritics }

    /// The language-neutral analysis: folding and segmentation by script.
    static let neutral = LanguageAnalysis(code: LanguageTag.undetermined, script: nil, snowball: nil, keepsDiacritics: false)

    /// The analysis of the language `code` (a primary subtag): its own, or the neutral one.
    static func of(_ code: String) -> LanguageAnalysis {
        if code == "en" { return LanguageAnalysis(code: code, script: .latin, snowball: nil, keepsDiacritics: false) }
        if code == "vi" { return LanguageAnalysis(code: code, script: .latin, snowball: nil, keepsDiacritics: true) }
        guard let (algorithm, script) = snowballAlgorithms[code] else {
            return LanguageAnalysis(code: code, script: nil, snowball: nil, keepsDiacritics: false)
        }
        return LanguageAnalysis(code: code, script: script, snowball: algorithm, keepsDiacritics: false)
    }

    /// Snowball's stemmers in libstemmer 2.2.0 by language code, with the script each reads.
    static let snowballAlgorithms: [String: (String, Script)] = [
        "ar": ("arabic", .arabic), "hy": ("armenian", .armenian), "eu": ("basque", .latin), "ca": ("catalan", .latin),
        "da": ("danish", .latin), "nl": ("dutch", .latin), "fi": ("finnish", .latin), "fr": ("french", .latin),
        "de": ("german", .latin), "el": ("greek", .greek), "hi": ("hindi", .devanagari), "hu": ("hungarian", .latin),
        "id": ("indonesian", .latin), "ga": ("irish", .latin), "it": ("italian", .latin), "lt": ("lithuanian", .latin),
        "ne": ("nepali", .devanagari), "no": ("norwegian", .latin), "nb": ("norwegian", .latin), "nn": ("norwegian", .latin),
        "pt": ("portuguese", .latin), "ro": ("romanian", .latin), "ru": ("russian", .cyrillic), "sr": ("serbian", .cyrillic),
        "es": ("spanish", .latin), "sv": ("swedish", .latin), "ta": ("tamil", .tamil), "tr": ("turkish", .latin),
        "yi": ("yiddish", .hebrew),
    ]

    /// The language's stop words (as the language writes them, lower case), matched before
    /// stemming; nil for a language without a list.
    var stopWords: StopWords? {
        if stemsEnglish { return .english }
        return StopWords.of(code)
    }
}
