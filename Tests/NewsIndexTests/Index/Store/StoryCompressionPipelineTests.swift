import Testing
@testable import NewsIndex

/// Stories compressed while a segment is built read back as they were written.
@Suite struct StoryCompressionPipelineTests {
    let dir = TemporaryDirectory()

    func stories(_ n: Int) -> [Story] {
        let words = ["Seoul", "talks", "grain", "ministers", "port", "sanctions", "summit", "Kyiv", "oil", "said"]
        return (0..<n).map { i in
            let body = (0..<(40 + i % 90)).map { words[($0 * 7 + i) % words.count] }.joined(separator: " ")
            return Story(title: "Story \(i)", titleIsHeadline: i % 2 == 0, source: i % 3 == 0 ? "Yonhap" : nil,
                         url: i % 5 == 0 ? "https://example.com/\(i)" : nil, body: body + ". Marker \(i).")
        }
    }

    /// The section the pipeline's output makes, read back story by story.
    func readBack(_ pipeline: StoryCompressionPipeline, count: Int) throws -> [Story] {
        let path = dir.path + "/store.seg"
        let file = try SegmentFileWriter(creating: path)
        try file.begin(.store)
        try StoredStoryWriter.write(pipeline.finish(), count: count, to: file)
        let length = file.sectionLength
        try file.end()
        try file.finish()
        let mapped = try MappedFile(path: path)
        let start = SegmentFormat.headerSize
        let reader = try StoredStoryReader(section: UnsafeRawBufferPointer(rebasing: mapped.bytes[start..<start + length]),
                                           documentCount: count, context: "store")
        return try (0..<count).map { doc throws(IndexError) in
            try reader.withStory(doc) { story, body in
                var story = story
                story.body = String(decoding: body, as: UTF8.self)
                return story
            }
        }
    }

    /// 400 stories are about 200 KB: a dictionary is trained on the first 96 KB, and the
    /// rest compressed with it as they come.
    @Test(arguments: [0, 1, 15, 400])
    func storiesCompressedAfterTrainingReadBackIntact(count: Int) throws {
        let written = stories(count)
        let pipeline = StoryCompressionPipeline(trainingBytes: 96 << 10)
        for story in written { pipeline.add(story) }
        #expect(try readBack(pipeline, count: count) == written)
    }

    @Test func aSegmentTooSmallToTrainOnIsCompressedWhenFinished() throws {
        let written = stories(120)
        let pipeline = StoryCompressionPipeline(trainingBytes: 1 << 30)
        for story in written { pipeline.add(story) }
        #expect(try readBack(pipeline, count: written.count) == written)
    }

    @Test func theHandedOverBytesBoundWhatThePipelineHolds() {
        let pipeline = StoryCompressionPipeline(trainingBytes: 16 << 10)
        var total = 0
        for story in stories(50) {
            var record = ByteBuffer()
            StoredStoryRecord.encode(story, into: &record)
            total += record.count
            pipeline.add(story)
        }
        #expect(pipeline.count == 50)
        #expect(pipeline.recordBytes == total)
    }
}
