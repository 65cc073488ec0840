/// Reads the calendar date out of the spellings news carries: ISO 8601 (`2025-10-27`,
/// `2025-10-27T09:00:00+09:00`), RFC 822 as RSS uses it (`Mon, 27 Oct 2025 09:00:00 +0900`),
/// and the prose forms of wire copy and pages (`Oct. 27, 2025`, `October 27 2025`,
/// `27 October 2025`, `2025/10/27`, `20251027`).
///
/// The date is taken as written, in the publisher's own time zone: a story filed late on
/// Oct. 27 in Washington is an Oct. 27 story, whatever the UTC day.
extension StoryDate {
    public init?(parsing text: some StringProtocol) {
        let tokens = DateTokens(text)
        guard let date = tokens.numericDate() ?? tokens.namedMonthDate() else { return nil }
        self = date
    }
}

/// The letter and digit runs of a date string.
private struct DateTokens {
    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
    }

    var items: [Token] = []

    init(_ text: some StringProtocol) {
        var digits = 0, value = 0
        var word: [UInt8] = []
        func flush() {
            if digits > 0 { items.append(.number(value, digits: digits)) }
            if !word.isEmpty {
                let w = String(decoding: word, as: UTF8.self)
                // An ordinal suffix (27th, 1st) belongs to the number before it.
                let ordinal = ["st", "nd", "rd", "th"].contains(w)
                if !(ordinal && { if case .number? = items.last { return true } else { return false } }()) {
                    items.append(.word(w))
                }
            }
            digits = 0
            value = 0
            word = []
        }
        for b in text.utf8.prefix(200) {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !word.isEmpty { flush() }
                if digits < 9 { value = value * 10 + Int(b - UInt8(ascii: "0")) }
                digits += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if digits > 0 { flush() }
                word.append(b | 0x20)
            default:
                flush()
            }
        }
        flush()
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, ISO timestamps, and `YYYYMMDD`.
    func numericDate() -> StoryDate? {
        guard case .number(let first, let digits)? = items.first else { return nil }
        if digits == 8 {
            return StoryDate(year: first / 10000, month: first / 100 % 100, day: first % 100)
        }
        guard digits == 4, items.count >= 3,
              case .number(let m, let md) = items[1], md <= 2,
              case .number(let d, let dd) = items[2], dd <= 2
        else { return nil }
        return StoryDate(year: first, month: m, day: d)
    }

    /// A month name with a day beside it and a four-digit year somewhere after the month.
    func namedMonthDate() -> StoryDate? {
        for (i, item) in items.enumerated() {
            guard case .word(let w) = item, let month = Self.month(w) else { continue }
            var day: Int?
            var yearSearchStart = i + 1
            if i + 1 < items.count, case .number(let d, let digits) = items[i + 1], digits <= 2 {
                day = d  // Oct. 27, 2025
                yearSearchStart = i + 2
            } else if i > 0, case .number(let d, let digits) = items[i - 1], digits <= 2 {
                day = d  // 27 October 2025
            }
            guard let day else { continue }
            for item in items[min(yearSearchStart, items.count)...].prefix(2) {
                if case .number(let y, 4) = item { return StoryDate(year: y, month: month, day: day) }
            }
        }
        return nil
    }

    static func month(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let full = ["january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"]
        if let i = full.firstIndex(of: word) { return i + 1 }
        if word == "sept" { return 9 }
        if word.count == 3, let i = names.firstIndex(of: word) { return i + 1 }
        return nil
    }
}
