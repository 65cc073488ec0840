import Foundation
import Testing
@testable import NewsIndex

/// Every reader of untrusted input, fed mutated real inputs (the shipped corpus and the
/// readers' test fixtures): none crashes, hangs or allocates without bound. `make test`
/// runs 300 inputs a target from a fixed seed; `make fuzz` runs each for `FUZZ_SECONDS`.
@Suite(.serialized) struct FuzzTests {
    static func corpusFiles(_ folder: String) -> [[UInt8]] {
        let dir = RepositoryPath.root + "/Corpus/" + folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        return names.prefix(12).compactMap { FileManager.default.contents(atPath: dir + "/" + $0).map { [UInt8]($0) } }
    }

    static let wireSeeds = corpusFiles("text") + [WireTextReaderTests.seedOpening, WireTextReaderTests.reutersStory,
        WireTextReaderTests.yonhapStory, WireTextReaderTests.afpStory].map { Array($0.utf8) }
    static let htmlSeeds = corpusFiles("html") + [Array(HTMLReaderTests.newsPage.utf8)]
    static let feedSeeds = [FeedReaderTests.rss2, FeedReaderTests.rss1, FeedReaderTests.atom].map { Array($0.utf8) }
    static let nitfSeeds = [Array(NITFReaderTests.story.utf8)]
    static let newsMLSeeds = [NewsMLG2ReaderTests.newsItem, NewsMLG2ReaderTests.newsMessage].map { Array($0.utf8) }
    static let allSeeds = wireSeeds + htmlSeeds + feedSeeds + nitfSeeds + newsMLSeeds

    @Test func theWireTextReaderReadsAnyBytes() {
        FuzzHarness(target: "wire-text", seeds: Self.wireSeeds).run { _ = WireTextReader().read($0) }
    }

    @Test func theHTMLReaderReadsAnyBytes() {
        FuzzHarness(target: "html", seeds: Self.htmlSeeds).run { _ = HTMLReader().read($0) }
    }

    @Test func theFeedReaderReadsAnyBytes() {
        FuzzHarness(target: "feed", seeds: Self.feedSeeds).run { _ = FeedReader().read($0) }
    }

    @Test func theNITFReaderReadsAnyBytes() {
        FuzzHarness(target: "nitf", seeds: Self.nitfSeeds).run { _ = NITFReader().read($0) }
    }

    @Test func theNewsMLG2ReaderReadsAnyBytes() {
        FuzzHarness(target: "newsml-g2", seeds: Self.newsMLSeeds).run { _ = NewsMLG2Reader().read($0) }
    }

    @Test func theStoryReaderSniffsAndReadsAnyBytes() {
        FuzzHarness(target: "story-reader", seeds: Self.allSeeds).run { bytes in
            _ = try? StoryReader(maxSize: 4 << 20).read(bytes, path: "fuzz.xml")
        }
    }

    @Test func theGzipDecoderRefusesDamageAndStaysWithinItsLimit() {
        let seeds = Self.allSeeds.prefix(8).map { GzipTestData.compress($0) }
        #expect(seeds.map { try? GzipDecoder(limit: 1 << 20).decompress($0).get() } == Self.allSeeds.prefix(8).map { $0 })
        FuzzHarness(target: "gzip", seeds: seeds).run { bytes in
            if case .success(let plain) = GzipDecoder(limit: 1 << 20).decompress(bytes) {
                #expect(plain.count <= 1 << 20)
            }
            _ = try? StoryReader(maxSize: 1 << 20).read(bytes, path: "fuzz.txt.gz")
        }
    }

    static let querySeeds: [String] = [
        "Lavrov Kursk", "\"Sergey Lavrov\"", "\"Lavrov Moscow\"~3", "NEAR(Lavrov Moscow, 3)", "Lavrov AND Kerry",
        "Lavrov OR Kerry", "Lavrov NOT Ukraine", "Lavrov -Ukraine", "(a OR b) c", "+Lavrov Kerry Tillerson",
        "-football", "kurs*", "title:Kursk", "title:\"North Korea\"", "title:(Putin OR Lavrov)", "source:yonhap",
        "source:\"bbc news\"", "byline:brandle", "place:seoul", "path:html/", "date:2025-10-27", "date:2025-10",
        "date:2017", "date:2025-10-01..2025-10-31", "date:..2025-10-31", "date:2025-10-20..", "date:7d",
        "title:\"North Korea\" date:2017 -source:yonhap", "Kim Jong-un U.S. 15,000 38.13 Korea's",
    ]

    @Test func theQueryParserParsesOrRefusesAnyText() {
        let syntax = QuerySyntax(analyzer: .standard, today: StoryDate(year: 2025, month: 11, day: 1))
        let parser = QueryParser(analyzer: .standard)
        FuzzHarness(target: "query", seeds: Self.querySeeds.map { Array($0.utf8) }, inputsInTest: 2000).run { bytes in
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            for mode in [Query.Mode.all, .any] {
                _ = try? syntax.parse(text, mode: mode)
                _ = try? parser.parse(text, mode: mode)
            }
        }
    }
}
