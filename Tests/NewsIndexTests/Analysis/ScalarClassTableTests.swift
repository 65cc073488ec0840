import Testing
@testable import NewsIndex

/// The generated class tables (`ScalarClassTable.swift`) must say what the Unicode properties
/// say, or the terms of existing indexes would change with them.
@Suite struct ScalarClassTableTests {
    @Test(arguments: [
        ("latinToArabic", 0x80..<0x800, ScalarClass.latinToArabic),
        ("generalPunctuation", 0x2000..<0x2070, ScalarClass.generalPunctuation),
        ("cjkPunctuationAndKana", 0x3000..<0x3100, ScalarClass.cjkPunctuationAndKana),
        ("fullWidthForms", 0xFF00..<0xFFF0, ScalarClass.fullWidthForms),
    ] as [(String, Range<UInt32>, [ScalarClass])])
    func tableAgreesWithTheUnicodeProperties(name: String, block: Range<UInt32>, table: [ScalarClass]) {
        #expect(table.count == block.count, "\(name)")
        for (value, tabulated) in zip(block, table) {
            #expect(tabulated == ScalarClass(lookingUp: value), "\(name): U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        ("é", ScalarClass.letter), ("\u{301}", .mark), ("٣", .digit), ("\u{AD}", .mark), ("½", .letter),
        ("§", .separator), ("ʼ", .apostrophe), ("’", .apostrophe), ("—", .separator), ("\u{200B}", .separator),
        ("\u{200D}", .mark), ("あ", .ideograph), ("〇", .ideograph), ("。", .separator), ("Ａ", .letter),
        ("ｶ", .ideograph), ("\u{FF9E}", .mark),
    ] as [(Unicode.Scalar, ScalarClass)])
    func tabulatedScalarsHaveTheirClass(scalar: Unicode.Scalar, expected: ScalarClass) {
        #expect(ScalarClass(scalar.value) == expected)
    }
}
