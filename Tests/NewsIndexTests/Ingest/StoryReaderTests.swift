import NewsIndex
import Testing

@Suite struct StoryReaderTests {
    private func read(_ text: String, path: String) throws(IngestError) -> Story {
        try StoryReader().read(Array(text.utf8), path: path)
    }

    @Test(arguments: [("story.txt", StoryFormat.wireText), ("STORY.TXT", .wireText), ("a/b.c/page.html", .html),
                      ("page.HTM", .html), ("page.Html", .html)])
    func formatFollowsTheExtensionInAnyCase(_ path: String, _ format: StoryFormat) {
        #expect(StoryFormat.forPath(path) == format)
    }

    @Test(arguments: ["report.pdf", "README", ".txt", "dir.txt/notes", "page.html.gz"])
    func otherFileNamesHaveNoFormat(_ path: String) {
        #expect(StoryFormat.forPath(path) == nil)
    }

    @Test func readsTextFilesAsWireCopy() throws {
        let story = try read("date 2025-10-27 Officials met on Monday. (Yonhap)", path: "corpus/seed.txt")
        #expect(story.date == StoryDate(year: 2025, month: 10, day: 27))
        #expect(story.source == "Yonhap")
    }

    @Test func readsHTMLFilesAsPages() throws {
        let story = try read("<html><head><title>Hello</title></head><body><p>World.</p></body></html>", path: "page.htm")
        #expect(story.title == "Hello")
        #expect(story.body == "World.")
    }

    @Test(arguments: [("report.pdf", ".pdf"), ("photo.JPG", ".JPG"), ("README", ""), (".profile", ""), ("page.html.gz", ".gz")])
    func unsupportedFileTypeIsRejected(_ path: String, _ ext: String) {
        #expect(throws: IngestError.unsupportedFormat(ext)) { try read("text", path: path) }
    }

    @Test func emptyFileIsRejected() {
        #expect(throws: IngestError.empty) { try read("", path: "a.txt") }
    }

    @Test(arguments: ["   ", "\n\n\t \r\n", "\u{FEFF}  \n"])
    func whitespaceOnlyFileIsRejectedAsEmpty(_ text: String) {
        #expect(throws: IngestError.empty) { try read(text, path: "a.txt") }
        #expect(throws: IngestError.empty) { try read(text, path: "a.html") }
    }

    @Test func binaryBytesNamedHTMLAreRejected() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: IngestError.binary) { try StoryReader().read(png, path: "page.html") }
    }

    @Test func textWithManyControlBytesIsRejectedAsBinary() {
        let bytes = (0..<200).map { $0 % 4 == 0 ? UInt8(0x01) : UInt8(ascii: "a") }
        #expect(throws: IngestError.binary) { try StoryReader().read(bytes, path: "story.txt") }
    }

    @Test func fewControlBytesAreStillText() throws {
        let bytes = Array("Officials met on Monday".utf8) + [0x1B] + Array(" in Seoul.".utf8)
        #expect(try StoryReader().read(bytes, path: "story.txt").body.hasPrefix("Officials met"))
    }

    @Test func utf16WithByteOrderMarkIsTextNotBinary() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Seoul talks end.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try StoryReader().read(bytes, path: "story.txt").body == "Seoul talks end.")
    }

    @Test func utf16WithoutByteOrderMarkIsRejectedAsBinary() {
        let bytes = "Seoul talks end.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: IngestError.binary) { try StoryReader().read(bytes, path: "story.txt") }
    }

    @Test func invalidUTF8TextIsReadWithReplacementCharacters() throws {
        let bytes = Array("Prices rose ".utf8) + [0xC3, 0x28] + Array(" today.".utf8)
        #expect(try StoryReader().read(bytes, path: "story.txt").body == "Prices rose \u{FFFD}( today.")
    }

    @Test func pageWithNoTextIsRejected() {
        let html = "<html><head><title>Empty</title><script>var a = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><footer>(c) 2019</footer></body></html>"
        #expect(throws: IngestError.noText) { try read(html, path: "page.html") }
    }

    @Test func textFileWithOnlyADateIsRejected() {
        #expect(throws: IngestError.noText) { try read("date 2025-10-27\n", path: "story.txt") }
    }

    @Test(arguments: [
        (IngestError.empty, "empty file"),
        (.binary, "binary content, not text"),
        (.noText, "no story text found"),
        (.unsupportedFormat(".pdf"), "unsupported file type .pdf"),
        (.unsupportedFormat(""), "unsupported file type (no extension)"),
    ])
    func errorsDescribeTheirReason(_ error: IngestError, _ description: String) {
        #expect(error.description == description)
    }
}
