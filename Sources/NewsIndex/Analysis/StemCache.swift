/// The stems of recently seen words, for an indexer that stems every word of every story.
///
/// News text repeats a small vocabulary (Zipf's law): in the news corpus most tokens are
/// among a few thousand words, and stemming each of them anew was a seventh of indexing's
/// instructions. A direct-mapped table of 4,096 slots, each holding a word of up to
/// `maxWordLength` bytes and its stem, answers most tokens with a hash and a compare; a
/// word that misses is stemmed and takes its slot. The table is a fixed 128 KB, owned by
/// one segment writer (not shared between threads). A class, so that the closures the
/// writer hands the tokenizer can use it while they update the writer.
final class StemCache {
    static let slotCount = 4096
    static let maxWordLength = 15
    private static let slotSize = 32

    /// Per slot: word length, stem length, the word, the stem (each `maxWordLength` bytes).
    private let slots: UnsafeMutablePointer<UInt8>

    init() {
        slots = .allocate(capacity: Self.slotCount * Self.slotSize)
        slots.initialize(repeating: 0, count: Self.slotCount * Self.slotSize)
    }

    deinit { slots.deallocate() }

    /// Stems `count` bytes of `word` in place (as `EnglishStemmer.stem`) and returns the
    /// stem's length.
    func stem(_ word: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        guard count <= Self.maxWordLength, count > 2, let base = word.baseAddress else {
            return EnglishStemmer.stem(word, count: count)
        }
        var hash: UInt32 = 2_166_136_261
        for i in 0..<count { hash = (hash ^ UInt32(base[i])) &* 16_777_619 }
        let slot = Int((hash ^ (hash >> 15)) & UInt32(Self.slotCount - 1)) * Self.slotSize
        let entry = slots + slot
        if Int(entry[0]) == count {
            var same = true
            for i in 0..<count where entry[2 + i] != base[i] {
                same = false
                break
            }
            if same {
                let length = Int(entry[1])
                base.update(from: entry + 2 + Self.maxWordLength, count: length)
                return length
            }
        }
        entry[0] = UInt8(count)
        (entry + 2).update(from: base, count: count)
        let length = EnglishStemmer.stem(word, count: count)
        entry[1] = UInt8(length)
        (entry + 2 + Self.maxWordLength).update(from: base, count: length)
        return length
    }
}
