/// A segment's documents by the file they came from: the `fileKeys` section, which lets a
/// writer find the stories of a file without holding a catalogue of every file in memory.
///
/// Layout: one 8-byte entry per document, key hash u32 then document u32, sorted by hash
/// and then document. The key hash is `hash(root:path:)` of the document's root id and its
/// path relative to that root (without a feed item's id): the entries of one file lie
/// together, found by binary search. Distinct files may share a hash; a lookup compares
/// the documents' paths.
struct FileKeyTable {
    static let entrySize = 8

    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var count: Int { bytes.count / Self.entrySize }

    /// The key hash of the file at `path` below root `root`: the low 32 bits of the path's
    /// XXH64 seeded with the root id.
    static func hash(root: UInt32, path: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(truncatingIfNeeded: ContentHash.xxh64(path, seed: UInt64(root)))
    }

    static func hash(root: UInt32, path: String) -> UInt32 {
        var path = path
        return path.withUTF8 { hash(root: root, path: UnsafeRawBufferPointer($0)) }
    }

    /// The key hash of the entry at `index`.
    func hash(at index: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * Self.entrySize, as: UInt32.self))
    }

    /// The document of the entry at `index`.
    func document(at index: Int) -> Int {
        Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * Self.entrySize + 4, as: UInt32.self)))
    }

    /// The entries whose key hash is `hash`.
    func entries(withHash hash: UInt32) -> Range<Int> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.hash(at: mid) < hash { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count && self.hash(at: end) == hash { end += 1 }
        return lo..<end
    }

    /// Serialises `entries` (each `hash << 32 | document`), sorting them.
    static func encode(_ entries: inout [UInt64]) -> [UInt8] {
        entries.sort()
        var out = ByteBuffer(capacity: entries.count * entrySize)
        for entry in entries { append(entry, to: &out) }
        return out.bytes
    }

    static func append(_ entry: UInt64, to out: inout ByteBuffer) {
        out.appendUInt32(UInt32(truncatingIfNeeded: entry >> 32))
        out.appendUInt32(UInt32(truncatingIfNeeded: entry))
    }

    /// The merged table of several segments' tables, each document renumbered by its
    /// segment's map (-1: deleted, left out). Streams: each source is already sorted and its
    /// map keeps document order, so a k-way merge by (hash, new document) keeps the order.
    static func merge(_ tables: [FileKeyTable], maps: [[Int32]], into emit: (UInt64) throws(IndexError) -> Void) throws(IndexError) {
        var next = [Int](repeating: 0, count: tables.count)
        func head(_ s: Int) -> UInt64? {
            while next[s] < tables[s].count {
                let mapped = maps[s][tables[s].document(at: next[s])]
                if mapped >= 0 { return UInt64(tables[s].hash(at: next[s])) << 32 | UInt64(mapped) }
                next[s] += 1
            }
            return nil
        }
        while true {
            var best: (source: Int, entry: UInt64)?
            for s in tables.indices {
                guard let entry = head(s) else { continue }
                if best == nil || entry < best!.entry { best = (s, entry) }
            }
            guard let best else { return }
            try emit(best.entry)
            next[best.source] += 1
        }
    }
}
