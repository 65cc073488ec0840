/// What a story's text looks like to near-duplicate detection: a hash of its exact
/// normalised words, the number of word shingles it holds, and a MinHash sketch of those
/// shingles.
///
/// The text is the story's body as the analyzer sees it (case and accents folded, words
/// stemmed), so markup, spacing and punctuation never matter; the headline is left out,
/// since republishers rewrite headlines first. A shingle is a run of `shingleSize`
/// consecutive words. The sketch is one-permutation MinHash (Li, Owen and Zhang, 2012)
/// with optimal densification (Shrivastava, 2017): each shingle's 64-bit hash falls into
/// one of `sketchSize` bins by its top bits, and a bin keeps the smallest low 32 bits it
/// saw; empty bins borrow a filled bin chosen by a fixed hash sequence. A bin is kept in
/// its value's low 16 bits (b-bit MinHash, Li and König, 2010): two different minima then
/// agree by chance once in 65,536, which moves no estimate measurably, for half the bytes. That is one hash
/// per shingle instead of one per shingle per permutation, and estimates Jaccard overlap
/// as well as classic MinHash with as many permutations.
///
/// SimHash was the other candidate, and measured worse (`Scripts/fingerprint_choice.py`:
/// recall 0.77 against 0.975 at pair precision 0.98): it estimates the whole text's
/// similarity, so a copy cut to half its length, or a story with a page's boilerplate
/// around it, drifts far from the original; from MinHash and the two shingle counts the overlap coefficient
/// (how much of the shorter text the longer one holds) follows, which is what a
/// republished, shortened or extended copy keeps high (see `similarity`).
public struct Fingerprint: Sendable, Equatable {
    /// Words per shingle. 4: enough that two different stories on the same event share few
    /// shingles, few enough that an edit (a changed figure) spoils only four of them.
    public static let shingleSize = 4
    /// Bins of the sketch: 64 bins estimate a Jaccard overlap of 0.5 within ±0.06 (one
    /// standard deviation), in 128 bytes a story.
    public static let sketchSize = 64
    /// Bodies with fewer shingles than this are never clustered: a one-line caption or a
    /// title-only feed item says too little to call anything its copy.
    public static let minimumShingles = 8
    /// Bytes one fingerprint takes in a segment: exact hash u64, shingle count u32, then
    /// the sketch, `sketchSize` u16.
    public static let recordSize = 12 + 2 * sketchSize

    /// A hash of the whole word sequence: equal for stories whose normalised text is equal.
    public var exactHash: UInt64
    /// Shingles in the text, repeats included (news text rarely repeats a four-word run).
    public var shingleCount: UInt32
    /// The sketch's bins.
    public var sketch: [UInt16]

    /// Whether the story says enough to be compared at all.
    public var isComparable: Bool { shingleCount >= UInt32(Self.minimumShingles) }

    /// The estimated Jaccard overlap of the two stories' shingle sets: the share of bins
    /// that agree.
    public func jaccard(_ other: Fingerprint) -> Double {
        if exactHash == other.exactHash { return 1 }
        var equal = 0
        for i in 0..<Self.sketchSize where sketch[i] == other.sketch[i] { equal += 1 }
        return Double(equal) / Double(Self.sketchSize)
    }

    /// The estimated overlap coefficient, |A ∩ B| / min(|A|, |B|): how much of the shorter
    /// story's shingles the other holds. From Jaccard J and the sizes, |A ∩ B| is
    /// J (|A| + |B|) / (1 + J). 1 for equal text, about 1 for a copy cut short or with
    /// text added, near 0 for different stories even on the same event.
    public func similarity(_ other: Fingerprint) -> Double {
        if exactHash == other.exactHash { return 1 }
        return Self.overlap(jaccard: jaccard(other), shingleCount, other.shingleCount)
    }

