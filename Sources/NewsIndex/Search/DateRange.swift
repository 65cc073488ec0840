/// An inclusive range of days, either end open: what `date:`, `--since` and `--until` select.
///
/// Written as a day `2025-10-27`, a month `2025-10` or a year `2025` (each the whole
/// period), a range `A..B` of those (`..B` and `A..` leave an end open), or relative to
/// today: `7d`, `2w`, `3m`, `1y` (that many days, weeks, months or years back, through today).
public struct DateRange: Sendable, Equatable, CustomStringConvertible {
    /// First and last day, as days since 1970-01-01; nil when open.
    public var first: Int?
    public var last: Int?

    public init(first: Int?, last: Int?) {
        self.first = first
        self.last = last
    }

    public init(from: StoryDate?, through: StoryDate?) {
        first = from?.daysSinceEpoch
        last = through?.daysSinceEpoch
    }

    @inline(__always)
    public func contains(day: Int) -> Bool {
        if let first, day < first { return false }
        if let last, day > last { return false }
        return true
    }

    /// Both ranges at once.
    public func intersection(_ other: DateRange) -> DateRange {
        DateRange(first: [first, other.first].compactMap { $0 }.max(), last: [last, other.last].compactMap { $0 }.min())
    }

    public var description: String {
        func show(_ d: Int?) -> String { d.flatMap { StoryDate(daysSinceEpoch: $0)?.description } ?? "" }
        return "\(show(first))..\(show(last))"
    }

    /// Why a date could not be read.
    public enum Problem: Error, Sendable, Equatable {
        /// Not in any of the accepted forms.
        case malformed
        /// Well formed but not a calendar date (`2025-02-30`, month 13).
        case impossible
        /// A range that ends before it starts.
        case reversed
        /// A relative date given where today is not known.
        case noToday
    }

    /// Reads `text` in any of the forms above; `today` anchors the relative ones.
    public static func parse(_ text: String, today: StoryDate?) throws(Problem) -> DateRange {
        if let dots = text.firstRange(of: "..") {
            let a = String(text[..<dots.lowerBound]), b = String(text[dots.upperBound...])
            guard !(a.isEmpty && b.isEmpty), !b.contains("..") else { throw .malformed }
            let from = a.isEmpty ? nil : try period(a, today: today).first
            let through = b.isEmpty ? nil : try period(b, today: today).last
            if let from, let through, from > through { throw .reversed }
            return DateRange(first: from, last: through)
        }
        return try period(text, today: today)
    }

    /// One day, month, year or relative span.
    static func period(_ text: String, today: StoryDate?) throws(Problem) -> DateRange {
        let u = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, !r.isEmpty else { return nil }
            var n = 0
            for i in r {
                guard isDigit(u[i]) else { return nil }
                n = n * 10 + Int(u[i] - 0x30)
            }
            return n
        }
        // Relative: digits then d, w, m or y.
        if u.count >= 2, let unit = u.last, [UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "m"), UInt8(ascii: "y")].contains(unit),
           let n = number(0..<(u.count - 1)) {
            guard let today else { throw .noToday }
            let end = today.daysSinceEpoch
            switch unit {
            case UInt8(ascii: "d"): return DateRange(first: end - n, last: end)
            case UInt8(ascii: "w"): return DateRange(first: end - 7 * n, last: end)
            default:
                let months = unit == UInt8(ascii: "m") ? n : 12 * n
                var y = today.year, m = today.month - months
                while m < 1 { m += 12; y -= 1 }
                guard y >= 1 else { throw .impossible }
                let d = min(today.day, StoryDate.daysIn(month: m, year: y))
                return DateRange(first: StoryDate(year: y, month: m, day: d)?.daysSinceEpoch, last: end)
            }
        }
        guard u.count == 4 || u.count == 7 || u.count == 10, let year = number(0..<4) else { throw .malformed }
        if u.count == 4 {
            guard let a = StoryDate(year: year, month: 1, day: 1), let b = StoryDate(year: year, month: 12, day: 31) else { throw .impossible }
            return DateRange(from: a, through: b)
        }
        guard u[4] == UInt8(ascii: "-"), let month = number(5..<7) else { throw .malformed }
        if u.count == 7 {
            guard (1...12).contains(month), let a = StoryDate(year: year, month: month, day: 1),
                  let b = StoryDate(year: year, month: month, day: StoryDate.daysIn(month: month, year: year))
            else { throw .impossible }
            return DateRange(from: a, through: b)
        }
        guard u[7] == UInt8(ascii: "-"), let day = number(8..<10) else { throw .malformed }
        guard let d = StoryDate(year: year, month: month, day: day) else { throw .impossible }
        return DateRange(from: d, through: d)
    }
}
