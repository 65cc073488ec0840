/// Reads stories' fingerprint records into memory of its own (`MappedFile.copy`), for
/// verifying candidate pairs: they lie anywhere in the segments, and reading them through
/// the map would make each one resident with its neighbours, so a million-story clustering
/// held the whole fingerprint section, 160 MB at 1.14 million stories.
struct FingerprintCopies {
    private let stories: NumberedStories
    /// Where each segment's fingerprint section starts in its file.
    private let sectionOffsets: [Int]

    init(_ stories: NumberedStories) {
        self.stories = stories
        sectionOffsets = stories.segments.map { $0.file.offset(of: $0.fingerprints) }
    }

    /// Story `number`'s record, in an array of its own.
    func record(_ number: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Fingerprint.recordSize) { buffer, count in
            read(number, into: UnsafeMutableRawBufferPointer(buffer))
            count = Fingerprint.recordSize
        }
    }

    /// Copies story `number`'s record into `buffer` (`Fingerprint.recordSize` bytes).
    func read(_ number: Int, into buffer: UnsafeMutableRawBufferPointer) {
        let (s, doc) = stories.address(number)
        let size = Fingerprint.recordSize
        stories.segments[s].file.copy(at: sectionOffsets[s] + doc * size,
                                      into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]))
    }
}
