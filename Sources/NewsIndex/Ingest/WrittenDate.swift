/// A calendar date written out at a given offset of wire copy, with the offset where it
/// ends, so that a reader can take the date and go on with the text after it.
///
/// The spellings of headers and datelines are recognised: `2025-10-27`, `2025/10/27`,
/// `2025.10.27`; `Oct. 27`, `Oct 27`, `October 27`, `Sept. 3`, `Oct. 27th`; `27 October`,
/// `27 Oct.`; each of those followed by a year (`Oct. 27, 2025`, `27 October 2025`) and
/// perhaps led by a weekday (`Monday, Oct. 27, 2025`).
///
/// The year may be missing, as in a dateline (`SEOUL, Oct. 27 (Yonhap) --`): then `month`
/// and `day` are known and `date` is nil, since a year cannot be guessed. A written year is
/// read through `StoryDate(parsing:)`, the one authority on date spellings, so the two never
/// disagree about what a full date is.
struct WrittenDate: Equatable {
    var month: Int
    var day: Int
    /// The full date, when the year is written (and the day exists in it).
    var date: StoryDate?
    /// The offset just past the date's last character: the day, the month name or the year.
    var end: Int

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The date that starts exactly at `start`, or nil when none does.
    init?(_ text: UnsafeBufferPointer<UInt8>, at start: Int) {
        guard start < text.count else { return nil }
        if let numeric = Self.numeric(text, at: start) {
            self = numeric
            return
        }
        var i = start
        // A weekday leads only when a comma follows it: `Monday, Oct. 27, 2025`.
        if let w = Self.letters(text, at: i), Self.isWeekday(text, i..<w) {
            var j = w
            if j < text.count, text[j] == UInt8(ascii: ".") { j += 1 }
            guard j < text.count, text[j] == UInt8(ascii: ",") else { return nil }
            i = Self.skipBlanks(text, from: j + 1)
        }
        var month: Int, day: Int, end: Int
        if let m = Self.letters(text, at: i), let number = Self.month(text, i..<m) {
            // Oct. 27
            var j = m
            if j < text.count, text[j] == UInt8(ascii: ".") { j += 1 }
            let d = Self.skipBlanks(text, from: j)
            guard d > j, let (value, dEnd) = Self.day(text, at: d) else { return nil }
            (month, day, end) = (number, value, dEnd)
        } else if let (value, dEnd) = Self.day(text, at: i) {
            // 27 October
            let m = Self.skipBlanks(text, from: dEnd)
            guard m > dEnd, let mEnd = Self.letters(text, at: m), let number = Self.month(text, m..<mEnd) else { return nil }
            (month, day, end) = (number, value, mEnd)
        } else {
            return nil
        }
        // Without a year, the day must exist in some year (2000 has a Feb. 29).
        guard StoryDate(year: 2000, month: month, day: day) != nil else { return nil }
        self.month = month
        self.day = day
        self.end = end
        self.date = nil
        // The year: `, 2025`, ` 2025`, or `. 2025` after an abbreviated month (`27 Oct. 2025`).
        var y = end
        if y < text.count, text[y] == UInt8(ascii: ".") || text[y] == UInt8(ascii: ",") { y += 1 }
        if y < text.count, text[y] == UInt8(ascii: ",") { y += 1 }
        y = Self.skipBlanks(text, from: y)
        if y > end, y + 4 <= text.count, (y..<y + 4).allSatisfy({ ASCIIByte.isDigit(text[$0]) }),
           y + 4 == text.count || !Self.isAlphanumeric(text[y + 4]) {
            guard let full = StoryDate(parsing: String(decoding: Bytes(rebasing: text[start..<y + 4]), as: UTF8.self))
            else { return nil }
            self.date = full
            self.end = y + 4
        }
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` (one separator throughout), not followed by
    /// a letter or digit.
    private static func numeric(_ text: Bytes, at start: Int) -> WrittenDate? {
        var i = start
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < text.count, ASCIIByte.isDigit(text[i]), digits < maxDigits {
                value = value * 10 + Int(text[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : value
        }
        guard let year = number(maxDigits: 4), i - start == 4, i < text.count else { return nil }
        let separator = text[i]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") else { return nil }
        i += 1
        guard let month = number(maxDigits: 2), i < text.count, text[i] == separator else { return nil }
        i += 1
        guard let day = number(maxDigits: 2), i == text.count || !isAlphanumeric(text[i]),
              let date = StoryDate(year: year, month: month, day: day)
        else { return nil }
        return WrittenDate(month: month, day: day, date: date, end: i)
    }

    private init(month: Int, day: Int, date: StoryDate?, end: Int) {
        self.month = month
        self.day = day
        self.date = date
        self.end = end
    }

    /// A day of the month, one or two digits, perhaps with an ordinal suffix (`27th`); the
    /// value and the offset after it.
    private static func day(_ text: Bytes, at i: Int) -> (Int, Int)? {
        var j = i, value = 0
        while j < text.count, ASCIIByte.isDigit(text[j]), j - i < 3 {
            value = value * 10 + Int(text[j] - 0x30)
            j += 1
        }
        guard j > i, j - i <= 2, (1...31).contains(value) else { return nil }
        if let s = letters(text, at: j) {
            guard s - j == 2 else { return nil }
            let suffix = (text[j] | 0x20, text[j + 1] | 0x20)
            guard suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68)
            else { return nil }  // st nd rd th
            j = s
        } else if j < text.count, ASCIIByte.isDigit(text[j]) {
            return nil
        }
        return (value, j)
    }

    /// The end of the run of ASCII letters at `i`, or nil when there is none.
    private static func letters(_ text: Bytes, at i: Int) -> Int? {
        var j = i
        while j < text.count, ASCIIByte.isLetter(text[j]) { j += 1 }
        return j > i ? j : nil
    }

    /// The month named by a word (full name, three-letter abbreviation or `Sept`), any case.
    private static func month(_ text: Bytes, _ word: Range<Int>) -> Int? {
        guard let key = key(text, word) else { return nil }
        return months.first { $0.key == key }?.month
    }

    /// True for a weekday's name or its abbreviation (`Monday`, `Mon`, `Tues`, `Thurs`), any case.
    private static func isWeekday(_ text: Bytes, _ word: Range<Int>) -> Bool {
        guard let key = key(text, word) else { return false }
        return weekdays.contains(key)
    }

    /// A word of three to nine ASCII letters packed, lower-cased, into an integer (seven bits
    /// a letter), so that names are compared without building strings: this runs on every
    /// paragraph opening.
    private static func key(_ text: Bytes, _ word: Range<Int>) -> UInt64? {
        guard word.count >= 3, word.count <= 9 else { return nil }
        var key: UInt64 = 0
        for i in word {
            let b = text[i]
            guard ASCIIByte.isLetter(b) else { return nil }
            key = key << 7 | UInt64(b | 0x20)
        }
        return key
    }

    private static func key(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { key($0, 0..<$0.count) ?? 0 }
    }

    private static let months: [(key: UInt64, month: Int)] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [(UInt64, Int)] = [(key("sept"), 9)]
        for (index, name) in names.enumerated() {
            table.append((key(name), index + 1))
            if name.count > 3 { table.append((key(String(name.prefix(3))), index + 1)) }
        }
        return table
    }()

    private static let weekdays: Set<UInt64> = Set([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ].map(key))

    /// True when the word at `word` is a month or weekday name: no place is called that.
    static func isCalendarWord(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        var w = word
        if let last = w.last, text[last] == UInt8(ascii: ".") { w = w.lowerBound..<last }
        guard w.allSatisfy({ ASCIIByte.isLetter(text[$0]) }) else { return false }
        return month(text, w) != nil || isWeekday(text, w)
    }

    private static func skipBlanks(_ text: Bytes, from i: Int) -> Int {
        var i = i
        while i < text.count, ASCIIByte.isBlank(text[i]) { i += 1 }
        return i
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        ASCIIByte.isLetter(b) || ASCIIByte.isDigit(b)
    }
}
