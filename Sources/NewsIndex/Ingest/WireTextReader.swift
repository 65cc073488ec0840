/// Reads plain-text wire copy: an optional `date YYYY-MM-DD` header, an optional headline,
/// then paragraphs, perhaps ending with the agency's signature.
///
/// It accepts the layouts of the corpora newsidx indexes: the Yonhap seed (the date header
/// shares its line with the lead paragraph), news-article dumps (date, headline, blank line,
/// body), BBC stories (headline first, no date) and Reuters-21578 (hard-wrapped lines,
/// paragraphs indented, a closing `Reuter` line).
public struct WireTextReader: Sendable {
    /// The longest line, in characters, that can be a headline.
    static let maxHeadlineLength = 250
    /// The most words a headline can have.
    static let maxHeadlineWords = 30

    public init() {}

    /// Reads a story; any bytes give one, since invalid UTF-8 becomes U+FFFD.
    public func read(_ bytes: [UInt8]) -> Story {
        var text = TextDecoding.string(bytes)
        return text.withUTF8 { read(text: $0) }
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    private func read(text: Bytes) -> Story {
        let lines = Self.lines(text)
        var next = 0
        while next < lines.count, Self.isBlank(text, lines[next]) { next += 1 }

        var date: StoryDate?
        var leadRemainder: Range<Int>?
        if next < lines.count, let header = Self.dateHeader(text, lines[next]) {
            date = header.date
            next += 1
            if !header.rest.isEmpty { leadRemainder = header.rest }
        }

        var headline: String?
        if leadRemainder == nil {
            var h = next
            while h < lines.count, Self.isBlank(text, lines[h]) { h += 1 }
            if h < lines.count, h + 1 == lines.count || Self.isBlank(text, lines[h + 1]),
               lines[(h + 1)...].contains(where: { !Self.isBlank(text, $0) }),
               Self.looksLikeHeadline(text, Self.trimmed(text, lines[h])) {
                headline = ParagraphBuffer.normalized(String(decoding: text[Self.trimmed(text, lines[h])], as: UTF8.self))
                next = h + 1
            }
        }

        var body = ParagraphBuffer(capacity: text.count)
        var lastLine: Range<Int>?
        if let leadRemainder {
            body.append(Bytes(rebasing: text[leadRemainder]))
            lastLine = leadRemainder
        }
        for line in lines[next...] {
            if Self.isBlank(text, line) {
                body.breakParagraph()
                continue
            }
            if Self.isIndented(text, line) { body.breakParagraph() }
            body.breakWord()
            body.append(Bytes(rebasing: text[line]))
            lastLine = line
        }

        let bodyText = body.string
        let source: String?
        if let lastLine, AgencySignature.isReuterLine(Bytes(rebasing: text[Self.trimmed(text, lastLine)])) {
            source = "Reuters"
        } else {
            source = AgencySignature.source(endingBody: body.bytes)
        }
        return Story(
            title: headline ?? LeadSentence.title(fromBody: bodyText),
            titleIsHeadline: headline != nil,
            date: date, source: source, body: bodyText)
    }

    /// The lines of the text without their terminators (LF, CRLF or a lone CR).
    private static func lines(_ text: Bytes) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            if b == 0x0A || b == 0x0D {
                lines.append(start..<i)
                if b == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < text.count { lines.append(start..<text.count) }
        return lines
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C
    }

    private static func isBlank(_ text: Bytes, _ line: Range<Int>) -> Bool {
        line.allSatisfy { isSpace(text[$0]) }
    }

    private static func trimmed(_ text: Bytes, _ line: Range<Int>) -> Range<Int> {
        var lo = line.lowerBound, hi = line.upperBound
        while lo < hi, isSpace(text[lo]) { lo += 1 }
        while hi > lo, isSpace(text[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Reuters-21578 starts each paragraph after the first with an indented line.
    private static func isIndented(_ text: Bytes, _ line: Range<Int>) -> Bool {
        guard let first = line.first else { return false }
        return text[first] == 0x09 || (line.count >= 2 && text[first] == 0x20 && text[first + 1] == 0x20)
    }

    /// `date YYYY-MM-DD` at the start of a line, and the range of the text after it.
    private static func dateHeader(_ text: Bytes, _ line: Range<Int>) -> (date: StoryDate, rest: Range<Int>)? {
        let line = trimmed(text, line)
        let keyword = "date".utf8
        guard line.count >= keyword.count + 1 + 10,
              zip(text[line.lowerBound...], keyword).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        var i = line.lowerBound + keyword.count
        guard isSpace(text[i]) else { return nil }
        while i < line.upperBound, isSpace(text[i]) { i += 1 }
        guard i + 10 <= line.upperBound, i + 10 == line.upperBound || isSpace(text[i + 10]),
              let date = StoryDate(iso: String(decoding: text[i..<i + 10], as: UTF8.self))
        else { return nil }
        return (date, trimmed(text, (i + 10)..<line.upperBound))
    }

    /// A headline is one short line that does not read as a sentence of body text: at most
    /// `maxHeadlineWords` words and `maxHeadlineLength` characters, not ending with a comma,
    /// a semicolon or a period that ends a sentence (`U.S.` and `Corp.` do not).
    private static func looksLikeHeadline(_ text: Bytes, _ line: Range<Int>) -> Bool {
        var characters = 0, words = 0
        var inWord = false
        for b in text[line] {
            if b & 0xC0 != 0x80 { characters += 1 }
            if isSpace(b) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard characters <= maxHeadlineLength, words <= maxHeadlineWords,
              let last = line.last.map({ text[$0] }), last != UInt8(ascii: ","), last != UInt8(ascii: ";")
        else { return false }
        return !LeadSentence.endsWithSentencePeriod(Bytes(rebasing: text[line]))
    }
}
