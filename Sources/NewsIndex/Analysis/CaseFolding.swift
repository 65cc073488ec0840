/// Case and diacritic folding of single scalars: ASCII through a 256-entry table, everything
/// else through the generated tables of `FoldTable.swift` (see `Scripts/gen_fold_table.py` for the rules).
struct CaseFolding: Sendable {
    /// For each byte, its lowercase form if it is an ASCII letter or digit, else 0; so the table
    /// also answers "does this byte continue an ASCII word?".
    static let ascii: [UInt8] = (0..<256).map { (byte: Int) -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        default: 0
        }
    }

    /// The generated tables (`FoldTable.swift`), which the compiler lays out in the binary.
    static let scalars = CaseFolding(keys: tableKeys, ends: tableEnds, bytes: tableBytes, twoByteIndex: tableTwoByteIndex)

    /// Scalars with a fold, ascending.
    let keys: [UInt32]
    /// `ends[i]` is where the fold of `keys[i]` ends in `bytes`; it starts where the previous ends.
    private let ends: [UInt16]
    /// The folds, concatenated, in UTF-8.
    let bytes: [UInt8]
    /// For U+0080..<U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic): 1 + the index into `keys`,
    /// or 0 when the scalar folds to itself. Spares the common scripts the binary search.
    private let twoByteIndex: [UInt16]

    private init(keys: [UInt32], ends: [UInt16], bytes: [UInt8], twoByteIndex: [UInt16]) {
        self.keys = keys
        self.ends = ends
        self.bytes = bytes
        self.twoByteIndex = twoByteIndex
    }

    /// Where the fold of `value` lies in `bytes`; nil when it folds to itself, and for ASCII
    /// (which `ascii` folds).
    @inline(__always)
    func fold(of value: UInt32) -> Range<Int>? {
        let index: Int
        switch value {
        case 0x80..<0x800:
            let entry = twoByteIndex.withUnsafeBufferPointer { $0[Int(value) - 0x80] }
            guard entry != 0 else { return nil }
            index = Int(entry) - 1
        case 0..<0x80, 0x4E00...0x9FFF, 0xAC00...0xD7A3:  // CJK ideographs and Hangul syllables fold to themselves
            return nil
        default:
            guard let found = search(value) else { return nil }
            index = found
        }
        return ends.withUnsafeBufferPointer { ends in
            (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
        }
    }

    /// Calls `body` with the fold of `value` and returns true; returns false instead when
    /// `fold(of:)` is nil.
    @inline(__always)
    func withFold(of value: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let fold = fold(of: value) else { return false }
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[fold])) }
        return true
    }

    private func search(_ value: UInt32) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == value ? low : nil
        }
    }
}
