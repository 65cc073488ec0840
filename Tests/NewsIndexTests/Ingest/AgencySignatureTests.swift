@testable import NewsIndex
import Testing

@Suite struct AgencySignatureTests {
    private func source(_ body: String) -> String? {
        AgencySignature.source(endingBody: Array(body.utf8))
    }

    static let yonhapEnding = "Trump met Kim three times during his first presidential term, including summits in Singapore in 2018 and Vietnam in 2019."

    @Test(arguments: [
        ("\(yonhapEnding) (Yonhap)", "Yonhap"),
        ("The storm is expected to reach the coast on Tuesday. (AP)", "AP"),
        ("The talks will resume next week, officials said. (Kyodo News)", "Kyodo News"),
        ("China's industrial profits rose 21.6 percent in September. (Xinhua)", "Xinhua"),
        ("Oil prices rose on Monday. /Reuters/", "Reuters"),
        ("France's government survived the vote by 18 ballots. -- AFP", "AFP"),
        ("France's government survived the vote by 18 ballots. — AFP", "AFP"),
        ("France's government survived the vote by 18 ballots.\n\n-- AFP", "AFP"),
    ])
    func signatureAtTheEndNamesTheAgency(_ body: String, _ agency: String) {
        #expect(source(body) == agency)
    }

    @Test(arguments: [
        "\(yonhapEnding) (Yonhap) (END)",
        "\(yonhapEnding) (Yonhap)\n\n(END)",
        "\(yonhapEnding) (Yonhap)\n\n(END)\n\n",
    ])
    func endMarkerAfterTheSignatureIsPassedOver(_ body: String) {
        #expect(source(body) == "Yonhap")
    }

    @Test func endMarkerAloneNamesNoAgency() {
        #expect(source("\(Self.yonhapEnding)\n\n(END)") == nil)
    }

    @Test(arguments: [
        "Sheikh Ali denied that Kuwait was over-producing. REUTER",
        "Sheikh Ali denied that Kuwait was over-producing.\n\nReuter",
        "Sheikh Ali denied that Kuwait was over-producing. (Reuter)",
        "Sheikh Ali denied that Kuwait was over-producing. /REUTERS/",
    ])
    func everySpellingOfReuterBecomesReuters(_ body: String) {
        #expect(source(body) == "Reuters")
    }

    @Test(arguments: [
        // parentheticals that are not names
        "The minister met the delegation in Moscow. (pictured)",
        "The minister met the delegation in Moscow. (file photo)",
        "The minister met the delegation in Moscow. (Pictured)",
        "Officials met on Monday. (Reporting by John Smith and Jane Doe)",
        "Officials met on Monday. (see below)",
        "The meeting ended in Berlin. jh/rt (AFP, AP, Reuters)",
        "Freiburg vs. Cologne (17:30 CET)",
        // a name in parentheses that belongs to the sentence
        "according to the World Travel and Tourism Council (WTTC)",
        "Replacements: Dempsey.\n\nP O'Brien (New Zealand)",
        // a single hyphen, and a dash inside a headline
        "The cause of death is as yet unknown. - View Comments",
        "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED - OFFICIAL",
        "SWISS BANKS CUT RATES 1/4 POINT TO THREE PCT -- CREDIT SUISSE",
        // a signature with no story before it
        "(Yonhap)",
        "-- AFP",
        // Reuter as the last word of a sentence
        "The figures were supplied by Reuter",
    ])
    func endingThatIsNotASignatureNamesNoAgency(_ body: String) {
        #expect(source(body) == nil)
    }

    @Test func emptyBodyNamesNoAgency() {
        #expect(source("") == nil)
    }

    @Test(arguments: ["REUTER", "Reuter", "reuter"])
    func reuterLineIsRecognisedInAnyCase(_ line: String) {
        var line = line
        #expect(line.withUTF8 { AgencySignature.isReuterLine($0) })
    }
}
