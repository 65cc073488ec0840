@testable import NewsIndex
import Testing

@Suite struct DatelineTests {
    private func dateline(_ text: String) -> Dateline? {
        var text = text
        return text.withUTF8 { Dateline($0) }
    }

    /// The text after the dateline, where the lead starts.
    private func lead(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            Dateline(bytes).map { String(decoding: bytes[$0.leadStart...], as: UTF8.self) }
        }
    }

    private struct Opening: Equatable {
        var place: String?
        var paragraph: Int
    }

    private func opening(_ body: String) -> Opening? {
        var body = body
        return body.withUTF8 { Dateline.opening(body: $0).map { Opening(place: $0.0.place, paragraph: $0.paragraph) } }
    }

    @Test(arguments: [
        // Yonhap
        ("SEOUL, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui highlighted last month's meeting.",
         "SEOUL", "Yonhap"),
        // Reuters, with and without a date; day-first dates in London copy
        ("MOSCOW (Reuters) - Russia said on Monday it had tested a nuclear-powered cruise missile.", "MOSCOW", "Reuters"),
        ("LONDON, 27 October (Reuters) - Oil prices rose on Monday as sanctions on Russian producers bit.", "LONDON", "Reuters"),
        ("NEW YORK/BOSTON (Reuters) - Snow began blanketing the northeastern United States on Tuesday.",
         "NEW YORK/BOSTON", "Reuters"),
        // Reuters-21578 signs its datelines `(Reuter)`
        ("NEW YORK, March 3 (Reuter) - Cocoa exports from Ivory Coast rose in February, traders said.", "NEW YORK", "Reuters"),
        // AP, with an em dash and a region
        ("WASHINGTON (AP) — President Donald Trump said Monday he would meet Kim Jong Un.", "WASHINGTON", "AP"),
        ("KUALA LUMPUR, Malaysia (AP) — President Donald Trump arrived in Malaysia on Sunday.", "KUALA LUMPUR, Malaysia", "AP"),
        // AFP
        ("PARIS, Oct 27 (AFP) - France's government survived a no-confidence vote on Monday.", "PARIS", "AFP"),
        // Xinhua
        ("BEIJING, Oct. 27 (Xinhua) -- China's industrial profits rose 21.6 percent in September.", "BEIJING", "Xinhua"),
        // TASS: a period after the date and after the agency, sometimes a region between slashes
        ("MOSCOW, February 13. /TASS/. Moscow expects Mongolia's status in the SCO to be elevated.", "MOSCOW", "TASS"),
        ("BONN /Germany/, February 16. /TASS/. Russian Foreign Minister Sergei Lavrov met Rex Tillerson.",
         "BONN, Germany", "TASS"),
        ("MOSCOW, February 7. /TASS/ The law of non-decrease of entropy in closed systems was tested.", "MOSCOW", "TASS"),
        // CNN: the agency touches the lead
        ("Bonn, Germany (CNN)US Secretary of State Rex Tillerson said Thursday the United States would work with Russia.",
         "Bonn, Germany", "CNN"),
        ("Tokyo/Seoul/Beijing (CNN)When Rex Tillerson was sworn in as US Secretary of State, his boss said he would do well.",
         "Tokyo/Seoul/Beijing", "CNN"),
        // Press releases: a full date and a slash-delimited service
        ("NORTH READING, Mass., Feb. 8, 2017 /PRNewswire/. TraceLink Inc. today announced a new network.",
         "NORTH READING, Mass.", "PRNewswire"),
    ])
    func readsPlaceAndAgency(_ text: String, _ place: String, _ agency: String) throws {
        let found = try #require(dateline(text))
        #expect(found.place == place)
        #expect(found.agency == agency)
    }

    @Test(arguments: [
        ("SEOUL, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui spoke.",
         "North Korean Foreign Minister Choe Son-hui spoke."),
        ("MOSCOW, February 13. /TASS/. Moscow expects more.", "Moscow expects more."),
        ("(CNN)Malaysia has asked Interpol to put out an alert.", "Malaysia has asked Interpol to put out an alert."),
        ("TAIPEI, Taiwan, Feb. 7, 2017 /PRNewswire/.-Infortrend Technology, Inc. today announced a server.",
         "Infortrend Technology, Inc. today announced a server."),
    ])
    func leadStartsAfterTheSeparator(_ text: String, _ rest: String) {
        #expect(lead(text) == rest)
    }

    @Test func datelineWithoutAnAgencyNeedsADate() throws {
        let found = try #require(dateline("SEOUL, Oct. 27 -- North Korea fired a ballistic missile on Monday."))
        #expect(found.place == "SEOUL")
        #expect(found.agency == nil)
        #expect(found.date?.month == 10)
        #expect(found.date?.day == 27)
    }

    @Test func monthAndDayWithoutAYearGiveNoFullDate() throws {
        let found = try #require(dateline("SEOUL, Oct. 27 (Yonhap) -- North Korea said."))
        #expect(found.date?.date == nil)
    }

    @Test func fullDateInTheDatelineIsRead() throws {
        let found = try #require(dateline("NEW YORK, March 8, 2017 /PRNewswire/ -- The Swedish fashion company H&M group announced."))
        #expect(found.date?.date == StoryDate(year: 2017, month: 3, day: 8))
    }

    @Test func agencyWithoutAPlaceIsADateline() throws {
        let found = try #require(dateline("(CNN)Malaysia has asked Interpol to put out an alert."))
        #expect(found.place == nil)
        #expect(found.agency == "CNN")
    }

    @Test func dateAndAgencyWithoutAPlaceIsADateline() throws {
        let found = try #require(dateline("March 3 (Reuters) - Two inmates have been killed in a prison disturbance."))
        #expect(found.place == nil)
        #expect(found.agency == "Reuters")
    }

    @Test func placeInCapitalsBeforeALongDashIsADateline() throws {
        let found = try #require(dateline("WASHINGTON — House lawmakers on Thursday advanced a measure."))
        #expect(found.place == "WASHINGTON")
        #expect(found.agency == nil)
    }

    @Test func regionMayStartWithAnArticle() throws {
        let found = try #require(dateline("Amsterdam, the Netherlands (CNN)Khalid Jone is one of the lucky ones."))
        #expect(found.place == "Amsterdam, the Netherlands")
    }

    @Test func placeEndingInAPeriodBeforeTheDateLosesThePeriod() throws {
        let found = try #require(dateline("MURMANSK. February 7. /TASS/. Development of the Arctic is a priority."))
        #expect(found.place == "MURMANSK")
    }

    @Test func regionInParenthesesBeforeACommaIsNotTheAgency() throws {
        let found = try #require(dateline("BANGALORE (India), February 17. /TASS/. A contract for Sukhoi jets was signed."))
        #expect(found.place == "BANGALORE, India")
        #expect(found.agency == "TASS")
    }

    @Test(arguments: [
        // a title in capitals, no separator
        "BAHIA COCOA REVIEW",
        // a headline in capitals with an attribution after the dash
        "BRAZIL COTTON CROP LOWER -- USDA REPORT",
        // the agency in mid-sentence
        "Officials told Reuters (Reuters) - the talks had failed.",
        "Russia said on Monday, according to a report by (Reuters) - that it would not attend.",
        // parentheses after a name, not followed by a separator
        "General Motors (GM) saw its net profits fall 37% in the last quarter of 2004.",
        "Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, raised its stake.",
        "Rowsell Shand (left) won gold in the team pursuit in Rio.",
        "The European Community (EC) is expected to award export licences today.",
        // a dash after a capitalised subject, with nothing else that makes a dateline
        "BMW – the carmaker – said sales rose.",
        "Pernod - at 7.5bn euros - is about 9% smaller than Allied Domecq.",
        "UK - Exports rose in March.",
        "NEW YORK - stocks fell sharply.",
        // a weekday is not a place
        "Monday, Oct. 27 - The talks resumed.",
        // a date alone
        "March 3 - Two inmates have been killed.",
        // a lower-case parenthetical where the agency would be
        "SEOUL (pictured) -- The city was quiet.",
        "",
    ])
    func textThatIsNotADateline(_ text: String) {
        #expect(dateline(text) == nil)
    }

    @Test func datelineOpensTheFirstParagraph() throws {
        let found = try #require(opening("SEOUL, Oct. 27 (Yonhap) -- North Korea said.\n\nMore followed."))
        #expect(found.place == "SEOUL")
        #expect(found.paragraph == 0)
    }

    @Test func datelineAfterAStandfirstOpensTheSecondParagraph() throws {
        let found = try #require(opening("""
            Earlier on Tuesday, the Supreme Court of Belarus upheld a lower court ruling

            BAKU, February 7. /TASS/. Russian citizen Alexander Lapshin was extradited to Baku from Minsk.
            """))
        #expect(found.place == "BAKU")
        #expect(found.paragraph == 1)
    }

    @Test func datelineLaterInTheStoryIsNotTheStorysDateline() {
        #expect(opening("""
            The ministers met on Monday.

            They talked for an hour.

            WASHINGTON (Reuters) - A separate meeting took place.
            """) == nil)
    }

    @Test func leadInCapitalsAfterTheDatelineMeansAHeadline() {
        #expect(dateline("(CORRECTION) - SHAW'S SUPERMARKETS") == nil)
    }

    @Test func veryLongFirstWordIsReadInBoundedTime() {
        let text = String(repeating: "A", count: 1_000_000) + " (Reuters) - Text."
        #expect(dateline(text) == nil)
    }
}
