/// One committed state of the index: which segments are live, with which deletions, under
/// which analysis rules and ranking parameters.
///
/// Stored as `manifest-<generation>`, a small text file (one record per line, fields
/// separated by single spaces, paths percent-encoded), ending with a CRC-32 of the lines
/// before it:
///
///     newsidx-manifest
///     format 1
///     generation 3
///     analyzer standard-1
///     bm25 1.2 0.75
///     next-story-id 63
///     next-segment-id 2
///     root 1 /srv/news/Corpus
///     segment 1 docs 62 tokens 40211 deleted 0 delgen 0
///     clusters 3
///     checksum 1a2b3c4d
///
/// `clusters <gen>` names the near-duplicate cluster file of this state (`ClusterFile`),
/// written by the same commit; absent when the index has never been clustered.
public struct Manifest: Sendable, Equatable {
    public struct Root: Sendable, Equatable {
        public var id: UInt32
        /// An absolute, normalised directory path.
        public var path: String
    }

    public struct Segment: Sendable, Equatable {
        public var id: UInt64
        public var documentCount: Int
        public var tokenCount: UInt64
        public var deletedCount: Int
        /// 0 when nothing is deleted; else the generation of its `.del-<gen>` file.
        public var deletionGeneration: UInt64
    }

    public static let formatVersion = 1

    public var generation: UInt64 = 0
    public var analyzer: String
    public var k1: Double = 1.2
    public var b: Double = 0.75
    public var nextStoryID: UInt64 = 1
    public var nextSegmentID: UInt64 = 1
    public var roots: [Root] = []
    public var segments: [Segment] = []
    /// The generation of the `clusters-<gen>` file that goes with these segments; 0 for none.
    public var clusterGeneration: UInt64 = 0

    public init(analyzer: String) { self.analyzer = analyzer }

    public var liveDocumentCount: Int { segments.reduce(0) { $0 + $1.documentCount - $1.deletedCount } }

    static func fileName(generation: UInt64) -> String { "manifest-\(generation)" }

    func serialize() -> [UInt8] {
        var text = "newsidx-manifest\n"
        text += "format \(Self.formatVersion)\n"
        text += "generation \(generation)\n"
        text += "analyzer \(PercentEncoding.encode(analyzer))\n"
        text += "bm25 \(k1) \(b)\n"
        text += "next-story-id \(nextStoryID)\n"
        text += "next-segment-id \(nextSegmentID)\n"
        for root in roots { text += "root \(root.id) \(PercentEncoding.encode(root.path))\n" }
        for s in segments {
            text += "segment \(s.id) docs \(s.documentCount) tokens \(s.tokenCount) deleted \(s.deletedCount) delgen \(s.deletionGeneration)\n"
        }
        if clusterGeneration > 0 { text += "clusters \(clusterGeneration)\n" }
        let crc = CRC32.checksum(Array(text.utf8))
        text += "checksum \(String(crc, radix: 16))\n"
        return Array(text.utf8)
    }

    init(parsing bytes: [UInt8], name: String) throws(IndexError) {
        func corrupt(_ detail: String) -> IndexError { .corrupt(file: name, detail: detail) }
        guard let checksumStart = Self.lastLineStart(bytes),
              bytes[checksumStart...].starts(with: Array("checksum ".utf8))
        else { throw corrupt("truncated: no checksum line") }
        let stated = String(decoding: bytes[(checksumStart + 9)...], as: UTF8.self)
            .trimmingSuffix { $0 == "\n" }
        guard let crc = UInt32(stated, radix: 16),
              crc == bytes[..<checksumStart].withUnsafeBytes({ CRC32.checksum($0) })
        else { throw corrupt("checksum mismatch") }

        // Lines and fields are split as bytes: the file is ASCII (paths are percent-encoded),
        // and splitting a `String` walks grapheme clusters, which made reading this small
        // file cost a search process about 180,000 instructions.
        let lines = bytes[..<checksumStart].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .dropLast()
        guard let first = lines.first, first.elementsEqual("newsidx-manifest".utf8) else {
            throw corrupt("not a newsidx manifest")
        }
        var analyzer: String?
        var result = Manifest(analyzer: "")
        var sawFormat = false
        for raw in lines.dropFirst() {
            let line = String(decoding: raw, as: UTF8.self)
            let f = raw.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard let key = f.first else { throw corrupt("empty line") }
            func number<T: FixedWidthInteger>(_ i: Int, _: T.Type = T.self) throws(IndexError) -> T {
                guard i < f.count, let v = T(f[i]) else { throw corrupt("bad '\(key)' line: \(line)") }
                return v
            }
            switch key {
            case "format":
                let v: Int = try number(1)
                guard v == Self.formatVersion else {
                    throw .unsupportedFormat(file: name, found: v, supported: Self.formatVersion)
                }
                sawFormat = true
            case "generation": result.generation = try number(1)
            case "analyzer":
                guard f.count == 2, let a = PercentEncoding.decode(f[1]) else { throw corrupt("bad analyzer line") }
                analyzer = a
            case "bm25":
                guard f.count == 3, let k1 = Double(f[1]), let b = Double(f[2]) else { throw corrupt("bad bm25 line") }
                result.k1 = k1
                result.b = b
            case "next-story-id": result.nextStoryID = try number(1)
            case "next-segment-id": result.nextSegmentID = try number(1)
            case "root":
                guard f.count == 3, let path = PercentEncoding.decode(f[2]) else { throw corrupt("bad root line") }
                result.roots.append(Root(id: try number(1), path: path))
            case "segment":
                guard f.count == 10, f[2] == "docs", f[4] == "tokens", f[6] == "deleted", f[8] == "delgen" else {
                    throw corrupt("bad segment line: \(line)")
                }
                result.segments.append(Segment(
                    id: try number(1), documentCount: try number(3), tokenCount: try number(5),
                    deletedCount: try number(7), deletionGeneration: try number(9)))
            case "clusters": result.clusterGeneration = try number(1)
            default:
                throw corrupt("unknown line: \(line)")
            }
        }
        guard sawFormat, let analyzer else { throw corrupt("format or analyzer line missing") }
        result.analyzer = analyzer
        self = result
    }

    private static func lastLineStart(_ bytes: [UInt8]) -> Int? {
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        var i = bytes.count - 2
        while i >= 0 && bytes[i] != UInt8(ascii: "\n") { i -= 1 }
        return i >= 0 ? i + 1 : nil
    }
}

/// Percent-encodes bytes that would break a space-separated line (space, `%`, controls, non-ASCII).
enum PercentEncoding {
    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if b > 0x20 && b < 0x7F && b != UInt8(ascii: "%") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    static func decode(_ s: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var s = self[...]
        while let c = s.last, predicate(c) { s = s.dropLast() }
        return String(s)
    }
}
