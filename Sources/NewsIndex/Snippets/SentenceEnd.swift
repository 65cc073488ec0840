/// Whether a word ends a sentence, judged from the word alone: it ends with `.`, `!`, `?`
/// or `…` (closing quotes and brackets after it allowed), and a `.` is not that of an
/// initial or acronym (`J.`, `U.S.`) or of a common abbreviation (`Mr.`, `Gen.`, `Oct.`).
/// `BodyScan` also asks that the next word start like a sentence, and takes every
/// paragraph break as an end.
enum SentenceEnd {
    static func isStop(_ body: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        var end = word.upperBound
        guard end > word.lowerBound else { return false }
        // Most words end in a letter, a digit or a comma.
        let last = body[end - 1]
        if last == UInt8(ascii: ",") || (last | 0x20 >= UInt8(ascii: "a") && last | 0x20 <= UInt8(ascii: "z")) { return false }
        // Closing quotes and brackets: " ' ) ] and ” ’ » in UTF-8.
        while end > word.lowerBound {
            let b = body[end - 1]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                end -= 1
            } else if end - word.lowerBound >= 3 && b >= 0x98 && b <= 0x9D && body[end - 2] == 0x80 && body[end - 3] == 0xE2 {
                end -= 3
            } else if end - word.lowerBound >= 2 && b == 0xBB && body[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        guard end > word.lowerBound else { return false }
        switch body[end - 1] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case 0xA6:
            return end - word.lowerBound >= 3 && body[end - 2] == 0x80 && body[end - 3] == 0xE2
        case UInt8(ascii: "."):
            return !isAbbreviation(body, word.lowerBound..<(end - 1))
        default:
            return false
        }
    }

    /// Whether the letters just before a final `.` (ending at `text.upperBound`) make an
    /// initial, an acronym's last letter, or a known abbreviation.
    private static func isAbbreviation(_ body: UnsafeBufferPointer<UInt8>, _ text: Range<Int>) -> Bool {
        var start = text.upperBound
        while start > text.lowerBound {
            let b = body[start - 1] | 0x20
            guard b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") && body[start - 1] >= 0x41 else { break }
            start -= 1
        }
        guard text.upperBound - start <= 8 else { return false }
        var packed: UInt64 = 0
        for i in start..<text.upperBound { packed = packed << 8 | UInt64(body[i] | 0x20) }
        let count = text.upperBound - start
        if count == 1 { return true }
        return count > 1 && abbreviations.contains(packed)
    }

    /// Lower-case abbreviations that take a `.` mid-sentence, each packed into a `UInt64` with
    /// its first letter in the highest used byte (compared without hashing: see `SnippetKeys`).
    private static let abbreviations: [UInt64] = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj",
        "adm", "cmdr", "rev", "hon", "pres", "st", "mt", "ft", "jr", "sr", "inc", "co", "corp", "ltd",
        "bros", "no", "nos", "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
        "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "gov", "atty", "supt", "messrs",
    ].map { (word: StaticString) -> UInt64 in
        var packed: UInt64 = 0
        word.withUTF8Buffer { for b in $0 { packed = packed << 8 | UInt64(b) } }
        return packed
    }
}
