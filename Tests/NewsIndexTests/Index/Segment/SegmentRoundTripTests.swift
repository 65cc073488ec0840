import Testing
@testable import NewsIndex

/// Writes a segment with `SegmentWriter`, maps it with `SegmentReader`, and reads it all back.
@Suite struct SegmentRoundTripTests {
    let dir = TemporaryDirectory()

    func roundTrip(_ stories: [Story]) throws -> SegmentReader {
        var writer = SegmentWriter(analyzer: .standard)
        for (i, story) in stories.enumerated() {
            let record = DocumentRecord(storyID: UInt64(100 + i), rootID: 1, path: "dir/story-\(i).txt",
                                        contentHash: UInt64(i) &* 0x9E37_79B9, fileSize: 1000, mtimeNanoseconds: 42)
            writer.add(record, story)
        }
        let path = dir.path + "/seg-1.seg"
        try writer.write(to: path)
        return try SegmentReader(id: 1, path: path)
    }

    func postings(_ segment: SegmentReader, _ term: String) throws -> [(doc: Int, freq: Int, positions: [UInt32])] {
        guard let info = try withUTF8Bytes(of: term, { u throws(IndexError) in try segment.lookup(u) }) else { return [] }
        let cursor = PostingsCursor(segment: segment, term: info)
        var out: [(Int, Int, [UInt32])] = []
        while cursor.doc != PostingsCursor.exhausted {
            out.append((cursor.doc, cursor.freq, cursor.positionsOfCurrentDocument()))
            cursor.next()
        }
        #expect(!cursor.isCorrupt)
        return out
    }

    @Test func storedFieldsComeBackUnchanged() throws {
        let story = Story(title: "Choe meets Lavrov", titleIsHeadline: true,
                          date: StoryDate(year: 2025, month: 10, day: 27), source: "Yonhap", byline: "Kim Soo-yeon",
                          body: "First paragraph.\n\nSecond paragraph with ünïcödé.")
        let segment = try roundTrip([story])
        #expect(segment.documentCount == 1)
        #expect(try segment.story(0) == story)
        let record = try segment.record(0)
        #expect(record.storyID == 100)
        #expect(record.path == "dir/story-0.txt")
        #expect(record.mtimeNanoseconds == 42)
    }

    @Test func aStoryReadForItsBodyBytesHasTheSameFieldsAndTheBodyAsUTF8() throws {
        let story = Story(title: "Choe meets Lavrov", titleIsHeadline: true,
                          date: StoryDate(year: 2025, month: 10, day: 27), source: "Yonhap", place: "SEOUL",
                          body: "First paragraph.\n\nSecond paragraph with ünïcödé.")
        let segment = try roundTrip([story])
        let (fields, body) = try segment.withStory(0) { fields, body in (fields, Array(body)) }
        var expected = story
        expected.body = ""
        #expect(fields == expected)
        #expect(body == Array(story.body.utf8))
    }

    @Test func absentOptionalFieldsStayAbsent() throws {
        let story = Story(title: "Lead sentence…", titleIsHeadline: false, body: "Lead sentence goes on.")
        let back = try roundTrip([story]).story(0)
        #expect(back.date == nil && back.source == nil && back.byline == nil)
        #expect(back.titleIsHeadline == false)
    }

    @Test func postingsHoldDocumentsFrequenciesAndPositions() throws {
        let segment = try roundTrip([
            Story(title: "x", titleIsHeadline: false, body: "alpha beta alpha"),
            Story(title: "x", titleIsHeadline: false, body: "gamma"),
            Story(title: "x", titleIsHeadline: false, body: "beta alpha"),
        ])
        let alpha = try postings(segment, "alpha")
        #expect(alpha.map(\.doc) == [0, 2])
        #expect(alpha.map(\.freq) == [2, 1])
        #expect(alpha.map(\.positions) == [[0, 2], [1]])
        #expect(try postings(segment, "gamma").map(\.doc) == [1])
        #expect(try postings(segment, "missing").isEmpty)
        #expect(segment.tokenCount(0) == 3)
    }

    @Test func headlineTokensComeFirstAndBodyPositionsAfterAGap() throws {
        let segment = try roundTrip([Story(title: "Kursk", titleIsHeadline: true, body: "Lavrov spoke")])
        #expect(try postings(segment, "lavrov").first?.positions == [1 + SegmentFormat.bodyPositionGap])
        #expect(segment.headlineTokenCount(0) == 1)
    }

    @Test func aHeadlineWordCountsTwiceInItsFrequencyAndInTheLength() throws {
        #expect(SegmentFormat.headlineWeight == 2)
        let segment = try roundTrip([Story(title: "Kursk talks", titleIsHeadline: true, body: "Kursk spoke")])
        let kursk = try postings(segment, "kursk")
        #expect(kursk.first?.freq == 3)
        #expect(kursk.first?.positions == [0, 0, 2 + SegmentFormat.bodyPositionGap])
        #expect(segment.tokenCount(0) == 2 * 2 + 2)
    }

    @Test func derivedTitlesAreNotIndexedTwice() throws {
        let segment = try roundTrip([Story(title: "Lavrov spoke", titleIsHeadline: false, body: "Lavrov spoke")])
        #expect(try postings(segment, "lavrov").first?.freq == 1)
    }

