import Testing
@testable import NewsIndex

/// Round trips of the positions codec: `PositionsEncoder` writes a term's groups (and
/// `PostingsEncoder` the skip entries pointing at them), `PostingsCursor` reads them back.
@Suite struct PositionsCodecTests {
    /// One document of a list: its id and the term's positions in it, non-decreasing.
    struct Document: Equatable {
        var doc: UInt32
        var positions: [UInt32]
    }

    /// `documents` encoded the way `SegmentWriter` encodes them; `extraPositionBytes` are
    /// appended to the term's positions, as damage would leave them.
    static func encoded(_ documents: [Document], extraPositionBytes: [UInt8] = []) -> EncodedTerm {
        var list = PostingList()
        var inMemory: [UInt8] = []
        for d in documents {
            list.append(doc: d.doc, freq: UInt32(d.positions.count))
            var previous: UInt32 = 0
            for p in d.positions {
                inMemory.appendVarint(UInt64(p &- previous))
                previous = p
            }
        }
        let documentCount = Int(documents.last.map { $0.doc + 1 } ?? 0)
        return EncodedTerm(list, positions: inMemory, documentCount: documentCount,
                           norms: [UInt8](repeating: 0, count: documentCount), extraPositionBytes: extraPositionBytes)
    }

    /// Every document with its positions, walking the whole list; and whether damage was seen.
    static func readAll(_ encoded: EncodedTerm, positions: [UInt8]? = nil) -> (documents: [Document], corrupt: Bool) {
        encoded.withCursor(positions: positions) { cursor in
            var out: [Document] = []
            while cursor.doc != PostingsCursor.exhausted {
                out.append(Document(doc: UInt32(cursor.doc), positions: cursor.positionsOfCurrentDocument()))
                cursor.next()
            }
            return (out, cursor.isCorrupt)
        }
    }

    /// `n` documents with 1 to `maxFreq` positions each, spread over stories of up to
    /// `span` positions, from a fixed seed.
    static func list(_ n: Int, maxFreq: UInt32 = 6, span: UInt32 = 2000, seed: UInt64 = 1) -> [Document] {
        var state = seed
        func next() -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        var doc: UInt32 = 0
        return (0..<n).map { i in
            if i > 0 { doc += 1 + next() % 5 }
            let tf = 1 + next() % maxFreq
            return Document(doc: doc, positions: (0..<tf).map { _ in next() % span }.sorted())
        }
    }

    @Test(arguments: [0, 1, 127, 128, 129, 256, 1000])
    func encodingADocumentAtATimeWritesWhatEncodingTheListWrites(_ n: Int) {
        let documents = Self.list(n, maxFreq: 9)
        let whole = Self.encoded(documents)
        var streamed = ByteBuffer()
        var encoder = PositionsEncoder()
        for d in documents { d.positions.withUnsafeBufferPointer { encoder.add(positions: $0, into: &streamed) } }
        let (length, groups) = encoder.finishList(into: &streamed)
        #expect(streamed.bytes == whole.positions)
        #expect(length == whole.positions.count)
        #expect(groups == whole.groups)
        // The encoder starts the next list afresh.
        for d in documents.prefix(3) { d.positions.withUnsafeBufferPointer { encoder.add(positions: $0, into: &streamed) } }
        #expect(encoder.finishList(into: &streamed).length == streamed.count - whole.positions.count)
    }

    @Test func aListWithoutDocumentsWritesNothing() {
        var out = ByteBuffer()
        var encoder = PositionsEncoder()
        #expect(encoder.encode(freqs: [], positions: [], into: &out).isEmpty)
        #expect(out.count == 0)
    }

    @Test func aSinglePositionRoundTrips() {
        for position: UInt32 in [0, 1, 63, 4000] {
            let list = [Document(doc: 3, positions: [position])]
            let decoded = Self.readAll(Self.encoded(list))
            #expect(decoded.documents == list)
            #expect(!decoded.corrupt)
        }
    }

