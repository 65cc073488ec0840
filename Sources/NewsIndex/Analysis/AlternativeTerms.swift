/// A query term that stands for several index terms: the forms one query word takes in the
/// languages it is analysed for (`QueryLanguages`), such as a Russian stem and the unstemmed
/// word of stories of unknown language. They are scored as one term: a story's frequency is
/// the sum of theirs, the document frequency that of the stories holding any. Written as one
/// string, the alternatives joined by U+001F, which no term holds, so that everything that
/// handles a query's terms by their text keeps doing so.
public enum AlternativeTerms {
    static let separator: UInt8 = 0x1F

    /// One term for `alternatives` (one of them alone when there is one).
    static func join(_ alternatives: [String]) -> String {
        alternatives.count == 1 ? alternatives[0] : alternatives.joined(separator: "\u{1F}")
    }

    /// The index terms `term` stands for.
    public static func split(_ term: String) -> [String] {
        term.utf8.contains(separator) ? term.split(separator: "\u{1F}").map(String.init) : [term]
    }

    /// The term as people read it: alternatives separated by `|`.
    public static func display(_ term: String) -> String {
        term.utf8.contains(separator) ? split(term).joined(separator: "|") : term
    }
}
