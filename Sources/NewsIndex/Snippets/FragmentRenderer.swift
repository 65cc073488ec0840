/// Turns chosen word ranges into a `Snippet`: each fragment's text with whitespace
/// collapsed, its marks as code-point offsets, its place in the body, and the joined text.
struct FragmentRenderer {
    let body: UnsafeBufferPointer<UInt8>
    let scan: BodyScan
    let marks: [SnippetMark]

    private var words: [BodyScan.Word] { scan.words }

    private static let ellipsis: [UInt8] = Array("…".utf8)

    func render(_ ranges: [Range<Int>]) -> Snippet {
        guard let first = ranges.first, let lastRange = ranges.last else { return .empty }
        var joined: [UInt8] = []
        var joinedCount = 0
        var highlights: [Range<Int>] = []
        var fragments: [SnippetFragment] = []
        var m = 0
        if first.lowerBound > 0 {
            joined += Self.ellipsis + [0x20]
            joinedCount = 2
        }
        for (n, range) in ranges.enumerated() {
            if n > 0 {
                joined += [0x20] + Self.ellipsis + [0x20]
                joinedCount += 3
            }
            let bytes = words[range.lowerBound].bytes.lowerBound..<words[range.upperBound - 1].bytes.upperBound
            while m < marks.count && marks[m].bytes.lowerBound < bytes.lowerBound { m += 1 }
            let (text, count, marked) = collapse(bytes, marksFrom: &m)
            joined += text
            for h in marked { highlights.append((h.lowerBound + joinedCount)..<(h.upperBound + joinedCount)) }
            joinedCount += count
            let storyRange = scan.codePoint(atWord: range.lowerBound)..<(bytes.upperBound - continuationBytes(through: range.upperBound - 1))
            fragments.append(SnippetFragment(text: String(decoding: text, as: UTF8.self), highlights: marked,
                                             storyRange: storyRange))
        }
        if lastRange.upperBound < words.count || !scan.readWholeBody { joined += [0x20] + Self.ellipsis }
        return Snippet(text: String(decoding: joined, as: UTF8.self), highlights: highlights, fragments: fragments)
    }

    /// Bytes continuing a multi-byte character up to the end of word `index`.
    private func continuationBytes(through index: Int) -> Int {
        let word = words[index]
        var count = word.continuationBytesBefore
        for i in word.bytes where body[i] & 0xC0 == 0x80 { count += 1 }
        return count
    }

    /// The bytes of `range` with each whitespace run made one space; their code-point count;
    /// and the marks starting from `marks[m]` that begin inside, as code-point offsets (a mark
    /// running past the end is cut there).
    private func collapse(_ range: Range<Int>, marksFrom m: inout Int) -> ([UInt8], Int, [Range<Int>]) {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var marked: [Range<Int>] = []
        var count = 0
        var open: Int?
        var pendingSpace = false
        for i in range {
            if open == nil, m < marks.count, marks[m].bytes.lowerBound == i {
                if pendingSpace { out.append(0x20); count += 1; pendingSpace = false }
                open = count
            }
            let b = body[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C {
                pendingSpace = true
            } else {
                if pendingSpace { out.append(0x20); count += 1; pendingSpace = false }
                out.append(b)
                if b & 0xC0 != 0x80 { count += 1 }
            }
            if let start = open, marks[m].bytes.upperBound == i + 1 || i + 1 == range.upperBound {
                marked.append(start..<count)
                open = nil
                m += 1
            }
        }
        // Marks that start inside but whose start was skipped (overlaps) are passed over.
        while m < marks.count && marks[m].bytes.lowerBound < range.upperBound { m += 1 }
        return (out, count, marked)
    }
}