    @Test(arguments: [1, 2, 127, 128, 129, 255, 256, 257, 1000])
    func everyListLengthRoundTrips(_ n: Int) {
        let list = Self.list(n, seed: UInt64(n))
        let decoded = Self.readAll(Self.encoded(list))
        #expect(decoded.documents == list)
        #expect(!decoded.corrupt)
    }

    @Test(arguments: [127, 128, 129, 256, 1000])
    func groupsStartOnePerFullBlockAndOneForTheTail(_ n: Int) {
        let encoded = Self.encoded(Self.list(n))
        let fullBlocks = n / BitPacking.blockSize
        #expect(encoded.groups.count == (fullBlocks > 0 ? fullBlocks + 1 : 0))
        #expect(encoded.groups.first ?? 0 == 0)
        #expect(encoded.groups == encoded.groups.sorted())
    }

    @Test func aVeryLongListRoundTrips() {
        let list = Self.list(40_000, maxFreq: 40, span: 30_000, seed: 9)
        let decoded = Self.readAll(Self.encoded(list))
        #expect(decoded.documents == list)
        #expect(!decoded.corrupt)
    }

    @Test func positionsAndGapsUpToTheUInt32RangeRoundTrip() {
        let huge: [[UInt32]] = [
            [UInt32.max], [0, UInt32.max], [1 << 31, UInt32.max - 1, UInt32.max], [3, 1 << 20, 1 << 30],
        ]
        let list = (0..<300).map { i in
            Document(doc: UInt32(i), positions: i % 7 == 0 ? huge[i / 7 % huge.count] : [UInt32(i % 50), UInt32(i % 50 + 2)])
        }
        let decoded = Self.readAll(Self.encoded(list))
        #expect(decoded.documents == list)
        #expect(!decoded.corrupt)
    }

    /// A headline word is recorded twice at its position: distances of 0.
    @Test func manyZeroDistancesRoundTrip() {
        let list = (0..<200).map { i in
            Document(doc: UInt32(i), positions: i % 3 == 0
                ? [UInt32](repeating: UInt32(i), count: 500)
                : [0, 0, 4, 4, 70, 71, 71])
        }
        let decoded = Self.readAll(Self.encoded(list))
        #expect(decoded.documents == list)
        #expect(!decoded.corrupt)
    }

    @Test func positionsOfDocumentsReachedBySkippingAreRight() {
        let list = Self.list(1000, seed: 5)
        let encoded = Self.encoded(list)
        encoded.withCursor { cursor in
            for d in list where d.doc % 11 == 0 {
                cursor.advance(to: Int(d.doc))
                #expect(cursor.positionsOfCurrentDocument() == d.positions)
            }
            #expect(!cursor.isCorrupt)
        }
    }

    @Test func askingTwiceForADocumentsPositionsGivesThemTwice() {
        let list = Self.list(300, seed: 3)
        let encoded = Self.encoded(list)
        encoded.withCursor { cursor in
            for d in list {
                #expect(cursor.positionsOfCurrentDocument() == d.positions)
                #expect(cursor.positionsOfCurrentDocument() == d.positions)
                cursor.next()
            }
            #expect(!cursor.isCorrupt)
        }
    }

    @Test func bytesAfterTheLastGroupMarkTheListCorrupt() {
        let list = Self.list(200)
        let decoded = Self.readAll(Self.encoded(list, extraPositionBytes: [0x55]))
        #expect(decoded.corrupt)
    }

    @Test func damagedPositionsMarkTheListCorruptWithoutTrapping() {
        let list = Self.list(600)
        let encoded = Self.encoded(list)
        for fill: UInt8 in [0x00, 0xFF] {
            var damaged = encoded.positions
            for i in 0..<damaged.count where i % 3 != 0 { damaged[i] = fill }
            #expect(Self.readAll(encoded, positions: damaged).corrupt)
        }
    }

    /// One position a story, anywhere in stories of up to 1,000 words: about the 10 bits
    /// it takes to name one of 1,000 places, where varints take 16 bits for most.
    @Test func firstPositionsTakeAboutTheirWidth() {
        let list = Self.list(1280, maxFreq: 1, span: 1000, seed: 2)
        let bytes = Self.encoded(list).positions.count
        #expect(bytes <= 1280 * 11 / 8 + 10)
    }
}