    /// `similarity` of two fingerprints as stored (`recordSize` bytes each), without
    /// decoding them: clustering compares records straight from the mapped segments.
    static func similarity(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Double {
        compare(a, b).overlap
    }

    /// The estimated Jaccard overlap and overlap coefficient of two stored fingerprints.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> (jaccard: Double, overlap: Double) {
        if a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self) { return (1, 1) }
        var equal = 0
        for i in 0..<sketchSize where a.loadUnaligned(fromByteOffset: 12 + 2 * i, as: UInt16.self)
            == b.loadUnaligned(fromByteOffset: 12 + 2 * i, as: UInt16.self) { equal += 1 }
        let j = Double(equal) / Double(sketchSize)
        return (j, overlap(jaccard: j,
                           UInt32(littleEndian: a.loadUnaligned(fromByteOffset: 8, as: UInt32.self)),
                           UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 8, as: UInt32.self))))
    }

    /// The overlap coefficient of sets of sizes `a` and `b` whose Jaccard overlap is `j`.
    static func overlap(jaccard j: Double, _ a: UInt32, _ b: UInt32) -> Double {
        guard a > 0, b > 0 else { return 0 }
        let x = Double(a), y = Double(b)
        return min(1, j * (x + y) / ((1 + j) * min(x, y)))
    }

    /// Appends the fingerprint as stored in a segment's `fingerprints` section.
    func serialize(into buffer: inout ByteBuffer) {
        buffer.appendUInt64(exactHash)
        buffer.appendUInt32(shingleCount)
        for v in sketch {
            buffer.append(UInt8(truncatingIfNeeded: v))
            buffer.append(UInt8(truncatingIfNeeded: v >> 8))
        }
    }

    /// Reads a fingerprint stored at `offset` of `bytes` (`recordSize` bytes, unchecked).
    init(bytes: UnsafeRawBufferPointer, offset: Int) {
        exactHash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        shingleCount = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
        sketch = (0..<Self.sketchSize).map { i in
            UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 12 + 2 * i, as: UInt16.self))
        }
    }

    public init(exactHash: UInt64, shingleCount: UInt32, sketch: [UInt16]) {
        self.exactHash = exactHash
        self.shingleCount = shingleCount
        self.sketch = sketch
    }

    /// The fingerprint of `text`'s words as `analyzer` reads them.
    public init(of text: String, analyzer: Analyzer) {
        var builder = FingerprintBuilder()
        analyzer.forEachToken(in: text) { term, _ in builder.add(term) }
        self = builder.finish()
    }
}

/// Builds a `Fingerprint` from a story's words as they are analyzed, one at a time: the
/// segment writer feeds it the body's terms during the pass that inverts them, so
/// fingerprinting costs no second tokenization.
struct FingerprintBuilder {
    /// The hashes of the last `shingleSize` words, oldest first once full.
    private var window: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var words = 0
    private var exact: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var bins = [UInt32](repeating: .max, count: Fingerprint.sketchSize)
    private var filled: UInt64 = 0
    private var shingles: UInt32 = 0

    mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
        // FNV-1a over the term's bytes, then mixed: words are short, so this beats a
        // general-purpose hash with a set-up cost.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in term { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = Self.mix(h)
        exact = Self.mix(exact ^ h) &+ 0x9E37_79B9_7F4A_7C15
        window = (window.1, window.2, window.3, h)
        words += 1
        if words >= Fingerprint.shingleSize { addShingle() }
    }

    /// The shingle of the words in the window: their hashes rotated by position and mixed.
    private mutating func addShingle() {
        let s = Self.mix(window.0 ^ Self.rotate(window.1, 16) ^ Self.rotate(window.2, 32) ^ Self.rotate(window.3, 48))
        shingles &+= 1
        let bin = Int(truncatingIfNeeded: s >> 58)
        let value = UInt32(truncatingIfNeeded: s)
        if value < bins[bin] { bins[bin] = value }
        filled |= 1 << UInt64(bin)
    }

    mutating func finish() -> Fingerprint {
        // A text shorter than a shingle is one shingle of the words it has.
        if words > 0 && words < Fingerprint.shingleSize {
            for _ in words..<Fingerprint.shingleSize { window = (window.1, window.2, window.3, 0) }
            addShingle()
        }
        if filled != 0 && filled != .max {
            // Optimal densification: an empty bin takes the value of the first filled bin
            // in its own fixed pseudo-random sequence of bins, the same for every story.
            let original = bins
            for bin in 0..<Fingerprint.sketchSize where filled & (1 << UInt64(bin)) == 0 {
                var attempt: UInt64 = 1
                while true {
                    let probe = Int(truncatingIfNeeded: Self.mix(UInt64(bin) &* 0x1_0000 &+ attempt) >> 58)
                    if filled & (1 << UInt64(probe)) != 0 {
                        bins[bin] = original[probe]
                        break
                    }
                    attempt += 1
                }
            }
        }
        return Fingerprint(exactHash: Self.mix(exact ^ UInt64(words)), shingleCount: shingles,
                           sketch: bins.map { UInt16(truncatingIfNeeded: $0) })
    }

    @inline(__always) static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    /// The 64-bit finaliser of MurmurHash3: every input bit reaches every output bit.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}
