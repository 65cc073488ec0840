import Testing
import Foundation
@testable import NewsIndex

@Suite struct ManifestTests {
    static func sample() -> Manifest {
        var m = Manifest(analyzer: "standard-1")
        m.generation = 7
        m.nextStoryID = 63
        m.nextSegmentID = 3
        m.roots = [.init(id: 1, path: "/srv/news/Corpus"), .init(id: 2, path: "/tmp/a dir/with%percent")]
        m.segments = [.init(id: 1, documentCount: 62, tokenCount: 40211, deletedCount: 2, deletionGeneration: 6),
                      .init(id: 2, documentCount: 1, tokenCount: 12, deletedCount: 0, deletionGeneration: 0)]
        return m
    }

    @Test func roundTripsEveryField() throws {
        let m = Self.sample()
        #expect(try Manifest(parsing: m.serialize(), name: "manifest-7") == m)
    }

    @Test func liveDocumentCountSubtractsDeletions() {
        #expect(Self.sample().liveDocumentCount == 61)
    }

    @Test func aFlippedByteIsCaughtByTheChecksum() {
        var bytes = Self.sample().serialize()
        bytes[30] ^= 0x01
        #expect(throws: IndexError.self) { try Manifest(parsing: bytes, name: "manifest-7") }
    }

    @Test func aTruncatedManifestIsCorrupt() {
        let bytes = Array(Self.sample().serialize().dropLast(12))
        #expect {
            try Manifest(parsing: bytes, name: "manifest-7")
        } throws: { error in
            guard case .corrupt(let file, _) = error as? IndexError else { return false }
            return file == "manifest-7"
        }
    }

    @Test func anotherFormatVersionIsReportedAsSuch() throws {
        var text = String(decoding: Self.sample().serialize(), as: UTF8.self)
        text = text.replacingOccurrences(of: "format 1\n", with: "format 99\n")
        let body = text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        let crc = CRC32.checksum(Array(body.utf8))
        let bytes = Array((body + "checksum \(String(crc, radix: 16))\n").utf8)
        #expect(throws: IndexError.unsupportedFormat(file: "manifest-7", found: 99, supported: 1)) {
            try Manifest(parsing: bytes, name: "manifest-7")
        }
    }
}
