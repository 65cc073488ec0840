import Dispatch

/// Compresses a segment's stored stories while the segment is still being built, on a
/// thread of its own, instead of all at once when it is written out.
///
/// Indexing keeps one core analyzing and inverting stories while the other reads and parses
/// files, which leaves that one idle more than half the time; compressing at write-out made
/// the analyzing core wait for zstd. Here the first `trainingBytes` of stories are held, the
/// dictionary is trained on them (as `StoredStoryWriter` trains one on a whole segment),
/// and from then on each story is compressed as it arrives. A segment smaller than that is
/// compressed when it is finished, as before.
///
/// Stories are handed over in order and compressed in order on a serial queue; `finish()`
/// waits for the queue and returns the section's contents.
final class StoryCompressionPipeline: @unchecked Sendable {
    /// Story bytes held to train the dictionary before compressing starts.
    let trainingBytes: Int

    private let queue = DispatchQueue(label: "newsidx.story-compression")
    // Touched only on `queue`:
    private var held = StoredStoryWriter()
    private var dictionary: [UInt8] = []
    private var compressor: FrameCompressor?
    private var frames = ByteBuffer()
    private var frameEnds: [Int] = []
    private var rawLengths: [UInt32] = []

    /// Stories handed over (on the caller's thread).
    private(set) var count = 0
    /// Bytes of the stories handed over: an upper bound of what the pipeline holds (held
    /// stories, compressed frames, stories waiting), for the writer's memory budget.
    private(set) var recordBytes = 0

    init(trainingBytes: Int = StoredStoryWriter.sampleBytes) {
        self.trainingBytes = trainingBytes
    }

    func add(_ story: Story) {
        var record = ByteBuffer()
        StoredStoryRecord.encode(story, into: &record)
        count += 1
        recordBytes += record.count
        let bytes = record.bytes
        queue.async { self.consume(bytes) }
    }

    /// Waits for every story handed over to be compressed, and returns them all.
    func finish() -> StoredStoryWriter.Compressed {
        queue.sync {
            if compressor == nil { return held.compress() }
            return StoredStoryWriter.Compressed(dictionary: dictionary, rawLengths: rawLengths, pieces: [frames.bytes],
                                                frameEnds: frameEnds)
        }
    }

    private func consume(_ record: [UInt8]) {
        if let compressor {
            record.withUnsafeBytes { compressor.compress($0, into: &frames) }
            frameEnds.append(frames.count)
            rawLengths.append(UInt32(record.count))
            return
        }
        record.withUnsafeBytes { held.add(record: $0) }
        guard held.recordBytes >= trainingBytes else { return }
        dictionary = held.trainDictionary()
        let compressor = FrameCompressor(dictionary: dictionary)
        let (first, ends) = held.compress(0..<held.count, with: compressor)
        frames.append(contentsOf: first)
        frameEnds = ends
        rawLengths = held.rawLengths
        self.compressor = compressor
        held = StoredStoryWriter()
    }
}
