/// The sign-off that wire copy ends with, which names the agency that sent it.
///
/// The forms, at the very end of the body:
///
/// - `(Yonhap)`, `(AP)`, `(Kyodo News)`: the name in parentheses;
/// - `/Reuters/`: the name between slashes;
/// - `-- AFP`, `— AFP`, `– AFP`: the name after a long dash and a space (a single hyphen is
///   too common in ordinary endings, `… unknown. - View Comments`, to count);
/// - `Reuter` or `REUTER` (Reuters-21578), or `Reuters`, as the last word.
///
/// Each must follow some text and stand apart from it: at the start of a line, or after a
/// sentence that has ended (`… in 2019. (Yonhap)`), so that `… Tourism Council
/// (WTTC)`, `P O'Brien (New Zealand)` and `prices rose - TRADERS` are not signatures. The
/// name must be an `AgencyName`, which rules out `(pictured)`, `(file photo)` or
/// `(Reporting by …)`. End-of-story markers after the signature are passed over: `(END)`,
/// `(ENDS)`, so `(Yonhap) (END)` names Yonhap and `(END)` alone names no one.
///
/// The signature is left in the body: it is part of the story as received.
enum AgencySignature {
    /// How far from the end of the body, in bytes, a signature may start.
    static let maxLength = AgencyName.maxLength + 4

    /// The agency named by the signature that ends `body` (normalised by `AgencyName`), or nil.
    static func source(endingBody body: [UInt8]) -> String? {
        body.withUnsafeBufferPointer { source(endingBody: $0) }
    }

    /// The agency named by the signature that ends `body` (normalised by `AgencyName`), or nil.
    static func source(endingBody body: UnsafeBufferPointer<UInt8>) -> String? {
        var end = trimmedEnd(body, body.count)
        while let marker = endMarkerStart(body, end) { end = trimmedEnd(body, marker) }
        guard end > 0 else { return nil }
        let lowest = max(0, end - maxLength)
        switch body[end - 1] {
        case UInt8(ascii: ")"), UInt8(ascii: "/"):
            // (Name) or /Name/
            let close = end - 1
            let openMark = body[close] == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "/")
            guard let open = body[lowest..<close].lastIndex(of: openMark), standsApart(body, at: open) else { return nil }
            return AgencyName.named(UnsafeBufferPointer(rebasing: body[(open + 1)..<close]))
        default:
            // Name after a dash, or a last word `Reuter`.
            var wordStart = end
            while wordStart > 0, ASCIIByte.isLetter(body[wordStart - 1]) { wordStart -= 1 }
            if isReuter(UnsafeBufferPointer(rebasing: body[wordStart..<end])), standsApart(body, at: wordStart) {
                return "Reuters"
            }
            guard let (dashStart, nameStart) = lastDash(body, in: lowest..<end), standsApart(body, at: dashStart) else {
                return nil
            }
            return AgencyName.named(UnsafeBufferPointer(rebasing: body[nameStart..<end]))
        }
    }

    /// True for the Reuters-21578 closing line, `Reuter` in any case.
    static func isReuterLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = "reuter".utf8
        return line.count == word.count && zip(line, word).allSatisfy { $0 | 0x20 == $1 }
    }

    /// `Reuter` or `Reuters`, any case.
    private static func isReuter(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if isReuterLine(word) { return true }
        return word.count == 7 && (word[6] | 0x20) == UInt8(ascii: "s") && isReuterLine(UnsafeBufferPointer(rebasing: word[..<6]))
    }

    /// The offset before trailing blanks and line breaks, from `end` back.
    private static func trimmedEnd(_ body: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 0, body[end - 1] == 0x20 || body[end - 1] == 0x0A || body[end - 1] == 0x09 { end -= 1 }
        return end
    }

    /// Where an end marker, `(END)` or `(ENDS)` in any case, that ends the text at `end`
    /// starts, when it stands apart from what precedes it.
    private static func endMarkerStart(_ body: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int? {
        for marker in ["(end)", "(ends)"] {
            let count = marker.utf8.count
            guard end >= count else { continue }
            let start = end - count
            guard zip(body[start..<end], marker.utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            if start == 0 || ASCIIByte.isBlank(body[start - 1]) || body[start - 1] == 0x0A { return start }
        }
        return nil
    }

    /// The last dash in `range` that is followed by a space, when it is a long one (`--`,
    /// `—`, `–`): where the dash starts and where the name after it starts.
    private static func lastDash(_ body: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> (Int, Int)? {
        var i = range.upperBound - 1
        while i > range.lowerBound {
            if body[i] == 0x20 {
                let b = body[i - 1]
                if b == UInt8(ascii: "-") {
                    var start = i - 1
                    while start > range.lowerBound, body[start - 1] == UInt8(ascii: "-") { start -= 1 }
                    return i - start >= 2 ? (start, i + 1) : nil
                }
                if (b == 0x93 || b == 0x94), i >= 3, body[i - 3] == 0xE2, body[i - 2] == 0x80 {
                    return (i - 3, i + 1)
                }
            }
            i -= 1
        }
        return nil
    }

    /// True when the signature starting at `start` follows some text and stands apart from
    /// it: it opens a line, or a space separates it from a sentence that has ended.
    private static func standsApart(_ body: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start > 0 else { return false }
        if body[start - 1] == 0x0A { return true }
        guard body[start - 1] == 0x20 else { return false }
        if start >= 2, body[start - 2] == 0x0A { return true }
        return followsSentence(body, space: start - 1)
    }

    /// True when `space` is a space that follows the end of a sentence (`.`, `!`, `?`,
    /// perhaps inside closing quotes or brackets).
    private static func followsSentence(_ body: UnsafeBufferPointer<UInt8>, space: Int) -> Bool {
        var i = space
        while i > 0 {
            let b = body[i - 1]
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                return true
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"):
                i -= 1
            case 0x99, 0x9D:  // ’ ”
                guard i >= 3, body[i - 3] == 0xE2, body[i - 2] == 0x80 else { return false }
                i -= 3
            default:
                return false
            }
        }
        return false
    }
}
