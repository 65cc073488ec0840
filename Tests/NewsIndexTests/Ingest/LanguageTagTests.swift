import Testing
@testable import NewsIndex

/// Declared language tags read as the primary subtag that stories are stored and filtered by.
@Suite struct LanguageTagTests {
    @Test(arguments: [("en", "en"), ("EN-gb", "en"), ("en_US", "en"), (" fr ", "fr"), ("zh-Hant-TW", "zh"), ("pt-BR", "pt"),
                      ("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv"), ("kor", "ko"), ("fre", "fr"), ("deu", "de"),
                      ("haw", "haw")])
    func aTagIsReadAsItsPrimaryLanguage(_ tag: String, _ code: String) {
        #expect(LanguageTag.primary(tag) == code, "\(tag)")
    }

    @Test(arguments: ["und", "mul", "zxx", "mis", "x-klingon", "i-klingon", "e", "1", "english", "", "  ", "ру", "e1"])
    func aTagNamingNoOneLanguageIsNil(_ tag: String) {
        #expect(LanguageTag.primary(tag) == nil, "\(tag)")
    }

    @Test func aFilterMayAskForTheStoriesOfUnknownLanguage() {
        #expect(LanguageTag.filterCode("und") == "und")
        #expect(LanguageTag.filterCode("UND") == "und")
        #expect(LanguageTag.filterCode("ko-KR") == "ko")
        #expect(LanguageTag.filterCode("korean") == nil)
    }
}
