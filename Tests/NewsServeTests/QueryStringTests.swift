import Testing
@testable import NewsServe

/// Query strings as browsers encode forms, and back.
@Suite struct QueryStringTests {
    @Test func plusIsASpaceAndPercentIsAByte() throws {
        let q = try QueryString("q=Lavrov+Kursk&source=BBC%20News&place=K%C3%B6ln")
        #expect(q["q"] == "Lavrov Kursk")
        #expect(q["source"] == "BBC News")
        #expect(q["place"] == "Köln")
    }

    @Test func theFirstValueOfARepeatedNameCountsAndEmptyValuesAreEmpty() throws {
        let q = try QueryString("q=a&q=b&any&page=")
        #expect(q["q"] == "a" && q.count("q") == 2)
        #expect(q["any"] == "" && q["page"] == "")
        #expect(q["missing"] == nil)
    }

    @Test(arguments: ["q=%", "q=%zz", "q=%C3", "q=%FF%FE"])
    func brokenEncodingNamesTheParameter(_ text: String) {
        #expect(throws: QueryString.Malformed(parameter: "q")) { try QueryString(Substring(text)) }
    }

    @Test func encodingRoundTrips() throws {
        let q = try QueryString("q=a").setting("q", "\"North Korea\" & <b>").setting("page", "2")
        #expect(q.encoded == "q=%22North%20Korea%22%20%26%20%3Cb%3E&page=2")
        #expect(try QueryString(Substring(q.encoded)) == q)
        #expect(q.setting("page", nil).encoded == "q=%22North%20Korea%22%20%26%20%3Cb%3E")
    }
}
