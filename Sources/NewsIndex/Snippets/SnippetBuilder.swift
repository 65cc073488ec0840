/// A passage of a story with the query's terms marked.
public struct Snippet: Sendable, Equatable {
    /// Plain text, whitespace collapsed; `…` marks where the story was cut.
    public var text: String
    /// `[start, end)` offsets of marked terms in `text`, in Unicode code points.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}

/// Chooses the passage of a story that best shows why it matched: the window of about
/// `wordCount` words covering the most (and the rarest) query terms, then the most hits.
public struct SnippetBuilder: Sendable {
    public let analyzer: Analyzer
    public var wordCount: Int

    public init(analyzer: Analyzer, wordCount: Int = 30) {
        self.analyzer = analyzer
        self.wordCount = max(1, wordCount)
    }

    private struct Token {
        var range: Range<Int>
        /// Index of the query term it matches, or -1.
        var term: Int
    }

    public func snippet(of text: String, terms: [WeightedTerm]) -> Snippet {
        let keys = QueryTermMatcher(terms.map(\.text))
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        analyzer.forEachToken(in: text, stemmingOnly: keys.mayMatch) { term, range in
            tokens.append(Token(range: range, term: keys.index(of: term)))
        }
        guard !tokens.isEmpty else { return Snippet(text: "", highlights: []) }
        let window = bestWindow(tokens, weights: terms.map { max($0.idf, 0.01) })
        return render(text, tokens: tokens, window: window)
    }

    /// The start and end (exclusive) token indices of the best window.
    private func bestWindow(_ tokens: [Token], weights: [Double]) -> Range<Int> {
        let w = min(wordCount, tokens.count)
        let hitIndices = tokens.indices.filter { tokens[$0].term >= 0 }
        guard !hitIndices.isEmpty else { return 0..<w }
        var best = 0..<w
        var bestScore = -1.0
        // Only windows starting at a hit can be best (shifting right onto a hit loses none).
        for start in hitIndices {
            let end = min(start + w, tokens.count)
            var counts = [Int](repeating: 0, count: weights.count)
            for i in start..<end where tokens[i].term >= 0 { counts[tokens[i].term] += 1 }
            var score = 0.0
            for (t, c) in counts.enumerated() where c > 0 {
                score += weights[t] * (1 + 0.1 * Double(min(c - 1, 5)))
            }
            if score > bestScore + 1e-9 {
                bestScore = score
                best = start..<end
            }
        }
        // Centre the hits: give the words before the first hit as much room as after the last.
        let lastHit = best.filter { tokens[$0].term >= 0 }.last ?? best.lowerBound
        let slack = w - (lastHit - best.lowerBound + 1)
        let start = max(0, min(best.lowerBound - slack / 2, tokens.count - w))
        return start..<min(start + w, tokens.count)
    }

    private func render(_ text: String, tokens: [Token], window: Range<Int>) -> Snippet {
        var utf8 = Array(text.utf8)
        var startByte = tokens[window.lowerBound].range.lowerBound
        var endByte = tokens[window.upperBound - 1].range.upperBound
        // Keep closing punctuation that belongs to the last word.
        while endByte < utf8.count, Self.closing.contains(utf8[endByte]) { endByte += 1 }
        // Keep opening punctuation that belongs to the first word.
        while startByte > 0, Self.opening.contains(utf8[startByte - 1]) { startByte -= 1 }
        let cutBefore = window.lowerBound > 0
        let cutAfter = window.upperBound < tokens.count

        var out: [UInt8] = []
        var highlights: [Range<Int>] = []
        var codePoints = 0
        if cutBefore {
            out.append(contentsOf: Self.ellipsis)
            codePoints += 1
        }
        var hits = tokens[window].filter { $0.term >= 0 }.map(\.range)[...]
        var openHighlight: Int?
        var pendingSpace = false
        var i = startByte
        while i < endByte {
            if let h = hits.first, h.lowerBound == i {
                if pendingSpace { out.append(0x20); codePoints += 1; pendingSpace = false }
                openHighlight = codePoints
            }
            let b = utf8[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); codePoints += 1; pendingSpace = false }
                out.append(b)
                if b & 0xC0 != 0x80 { codePoints += 1 }
            }
            i += 1
            if let h = hits.first, h.upperBound == i, let open = openHighlight {
                highlights.append(open..<codePoints)
                openHighlight = nil
                hits = hits.dropFirst()
            }
        }
        if cutAfter {
            out.append(contentsOf: Self.ellipsis)
        }
        utf8 = out
        return Snippet(text: String(decoding: utf8, as: UTF8.self), highlights: highlights)
    }

    private static let ellipsis: [UInt8] = Array("…".utf8)
    private static let closing: Set<UInt8> = Set(".,;:!?\"')]".utf8)
    private static let opening: Set<UInt8> = Set("\"'([".utf8)
}

/// Finds which query term, if any, a token is: compares lengths and first bytes before
/// whole terms, since nearly every token of a story matches none.
private struct QueryTermMatcher {
    private let terms: [[UInt8]]

    /// Whether a token starting with each byte could be a query term.
    private let firstBytes: [Bool]

    init(_ texts: [String]) {
        terms = texts.map { Array($0.utf8) }
        var first = [Bool](repeating: false, count: 256)
        for term in terms { if let b = term.first { first[Int(b)] = true } }
        firstBytes = first
    }

    /// False when no query term starts with the token's first byte (stemming keeps it).
    @inline(__always)
    func mayMatch(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = token.first else { return false }
        return firstBytes[Int(first)]
    }

    @inline(__always)
    func index(of token: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = token.first else { return -1 }
        for (i, term) in terms.enumerated() where term.count == token.count && term[0] == first {
            let same = term.withUnsafeBufferPointer { memcmpBytes($0.baseAddress!, token.baseAddress!, token.count) == 0 }
            if same { return i }
        }
        return -1
    }
}
