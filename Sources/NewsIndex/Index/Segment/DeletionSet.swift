/// The deleted documents of one segment, stored beside it as `seg-<id>.del-<gen>`.
///
/// Format: "NIDXDEL1", document count u32, CRC-32 of the bitset u32, then the bitset
/// (bit d of byte d / 8 set when document d is deleted). A new generation is written for
/// every commit that deletes more; the manifest names the live one.
struct DeletionSet: Equatable {
    private var documents: DocumentSet
    let documentCount: Int

    var deletedCount: Int { documents.count }

    static let magic: [UInt8] = Array("NIDXDEL1".utf8)

    static func fileName(segment: UInt64, generation: UInt64) -> String { "seg-\(segment).del-\(generation)" }

    init(documentCount: Int) {
        self.documentCount = documentCount
        documents = DocumentSet(documentCount: documentCount)
    }

    init(bytes: UnsafeRawBufferPointer, name: String, documentCount: Int) throws(IndexError) {
        var c = ByteCursor(bytes, context: name)
        guard try c.readBytes(8).elementsEqual(Self.magic) else {
            throw .corrupt(file: name, detail: "not a deletion file")
        }
        let count = Int(try c.readUInt32())
        let crc = try c.readUInt32()
        guard count == documentCount else {
            throw .corrupt(file: name, detail: "covers \(count) documents, the segment has \(documentCount)")
        }
        let raw = try c.readBytes((count + 7) / 8)
        guard CRC32.checksum(raw) == crc else { throw .corrupt(file: name, detail: "checksum mismatch") }
        self.documentCount = count
        documents = DocumentSet(bits: Array(raw))
    }

    /// The deletions the manifest records for segment `entry` (nil when it has none), read
    /// from its `.del-<gen>` file in `store`.
    static func load(for entry: Manifest.Segment, documentCount: Int, store: ManifestStore) throws(IndexError) -> DeletionSet? {
        guard entry.deletionGeneration > 0 else { return nil }
        let name = fileName(segment: entry.id, generation: entry.deletionGeneration)
        let file = try MappedFile(path: store.path(name))
        return try DeletionSet(bytes: file.bytes, name: name, documentCount: documentCount)
    }

    @inline(__always)
    func contains(_ doc: Int) -> Bool { documents.contains(doc) }

    mutating func insert(_ doc: Int) { documents.insert(doc) }

    func serialize() -> [UInt8] {
        var out = ByteBuffer(capacity: 16 + documents.bits.count)
        out.append(contentsOf: Self.magic)
        out.appendUInt32(UInt32(documentCount))
        out.appendUInt32(CRC32.checksum(documents.bits))
        out.append(contentsOf: documents.bits)
        return out.bytes
    }
}
