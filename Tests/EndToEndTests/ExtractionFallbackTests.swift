import Foundation
import Testing

/// A page whose story cannot be found is indexed with its densest block of text and a
/// warning, not skipped.
@Suite struct ExtractionFallbackTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    @Test func aPageWithoutAStoryIsIndexedWithAWarning() throws {
        let page = try tmp.write("corpus/radio.html", "<html><head><title>Radio</title></head><body><div class=\"header\"><div class=\"weatherheader\">Heavy rain across the region tonight</div></div></body></html>")
        let add = try newsidx(["add", "--index", tmp("fallback-index"), "--quiet", tmp("corpus")])
        try requireExit(add, 0)
        #expect(add.stderr.contains("radio.html: no story found on the page; indexed its densest block of text instead"), "\(add)")
        try requireExit(try newsidx(["search", "--index", tmp("fallback-index"), "rain"]), 0)
        let extract = try newsidx(["extract", page])
        try requireExit(extract, 0)
        #expect(extract.stderr.contains("densest block"), "\(extract)")
    }
}
