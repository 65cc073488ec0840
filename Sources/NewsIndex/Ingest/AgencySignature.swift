/// The sign-off that wire copy ends with, which names the agency that sent it.
///
/// Yonhap and most agencies end the last paragraph with their name in parentheses,
/// `… in 2019. (Yonhap)`; Reuters-21578 stories end with a line `Reuter`. The signature is
/// left in the body: it is part of the story as received.
enum AgencySignature {
    /// The longest parenthesised signature, in bytes, parentheses included.
    static let maxLength = 32

    /// The agency named by `(Name)` or `(Two Names)` at the very end of the body, after the
    /// last sentence; each word capitalised, letters and hyphens only.
    static func source(endingBody body: [UInt8]) -> String? {
        guard let close = body.indices.last, body[close] == UInt8(ascii: ")") else { return nil }
        let lowest = max(0, close - maxLength + 1)
        guard let open = body[lowest..<close].lastIndex(of: UInt8(ascii: "(")) else { return nil }
        guard open == 0 || body[open - 1] == 0x0A || followsSentence(body, space: open - 1) else { return nil }

        let name = body[(open + 1)..<close]
        let words = name.split(separator: 0x20, omittingEmptySubsequences: false)
        guard (1...2).contains(words.count) else { return nil }
        for word in words {
            guard let first = word.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"), word.count >= 2,
                  word.allSatisfy({ isASCIILetter($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// True for the Reuters-21578 closing line, `Reuter` in any case.
    static func isReuterLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = "reuter".utf8
        return line.count == word.count && zip(line, word).allSatisfy { $0 | 0x20 == $1 }
    }

    /// True when `space` is a space that follows the end of a sentence (`.`, `!`, `?`,
    /// perhaps inside closing quotes).
    private static func followsSentence(_ body: [UInt8], space: Int) -> Bool {
        guard body[space] == 0x20 else { return false }
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

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }
}
