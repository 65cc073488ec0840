/// Encodes one term's postings in the block format the segment stores.
///
/// A term's postings region:
///
///     tail start   when there is at least one full block: where the tail's positions group
///                  starts (from the start of the term's positions) u32
///     skip table   one 16-byte entry per full block of 128 documents: last document u32,
///                  end of the block (from the start of the blocks) u32, start of the
///                  block's positions group (`PositionsEncoder`; from the start of the term's
///                  positions) u32, the block's largest term frequency u16 (clamped), its
///                  smallest length-norm byte u8, reserved u8
///     blocks       per full block: doc-delta bit width u8, 128 deltas bit-packed, then
///                  frequency bit width u8, 128 (frequency − 1) bit-packed
///     tail         the remaining documents (fewer than 128): varint (delta << 1 | tf == 1),
///                  then varint tf when tf != 1
///
/// Deltas are from the previous document (the first from 0). The skip entries let a cursor
/// jump over blocks without decoding them and bound the score any document in a block can
/// reach (block-max), from its largest frequency and shortest length.
enum PostingsEncoder {
    static let skipEntrySize = 16

    /// The upper-bound statistics of a whole list, kept in the term dictionary.
    struct Bound: Equatable {
        var maxFrequency: UInt32
        var minNorm: UInt8
    }

    /// Encodes `list` in the block form, appending to `out`. `positionGroups` gives, for a
    /// list of at least one full block, where each full block's positions start and then
    /// where the tail's do (from the start of the term's positions; `PositionsEncoder`
    /// returns them); it is empty for a shorter list.
    static func encode(
        _ list: PostingList, norms: [UInt8], positionGroups: ArraySlice<UInt32>, into out: inout ByteBuffer
    ) -> Bound {
        let docs = list.docs, freqs = list.freqs
        let docFreq = list.count
        let fullBlocks = docFreq / BitPacking.blockSize
        precondition(positionGroups.count == (fullBlocks > 0 ? fullBlocks + 1 : 0))
        var bound = Bound(maxFrequency: 0, minNorm: .max)
        for i in 0..<docFreq {
            bound.maxFrequency = max(bound.maxFrequency, freqs[i])
            bound.minNorm = min(bound.minNorm, norms[Int(docs[i])])
        }

        var blocks = ByteBuffer()
        var skips = ByteBuffer(capacity: fullBlocks * skipEntrySize)
        var previous: UInt32 = 0
        var deltas = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var minusOne = [UInt32](repeating: 0, count: BitPacking.blockSize)
        for block in 0..<fullBlocks {
            let range = block * BitPacking.blockSize..<(block + 1) * BitPacking.blockSize
            var maxTf: UInt32 = 0
            var minNorm: UInt8 = .max
            for (k, i) in range.enumerated() {
                deltas[k] = docs[i] - previous
                previous = docs[i]
                minusOne[k] = freqs[i] - 1
                maxTf = max(maxTf, freqs[i])
                minNorm = min(minNorm, norms[Int(docs[i])])
            }
            deltas.withUnsafeBufferPointer { d in
                let w = BitPacking.width(d)
                blocks.append(UInt8(w))
                BitPacking.pack(d, width: w, into: &blocks)
            }
            minusOne.withUnsafeBufferPointer { f in
                let w = BitPacking.width(f)
                blocks.append(UInt8(w))
                BitPacking.pack(f, width: w, into: &blocks)
            }
            skips.appendUInt32(docs[range.upperBound - 1])
            skips.appendUInt32(UInt32(blocks.count))
            skips.appendUInt32(positionGroups[positionGroups.startIndex + block])
            skips.append(UInt8(truncatingIfNeeded: min(maxTf, 0xFFFF)))
            skips.append(UInt8(truncatingIfNeeded: min(maxTf, 0xFFFF) >> 8))
            skips.append(minNorm)
            skips.append(0)
        }
        for i in (fullBlocks * BitPacking.blockSize)..<docFreq {
            let delta = UInt64(docs[i] - previous)
            previous = docs[i]
            blocks.appendVarint(delta << 1 | (freqs[i] == 1 ? 1 : 0))
            if freqs[i] != 1 { blocks.appendVarint(UInt64(freqs[i])) }
        }
        if fullBlocks > 0 { out.appendUInt32(positionGroups[positionGroups.startIndex + fullBlocks]) }
        out.append(contentsOf: skips.bytes)
        out.append(contentsOf: blocks.bytes)
        return bound
    }
}
