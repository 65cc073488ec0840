import Testing
@testable import NewsIndex

/// Round trips of the block postings codec: `PostingsEncoder` writes, `PostingsCursor` reads.
@Suite struct PostingsCodecTests {
    struct Posting: Equatable {
        var doc: UInt32
        var freq: UInt32
    }

    /// A deterministic list of `n` postings with gaps up to `maxGap` and frequencies up to `maxFreq`.
    static func list(_ n: Int, maxGap: UInt32 = 40, maxFreq: UInt32 = 5, seed: UInt64 = 1) -> [Posting] {
        var state = seed
        func next() -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        var doc: UInt32 = next() % 3
        return (0..<n).map { i in
            if i > 0 { doc += 1 + next() % maxGap }
            return Posting(doc: doc, freq: 1 + next() % maxFreq)
        }
    }

    /// `list` encoded the way `SegmentWriter` encodes it, with positions 0, 1, 2… within each
    /// document and norms the document id mod 200.
    static func encoded(_ list: [Posting]) -> EncodedTerm {
        var postingList = PostingList()
        var positionBytes: [UInt8] = []
        for p in list {
            postingList.append(doc: p.doc, freq: p.freq)
            positionBytes.appendVarint(0)
            for _ in 1..<max(p.freq, 1) { positionBytes.appendVarint(1) }
        }
        let documentCount = Int(list.last.map { $0.doc + 1 } ?? 0)
        let norms = documentCount <= 1 << 20
            ? (0..<documentCount).map { UInt8($0 % 200) }
            : [UInt8](repeating: 0, count: documentCount)
        return EncodedTerm(postingList, positions: positionBytes, documentCount: documentCount, norms: norms)
    }

    static func decodeAll(_ encoded: EncodedTerm) -> (postings: [Posting], corrupt: Bool) {
        encoded.withCursor { cursor in
            var out: [Posting] = []
            while cursor.doc != PostingsCursor.exhausted {
                out.append(Posting(doc: UInt32(cursor.doc), freq: UInt32(cursor.freq)))
                cursor.next()
            }
            return (out, cursor.isCorrupt)
        }
    }

    @Test(arguments: [1, 2, 127, 128, 129, 255, 256, 257, 1000, 5000])
    func everyListLengthRoundTrips(_ n: Int) {
        let list = Self.list(n)
        let decoded = Self.decodeAll(Self.encoded(list))
        #expect(decoded.postings == list)
        #expect(!decoded.corrupt)
    }

    @Test func denseListsOfConsecutiveDocumentsRoundTrip() {
        let list = (0..<700).map { Posting(doc: UInt32($0), freq: 1) }
        #expect(Self.decodeAll(Self.encoded(list)).postings == list)
    }

    /// A segment of 16 million documents; the first gap needs 24 bits.
    @Test func largeDocumentIdsRoundTrip() {
        let top = UInt32(1 << 24)
        let list = [Posting(doc: 0, freq: 1)] + (1...300).map { Posting(doc: top - 301 + UInt32($0), freq: 2) }
        #expect(Self.decodeAll(Self.encoded(list)).postings == list)
    }

    @Test(arguments: Array(0...32))
    func bitPackingRoundTripsEveryWidth(_ width: Int) {
        let mask: UInt64 = (1 << UInt64(width)) - 1
        let values = (0..<BitPacking.blockSize).map { UInt32(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15) & mask) }
        var out = ByteBuffer()
        values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &out) }
        #expect(out.count == BitPacking.packedSize(width: width))
        out.append(contentsOf: [UInt8](repeating: 0xEE, count: 8))
        var decoded = [UInt32](repeating: 1, count: BitPacking.blockSize)
        out.bytes.withUnsafeBytes { raw in
            decoded.withUnsafeMutableBufferPointer { BitPacking.unpack(raw, at: 0, width: width, into: $0.baseAddress!) }
        }
        #expect(decoded == values)
    }

    @Test func hugeFrequenciesRoundTripAndTheirBoundIsClamped() {
        let list = (0..<200).map { Posting(doc: UInt32($0 * 3), freq: $0 == 5 ? 100_000 : 1) }
        let encoded = Self.encoded(list)
        #expect(Self.decodeAll(encoded).postings == list)
        #expect(encoded.term.bound.maxFrequency == 100_000)
        encoded.withCursor { cursor in
            #expect(cursor.blockBound(at: 0).bound.maxFrequency == 0xFFFF)
        }
    }

    @Test(arguments: [130, 1000, 4000])
    func advanceLandsOnTheFirstDocumentAtOrAfterTheTarget(_ n: Int) {
        let list = Self.list(n, seed: UInt64(n))
        let encoded = Self.encoded(list)
        var state: UInt64 = 7
        encoded.withCursor { cursor in
            var target = 0
            while true {
                state = state &* 6364136223846793005 &+ 1
                target += Int(state >> 58)  // steps of 0…63 documents
                cursor.advance(to: target)
                let expected = list.first { Int($0.doc) >= target }
                guard let expected else {
                    #expect(cursor.doc == PostingsCursor.exhausted)
                    break
                }
                #expect(cursor.doc == Int(expected.doc))
                #expect(cursor.freq == Int(expected.freq))
            }
        }
    }

    @Test func blockBoundsCoverEveryDocumentInTheirBlock() {
        let list = Self.list(1000, maxFreq: 9)
        let encoded = Self.encoded(list)
        encoded.withCursor { cursor in
            for p in list {
                let (bound, lastDoc) = cursor.blockBound(at: Int(p.doc))
                #expect(bound.maxFrequency >= p.freq)
                #expect(bound.minNorm <= UInt8(p.doc % 200))
                #expect(lastDoc >= Int(p.doc))
            }
        }
    }

    @Test func positionsAreFoundForDocumentsInBlocksAndTail() {
        let list = Self.list(300, maxFreq: 4)
        let encoded = Self.encoded(list)
        encoded.withCursor { cursor in
            for p in list where p.doc % 7 == 0 {
                cursor.advance(to: Int(p.doc))
                #expect(cursor.positionsOfCurrentDocument() == (0..<p.freq).map { $0 })
            }
        }
    }

    @Test func aDamagedBlockEndsTheWalkMarkedCorrupt() {
        let list = Self.list(600)
        let encoded = Self.encoded(list)
        var bytes = encoded.postings
        for i in 4..<min(bytes.count - 16, 90) { bytes[i] = 0xFF }
        let damaged = bytes.withUnsafeBytes { p in
            encoded.positions.withUnsafeBytes { q in
                let cursor = PostingsCursor(postings: p, positions: q, documentCount: encoded.documentCount, term: encoded.term)
                var steps = 0
                while cursor.doc != PostingsCursor.exhausted && steps < 10_000 {
                    #expect(cursor.doc < encoded.documentCount)
                    cursor.next()
                    steps += 1
                }
                return cursor.isCorrupt
            }
        }
        #expect(damaged)
    }

    @Test func lengthNormsAreExactForShortDocumentsAndMonotonic() {
        for n in UInt32(0)..<24 { #expect(LengthNorm.decode(LengthNorm.encode(n)) == n) }
        var previous: UInt8 = 0
        for n in stride(from: UInt32(0), to: 1_000_000, by: 97) {
            let b = LengthNorm.encode(n)
            #expect(b >= previous)
            #expect(LengthNorm.decode(b) <= n)
            #expect(Double(LengthNorm.decode(b)) >= Double(n) * 0.875 - 1)
            previous = b
        }
    }
}
