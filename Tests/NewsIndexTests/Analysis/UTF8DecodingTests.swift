import Testing
@testable import NewsIndex

@Suite struct UTF8DecodingTests {
    func isWellFormed(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { $0.isWellFormedUTF8 }
    }

    @Test(arguments: [
        [], Array("Lavrov".utf8), Array("eight b.".utf8), Array("seventeen bytes!!".utf8),
        Array("Kursk région — “talks” 東京 🙂".utf8), Array("1234567é".utf8), Array("\u{FFFD}".utf8),
    ] as [[UInt8]])
    func wellFormedTextIsAccepted(bytes: [UInt8]) {
        #expect(isWellFormed(bytes))
    }

    @Test(arguments: [
        [0x80], Array("12345678".utf8) + [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xE0, 0x80, 0x80],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], Array("abcdefg".utf8) + [0xF0, 0x9F, 0x99],
    ] as [[UInt8]])
    func illFormedBytesAreRejected(bytes: [UInt8]) {
        #expect(!isWellFormed(bytes))
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(isWellFormed(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
