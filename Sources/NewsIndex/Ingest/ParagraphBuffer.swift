/// Accumulates UTF-8 text as normalised paragraphs, the form of `Story.body`.
///
/// Whitespace runs (ASCII whitespace and no-break spaces) become one space, a paragraph
/// break becomes `"\n\n"`, and paragraphs with no text vanish, so callers can append and
/// break freely without tracking what came before.
struct ParagraphBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text; leading and trailing whitespace join it to its neighbours as one space.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n, text[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if pendingBreak || pendingSpace {
                if !bytes.isEmpty {
                    if pendingBreak {
                        bytes.append(0x0A)
                        bytes.append(0x0A)
                    } else {
                        bytes.append(0x20)
                    }
                }
                pendingBreak = false
                pendingSpace = false
            }
            bytes.append(b)
            i += 1
        }
    }

    /// Ends the current paragraph; the next text starts a new one.
    mutating func breakParagraph() {
        pendingBreak = true
    }

    /// Drops the text written since `bytes.count` was `offset`, a paragraph boundary.
    mutating func discard(from offset: Int) {
        bytes.removeSubrange(min(offset, bytes.count)...)
        pendingBreak = true
        pendingSpace = false
    }

    /// Separates the next text from the previous one by a space, as between table cells.
    mutating func breakWord() {
        pendingSpace = true
    }

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text written between two values of `bytes.count`, without the separators at its
    /// ends.
    func string(in range: Range<Int>) -> String {
        var hi = min(range.upperBound, bytes.count)
        var lo = min(range.lowerBound, hi)
        while lo < hi, bytes[lo] == 0x0A || bytes[lo] == 0x20 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x0A || bytes[hi - 1] == 0x20 { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Normalises the whitespace of a single line of text, such as a title.
    static func normalized(_ text: some StringProtocol) -> String {
        var buffer = ParagraphBuffer()
        var text = String(text)
        text.withUTF8 { buffer.append($0) }
        return buffer.string
    }
}
