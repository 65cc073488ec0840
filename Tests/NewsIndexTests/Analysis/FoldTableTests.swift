import Testing
@testable import NewsIndex

@Suite struct FoldTableTests {
    let folding = CaseFolding.scalars

    /// The fold of `scalar` as a string; nil when it folds to itself.
    func fold(_ scalar: Unicode.Scalar) -> String? {
        folding.fold(of: scalar.value).map { String(decoding: folding.bytes[$0], as: UTF8.self) }
    }

    @Test func asciiTableLowercasesLettersAndKeepsDigits() {
        for byte in 0..<256 {
            let folded = CaseFolding.ascii[byte]
            switch UInt8(byte) {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): #expect(folded == UInt8(byte) + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): #expect(folded == UInt8(byte))
            default: #expect(folded == 0, "byte \(byte)")
            }
        }
    }

    @Test func tableIsSortedAndNonEmpty() {
        #expect(folding.keys.count > 5_000)
        #expect(zip(folding.keys, folding.keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(folding.keys.allSatisfy { $0 >= 0x80 })
    }

    @Test(arguments: [
        ("É", "e"), ("ü", "u"), ("ß", "ss"), ("ẞ", "ss"), ("İ", "i"), ("Σ", "σ"), ("ς", "σ"), ("ά", "α"), ("Й", "и"),
        ("ё", "е"), ("Ж", "ж"), ("ﬁ", "fi"), ("Ｌ", "l"), ("７", "7"), ("٣", "3"), ("①", "1"), ("²", "2"), ("Ⅻ", "xii"),
        ("Ⓐ", "a"), ("𝐀", "a"), ("أ", "ا"), ("ǅ", "dz"),
    ])
    func foldsCaseCompatibilityFormsAndDiacritics(scalar: Unicode.Scalar, folded: String) {
        #expect(fold(scalar) == folded)
    }

    @Test(arguments: [
        ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("ø", "o"), ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("ð", "d"),
        ("þ", "th"), ("Þ", "th"), ("ı", "i"), ("ĸ", "k"), ("ħ", "h"), ("ŧ", "t"), ("ŀ", "l"),
    ])
    func foldsLettersThatDoNotDecompose(scalar: Unicode.Scalar, folded: String) {
        #expect(fold(scalar) == folded)
    }

    @Test(arguments: ["\u{300}", "\u{301}", "\u{308}", "\u{327}", "\u{5B8}", "\u{64E}", "\u{FE0F}", "\u{E0100}"] as [Unicode.Scalar])
    func combiningDiacriticsFoldToNothing(scalar: Unicode.Scalar) {
        #expect(fold(scalar) == "")
    }

    @Test(arguments: ["\u{AD}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{2060}", "\u{FEFF}"] as [Unicode.Scalar])
    func formatCharactersFoldToNothing(scalar: Unicode.Scalar) {
        #expect(fold(scalar) == "")
    }

    @Test func zeroWidthSpaceIsNotFolded() {
        #expect(fold("\u{200B}") == nil)
    }

    @Test(arguments: ["\u{93F}", "\u{94D}", "\u{E34}", "\u{3099}", "\u{17B6}"] as [Unicode.Scalar])
    func marksThatSpellVowelsOrVoicingAreKept(scalar: Unicode.Scalar) {
        #expect(fold(scalar) == nil)
    }

    @Test func precomposedKanaAndIndicLettersFoldToTheirDecomposition() {
        #expect(fold("ガ") == "カ\u{3099}")
        #expect(fold("\u{958}") == "\u{915}\u{93C}")
    }

    @Test(arguments: ["½", "⑴", "㊀", "ゟ", "ﷺ", "ŋ", "ə", "東", "한", "a", "ж", "α"] as [Unicode.Scalar])
    func scalarsWithoutAWordOnlyFoldAreUnchanged(scalar: Unicode.Scalar) {
        #expect(fold(scalar) == nil)
    }

    @Test func foldsTokenizeLikeTheirSources() {
        for key in folding.keys {
            let source = ScalarClass(key)
            let classes = fold(Unicode.Scalar(key)!)!.unicodeScalars.map { ScalarClass($0.value) }
            let context = "U+\(String(key, radix: 16)) (\(source)) → \(classes)"
            if source == .ideograph {
                #expect(classes.first == .ideograph && classes.dropFirst().allSatisfy { $0 == .mark }, "\(context)")
            } else {
                #expect(classes.allSatisfy { $0.isWordPart }, "\(context)")
            }
        }
    }

    @Test func foldingIsIdempotent() {
        for key in folding.keys {
            for scalar in fold(Unicode.Scalar(key)!)!.unicodeScalars {
                if scalar.isASCII {
                    #expect(CaseFolding.ascii[Int(scalar.value)] == UInt8(scalar.value), "U+\(String(key, radix: 16))")
                } else {
                    #expect(fold(scalar) == nil, "U+\(String(key, radix: 16)) → U+\(String(scalar.value, radix: 16))")
                }
            }
        }
    }

    /// Terms in existing indexes depend on this table: a regenerated table that differs needs a new
    /// `Analyzer.identifier`, then this checksum updated. The checksum is of the table written as
    /// text, a line `hex=fold` per scalar, as the analyzer identifier's table was first written.
    @Test func tableIsTheOneTheAnalyzerIdentifierNames() {
        var text: [UInt8] = []
        for (index, key) in folding.keys.enumerated() {
            if index > 0 { text.append(UInt8(ascii: "\n")) }
            text += Array(String(key, radix: 16).utf8) + [UInt8(ascii: "=")]
            text += folding.bytes[folding.fold(of: key)!]
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        #expect(CaseFolding.foldTableUnicodeVersion == "14.0.0")
        #expect(hash == 0xC48B_0BAA_1C91_F9E3, "fold table changed: bump Analyzer.identifier (now \(Analyzer.standard.identifier))")
    }

    @Test func twoByteScalarsFindTheirFoldWithoutSearching() {
        for value in UInt32(0x80)..<0x800 {
            let expected = folding.keys.firstIndex(of: value).map { index in
                (index == 0 ? 0 : folding.fold(of: folding.keys[index - 1])!.upperBound)
            }
            #expect(folding.fold(of: value)?.lowerBound == expected, "U+\(String(value, radix: 16))")
        }
    }
}
