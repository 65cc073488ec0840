/// The Snowball English stemmer ("Porter2"), on a term's UTF-8 bytes in place.
///
/// Follows the published algorithm (snowballstem.org, "The English (Porter2) stemming
/// algorithm") stem for stem as Snowball 2.2.0 implements it: exceptional forms, `y`/`Y`
/// marking, regions R1 and R2 (with the `gener`, `commun` and `arsen` prefixes), steps 0 to 5.
/// Snowball 3 revised the algorithm (more R1 prefixes, `-ogist`, `-ying`); those revisions
/// are not in here. It is defined over the letters `a`–`z` and the apostrophe, so a term with
/// any other byte (a digit, a non-ASCII letter, an upper-case letter) is left as it is:
/// stemming `2025` or `ελλαδα` by English rules would only damage it.
///
/// Meant for the analyzer's hot path: it reads and rewrites the term buffer the tokenizer
/// fills, allocates nothing, and a stem is never longer than its word, so the buffer is
/// always big enough. Marked `y`s are held as the byte `Y` while stemming and turned back
/// into `y` at the end.
struct EnglishStemmer: Sendable {
    /// Stems the word in the first `count` bytes of `word` in place and returns the stem's
    /// length, which is at most `count`; the bytes past it are left unspecified.
    static func stem(_ word: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        precondition(count >= 0 && count <= word.count, "count exceeds the buffer")
        guard count > 2, let base = word.baseAddress else { return count }
        for index in 0..<count {
            let byte = base[index]
            guard (byte &- UInt8(ascii: "a")) < 26 || byte == UInt8(ascii: "'") else { return count }
        }
        var stem = Porter2Word(base, count: count)
        stem.run()
        return stem.count
    }

    /// The stem of `word` (queries, tests); see `stem(_:count:)`.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { stem($0, count: $0.count) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}

/// One word being stemmed: its bytes, its current length and its regions.
///
/// Positions are byte offsets from the start of the word. Where Snowball tests its cursor
/// against a region, this tests the start of the matched suffix; Snowball's backward limit
/// is position 0.
private struct Porter2Word {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    /// Start of R1: after the first non-vowel that follows a vowel (or after an exceptional prefix).
    var r1 = 0
    /// Start of R2: the same rule applied again from R1.
    var r2 = 0
    /// Whether some `y` was marked as the consonant `Y`, which the postlude must undo.
    var markedY = false

