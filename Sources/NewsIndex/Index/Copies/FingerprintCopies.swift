#if canImport(Glibc)
import Glibc
#endif

/// Reads stories' fingerprint records into memory of its own, with `pread`, for verifying
/// candidate pairs: they lie anywhere in the segments, and reading them through the map
/// would make each one resident with its neighbours (the page cache's large folios map up
/// to 256 KB a touch), so a million-story clustering held the whole fingerprint section,
/// 160 MB at 1.14 million stories. Read this way, nothing stays resident. A segment whose
/// file cannot be opened (already unlinked) is read through its map.
final class FingerprintCopies {
    private let stories: NumberedStories
    private var descriptors: [Int32] = []
    /// Where each segment's fingerprint section starts in its file.
    private var sectionOffsets: [Int] = []

    init(_ stories: NumberedStories) {
        self.stories = stories
        for segment in stories.segments {
            descriptors.append(open(segment.file.path, O_RDONLY | O_CLOEXEC))
            sectionOffsets.append(segment.fingerprints.baseAddress.map { $0 - segment.file.bytes.baseAddress! } ?? 0)
        }
    }

    /// Per segment, whether its records are read from its file (else through its map).
    var readsFromFile: [Bool] { descriptors.map { $0 >= 0 } }

    deinit {
        for fd in descriptors where fd >= 0 { close(fd) }
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
        if descriptors[s] >= 0, pread(descriptors[s], buffer.baseAddress, size, off_t(sectionOffsets[s] + doc * size)) == size {
            return
        }
        buffer.copyMemory(from: stories.segments[s].fingerprintBytes(doc))
    }
}
