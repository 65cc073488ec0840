@testable import NewsIndex

/// A term's list encoded as `SegmentWriter` encodes it (positions in groups, then the
/// postings with skip entries pointing at them), for the codec tests to read back through
/// `PostingsCursor`.
final class EncodedTerm {
    let postings: [UInt8]
    let positions: [UInt8]
    let groups: [UInt32]
    let term: TermInfo
    let documentCount: Int

    /// `inMemory`: each document's positions as the writer holds them (varint gaps within the
    /// document); `norms` by document id; `extraPositionBytes` follow the term's positions,
    /// as damage would leave them.
    init(_ list: PostingList, positions inMemory: [UInt8], documentCount: Int, norms: [UInt8],
         extraPositionBytes: [UInt8] = []) {
        self.documentCount = documentCount
        var encodedPositions = ByteBuffer()
        var encoder = PositionsEncoder()
        groups = encoder.encode(freqs: list.freqs, positions: inMemory, into: &encodedPositions)
        encodedPositions.append(contentsOf: extraPositionBytes)
        var out = ByteBuffer()
        let bound = PostingsEncoder.encode(list, norms: norms, positionGroups: groups[...], into: &out)
        let length = out.count
        out.append(contentsOf: [UInt8](repeating: 0, count: 16))  // the footer that follows in a file
        postings = out.bytes
        positions = encodedPositions.bytes
        term = TermInfo(docFreq: list.count, postings: 0..<length, positions: 0..<positions.count, bound: bound)
    }

    /// A cursor over the list, reading `bytes` instead of its positions when given.
    func withCursor<R>(positions bytes: [UInt8]? = nil, _ body: (PostingsCursor) -> R) -> R {
        postings.withUnsafeBytes { p in
            (bytes ?? positions).withUnsafeBytes { q in
                body(PostingsCursor(postings: p, positions: q, documentCount: documentCount, term: term))
            }
        }
    }
}
