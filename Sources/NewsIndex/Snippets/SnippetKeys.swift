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
    /// Each phrase as indices into `terms`.
    private(set) var phrases: [[Int]] = []
    /// How many of `terms` are the query's single terms (marked wherever they occur).
    let singleCount: Int

    /// Whether a token whose folded term starts with each byte could be one of `terms`.
    private(set) var firstBytes = [Bool](repeating: false, count: 256)

    init(singles: [String], phrases phraseTexts: [[String]]) {
        for text in singles { terms.append(Array(text.utf8)) }
        singleCount = terms.count
        for phrase in phraseTexts {
            var indices: [Int] = []
            for text in phrase {
                let bytes = Array(text.utf8)
                if let i = terms.firstIndex(of: bytes) {
                    indices.append(i)
                } else {
                    terms.append(bytes)
                    indices.append(terms.count - 1)
                }
            }
            if !indices.isEmpty { phrases.append(indices) }
        }
        for term in terms { if let b = term.first { firstBytes[Int(b)] = true } }
    }

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
        return -1
    }
}
