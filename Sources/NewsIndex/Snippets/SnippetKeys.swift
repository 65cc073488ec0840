/// The terms a snippet looks for, as UTF-8 bytes: the query's single terms first, then the
/// words of its phrases that are not already among them. Finds which one, if any, a token
/// is, comparing lengths and first bytes before whole terms, since nearly every token of a
/// story matches none.
///
/// Kept to arrays and linear search: a query has a handful of terms, and the first
/// `Set<String>` or `Dictionary` in a search process costs a scan of the binary's protocol
/// conformance table.
struct SnippetKeys {
    private(set) var terms: [[UInt8]] = []
    /// The other forms of terms with alternatives (`AlternativeTerms`), and the index in
    /// `terms` of the term each stands for.
    private(set) var alternatives: [[UInt8]] = []
    private(set) var alternativeKeys: [Int] = []
    /// Each phrase as indices into `terms`.
    private(set) var phrases: [[Int]] = []
    /// How many of `terms` are the query's single terms (marked wherever they occur).
    let singleCount: Int

    /// Whether a token whose folded term starts with each byte could be one of `terms`.
    private(set) var firstBytes = [Bool](repeating: false, count: 256)

    init(singles: [String], phrases phraseTexts: [[String]]) {
        var terms: [[UInt8]] = [], alternatives: [[UInt8]] = [], alternativeKeys: [Int] = []
        func add(_ text: String) {
            let forms = AlternativeTerms.split(text)
            terms.append(Array(forms[0].utf8))
            for form in forms.dropFirst() {
                alternatives.append(Array(form.utf8))
                alternativeKeys.append(terms.count - 1)
            }
        }
        for text in singles { add(text) }
        singleCount = terms.count
        var texts = singles
        for phrase in phraseTexts {
            var indices: [Int] = []
            for text in phrase {
                if let i = texts.firstIndex(of: text) {
                    indices.append(i)
                } else {
                    add(text)
                    texts.append(text)
                    indices.append(terms.count - 1)
                }
            }
            if !indices.isEmpty { phrases.append(indices) }
        }
        self.terms = terms
        self.alternatives = alternatives
        self.alternativeKeys = alternativeKeys
        var pairs = [UInt64](repeating: 0, count: 256)
        for term in terms + alternatives {
            guard let b = term.first else { continue }
            firstBytes[Int(b)] = true
            if term.count < 2 {
                pairs[Int(b)] = .max
                continue
            }
            let second = Self.alphanumericIndex(term[1])
            pairs[Int(b)] |= second < 64 ? 1 << UInt64(second) : .max
            // Porter2 makes `dying`, `lying`, `tying` into `die`, `lie`, `tie`.
            if term[1] == UInt8(ascii: "i") { pairs[Int(b)] |= 1 << UInt64(Self.alphanumericIndex(UInt8(ascii: "y"))) }
        }
        secondBytes = pairs
        byteKinds = (0..<256).map { (b: Int) -> UInt8 in
            switch b {
            case 0x09...0x0D, 0x20: return ByteKind.space
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                return firstBytes[folded] ? ByteKind.keyStart : ByteKind.alphanumeric
            case 0x80...: return ByteKind.nonASCII
            default: return ByteKind.punctuation
            }
        }
    }

    /// For each first byte of a term, the second bytes its terms have, as bits by
    /// `alphanumericIndex` (all bits for a one-byte term, or a second byte that is no ASCII
    /// letter or digit).
    private(set) var secondBytes: [UInt64] = []

    /// Whether a word written starting with the ASCII letters or digits `first` and `second`
    /// may be one of `terms`. Folding lower-cases ASCII, and stemming keeps a word's first two
    /// letters (but for the `y` of `dying`, `lying`, `tying`, allowed for).
    @inline(__always)
    func mayStart(_ first: UInt8, _ second: UInt8) -> Bool {
        let index = Self.alphanumericIndex(second)
        return secondBytes[Int(Self.lowercased(first))] & (1 << UInt64(index & 63)) != 0
    }

    /// `0`–`9` as 0–9, letters in either case as 10–35 (callers give ASCII letters and digits).
    @inline(__always)
    static func alphanumericIndex(_ b: UInt8) -> Int {
        b <= UInt8(ascii: "9") ? Int(b &- UInt8(ascii: "0")) : Int((b | 0x20) &- UInt8(ascii: "a")) + 10
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Each byte's `ByteKind`: what `BodyScan` needs to know of it, in one lookup.
    private(set) var byteKinds: [UInt8] = []

    /// False when no term starts with the token's first byte (stemming keeps it).
    @inline(__always)
    func mayMatch(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = token.first else { return false }
        return firstBytes[Int(first)]
    }

    /// The index in `terms` of the token's term, or -1.
    @inline(__always)
    func index(of token: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = token.first, firstBytes[Int(first)] else { return -1 }
        for (i, term) in terms.enumerated() where term.count == token.count && term[0] == first {
            let same = term.withUnsafeBufferPointer { memcmpBytes($0.baseAddress!, token.baseAddress!, token.count) == 0 }
            if same { return i }
        }
        for (i, term) in alternatives.enumerated() where term.count == token.count && term[0] == first {
            let same = term.withUnsafeBufferPointer { memcmpBytes($0.baseAddress!, token.baseAddress!, token.count) == 0 }
            if same { return alternativeKeys[i] }
        }
        return -1
    }
}

/// Classes of bytes for `BodyScan` (computed, so reading them costs no lazy-initialization check).
enum ByteKind {
    static var punctuation: UInt8 { 0 }
    static var space: UInt8 { 1 }
    static var nonASCII: UInt8 { 2 }
    /// A letter or digit that, starting a word, cannot start a query term.
    static var alphanumeric: UInt8 { 3 }
    /// A letter or digit that, starting a word, may start a query term.
    static var keyStart: UInt8 { 4 }
}
