/// Case and diacritic folding of single scalars: ASCII through a 256-entry table, everything
/// else through the generated `foldTable` (see `Scripts/gen_fold_table.py` for the rules).
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

    /// `foldTable`, decoded on first use.
    static let scalars = CaseFolding(table: foldTable)

    /// Scalars with a fold, ascending.
    let keys: [UInt32]
    /// `ends[i]` is where the fold of `keys[i]` ends in `bytes`; it starts where the previous ends.
    private let ends: [UInt32]
    /// The folds, concatenated, in UTF-8.
    let bytes: [UInt8]
    /// For U+0080..<U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic): 1 + the index into `keys`,
    /// or 0 when the scalar folds to itself. Spares the common scripts the binary search.
    private let twoByteIndex: [UInt16]

    private init(table: StaticString) {
        var keys: [UInt32] = []
        var ends: [UInt32] = []
        var bytes: [UInt8] = []
        keys.reserveCapacity(8192)
        ends.reserveCapacity(8192)
        bytes.reserveCapacity(table.utf8CodeUnitCount / 4)
        table.withUTF8Buffer { text in
            var key: UInt32 = 0
            var inFold = false
            for byte in text {
                switch (byte, inFold) {
                case (UInt8(ascii: "\n"), _):
                    if inFold { ends.append(UInt32(bytes.count)) }
                    key = 0
                    inFold = false
                case (UInt8(ascii: "="), false):
                    keys.append(key)
                    inFold = true
                case (_, true):
                    bytes.append(byte)
                case (UInt8(ascii: "0")...UInt8(ascii: "9"), false):
                    key = key << 4 | UInt32(byte - UInt8(ascii: "0"))
                case (UInt8(ascii: "a")...UInt8(ascii: "f"), false):
                    key = key << 4 | UInt32(byte - UInt8(ascii: "a") + 10)
                default:
                    break
                }
            }
            if inFold { ends.append(UInt32(bytes.count)) }
        }
        precondition(keys.count == ends.count && zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 },
                     "malformed foldTable")
        var twoByteIndex = [UInt16](repeating: 0, count: 0x800 - 0x80)
        for (index, key) in keys.enumerated() where key < 0x800 {
            twoByteIndex[Int(key) - 0x80] = UInt16(index + 1)
        }
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