    /// Enough distinct terms to fill many dictionary blocks, looked up one by one.
    @Test func everyTermIsFoundAcrossDictionaryBlocks() throws {
        let words = (0..<1000).map { "w\(String($0, radix: 36))x" }
        let segment = try roundTrip([Story(title: "t", titleIsHeadline: false, body: words.joined(separator: " "))])
        #expect(segment.termCount == 1000 + 1, "the words and the story's language term")
        for (i, w) in words.enumerated() {
            #expect(try postings(segment, w).first?.positions == [UInt32(i)])
        }
        var enumerated: [String] = []
        try segment.forEachTerm { term, _ in
            if !FieldTerm.isFieldTerm(term) { enumerated.append(String(decoding: term, as: UTF8.self)) }
            return true
        }
        #expect(enumerated == words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func aLongListCrossesManyDocuments() throws {
        let stories = (0..<3000).map { i in
            Story(title: "t", titleIsHeadline: false, body: i % 3 == 0 ? "common rare\(i)" : "common")
        }
        let segment = try roundTrip(stories)
        let common = try postings(segment, "common")
        #expect(common.count == 3000)
        #expect(common.last?.doc == 2999)
        #expect(try postings(segment, "rare2997").map(\.doc) == [2997])
    }

    /// Enough stories to train a compression dictionary: every story comes back intact.
    @Test func everyStoryComesBackFromTheDictionaryCompressedStore() throws {
        let words = ["Seoul", "talks", "minister", "said", "Monday", "trade", "sanctions", "Pyongyang", "summit", "visit"]
        let stories = (0..<400).map { i in
            Story(title: "Story \(i)", titleIsHeadline: true, source: i % 2 == 0 ? "Yonhap" : nil,
                  body: (0..<(60 + i % 50)).map { words[($0 * 7 + i) % words.count] }.joined(separator: " "))
        }
        let segment = try roundTrip(stories)
        #expect(segment.storedStories.hasDictionary)
        for i in [0, 1, 57, 199, 200, 398, 399] {
            #expect(try segment.story(i) == stories[i])
        }
    }

    @Test func aCorruptCompressedBlockIsAnErrorNotACrash() throws {
        let segment = try roundTrip([Story(title: "t", titleIsHeadline: false, body: String(repeating: "words ", count: 200))])
        var bytes = Array(segment.file.bytes)
        let store = try #require(Self.sectionRange(.store, in: bytes))
        for i in (store.lowerBound + 30)..<(store.upperBound - 2) { bytes[i] ^= 0x5A }
        let damaged = try SegmentReader(id: 5, path: dir.write("seg-5.seg", bytes: bytes))
        #expect(throws: IndexError.self) { try damaged.story(0) }
    }

    /// Where a section lies, read from the footer.
    static func sectionRange(_ section: SegmentFormat.Section, in bytes: [UInt8]) -> Range<Int>? {
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let footer = u64(bytes.count - 16)
        for i in 0..<u32(footer) {
            let entry = footer + 4 + i * 24
            if u32(entry) == Int(section.rawValue) { return u64(entry + 4)..<(u64(entry + 4) + u64(entry + 12)) }
        }
        return nil
    }

    @Test func anEmptySegmentIsReadable() throws {
        let segment = try roundTrip([])
        #expect(segment.documentCount == 0)
        #expect(try postings(segment, "anything").isEmpty)
    }

    @Test func checksumsVerifyAndCatchAFlippedByte() throws {
        let segment = try roundTrip([Story(title: "t", titleIsHeadline: false, body: "alpha beta")])
        #expect(segment.verifyChecksums().isEmpty)
        var bytes = Array(segment.file.bytes)
        bytes[SegmentFormat.headerSize + 3] ^= 0x40
        let path = dir.write("seg-2.seg", bytes: bytes)
        #expect(try SegmentReader(id: 2, path: path).verifyChecksums() == ["docs"])
    }

    @Test(arguments: [0, 8, 20, 100])
    func aTruncatedSegmentIsRejectedAsCorrupt(keep: Int) throws {
        let segment = try roundTrip([Story(title: "t", titleIsHeadline: false, body: "alpha beta gamma")])
        let path = dir.write("seg-3.seg", bytes: Array(segment.file.bytes.prefix(keep)))
        #expect(throws: IndexError.self) { try SegmentReader(id: 3, path: path) }
    }
}

@Suite struct DeletionSetTests {
    @Test func roundTripsAndCounts() throws {
        var set = DeletionSet(documentCount: 20)
        set.insert(0)
        set.insert(13)
        set.insert(13)
        #expect(set.deletedCount == 2)
        let bytes = set.serialize()
        let back = try bytes.withUnsafeBytes { try DeletionSet(bytes: $0, name: "seg-1.del-2", documentCount: 20) }
        #expect(back == set)
        #expect(back.contains(13) && !back.contains(12))
    }

    @Test func aSetForAnotherSegmentSizeIsCorrupt() {
        let bytes = DeletionSet(documentCount: 8).serialize()
        #expect(throws: IndexError.self) {
            try bytes.withUnsafeBytes { try DeletionSet(bytes: $0, name: "seg-1.del-2", documentCount: 9) }
        }
    }
}
