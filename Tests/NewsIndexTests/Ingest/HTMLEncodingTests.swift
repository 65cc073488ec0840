@testable import NewsIndex
import Testing

/// Pages are decoded as browsers decode them, whatever libxml2 would guess.
@Suite struct HTMLEncodingTests {
    private func body(_ bytes: [UInt8]) -> String {
        HTMLReader().read(bytes).body
    }

    @Test func undeclaredWindows1252IsReadAsWindows1252() {
        let bytes = Array("<html><body><p>Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80, 0x35]
            + Array("</p></body></html>".utf8)
        #expect(HTMLEncoding.of(bytes) == .windows1252)
        #expect(body(bytes) == "Caf\u{E9} \u{201C}quoted\u{201D} \u{20AC}5")
    }

    @Test func utf8DamagedHereAndThereStaysUTF8() {
        let bytes = Array("<html><body><p>na\u{EF}ve caf\u{E9} ".utf8) + [0xE2, 0x80] + Array("</p></body></html>".utf8)
        #expect(HTMLEncoding.of(bytes) == .utf8)
        #expect(body(bytes) == "na\u{EF}ve caf\u{E9} \u{FFFD}")
    }

    @Test func utf8WithAByteOrderMarkIsReadWithoutIt() {
        #expect(body([0xEF, 0xBB, 0xBF] + Array("<p>Caf\u{E9}</p>".utf8)) == "Caf\u{E9}")
    }

    @Test(arguments: [
        "<meta charset=\"windows-1251\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
    ])
    func declaredSingleByteEncodingIsFollowed(_ meta: String) {
        // "Привет" in Windows-1251.
        let bytes = Array("<html><head>\(meta)</head><body><p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
            + Array("</p></body></html>".utf8)
        #expect(body(bytes) == "\u{41F}\u{440}\u{438}\u{432}\u{435}\u{442}")
    }

    @Test func declarationAfterTheBodyStartsIsNotADeclaration() {
        let bytes = Array("<html><body><p>text</p><meta charset=\"iso-8859-1\">".utf8)
        #expect(HTMLEncoding.of(bytes) == .utf8)
    }

    @Test func nulCharactersDoNotEndThePage() {
        let bytes = Array("<html><body><p>before".utf8) + [0x00] + Array("after</p><p>more text</p></body></html>".utf8)
        #expect(body(bytes) == "before\u{FFFD}after\n\nmore text")
    }

    @Test func windows1252TranscodesEveryByte() {
        let all = (0...255).map { UInt8($0) }
        let text = String(decoding: HTMLEncoding.utf8(fromWindows1252: all), as: UTF8.self)
        #expect(text.unicodeScalars.count == 256)
        #expect(text.unicodeScalars.first == "\u{FFFD}")
        #expect(Array(text.unicodeScalars)[0x99] == "\u{2122}")
        #expect(Array(text.unicodeScalars)[0xFF] == "\u{FF}")
    }
}
