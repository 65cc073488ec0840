import Foundation
import Testing

/// `newsidx extract`: what ingestion sees, as the extraction benchmark and users read it.
@Suite struct ExtractCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    static let keys: Set<String> = ["path", "format", "title", "date", "source", "byline", "url", "lang", "body"]

    @Test func jsonGivesOneObjectPerStoryWithExactlyTheContractKeys() throws {
        let seed = Repo.seedStory
        let r = try newsidx(["extract", "--json", seed])
        expectExit(r, 0)
        let objects = jsonObjects(r)
        #expect(objects.count == 1)
        let o = try #require(objects.first)
        #expect(Set(o.keys) == Self.keys)
        #expect(o["path"] as? String == seed)
        #expect(o["format"] as? String == "text")
        #expect(o["date"] as? String == "2025-10-27")
        #expect(o["source"] as? String == "Yonhap")
        #expect(o["url"] is NSNull)
        #expect((o["body"] as? String)?.hasPrefix("North Korean Foreign Minister") == true)
    }

    @Test func aFeedGivesOneObjectPerItem() throws {
        let feed = try tmp.write("feed.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire Desk</title><language>en</language>
            <item><title>Talks open in Seoul</title><link>https://example.com/a</link><guid>a</guid>
            <pubDate>Mon, 27 Oct 2025 09:00:00 +0900</pubDate><description>Officials met on Monday to open talks.</description></item>
            <item><title>Talks end</title><link>https://example.com/b</link><guid>b</guid>
            <pubDate>Tue, 28 Oct 2025 18:00:00 +0900</pubDate><description>The talks ended on Tuesday without a deal.</description></item>
            </channel></rss>
            """)
        let r = try newsidx(["extract", "--json", feed])
        expectExit(r, 0)
        let objects = jsonObjects(r)
        #expect(objects.map { $0["format"] as? String } == ["rss", "rss"])
        #expect(objects.map { $0["title"] as? String } == ["Talks open in Seoul", "Talks end"])
        #expect(objects.map { $0["date"] as? String } == ["2025-10-27", "2025-10-28"])
        #expect(objects.first?["url"] as? String == "https://example.com/a")
    }

    @Test func aMissingFileIsNamedWithStatusTwoAndTheOthersStillPrinted() throws {
        let seed = Repo.seedStory
        let r = try newsidx(["extract", "--json", tmp("missing.txt"), seed])
        expectExit(r, 2)
        #expect(r.stderr.contains("missing.txt"), "\(r)")
        #expect(jsonObjects(r).count == 1)
    }

    @Test func aFileWithNoStoryIsWarnedAboutAndTheRunSucceeds() throws {
        let empty = try tmp.write("empty.html", "<html><body><script>x()</script></body></html>")
        let r = try newsidx(["extract", "--json", empty])
        expectExit(r, 0)
        #expect(r.stderr.contains("empty.html"), "\(r)")
        #expect(r.stdout.isEmpty)
    }
}
