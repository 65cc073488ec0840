/// Streams one segment file in `SegmentFormat`: the header, then sections one after
/// another (each 8-byte aligned, its CRC-32 taken as it is written), then the footer that
/// locates them. Sections may be written whole or piece by piece, so a merge never holds
/// a whole section in memory.
final class SegmentFileWriter {
    private let file: DurableFile
    private var table: [(section: SegmentFormat.Section, offset: Int, length: Int, crc: UInt32)] = []
    private var open: (section: SegmentFormat.Section, offset: Int, crc: UInt32)?

    init(creating path: String) throws(IndexError) {
        file = try DurableFile(creating: path)
        var header = ByteBuffer()
        header.append(contentsOf: SegmentFormat.headerMagic)
        header.appendUInt32(SegmentFormat.version)
        header.appendUInt32(0)
        try file.append(header.bytes)
    }

    /// Bytes written so far to the section being written.
    var sectionLength: Int { open.map { file.offset - $0.offset } ?? 0 }

    /// Writes a whole section.
    func section(_ id: SegmentFormat.Section, _ bytes: [UInt8]) throws(IndexError) {
        try begin(id)
        try append(bytes)
        try end()
    }

    func begin(_ id: SegmentFormat.Section) throws(IndexError) {
        precondition(open == nil, "a section is already open")
        try file.pad(to: 8)
        open = (id, file.offset, 0)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        open!.crc = CRC32.checksum(bytes, seed: open!.crc)
        try file.append(bytes)
    }

    func append(_ bytes: [UInt8]) throws(IndexError) {
        try withBytes(of: bytes) { (raw) throws(IndexError) in try append(raw) }
    }

    func end() throws(IndexError) {
        let section = open!
        table.append((section.section, section.offset, file.offset - section.offset, section.crc))
        open = nil
    }

    /// Writes the footer, then flushes, fsyncs and closes the file.
    func finish() throws(IndexError) {
        precondition(open == nil, "a section is still open")
        try file.pad(to: 8)
        var footer = ByteBuffer()
        let footerOffset = file.offset
        footer.appendUInt32(UInt32(table.count))
        for entry in table {
            footer.appendUInt32(entry.section.rawValue)
            footer.appendUInt64(UInt64(entry.offset))
            footer.appendUInt64(UInt64(entry.length))
            footer.appendUInt32(entry.crc)
        }
        footer.appendUInt64(UInt64(footerOffset))
        footer.append(contentsOf: SegmentFormat.footerMagic)
        try file.append(footer.bytes)
        try file.close()
    }
}
