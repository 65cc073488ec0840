/// Reads plain-text wire copy: a header (a `date` line, a headline), then paragraphs that
/// may open with a dateline and end with the agency's signature.
///
/// It accepts the layouts of the corpora newsidx indexes: the Yonhap seed (the date header
/// shares its line with the lead paragraph), news-article dumps (date, headline, blank line,
/// body), BBC stories (headline first, no date), Reuters-21578 (hard-wrapped lines,
/// paragraphs indented, a closing `Reuter` line), and agency copy as filed (headline, then
/// `SEOUL, Oct. 27 (Yonhap) -- …` on the next line or after a blank line).
///
/// What it takes from where:
///
/// - **date**: the `date` header (`date 2025-10-27`, `date Oct. 27, 2025`, `date 27 October
///   2025`, `date 2025/10/27`), else a line in the header area that is only a full date
///   (just before or after the headline), else a dateline's date when it has a year
///   (`TAIPEI, Feb. 7, 2017 /PRNewswire/`). A dateline's `Oct. 27` agrees with the header's
///   date and never overrides it; without a year it gives no date, since the year would be a
///   guess.
/// - **title**: the headline line, else the lead sentence, which starts after the dateline.
///   A line that opens with a dateline is never a headline.
/// - **place**: the dateline's place (`SEOUL`, `NEW YORK`).
/// - **source**: the dateline's agency, else the signature's (`AgencySignature`), normalised
///   by `AgencyName` (`Reuter` → `Reuters`).
/// - **body**: every paragraph as received, dateline and signature included: they are part
///   of the story, and readers search for place names. Only the header lines are left out.
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
        func nonBlank(from i: Int) -> Int {
            var i = i
            while i < lines.count, Self.isBlank(text, lines[i]) { i += 1 }
            return i
        }
        func line(_ i: Int) -> Bytes { Bytes(rebasing: text[Self.trimmed(text, lines[i])]) }

        var next = nonBlank(from: 0)
        var date: StoryDate?
        var leadRemainder: Range<Int>?
        if next < lines.count, let header = Self.dateHeader(text, lines[next]) {
            date = header.date
            next += 1
            if !header.rest.isEmpty { leadRemainder = header.rest }
        }

        var headline: String?
        if leadRemainder == nil {
            // The header area: [a date line] [a headline] [a date line].
            var h = nonBlank(from: next)
            if h < lines.count, let lineDate = Self.dateLine(line(h)) {
                date = date ?? lineDate
                next = h + 1
                h = nonBlank(from: next)
            }
            if h < lines.count, Self.looksLikeHeadline(line(h)), Dateline(line(h)) == nil {
                // A headline stands alone: a blank line, a date line or the dateline follows it.
                let storyFollows: Bool
                if h + 1 == lines.count || Self.isBlank(text, lines[h + 1]) {
                    storyFollows = nonBlank(from: h + 1) < lines.count
                } else if Self.dateLine(line(h + 1)) != nil {
                    storyFollows = nonBlank(from: h + 2) < lines.count
                } else {
                    storyFollows = Dateline(line(h + 1)) != nil
                }
                if storyFollows {
                    headline = ParagraphBuffer.normalized(String(decoding: line(h), as: UTF8.self))
                    next = h + 1
                    let d = nonBlank(from: next)
                    if d < lines.count, let lineDate = Self.dateLine(line(d)) {
                        date = date ?? lineDate
                        next = d + 1
                    }
                }
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

        let (dateline, title, source): (Dateline?, String, String?) = body.bytes.withUnsafeBufferPointer { bytes in
            let opening = Dateline.opening(body: bytes)
            let title: String
            if let headline {
                title = headline
            } else if let (dateline, paragraph) = opening, paragraph == 0 {
                // The lead sentence starts after the dateline: `SEOUL, Oct. 27 (Yonhap) --`
                // is not part of the title.
                title = LeadSentence.title(fromText: Bytes(rebasing: bytes[dateline.leadStart...]))
            } else {
                title = LeadSentence.title(fromText: bytes)
            }
            var source = opening?.0.agency ?? AgencySignature.source(endingBody: bytes)
            if source == nil, let lastLine, AgencySignature.isReuterLine(Bytes(rebasing: text[Self.trimmed(text, lastLine)])) {
                source = "Reuters"  // a `Reuter` line that follows no sentence (a table, say)
            }
            return (opening?.0, title, source)
        }
        return Story(
            title: title,
            titleIsHeadline: headline != nil,
            date: date ?? dateline?.date?.date,
            source: source, place: dateline?.place, body: body.string)
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

    /// `date` (perhaps `date:`) and a full date at the start of a line, and the range of the
    /// text after it. The date is `YYYY-MM-DD` (or an ISO timestamp's leading date followed by
    /// a blank), or any `WrittenDate` spelling with a year (`Oct. 27, 2025`, `27 October
    /// 2025`, `2025/10/27`).
    private static func dateHeader(_ text: Bytes, _ line: Range<Int>) -> (date: StoryDate, rest: Range<Int>)? {
        let line = trimmed(text, line)
        let keyword = "date".utf8
        guard line.count >= keyword.count + 1 + 6,
              zip(text[line.lowerBound...], keyword).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        var i = line.lowerBound + keyword.count
        if text[i] == UInt8(ascii: ":") { i += 1 }
        guard i < line.upperBound, isSpace(text[i]) else { return nil }
        while i < line.upperBound, isSpace(text[i]) { i += 1 }
        if i + 10 <= line.upperBound, i + 10 == line.upperBound || isSpace(text[i + 10]),
           let date = StoryDate(iso: String(decoding: text[i..<i + 10], as: UTF8.self)) {
            return (date, trimmed(text, (i + 10)..<line.upperBound))
        }
        let content = Bytes(rebasing: text[i..<line.upperBound])
        guard let written = WrittenDate(content, at: 0), let date = written.date,
              written.end == content.count || isSpace(content[written.end])
        else { return nil }
        return (date, trimmed(text, (i + written.end)..<line.upperBound))
    }

    /// The date of a line that holds only a full date (`Oct. 27, 2025`, `Monday, 27 October
    /// 2025`, `2025-10-27`), perhaps with a final period.
    private static func dateLine(_ line: Bytes) -> StoryDate? {
        guard let written = WrittenDate(line, at: 0), let date = written.date else { return nil }
        let end = written.end < line.count && line[written.end] == UInt8(ascii: ".") ? written.end + 1 : written.end
        return end == line.count ? date : nil
    }

    /// A headline is one short line that does not read as a sentence of body text: at most
    /// `maxHeadlineWords` words and `maxHeadlineLength` characters, not ending with a comma,
    /// a semicolon or a period that ends a sentence (`U.S.` and `Corp.` do not).
    private static func looksLikeHeadline(_ line: Bytes) -> Bool {
        var characters = 0, words = 0
        var inWord = false
        for b in line {
            if b & 0xC0 != 0x80 { characters += 1 }
            if isSpace(b) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard characters <= maxHeadlineLength, words <= maxHeadlineWords,
              let last = line.last, last != UInt8(ascii: ","), last != UInt8(ascii: ";")
        else { return false }
        return !LeadSentence.endsWithSentencePeriod(line)
    }
}
