@testable import NewsIndex
import Testing

/// A page's title without the site's name around the headline.
@Suite struct HTMLTitleTests {
    @Test(arguments: [
        ("Sweden drops Assange rape investigation - BBC News", "BBC News", "Sweden drops Assange rape investigation"),
        ("Asian shares soft | Reuters", "Reuters", "Asian shares soft"),
        ("BBC News - Sweden drops Assange rape investigation", "BBC News", "Sweden drops Assange rape investigation"),
        ("Oil falls as stocks rise on Friday \u{2014} The Denver Post", nil, "Oil falls as stocks rise on Friday"),
        ("Moscow \u{00BB} Talks in Kursk end \u{00BB} Example Times", "Example Times", "Moscow \u{00BB} Talks in Kursk end"),
    ] as [(String, String?, String)])
    func theSiteNameGoes(_ title: String, _ site: String?, _ headline: String) {
        #expect(HTMLTitle.withoutSiteName(title, siteName: site) == headline)
    }

    @Test func aHeadlineKeepsADashOfItsOwn() {
        #expect(HTMLTitle.withoutSiteName("Talks - the first since spring - end in Kursk - Reuters", siteName: "Reuters")
            == "Talks - the first since spring - end in Kursk")
    }

    @Test func onlyTheSiteNameGoesFromAStatedHeadline() {
        #expect(HTMLTitle.withoutSiteName("Lavrov meets Wang - talks", siteName: "Reuters", onlySiteName: true)
            == "Lavrov meets Wang - talks")
        #expect(HTMLTitle.withoutSiteName("Lavrov meets Wang | Reuters", siteName: "Reuters", onlySiteName: true)
            == "Lavrov meets Wang")
    }

    @Test func aTitleWithoutSeparatorsIsTheHeadline() {
        #expect(HTMLTitle.withoutSiteName("Talks in Kursk end without a statement", siteName: "Reuters")
            == "Talks in Kursk end without a statement")
    }
}