    init(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    mutating func run() {
        if replaceExceptionalForm() { return }
        prelude()
        markRegions()
        step1a()
        if !isInvariantAfterStep1a() {
            step1b()
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
        if markedY {
            for index in 0..<count where bytes[index] == UInt8(ascii: "Y") { bytes[index] = UInt8(ascii: "y") }
        }
    }

    // MARK: Exceptions

    /// Exceptional forms list 1: whole words with a fixed stem (or none), looked up before
    /// anything else. Returns whether the word was one.
    private mutating func replaceExceptionalForm() -> Bool {
        guard count >= 3 && count <= 6 else { return false }
        switch bytes[0] {
        case UInt8(ascii: "a"): return isWord("andes") || isWord("atlas")
        case UInt8(ascii: "b"): return isWord("bias")
        case UInt8(ascii: "c"): return isWord("cosmos")
        case UInt8(ascii: "d"): return replaceWord("dying", with: "die")
        case UInt8(ascii: "e"): return replaceWord("early", with: "earli")
        case UInt8(ascii: "g"): return replaceWord("gently", with: "gentl")
        case UInt8(ascii: "h"): return isWord("howe")
        case UInt8(ascii: "i"): return replaceWord("idly", with: "idl")
        case UInt8(ascii: "l"): return replaceWord("lying", with: "lie")
        case UInt8(ascii: "n"): return isWord("news")
        case UInt8(ascii: "o"): return replaceWord("only", with: "onli")
        case UInt8(ascii: "s"):
            return isWord("sky") || replaceWord("skies", with: "sky") || replaceWord("skis", with: "ski")
                || replaceWord("singly", with: "singl")
        case UInt8(ascii: "t"): return replaceWord("tying", with: "tie")
        case UInt8(ascii: "u"): return replaceWord("ugly", with: "ugli")
        default: return false
        }
    }

    /// Exceptional forms list 2: words that step 1a leaves as they are and no later step may change.
    private func isInvariantAfterStep1a() -> Bool {
        guard count >= 6 && count <= 7 else { return false }
        switch bytes[0] {
        case UInt8(ascii: "c"): return isWord("canning")
        case UInt8(ascii: "e"): return isWord("earring") || isWord("exceed")
        case UInt8(ascii: "h"): return isWord("herring")
        case UInt8(ascii: "i"): return isWord("inning")
        case UInt8(ascii: "o"): return isWord("outing")
        case UInt8(ascii: "p"): return isWord("proceed")
        case UInt8(ascii: "s"): return isWord("succeed")
        default: return false
        }
    }

    // MARK: Prelude and regions

    /// Removes one initial apostrophe and marks as consonants (`Y`) an initial `y` and every `y`
    /// after a vowel.
    private mutating func prelude() {
        if bytes[0] == UInt8(ascii: "'") {
            bytes.update(from: bytes + 1, count: count - 1)
            count -= 1
        }
        guard count > 0 else { return }
        if bytes[0] == UInt8(ascii: "y") {
            bytes[0] = UInt8(ascii: "Y")
            markedY = true
        }
        var index = 1
        while index < count {
            if bytes[index] == UInt8(ascii: "y") && isVowel(bytes[index - 1]) {
                bytes[index] = UInt8(ascii: "Y")
                markedY = true
            }
            index += 1
        }
    }

    /// Sets R1 and R2; `gener`, `commun` and `arsen` count as a whole first syllable so that,
    /// say, `generate` and `general` keep their difference.
    private mutating func markRegions() {
        r1 = count
        r2 = count
        if hasPrefix("gener") || hasPrefix("arsen") {
            r1 = 5
        } else if hasPrefix("commun") {
            r1 = 6
        } else {
            guard let end = endOfSyllable(from: 0) else { return }
            r1 = end
        }
        if let end = endOfSyllable(from: r1) { r2 = end }
    }

    /// The position after the first non-vowel that follows a vowel, at or after `start`.
    private func endOfSyllable(from start: Int) -> Int? {
        var index = start
        while index < count && !isVowel(bytes[index]) { index += 1 }
        while index < count && isVowel(bytes[index]) { index += 1 }
        return index < count ? index + 1 : nil
    }

    // MARK: Steps

    /// Step 0 and step 1a: the possessive `'s` and the plural `s`.
    private mutating func step1a() {
        if hasSuffix("'s'") {
            count -= 3
        } else if hasSuffix("'s") {
            count -= 2
        } else if hasSuffix("'") {
            count -= 1
        }

        if hasSuffix("sses") {
            count -= 2
        } else if hasSuffix("ied") || hasSuffix("ies") {
            count -= 3
            write(count >= 2 ? "i" : "ie")
        } else if hasSuffix("ss") || hasSuffix("us") {
            return
        } else if hasSuffix("s") {
            if containsVowel(before: count - 2) { count -= 1 }
        }
    }

    /// Step 1b: `eed`, `ed`, `ing` and their `-ly` forms, then repairing what their removal
    /// leaves (`hopp` → `hop`, `hop` → `hope`, `luxuriat` → `luxuriate`).
    private mutating func step1b() {
        let eedLength = hasSuffix("eedly") ? 5 : hasSuffix("eed") ? 3 : 0
        if eedLength > 0 {
            let start = count - eedLength
            if start >= r1 { count = start + 2 }
            return
        }
        let length =
            hasSuffix("ingly") ? 5 : hasSuffix("edly") ? 4 : hasSuffix("ing") ? 3 : hasSuffix("ed") ? 2 : 0
        guard length > 0, containsVowel(before: count - length) else { return }
        count -= length
        if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
            append(UInt8(ascii: "e"))
        } else if endsWithRemovableDouble() {
            count -= 1
        } else if count == r1 && endsWithShortSyllable(at: count) {
            append(UInt8(ascii: "e"))
        }
    }

    /// Step 1c: a final `y` or `Y` after a non-vowel that is not the first letter becomes `i`.
    private mutating func step1c() {
        guard count >= 3 else { return }
        let last = bytes[count - 1]
        guard last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"), !isVowel(bytes[count - 2]) else { return }
        bytes[count - 1] = UInt8(ascii: "i")
    }

    /// Step 2: derivational suffixes in R1 mapped to shorter ones (`-ational` → `-ate`, `-li` dropped).
    private mutating func step2() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "i"):
            switch bytes[count - 2] {
            case UInt8(ascii: "c"):
                if hasSuffix("anci") {
                    replaceSuffixInR1(4, with: "ance")
                } else if hasSuffix("enci") {
                    replaceSuffixInR1(4, with: "ence")
                }
            case UInt8(ascii: "g"):
                if hasSuffix("ogi") && count >= 4 && bytes[count - 4] == UInt8(ascii: "l") {
                    replaceSuffixInR1(3, with: "og")
                }
            case UInt8(ascii: "l"):
                if hasSuffix("lessli") {
                    replaceSuffixInR1(6, with: "less")
                } else if hasSuffix("fulli") {
                    replaceSuffixInR1(5, with: "ful")
                } else if hasSuffix("ousli") {
                    replaceSuffixInR1(5, with: "ous")
                } else if hasSuffix("entli") {
                    replaceSuffixInR1(5, with: "ent")
                } else if hasSuffix("abli") {
                    replaceSuffixInR1(4, with: "able")
                } else if hasSuffix("alli") {
                    replaceSuffixInR1(4, with: "al")
                } else if hasSuffix("bli") {
                    replaceSuffixInR1(3, with: "ble")
                } else if isValidLiEnding(bytes[count - 3]) {
                    replaceSuffixInR1(2, with: "")
                }
            case UInt8(ascii: "t"):
                if hasSuffix("biliti") {
                    replaceSuffixInR1(6, with: "ble")
                } else if hasSuffix("aliti") {
                    replaceSuffixInR1(5, with: "al")
                } else if hasSuffix("iviti") {
                    replaceSuffixInR1(5, with: "ive")
                }
            default: break
            }
        case UInt8(ascii: "l"):
            if hasSuffix("ational") {
                replaceSuffixInR1(7, with: "ate")
            } else if hasSuffix("tional") {
                replaceSuffixInR1(6, with: "tion")
            }
        case UInt8(ascii: "m"):
            if hasSuffix("alism") { replaceSuffixInR1(5, with: "al") }
        case UInt8(ascii: "n"):
            if hasSuffix("ization") {
                replaceSuffixInR1(7, with: "ize")
            } else if hasSuffix("ation") {
                replaceSuffixInR1(5, with: "ate")
            }
        case UInt8(ascii: "r"):
            if hasSuffix("izer") {
                replaceSuffixInR1(4, with: "ize")
            } else if hasSuffix("ator") {
                replaceSuffixInR1(4, with: "ate")
            }
        case UInt8(ascii: "s"):
            if hasSuffix("iveness") {
                replaceSuffixInR1(7, with: "ive")
            } else if hasSuffix("fulness") {
                replaceSuffixInR1(7, with: "ful")
            } else if hasSuffix("ousness") {
                replaceSuffixInR1(7, with: "ous")
            }
        default: break
        }
    }

    /// Step 3: further derivational suffixes in R1 (`-ical` → `-ic`, `-ness` dropped; `-ative` in R2).
    private mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "e"):
            if hasSuffix("icate") {
                replaceSuffixInR1(5, with: "ic")
            } else if hasSuffix("ative") {
                if count - 5 >= r2 { replaceSuffixInR1(5, with: "") }
            } else if hasSuffix("alize") {
                replaceSuffixInR1(5, with: "al")
            }
        case UInt8(ascii: "i"):
            if hasSuffix("iciti") { replaceSuffixInR1(5, with: "ic") }
        case UInt8(ascii: "l"):
            if hasSuffix("ational") {
                replaceSuffixInR1(7, with: "ate")
            } else if hasSuffix("tional") {
                replaceSuffixInR1(6, with: "tion")
            } else if hasSuffix("ical") {
                replaceSuffixInR1(4, with: "ic")
            } else if hasSuffix("ful") {
                replaceSuffixInR1(3, with: "")
            }
        case UInt8(ascii: "s"):
            if hasSuffix("ness") { replaceSuffixInR1(4, with: "") }
        default: break
        }
    }

    /// Step 4: residual suffixes deleted when in R2 (`-ion` only after `s` or `t`).
    ///
    /// As everywhere in Snowball, only the longest matching suffix is tried: `-ement` outside
    /// R2 keeps its `-ent` too.
    private mutating func step4() {
        guard count >= 2 else { return }
        let length: Int
        switch bytes[count - 1] {
        case UInt8(ascii: "c"): length = hasSuffix("ic") ? 2 : 0
        case UInt8(ascii: "e"):
            length =
                hasSuffix("ance") || hasSuffix("ence") || hasSuffix("able") || hasSuffix("ible") ? 4
                : hasSuffix("ate") || hasSuffix("ive") || hasSuffix("ize") ? 3 : 0
        case UInt8(ascii: "i"): length = hasSuffix("iti") ? 3 : 0
        case UInt8(ascii: "l"): length = hasSuffix("al") ? 2 : 0
        case UInt8(ascii: "m"): length = hasSuffix("ism") ? 3 : 0
        case UInt8(ascii: "n"):
            let start = count - 3
            if hasSuffix("ion") && start >= r2 && start >= 1
                && (bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t"))
            {
                count = start
            }
            return
        case UInt8(ascii: "r"): length = hasSuffix("er") ? 2 : 0
        case UInt8(ascii: "s"): length = hasSuffix("ous") ? 3 : 0
        case UInt8(ascii: "t"):
            length =
                hasSuffix("ement") ? 5 : hasSuffix("ment") ? 4 : hasSuffix("ent") || hasSuffix("ant") ? 3 : 0
        default: length = 0
        }
        if length > 0 && count - length >= r2 { count -= length }
    }

    /// Step 5: a final `e` in R2, or in R1 and not after a short syllable; a final `l` after `l` in R2.
    private mutating func step5() {
        guard count >= 1 else { return }
        let start = count - 1
        switch bytes[start] {
        case UInt8(ascii: "e"):
            if start >= r2 || (start >= r1 && !endsWithShortSyllable(at: start)) { count = start }
        case UInt8(ascii: "l"):
            if start >= r2 && start >= 1 && bytes[start - 1] == UInt8(ascii: "l") { count = start }
        default: break
        }
    }

    // MARK: Letters

    /// `a e i o u y`; a marked `Y` and the apostrophe are not vowels.
    @inline(__always)
    private func isVowel(_ byte: UInt8) -> Bool {
        let offset = byte &- UInt8(ascii: "a")
        return offset < 26 && (Self.vowelBits >> offset) & 1 != 0
    }

    /// Bit `c - "a"` is set for each vowel `c`.
    private static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

    /// The letters after which `-li` is a suffix (Step 2).
    @inline(__always)
    private func isValidLiEnding(_ byte: UInt8) -> Bool {
        let offset = byte &- UInt8(ascii: "a")
        let bits: UInt32 = 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 17 | 1 << 19
        return offset < 26 && (bits >> offset) & 1 != 0
    }

    /// Whether the word before `end` ends in a short syllable: a non-vowel other than `w`, `x`
    /// or `Y`, after a vowel, after a non-vowel; or a vowel then a non-vowel that are the whole word.
    private func endsWithShortSyllable(at end: Int) -> Bool {
        guard end >= 2, !isVowel(bytes[end - 1]), isVowel(bytes[end - 2]) else { return false }
        if end == 2 { return true }
        let last = bytes[end - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "Y")
            && !isVowel(bytes[end - 3])
    }

    /// Whether the word ends in `bb dd ff gg mm nn pp rr tt`, whose second letter step 1b drops.
    private func endsWithRemovableDouble() -> Bool {
        guard count >= 2 else { return false }
        let last = bytes[count - 1]
        guard last == bytes[count - 2] else { return false }
        switch last {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    /// Whether a vowel occurs in the first `end` bytes.
    private func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    // MARK: Matching and rewriting

    @inline(__always)
    private func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        let text = suffix.utf8Start
        let start = count - length
        for index in 0..<length where bytes[start + index] != text[index] { return false }
        return true
    }

    @inline(__always)
    private func hasPrefix(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard count >= length else { return false }
        let text = prefix.utf8Start
        for index in 0..<length where bytes[index] != text[index] { return false }
        return true
    }

    @inline(__always)
    private func isWord(_ word: StaticString) -> Bool {
        count == word.utf8CodeUnitCount && hasPrefix(word)
    }

    /// Replaces the whole word by `replacement` if it is `word`; returns whether it was.
    private mutating func replaceWord(_ word: StaticString, with replacement: StaticString) -> Bool {
        guard isWord(word) else { return false }
        count = 0
        write(replacement)
        return true
    }

    /// Replaces the last `length` bytes by `replacement` if they start in R1.
    @inline(__always)
    private mutating func replaceSuffixInR1(_ length: Int, with replacement: StaticString) {
        guard count - length >= r1 else { return }
        count -= length
        write(replacement)
    }

    @inline(__always)
    private mutating func write(_ text: StaticString) {
        let source = text.utf8Start
        for index in 0..<text.utf8CodeUnitCount { bytes[count + index] = source[index] }
        count += text.utf8CodeUnitCount
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        bytes[count] = byte
        count += 1
    }
}
