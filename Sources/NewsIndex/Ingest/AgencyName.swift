/// The name of a news agency as wire copy writes it between parentheses or slashes, in a
/// dateline (`(Yonhap)`, `/TASS/`) or a signature (`(AP)`, `-- AFP`), and how it becomes a
/// story's `source`.
///
/// A name is one to three words, each starting with a capital letter and made of at least
/// two ASCII letters or hyphens (`AP`, `Kyodo News`, `PRNewswire`, `France-Presse`). That
/// rules out the parentheticals that end or open sentences without naming anyone:
/// `(pictured)`, `(file photo)`, `(see below)`, `(Reporting by John Smith and Jane Doe)`,
/// `(17:30 CET)`, `(AFP, dpa)`. Nor are the editing marks that wire copy also puts in
/// parentheses: `(END)`, `(ENDS)`, `(MORE)`, `(CORRECTION)`, `(UPDATE)`, `(REFILE)`,
/// `(REPEAT)`, `(PHOTO)`, `(Pictured)`, `(VIDEO)`, `(FILE)`.
enum AgencyName {
    /// The longest name, in bytes.
    static let maxLength = 30

    /// The normalised name written in `bytes`, or nil when they do not spell an agency's name.
    /// Blanks around the name and periods after it are ignored (TASS writes `/TASS /` and
    /// `/TASS./` at times).
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0, hi = bytes.count
        while lo < hi, ASCIIByte.isBlank(bytes[lo]) { lo += 1 }
        while hi > lo, ASCIIByte.isBlank(bytes[hi - 1]) || bytes[hi - 1] == UInt8(ascii: ".") { hi -= 1 }
        guard hi - lo <= maxLength else { return nil }
        let name = bytes[lo..<hi]
        let words = name.split(separator: 0x20, omittingEmptySubsequences: false)
        guard (1...3).contains(words.count) else { return nil }
        for word in words {
            guard let first = word.first, ASCIIByte.isUppercase(first), word.count >= 2,
                  word.allSatisfy({ ASCIIByte.isLetter($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        let text = String(decoding: name, as: UTF8.self)
        return normalized(text)
    }

    /// The spelling a story's `source` uses for an agency: Reuters for every case of `Reuter`
    /// and `Reuters` (Reuters-21578 signs `Reuter` or `REUTER`); otherwise the agency's own
    /// spelling (`AP`, `Yonhap`, `TASS`). Nil for an editing mark such as `END`.
    static func normalized(_ name: String) -> String? {
        let key = name.lowercased()
        if key == "reuter" || key == "reuters" { return "Reuters" }
        return editingMarks.contains(key) ? nil : name
    }

    /// Words wire copy puts in parentheses that mark the copy, not its sender.
    private static let editingMarks: Set<String> = [
        "end", "ends", "more", "correction", "corrected", "update", "updated", "refile", "repeat",
        "photo", "photos", "pictured", "video", "file",
    ]
}
