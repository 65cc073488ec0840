/// The dateline that opens the text of a wire story: where it was filed, often when, and
/// through which agency, up to the separator after which the lead begins.
///
///     SEOUL, Oct. 27 (Yonhap) -- North Korean Foreign Minister Choe Son-hui …
///     MOSCOW (Reuters) - …                WASHINGTON (AP) — …
///     PARIS, Oct 27 (AFP) - …             LONDON, 27 October (Reuters) - …
///     NEW YORK, March 3 (Reuter) - …      BEIJING, Oct. 27 (Xinhua) -- …
///     SEOUL, Oct. 27 -- …                 WASHINGTON — …
///     MOSCOW, February 13. /TASS/. …      BONN /Germany/, February 16. /TASS/. …
///     Bonn, Germany (CNN)US Secretary …   (CNN)Malaysia has asked …
///     TAIPEI, Taiwan, Feb. 7, 2017 /PRNewswire/ -- …
///
/// The rules, in order (blanks may be repeated anywhere a space is shown):
///
/// - **Position.** A dateline is read only at the very start of a paragraph; the reader
///   looks at the first body paragraph, and at the second when the first has none (a
///   standfirst often precedes the story as filed). `(Reuters)` in mid-sentence is never one.
/// - **Place.** One to four words, the first and last capitalised (`NEW YORK`, `Bonn`,
///   `SHANGHAI/WASHINGTON`, `Rio de Janeiro`: short lower-case particles may sit inside),
///   not a weekday or month name. Up to two regions may follow it, each as `, Region`,
///   ` /Region/,` or ` (Region),` (`PEORIA, Ill.`, `BANGALORE (India),`, `Amsterdam, the
///   Netherlands`).
/// - **Date.** After a comma (or after a place ending in a period, `MURMANSK. February 7.`),
///   a `WrittenDate`: `Oct. 27`, `27 October`, `Feb. 7, 2017`. A date may also stand first,
///   without a place, before an agency (`March 3 (Reuters) -`).
/// - **Agency.** `(Name)` or `/Name/`, an `AgencyName`; a period or comma may come between
///   date and agency (`February 13. /TASS/`).
/// - **Separator.** `--`, `-`, `—` or `–`, perhaps after a period (`/PRNewswire/.-`); or a
///   period after an agency (`/TASS/.`); or nothing more after `/Name/`, whose closing slash
///   separates (`/TASS/ The law…`), or after `(Name)` when its closing parenthesis touches
///   the lead, as CNN writes it (`(CNN)President`).
/// - **Lead.** What follows the separator on the line, if anything, is running prose with
///   lower-case letters: `BRAZIL COTTON CROP LOWER -- USDA REPORT` is a headline.
/// - **Evidence.** A dateline must say more than a capitalised phrase and a dash, which is
///   how ordinary sentences begin too (`BMW – the carmaker – said`): without a place it needs
///   an agency; a place needs a date or an agency; a place in mixed case with no date needs
///   the CNN form; and a place alone (`WASHINGTON — House lawmakers…`) must be in capitals,
///   followed by a long dash (`--`, `—`, `–`) and a lead that starts with a capital, a digit
///   or a quote. So `BAHIA COCOA REVIEW` (no separator), `General Motors (GM) said` (no
///   separator) and `Rowsell Shand (left) won` (no agency) are not datelines.
///
/// Readers keep the dateline in the body, which is the story as received and where a search
/// for the place name finds it; it only informs `place`, `source`, perhaps `date`, and where
/// the lead sentence (a derived title) starts.
struct Dateline: Equatable {
    /// The place as written, with its regions after commas (`NEW YORK`, `Bonn, Germany`,
    /// `BONN, Germany` for `BONN /Germany/`); nil for an agency alone (`(CNN)…`).
    var place: String?
    /// The agency, normalised by `AgencyName` (`Reuters` for `Reuter`).
    var agency: String?
    /// The date, when one is written; its `date` is nil when the year is not.
    var date: WrittenDate?
    /// The offset where the lead begins, after the separator and its blanks.
    var leadStart: Int

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// How many bytes from its start a dateline may reach.
    static let maxLength = 200

