import Testing
@testable import NewsIndex

/// Merges segments written by `SegmentWriter` and checks that the merged segment holds
/// exactly the live documents, with every list, position and stored field intact.
@Suite struct SegmentMergerTests {
    let dir = TemporaryDirectory()

    /// Writes a segment of `stories` with story ids from `firstID`.
    func segment(_ id: UInt64, _ stories: [Story], firstID: UInt64) throws -> SegmentReader {
        var writer = SegmentWriter(analyzer: .standard)
        for (i, story) in stories.enumerated() {
            let record = DocumentRecord(storyID: firstID + UInt64(i), rootID: 1, path: "seg\(id)/story-\(i).xml",
                                        item: i % 3 == 0 ? "item-\(i)" : nil, contentHash: UInt64(i) &* 31,
                                        fileSize: UInt64(100 + i), mtimeNanoseconds: Int64(i))
            writer.add(record, story)
        }
        let path = dir.path + "/" + SegmentFormat.fileName(segment: id)
        try writer.write(to: path)
        return try SegmentReader(id: id, path: path)
    }

    func merge(_ sources: [SegmentMerger.Source]) throws -> (SegmentReader, SegmentMerger.Outcome) {
        let path = dir.path + "/" + SegmentFormat.fileName(segment: 99)
        let outcome = try SegmentMerger(sources).write(to: path)
        return (try SegmentReader(id: 99, path: path), outcome)
    }

    /// A wire story whose words vary with `i`, so terms have lists of many lengths.
    func story(_ i: Int) -> Story { story(i, words: 5 + i % 17) }

    func story(_ i: Int, words count: Int) -> Story {
        let words = ["talks", "Seoul", "Moscow", "sanctions", "oil", "grain", "port", "summit"]
        let body = (0..<count).map { words[($0 * 7 + i) % words.count] }.joined(separator: " ")
        return Story(title: "Story \(i) on \(words[i % words.count])", titleIsHeadline: true,
                     date: StoryDate(year: 2025, month: 1 + i % 12, day: 1 + i % 28), source: i % 2 == 0 ? "Yonhap" : nil, language: "en",
                     body: body + " marker\(i).")
    }

    func lists(_ segment: SegmentReader) throws -> [[UInt8]: [(doc: Int, freq: Int, positions: [UInt32])]] {
        var out: [[UInt8]: [(doc: Int, freq: Int, positions: [UInt32])]] = [:]
        try segment.forEachTerm { term, info in
            let cursor = PostingsCursor(segment: segment, term: info)
            var list: [(doc: Int, freq: Int, positions: [UInt32])] = []
            while cursor.doc != PostingsCursor.exhausted {
                list.append((cursor.doc, cursor.freq, cursor.positionsOfCurrentDocument()))
                cursor.next()
            }
            #expect(!cursor.isCorrupt)
            out[Array(term)] = list
            return true
        }
        return out
    }

    @Test func everyListOfTheMergedSegmentIsTheSourcesRenumbered() throws {
        let a = try segment(1, (0..<300).map(story), firstID: 1)
        let b = try segment(2, (300..<700).map(story), firstID: 301)
        var deleted = DeletionSet(documentCount: a.documentCount)
        for doc in stride(from: 0, to: 300, by: 7) { deleted.insert(doc) }
        let (merged, outcome) = try merge([.init(segment: a, deletions: deleted), .init(segment: b, deletions: nil)])
        #expect(merged.documentCount == 700 - deleted.deletedCount)
        #expect(merged.verifyChecksums().isEmpty)

        var expected: [[UInt8]: [(doc: Int, freq: Int, positions: [UInt32])]] = [:]
        for (s, source) in [a, b].enumerated() {
            for (term, list) in try lists(source) {
                for posting in list where outcome.documentMaps[s][posting.doc] >= 0 {
                    expected[term, default: []].append((Int(outcome.documentMaps[s][posting.doc]), posting.freq, posting.positions))
                }
            }
        }
        let actual = try lists(merged)
        #expect(actual.keys.sorted { $0.lexicographicallyPrecedes($1) } == expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
        for (term, list) in expected {
            let got = actual[term] ?? []
            #expect(got.map(\.doc) == list.map(\.doc), "\(String(decoding: term, as: UTF8.self))")
            #expect(got.map(\.freq) == list.map(\.freq))
            #expect(got.map(\.positions) == list.map(\.positions))
        }
        #expect(actual[Array("talk".utf8)]!.count > 256, "some lists span several blocks")
    }

