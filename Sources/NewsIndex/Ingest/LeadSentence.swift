/// The title of a story that has no headline: its lead sentence, shortened for a result list.
enum LeadSentence {
    /// The longest derived title, in characters, including the `…` that marks a cut.
    static let maxLength = 80

    /// The first sentence of the body's first paragraph without its final period, cut at a
    /// word boundary and marked with `…` when longer than `maxLength`.
    static func title(fromBody body: String) -> String {
        var body = body
        return body.withUTF8 { title(fromText: $0) }
    }

    /// The title from the lead that starts `text` (paragraphs separated by `"\n\n"`), as
    /// `title(fromBody:)` gives it; a reader passes the body from where the lead starts,
    /// after a dateline. Line breaks before the lead are skipped.
    static func title(fromText text: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        while start < text.count, text[start] == 0x0A || text[start] == 0x20 { start += 1 }
        let text = UnsafeBufferPointer(rebasing: text[start...])
        let paragraph = UnsafeBufferPointer(rebasing: text[..<paragraphEnd(text)])
        let end = firstSentenceEnd(paragraph)
        var cut = end
        if cut > 0, paragraph[cut - 1] == UInt8(ascii: "."),
           cut < 2 || paragraph[cut - 2] != UInt8(ascii: ".") {
            cut -= 1
        }
        return shortened(String(decoding: paragraph[..<cut], as: UTF8.self))
    }

    /// `text` when it fits `maxLength`, else its longest prefix that ends at a word boundary
    /// and fits with a trailing `…`.
    static func shortened(_ text: String) -> String {
        guard text.count > maxLength else { return text }
        let room = text.prefix(maxLength - 1)
        var head = room
        if let space = room.lastIndex(of: " "), room.distance(from: room.startIndex, to: space) >= maxLength / 4 {
            head = room[..<space]
        }
        while let last = head.last, last == " " || ",;:-–—".contains(last) {
            head.removeLast()
        }
        return head + "…"
    }

    /// The offset of the first `"\n\n"`, or the end of the text.
    private static func paragraphEnd(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i + 1 < text.count {
            if text[i] == 0x0A, text[i + 1] == 0x0A { return i }
            i += 1
        }
        return text.count
    }

    /// The offset just past the first sentence of a paragraph: after its `.`, `!` or `?`
    /// and any closing quotes or brackets, or the end of the text when no sentence ends.
    ///
    /// A period does not end a sentence after a known abbreviation (`Mr.`, `Sept.`, `Corp.`),
    /// an initial (`John F. Kennedy`), a dotted abbreviation (`U.S.`, `a.m.`), inside an
    /// ellipsis, or when the next word starts with a lower-case letter.
    static func firstSentenceEnd(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let n = text.count
        var i = 0
        while i < n {
            let b = text[i]
            i += 1
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") else { continue }
            let end = afterClosers(text, from: i)
            guard end == n || text[end] == 0x20 else { continue }
            if b == UInt8(ascii: "."), !periodEndsSentence(text, at: i - 1, next: end) { continue }
            return end
        }
        return n
    }

    /// True when the text ends with a period that ends a sentence, not an abbreviation or
    /// an ellipsis (closing quotes and brackets after it are allowed).
    static func endsWithSentencePeriod(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let period = text.lastIndex(of: UInt8(ascii: ".")),
              afterClosers(text, from: period + 1) == text.count
        else { return false }
        return periodEndsSentence(text, at: period, next: text.count)
    }

    private static func periodEndsSentence(_ text: UnsafeBufferPointer<UInt8>, at period: Int, next: Int) -> Bool {
        if period > 0, text[period - 1] == UInt8(ascii: ".") { return false }
        var start = period
        while start > 0, text[start - 1] != 0x20 { start -= 1 }
        start = afterOpeners(text, from: start, to: period)
        let word = UnsafeBufferPointer(rebasing: text[start..<period])
        if word.isEmpty { return true }
        if word.contains(UInt8(ascii: ".")) { return false }
        if word.count == 1, word[0] >= UInt8(ascii: "A"), word[0] <= UInt8(ascii: "Z") { return false }
        if abbreviations.contains(String(decoding: word, as: UTF8.self)) { return false }
        var k = next
        while k < text.count, text[k] == 0x20 { k += 1 }
        if k < text.count, text[k] >= UInt8(ascii: "a"), text[k] <= UInt8(ascii: "z") { return false }
        return true
    }

    /// Titles, months, days and company suffixes that news copy abbreviates with a period.
    private static let abbreviations: Set<String> = {
        let words = [
            "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj",
            "Capt", "Sgt", "Cpl", "Adm", "Cmdr", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon",
            "Pres", "Supt", "Insp", "Det", "Mt", "Ft", "Ave", "Blvd", "Rd", "No", "Nos", "Vol", "Fig",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
            "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "vs", "approx", "cf",
        ]
        return Set(words + words.map { $0.uppercased() })
    }()

    /// Skips closing quotes and brackets that belong to the sentence before them.
    private static func afterClosers(_ text: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i < text.count {
            switch text[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"):
                i += 1
            case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x99 || text[i + 2] == 0x9D):
                i += 3  // ’ ”
            case 0xC2 where i + 1 < text.count && text[i + 1] == 0xBB:
                i += 2  // »
            default:
                return i
            }
        }
        return i
    }

    /// Skips opening quotes and brackets at the start of a word.
    private static func afterOpeners(_ text: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> Int {
        var i = i
        while i < end {
            switch text[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: "["):
                i += 1
            case 0xE2 where i + 2 < end && text[i + 1] == 0x80 && (text[i + 2] == 0x98 || text[i + 2] == 0x9C):
                i += 3  // ‘ “
            case 0xC2 where i + 1 < end && text[i + 1] == 0xAB:
                i += 2  // «
            default:
                return i
            }
        }
        return i
    }
}
