/// What a Unicode scalar is to the tokenizer: part of a word, a joiner that may sit inside a word,
/// or a separator.
enum ScalarClass: UInt8, Sendable {
    case separator
    /// Alphabetic, or numeric but not a decimal digit (`½`, `Ⅻ`).
    case letter
    /// A decimal digit of any script.
    case digit
    /// A combining mark or an invisible format character (soft hyphen, zero-width joiner):
    /// stays in the word it follows; folding removes most.
    case mark
    /// A Han ideograph or kana, which is a token on its own.
    case ideograph
    /// `'`, `’` or `ʼ`: joins letters, and introduces an English possessive.
    case apostrophe
    /// `.`: joins digits (`38.13`) and the letters of an acronym (`U.S.`).
    case period
    /// `,`: joins digits (`15,000`).
    case comma

    /// Letters, digits and marks, which make up word tokens.
    var isWordPart: Bool { self == .letter || self == .digit || self == .mark }

    /// The classes of the 128 ASCII scalars, indexed by byte.
    static let ascii: [ScalarClass] = (0..<128).map { (byte: UInt8) -> ScalarClass in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "'"): .apostrophe
        case UInt8(ascii: "."): .period
        case UInt8(ascii: ","): .comma
        default: .separator
        }
    }

    /// Classifies a scalar by its Unicode properties.
    @inline(__always)
    init(_ value: UInt32) {
        if value < 0x80 {
            self = ScalarClass.ascii[Int(value)]
        } else {
            switch value {
            case 0x80..<0x800: self = ScalarClass.latinToArabic[Int(value) - 0x80]
            case 0x2000..<0x2070: self = ScalarClass.generalPunctuation[Int(value) - 0x2000]
            case 0x3000..<0x3100: self = ScalarClass.cjkPunctuationAndKana[Int(value) - 0x3000]
            case 0xFF00..<0xFFF0: self = ScalarClass.fullWidthForms[Int(value) - 0xFF00]
            default: self = ScalarClass(lookingUp: value)
            }
        }
    }

    /// Blocks whose classes are computed on first use, since property lookups are slow;
    /// each block on its own, so English text with curly quotes pays only for General
    /// Punctuation, not for the 1,920 scalars from Latin to Arabic.
    private static let latinToArabic = table(0x80..<0x800)
    private static let generalPunctuation = table(0x2000..<0x2070)
    private static let cjkPunctuationAndKana = table(0x3000..<0x3100)
    private static let fullWidthForms = table(0xFF00..<0xFFF0)

    private static func table(_ block: Range<UInt32>) -> [ScalarClass] {
        block.map(ScalarClass.init(lookingUp:))
    }

    private init(lookingUp value: UInt32) {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF:
            self = .ideograph
            return
        case 0xAC00...0xD7A3:
            self = .letter
            return
        case 0x2019, 0x02BC:
            self = .apostrophe
            return
        case 0xFF9E, 0xFF9F:  // halfwidth kana voicing marks: Lm, but they modify the kana before
            self = .mark
            return
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else {
            self = .separator
            return
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            self = .mark
        case .decimalNumber:
            self = .digit
        case .format:  // soft hyphen, zero-width joiners, bidi marks: invisible inside words
            self = value == 0x200B ? .separator : .mark
        default:
            if !properties.isAlphabetic && properties.numericType == nil {
                self = .separator
            } else if properties.isIdeographic || ScalarClass.isKana(value) {
                self = .ideograph
            } else {
                self = .letter
            }
        }
    }

    private static func isKana(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D, 0x1B000...0x1B16F: true
        default: false
        }
    }
}