    @Test func aTermWhoseDocumentsAreAllDeletedIsGone() throws {
        let a = try segment(1, (0..<20).map(story), firstID: 1)
        var deleted = DeletionSet(documentCount: 20)
        deleted.insert(5)
        let (merged, _) = try merge([.init(segment: a, deletions: deleted)])
        #expect(try withUTF8Bytes(of: "marker5") { u throws(IndexError) in try merged.lookup(u) } == nil)
        #expect(try withUTF8Bytes(of: "marker6") { u throws(IndexError) in try merged.lookup(u) }?.docFreq == 1)
    }

    @Test func recordsPathsItemsDatesAndStoriesSurviveTheMerge() throws {
        let a = try segment(1, (0..<40).map(story), firstID: 1)
        let b = try segment(2, (40..<90).map(story), firstID: 41)
        var deleted = DeletionSet(documentCount: 50)
        deleted.insert(0)
        let (merged, outcome) = try merge([.init(segment: a, deletions: nil), .init(segment: b, deletions: deleted)])
        #expect(merged.totalTokens == outcome.totalTokens)
        for (s, source) in [a, b].enumerated() {
            for doc in 0..<source.documentCount {
                let target = Int(outcome.documentMaps[s][doc])
                guard target >= 0 else { continue }
                #expect(try merged.record(target) == source.record(doc))
                #expect(try merged.story(target) == source.story(doc))
                #expect(merged.norms[target] == source.norms[doc])
                #expect(merged.tokenCount(target) == source.tokenCount(doc))
            }
        }
        #expect(outcome.documentMaps[1][0] == -1)
    }

    @Test func largeRunsKeepTheirDictionaryAndSmallOnesAreRecompressedUnderOne() throws {
        let count = SegmentMerger.smallRun + 10
        let large = try segment(1, (0..<count).map(story), firstID: 1)
        let small1 = try segment(2, (0..<200).map { story($0 + count, words: 80) }, firstID: 5_000)
        let small2 = try segment(3, (0..<200).map { story($0 + count + 200, words: 80) }, firstID: 6_000)
        #expect(large.storedStories.hasDictionary && small1.storedStories.hasDictionary)
        let (merged, outcome) = try merge([.init(segment: small1, deletions: nil), .init(segment: large, deletions: nil),
                                           .init(segment: small2, deletions: nil)])
        let store = merged.storedStories
        #expect(store.dictionaries.count == 2)
        #expect(store.runs.map(\.firstDocument) == [0, 200, 200 + count])
        #expect(store.runs[0].dictionary == store.runs[2].dictionary)
        #expect(store.runs[0].dictionary != store.runs[1].dictionary)
        #expect(Array(store.dictionaries[store.runs[1].dictionary!]) == Array(large.storedStories.dictionaries[0]))
        for (s, source) in [small1, large, small2].enumerated() {
            for doc in stride(from: 0, to: source.documentCount, by: 37) {
                #expect(try merged.story(Int(outcome.documentMaps[s][doc])) == source.story(doc))
            }
        }
    }

    @Test func aLargeRunWhoseLiveStoriesFallBelowTheThresholdIsRecompressed() throws {
        let count = SegmentMerger.smallRun + 10
        let large = try segment(1, (0..<count).map(story), firstID: 1)
        var deleted = DeletionSet(documentCount: count)
        for doc in 0..<20 { deleted.insert(doc) }
        let (merged, _) = try merge([.init(segment: large, deletions: deleted)])
        #expect(merged.storedStories.runs.count == 1)
        #expect(Array(merged.storedStories.dictionaries[0]) != Array(large.storedStories.dictionaries[0]))
        #expect(try merged.story(0) == large.story(20))
    }
}
