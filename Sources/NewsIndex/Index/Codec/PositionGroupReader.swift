/// Reads one group of a term's positions (`PositionsEncoder` gives the layout) a document
/// at a time, in postings order. Damage shows as a failed read, never as a read outside
/// the positions section.
struct PositionGroupReader {
    private var codes: RiceReader
    private let firstParameter: Int
    private let gapParameter: Int
    /// The end of the term's positions, in bits: no code of the group runs past it.
    private let endBit: Int

    /// The group at byte `start` of `positions`, in a term's positions ending at byte `end`.
    init(positions: UnsafeRawBufferPointer, start: Int, end: Int) {
        let parameters = start < end ? positions[start] : 0
        firstParameter = Int(parameters & 0x0F)
        gapParameter = Int(parameters >> 4)
        codes = RiceReader(positions, bit: (start + 1) * 8)
        endBit = end * 8
    }

    /// The byte after the last code read: where the next group starts once the group's
    /// last document is read.
    var end: Int { (codes.bit + 7) >> 3 }

    /// Passes over the positions of the next document, which has `frequency` of them;
    /// false when they are damaged.
    mutating func skipDocument(frequency: Int) -> Bool {
        guard frequency > 0, codes.skip(parameter: firstParameter) else { return false }
        var left = frequency - 1
        while left > 0 {
            guard codes.skip(parameter: gapParameter), codes.bit <= endBit else { return false }
            left -= 1
        }
        return codes.bit <= endBit
    }

    /// Whether `frequency` positions could follow in the term's positions (each code takes
    /// a bit at least): a damaged frequency is caught before room is made for it.
    func couldHold(_ frequency: Int) -> Bool { frequency <= endBit - codes.bit }

    /// Reads the positions of the next document, which has `frequency` of them, into `out`
    /// (room for `frequency`) in increasing order; false when they are damaged.
    mutating func readDocument(frequency: Int, into out: UnsafeMutablePointer<UInt32>) -> Bool {
        guard frequency > 0, var position = codes.read(parameter: firstParameter) else { return false }
        out[0] = position
        var i = 1
        while i < frequency {
            guard let gap = codes.read(parameter: gapParameter), codes.bit <= endBit else { return false }
            position &+= gap
            out[i] = position
            i += 1
        }
        return codes.bit <= endBit
    }
}
