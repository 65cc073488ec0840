/// Encodes one term's postings in the block format the segment stores.
///
/// A term's postings region:
///
///     tail start   when there is at least one full block: where the tail's positions start
///                  (from the start of the term's positions) u32
///     skip table   one 16-byte entry per full block of 128 documents: last document u32,
///                  end of the block (from the start of the blocks) u32, start of the
///                  block's positions (from the start of the term's positions) u32, the
///                  block's largest term frequency u16 (clamped), its smallest length-norm
///                  byte u8, reserved u8
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

    /// Re-encodes a list held in the in-memory varint form (the tail form above, for every
    /// document) into the block form, appending to `out`.
    static func encode(
        varintPostings: [UInt8], positions: [UInt8], docFreq: Int, norms: [UInt8], into out: inout ByteBuffer
    ) -> Bound {
        var docs = [UInt32](repeating: 0, count: docFreq)
        var freqs = [UInt32](repeating: 0, count: docFreq)
        varintPostings.withUnsafeBytes { raw in
            var offset = 0
            var doc: UInt32 = 0
            for i in 0..<docFreq {
                let first = readVarint(raw, &offset, raw.count)!
                doc += UInt32(first >> 1)
                docs[i] = doc
                freqs[i] = first & 1 == 1 ? 1 : UInt32(readVarint(raw, &offset, raw.count)!)
            }
        }
        var bound = Bound(maxFrequency: 0, minNorm: .max)
        for i in 0..<docFreq {
            bound.maxFrequency = max(bound.maxFrequency, freqs[i])
            bound.minNorm = min(bound.minNorm, norms[Int(docs[i])])
        }

        let fullBlocks = docFreq / BitPacking.blockSize
        var blocks = ByteBuffer()
        var skips = ByteBuffer(capacity: fullBlocks * skipEntrySize)
        var positionOffset = 0
        var previous: UInt32 = 0
        var deltas = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var minusOne = [UInt32](repeating: 0, count: BitPacking.blockSize)
        positions.withUnsafeBytes { pos in
            for block in 0..<fullBlocks {
                let range = block * BitPacking.blockSize..<(block + 1) * BitPacking.blockSize
                var maxTf: UInt32 = 0
                var minNorm: UInt8 = .max
                let blockPositions = positionOffset
                for (k, i) in range.enumerated() {
                    deltas[k] = docs[i] - previous
                    previous = docs[i]
                    minusOne[k] = freqs[i] - 1
                    maxTf = max(maxTf, freqs[i])
                    minNorm = min(minNorm, norms[Int(docs[i])])
                    for _ in 0..<freqs[i] { _ = readVarint(pos, &positionOffset, pos.count) }
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
                skips.appendUInt32(UInt32(blockPositions))
                skips.append(UInt8(truncatingIfNeeded: min(maxTf, 0xFFFF)))
                skips.append(UInt8(truncatingIfNeeded: min(maxTf, 0xFFFF) >> 8))
                skips.append(minNorm)
                skips.append(0)
            }
        }
        for i in (fullBlocks * BitPacking.blockSize)..<docFreq {
            let delta = UInt64(docs[i] - previous)
            previous = docs[i]
            blocks.appendVarint(delta << 1 | (freqs[i] == 1 ? 1 : 0))
            if freqs[i] != 1 { blocks.appendVarint(UInt64(freqs[i])) }
        }
        if fullBlocks > 0 { out.appendUInt32(UInt32(positionOffset)) }
        out.append(contentsOf: skips.bytes)
        out.append(contentsOf: blocks.bytes)
        return bound
    }
}