    /// The dateline at the start of the first paragraph of a story body (paragraphs separated
    /// by `"\n\n"`), or at the start of the second when the first has none; its offsets are
    /// offsets of `body`. The second element is the index of that paragraph (0 or 1).
    static func opening(body: UnsafeBufferPointer<UInt8>) -> (Dateline, paragraph: Int)? {
        var start = 0
        for paragraph in 0..<2 {
            guard start < body.count else { return nil }
            var end = start
            while end < body.count, body[end] != 0x0A { end += 1 }
            if let found = Dateline(Bytes(rebasing: body[start..<end])) {
                var dateline = found
                dateline.leadStart += start
                return (dateline, paragraph)
            }
            start = end
            while start < body.count, body[start] == 0x0A { start += 1 }
        }
        return nil
    }

    /// The dateline that `text` (one paragraph or line) starts with, or nil.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        let text = Bytes(rebasing: text[..<min(text.count, Self.maxLength)])
        let n = text.count
        var i = Self.skipBlanks(text, from: 0)

        // Place, regions and date: `NEW YORK`, `Bonn, Germany`, `SEOUL, Oct. 27`, or a date
        // alone (`March 3 (Reuters) -`).
        var name: Range<Int>?
        var regions: [Range<Int>] = []
        var date: WrittenDate?
        var nameEndsAtPeriod = false
        if let written = WrittenDate(text, at: i) {
            date = written
            i = written.end
        } else if i < n, text[i] != UInt8(ascii: "("), text[i] != UInt8(ascii: "/") {
            guard let placeName = Self.name(text, from: i) else { return nil }
            if Self.isOneWord(text, placeName), WrittenDate.isCalendarWord(text, placeName) { return nil }
            name = placeName
            i = placeName.upperBound
            while date == nil, regions.count < 2 {
                if i < n, text[i] == UInt8(ascii: ",") {
                    let j = Self.skipBlanks(text, from: i + 1)
                    if let written = WrittenDate(text, at: j) {
                        date = written
                        i = written.end
                    } else if let region = Self.name(text, from: j, region: true) {
                        regions.append(region)
                        i = region.upperBound
                    } else {
                        break
                    }
                } else if regions.isEmpty, text[i - 1] == UInt8(ascii: "."), i < n, ASCIIByte.isBlank(text[i]),
                          let written = WrittenDate(text, at: Self.skipBlanks(text, from: i)) {
                    nameEndsAtPeriod = true
                    date = written
                    i = written.end
                } else if let group = Self.group(text, at: Self.skipBlanks(text, from: i)), group.end < n,
                          text[group.end] == UInt8(ascii: ","),
                          Self.name(text, from: group.content.lowerBound, region: true) == group.content {
                    regions.append(group.content)
                    i = group.end
                } else {
                    break
                }
            }
        }

