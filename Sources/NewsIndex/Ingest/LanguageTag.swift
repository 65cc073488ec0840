/// Reads a declared language tag (BCP 47 as pages write it, ISO 639 as feeds and NewsML do)
/// as the primary language subtag newsidx stores and filters by: `en-GB` and `EN_us` are
/// `en`, `zh-Hant-TW` is `zh`, the withdrawn `iw`, `in`, `ji` and `jw` are `he`, `id`, `yi`
/// and `jv`. Tags that name no one language (`und`, `mul`, `zxx`, `mis`, private `x-…`) and
/// anything that is not a 2–3 letter subtag are nil, so the story's text decides instead.
/// The ISO 639-2 codes of languages that have a two-letter code (`kor`, `fre`, `ger`) are
/// read as that code, as BCP 47 requires of a tag.
public enum LanguageTag {
    /// The code of a story whose language neither its source nor its text tells.
    public static let undetermined = "und"

    /// The primary subtag of `tag`, lower case, or nil.
    public static func primary(_ tag: String) -> String? {
        var code = ""
        for scalar in tag.unicodeScalars.drop(while: { $0 == " " || $0 == "\t" }) {
            if scalar == "-" || scalar == "_" || scalar == " " || scalar == "\t" || scalar == "\n" { break }
            guard scalar.isASCII, let byte = UInt8(exactly: scalar.value), ASCIIByte.isLetter(byte) else { return nil }
            code.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            if code.utf8.count > 3 { return nil }
        }
        guard code.utf8.count >= 2 else { return nil }
        switch code {
        case "und", "mul", "zxx", "mis": return nil
        case "iw": return "he"
        case "in": return "id"
        case "ji": return "yi"
        case "jw": return "jv"
        default: return code.utf8.count == 3 ? threeLetterCodes[code] ?? code : code
        }
    }

    /// The language a filter (`lang:ko`, `--lang ko`) names: `primary(tag)`, or `und`
    /// for the stories whose language is unknown.
    public static func filterCode(_ tag: String) -> String? {
        tag.lowercased() == undetermined ? undetermined : primary(tag)
    }

    /// ISO 639-2 (bibliographic and terminological) codes of the languages wires publish in,
    /// and of those newsidx analyses, with their two-letter codes.
    private static let threeLetterCodes: [String: String] = [
        "ara": "ar", "ben": "bn", "bul": "bg", "cat": "ca", "ces": "cs", "cze": "cs", "chi": "zh", "zho": "zh",
        "dan": "da", "deu": "de", "ger": "de", "ell": "el", "gre": "el", "eng": "en", "spa": "es", "est": "et",
        "eus": "eu", "baq": "eu", "fas": "fa", "per": "fa", "fin": "fi", "fra": "fr", "fre": "fr", "gle": "ga",
        "heb": "he", "hin": "hi", "hun": "hu", "hye": "hy", "arm": "hy", "ind": "id", "ita": "it", "jpn": "ja",
        "kor": "ko", "lit": "lt", "lav": "lv", "msa": "ms", "may": "ms", "nep": "ne", "nld": "nl", "dut": "nl",
        "nor": "no", "nob": "nb", "pol": "pl", "por": "pt", "ron": "ro", "rum": "ro", "rus": "ru", "srp": "sr",
        "swe": "sv", "swa": "sw", "tam": "ta", "tha": "th", "tur": "tr", "ukr": "uk", "urd": "ur", "vie": "vi",
        "yid": "yi",
    ]
}
