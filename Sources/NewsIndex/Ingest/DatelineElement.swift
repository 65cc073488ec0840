/// Reads the place out of a dateline, as agency XML spells it: `SEOUL, Oct. 27`,
/// `WASHINGTON, D.C., Oct 27, 2025 (AP) --`, `MOSCOW, 27 October`.
extension Dateline {
    /// The dateline without a trailing agency in parentheses, dashes, and the date: the
    /// comma-separated parts at its end that are dates (a month or weekday name, or only
    /// digits and date punctuation) are dropped, and so are date words at the end of the
    /// last part left. Nil when nothing is left.
    static func place(inElement dateline: String) -> String? {
        var text = ParagraphBuffer.normalized(dateline)
        while true {
            let before = text
            while let last = text.last, last == "-" || last == "—" || last == "–" || last == ":" || last == " " {
                text.removeLast()
            }
            if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = String(text[..<open]) }
            if text == before { break }
        }
        var parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingSpaces
        }
        while parts.count > 1, let last = parts.last, last.isEmpty || isDate(last) { parts.removeLast() }
        if var words = parts.last?.split(separator: " ").map(String.init), words.count > 1 {
            var droppedMonth = false
            while words.count > 1, let last = words.last, isDateWord(last) {
                if monthOrWeekday(last) { droppedMonth = true }
                words.removeLast()
            }
            if droppedMonth { parts[parts.count - 1] = words.joined(separator: " ") }
        }
        let place = parts.joined(separator: ", ")
        return place.isEmpty || isDate(place) ? nil : place
    }

    /// A part of a dateline that gives a date, not a place.
    private static func isDate(_ part: String) -> Bool {
        let words = part.split(separator: " ").map(String.init)
        return !words.isEmpty && words.allSatisfy(isDateWord) && (words.contains(where: monthOrWeekday) || words.allSatisfy(isNumeric))
    }

    private static func isDateWord(_ word: String) -> Bool {
        monthOrWeekday(word) || isNumeric(word)
    }

    /// Digits with date and time punctuation (`27`, `2025-10-27`, `27/10`, `09:00`), or an
    /// ordinal (`27th`).
    private static func isNumeric(_ word: String) -> Bool {
        var w = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where w.count > 2 && w.lowercased().hasSuffix(suffix) {
            w = w.dropLast(2)
        }
        return !w.isEmpty && w.first!.isASCII && w.first!.isNumber
            && w.allSatisfy { ($0.isASCII && $0.isNumber) || "-/.:T+Z".contains($0) }
    }

    private static let monthsAndWeekdays: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static func monthOrWeekday(_ word: String) -> Bool {
        var w = word.lowercased()
        while w.hasSuffix(".") { w.removeLast() }
        return monthsAndWeekdays.contains(w)
    }
}

/// Reads writers' names out of a byline.
enum Byline {
    /// The byline without a leading `By` (`By Jane Reporter` → `Jane Reporter`).
    static func withoutBy(_ byline: String) -> String? {
        let text = ParagraphBuffer.normalized(byline)
        if text.count > 3, text.prefix(3).lowercased() == "by " { return XMLNode.nonBlank(text.dropFirst(3)) }
        return text.isEmpty ? nil : text
    }

    /// An NITF `byline`: its `person`s joined by `, `, else its text without `byttl`.
    static func names(inNITF byline: XMLNode) -> String? {
        let persons = byline.descendants(named: "person").compactMap(\.text)
        if !persons.isEmpty { return persons.joined(separator: ", ") }
        var bytes: [UInt8] = []
        var walk = XMLPreorder(root: byline)
        while let node = walk.next() {
            if node.isElement(named: "byttl") {
                walk.skipChildren()
                bytes.append(0x20)
            } else if !node.isElement {
                bytes += node.rawText
            }
        }
        return withoutBy(String(decoding: bytes, as: UTF8.self)).map { $0.trimmingTrailing(",;") }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// Without the given characters and spaces at the end.
    fileprivate func trimmingTrailing(_ characters: String) -> String {
        var text = self
        while let last = text.last, last == " " || characters.contains(last) { text.removeLast() }
        return text
    }
}