        // Agency: `(Yonhap)`, `/TASS/`, perhaps after a period or comma that ends the date.
        var agency: String?
        var agencyMark: UInt8 = 0
        do {
            var j = i
            if date != nil, j < n, text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ",") { j += 1 }
            j = Self.skipBlanks(text, from: j)
            if let group = Self.group(text, at: j),
               text[j] == UInt8(ascii: "(") || j > i || i == 0,
               let named = AgencyName.named(Bytes(rebasing: text[group.content])) {
                agency = named
                agencyMark = text[j]
                i = group.end
            }
        }

        // The separator.
        var k = Self.skipBlanks(text, from: i)
        var period = false
        if k < n, text[k] == UInt8(ascii: ".") {
            period = true
            k += 1
        }
        let dash = Self.dash(text, at: k)
        if let dash { k = dash.end }
        var touching = false
        if dash == nil {
            switch agencyMark {
            case UInt8(ascii: "/"):
                // The closing slash is separator enough: `/TASS/ The law…`, `/TASS/.Russia…`.
                break
            case UInt8(ascii: "("):
                if period {
                    guard k == n || ASCIIByte.isBlank(text[k]) else { return nil }
                } else {
                    // CNN: `(CNN)President …`
                    guard i < n, Self.canTouch(text[i]) else { return nil }
                    touching = true
                }
            default:
                return nil
            }
        }
        let lead = Self.skipBlanks(text, from: k)
        // What follows is running prose, not more capitals: `BRAZIL COTTON CROP LOWER -- USDA
        // REPORT` is a headline.
        guard lead == n || text[lead...].contains(where: Self.isCaselessOrLowercase) else { return nil }

        // The evidence.
        if let name {
            let capitals = !text[name].contains(where: ASCIIByte.isLowercase)
            if date == nil {
                if agency != nil {
                    guard capitals || touching else { return nil }
                } else {
                    guard capitals, dash?.isLong == true, lead < n, Self.startsLead(text, at: lead) else { return nil }
                }
            }
        } else {
            guard agency != nil else { return nil }
        }

        if let name {
            var place = Self.collapsed(text, nameEndsAtPeriod ? name.lowerBound..<name.upperBound - 1 : name)
            for region in regions { place += ", " + Self.collapsed(text, region) }
            self.place = place
        } else {
            self.place = nil
        }
        self.agency = agency
        self.date = date
        self.leadStart = lead
    }

    // MARK: Pieces

    /// A place or region name at `i`: one to four words, the first and last capitalised,
    /// lower-case particles of up to three letters between them (and, for a region, before
    /// them: `the Netherlands`). The range runs from the first word to the last capitalised one.
    private static func name(_ text: Bytes, from i: Int, region: Bool = false) -> Range<Int>? {
        var j = i, words = 0
        var end: Int?
        while words < 4, let e = wordEnd(text, at: j) {
            // A date ends the name: `MURMANSK. February 7.`
            if words > 0, WrittenDate(text, at: j) != nil { break }
            if isCapitalised(text, at: j) {
                end = e
            } else if (words == 0 && !region) || e - j > 3 || !text[j..<e].allSatisfy(ASCIIByte.isLowercase) {
                break
            }
            words += 1
            let next = skipBlanks(text, from: e)
            guard next > e else { break }
            j = next
        }
        guard let end else { return nil }
        // At least two letters: `A -` is no place.
        guard text[i..<end].lazy.filter({ ASCIIByte.isLetter($0) || $0 >= 0x80 }).count >= 2 else { return nil }
        return i..<end
    }

    private static func isOneWord(_ text: Bytes, _ range: Range<Int>) -> Bool {
        !text[range].contains(where: ASCIIByte.isBlank)
    }

    /// The end of the word at `i`: letters (ASCII or not), with `.`, `'`, `’`, `&` inside
    /// or at the end, and `-` or `/` between letters (`Port-au-Prince`, `Tokyo/Seoul`).
    /// Nil when no word starts at `i`.
    private static func wordEnd(_ text: Bytes, at i: Int) -> Int? {
        guard i < text.count, isLetterStart(text, at: i) else { return nil }
        var j = i
        while j < text.count {
            let b = text[j]
            if ASCIIByte.isLetter(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "'") || b == UInt8(ascii: "&") {
                j += 1
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "/") {
                guard j + 1 < text.count, isLetterStart(text, at: j + 1) else { break }
                j += 1
            } else if b == 0xE2 {
                // ’ continues a word; dashes and quotes (E2 80 93/94/98/9C/9D) end it.
                guard j + 2 < text.count, text[j + 1] == 0x80, text[j + 2] == 0x99 else { break }
                j += 3
            } else if b >= 0x80 {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// True when a letter starts at `i`: ASCII, or a two-byte UTF-8 letter (Latin, Greek,
    /// Cyrillic: lead bytes C3–D4).
    private static func isLetterStart(_ text: Bytes, at i: Int) -> Bool {
        let b = text[i]
        return ASCIIByte.isLetter(b) || (b >= 0xC3 && b <= 0xD4 && i + 1 < text.count && text[i + 1] & 0xC0 == 0x80)
    }

    /// True when the word at `i` starts with a capital: `A`–`Z`, or `À`–`Þ`.
    private static func isCapitalised(_ text: Bytes, at i: Int) -> Bool {
        let b = text[i]
        if ASCIIByte.isUppercase(b) { return true }
        return b == 0xC3 && i + 1 < text.count && text[i + 1] >= 0x80 && text[i + 1] <= 0x9E && text[i + 1] != 0x97
    }

    /// `(…)` or `/…/` at `i`, without nesting, of at most `AgencyName.maxLength + 2` bytes:
    /// the range inside and the offset after the closing mark.
    private static func group(_ text: Bytes, at i: Int) -> (content: Range<Int>, end: Int)? {
        guard i < text.count else { return nil }
        let open = text[i]
        let close: UInt8
        switch open {
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        case UInt8(ascii: "/"): close = UInt8(ascii: "/")
        default: return nil
        }
        var j = i + 1
        while j < text.count, j - i <= AgencyName.maxLength + 2 {
            let b = text[j]
            if b == close { return j > i + 1 ? ((i + 1)..<j, j + 1) : nil }
            if b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == 0x0A { return nil }
            j += 1
        }
        return nil
    }

    /// A dash separator at `i`: a run of hyphens, or one en or em dash; long unless it is a
    /// single hyphen.
    private static func dash(_ text: Bytes, at i: Int) -> (end: Int, isLong: Bool)? {
        var j = i
        while j < text.count, text[j] == UInt8(ascii: "-") { j += 1 }
        if j > i { return (j, j - i >= 2) }
        if i + 2 < text.count, text[i] == 0xE2, text[i + 1] == 0x80, text[i + 2] == 0x93 || text[i + 2] == 0x94 {
            return (i + 3, true)
        }
        return nil
    }

    /// True when text that can open a lead starts at `i`: a capital letter, a digit, a quote
    /// (`"`, `'`, `“`, `‘`) or a non-ASCII letter.
    private static func startsLead(_ text: Bytes, at i: Int) -> Bool {
        let b = text[i]
        if ASCIIByte.isUppercase(b) || ASCIIByte.isDigit(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { return true }
        if b == 0xE2 { return i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0x9C || text[i + 2] == 0x98) }
        return isLetterStart(text, at: i) && !ASCIIByte.isLowercase(b)
    }

    /// True when `b` may follow an agency's closing parenthesis directly, as the first byte
    /// of the lead (`(CNN)President`, `(CNN)#IslandLife`): anything but a blank or the
    /// punctuation that continues a sentence.
    private static func canTouch(_ b: UInt8) -> Bool {
        !ASCIIByte.isBlank(b) && !",.;:!?)]}".utf8.contains(b)
    }

    /// True for an ASCII lower-case letter, or a byte that starts a non-ASCII letter (whose
    /// case a byte cannot tell, or whose script has none): prose rather than capitals.
    private static func isCaselessOrLowercase(_ b: UInt8) -> Bool {
        ASCIIByte.isLowercase(b) || (b >= 0xC3 && b <= 0xD4) || b >= 0xE3
    }

    private static func skipBlanks(_ text: Bytes, from i: Int) -> Int {
        var i = i
        while i < text.count, ASCIIByte.isBlank(text[i]) { i += 1 }
        return i
    }

    /// The text of `range` with each run of blanks as one space.
    private static func collapsed(_ text: Bytes, _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for b in text[range] {
            if ASCIIByte.isBlank(b) {
                if bytes.last != 0x20 { bytes.append(0x20) }
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
