/// Reads ranges of one section of a segment file front to back through a buffer of its own,
/// filled `chunk` bytes at a time with `MappedFile.copy`, never through the map.
///
/// A merge reads every source's postings and positions side by side; through the maps, each
/// of those streams kept the page cache's large folio it was reading resident, and a 64-way
/// merge held about 300 MB that way. Read like this, it holds `chunk` bytes a stream, and
/// one range at a time beyond that when a single list is longer.
final class SectionReadBuffer {
    static let chunk = 64 << 10
    /// Zero bytes kept after every range handed out: `PostingsCursor` loads whole words.
    static let padding = 8

    private let file: MappedFile
    /// Where the section lies in the file.
    private let section: Range<Int>
    private var buffer: UnsafeMutableRawBufferPointer
    /// The section offset of the buffer's first byte, and how many bytes from there it holds.
    private var start = 0
    private var count = 0

    /// Reads the section `bytes` (a part of `file.bytes`).
    init(file: MappedFile, section bytes: UnsafeRawBufferPointer) {
        self.file = file
        let offset = file.offset(of: bytes)
        section = offset..<offset + bytes.count
        buffer = .allocate(byteCount: Self.chunk + Self.padding, alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// The bytes of `range` (offsets in the section), as a buffer and the offset in it where
    /// they start; at least `padding` readable bytes follow them. Valid until the next call.
    func read(_ range: Range<Int>) -> (bytes: UnsafeRawBufferPointer, offset: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= section.count, "range outside the section")
        if range.lowerBound < start || range.upperBound > start + count { fill(from: range.lowerBound, atLeast: range.count) }
        return (UnsafeRawBufferPointer(rebasing: buffer[0..<count + Self.padding]), range.lowerBound - start)
    }

    /// Refills the buffer from section offset `from` with at least `length` bytes, reading
    /// ahead to a whole chunk; a buffer grown for one long list shrinks back at the next fill.
    private func fill(from: Int, atLeast length: Int) {
        let capacity = max(Self.chunk, length)
        if buffer.count != capacity + Self.padding {
            buffer.deallocate()
            buffer = .allocate(byteCount: capacity + Self.padding, alignment: 8)
        }
        start = from
        count = min(capacity, section.count - from)
        file.copy(at: section.lowerBound + from, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + Self.padding]).initializeMemory(as: UInt8.self, repeating: 0)
    }
}
