/// The metadata fields a story's terms can be indexed under, besides its text.
///
/// A field term is the byte 0x01, the field's code, then a word of the field analyzed as
/// text is (`source:Yonhap` → `\u{1}syonhap`). 0x01 sorts before every word the tokenizer
/// produces, so field terms sit together at the front of each segment's dictionary and the
/// words' vocabulary (prefix expansion, spelling suggestions) starts right after them.
public enum FieldTerm {
    /// The byte every field term starts with.
    public static let marker: UInt8 = 0x01

    public enum Field: UInt8, Sendable, CaseIterable {
        /// The agency or site (`Story.source`).
        case source = 0x73  // "s"
        /// The author line (`Story.byline`).
        case byline = 0x62  // "b"
        /// The dateline's place (`Story.place`).
        case place = 0x70  // "p"
        /// The story's language (`Story.language`): one term, its code as stored
        /// (`\u{1}lko`), not analyzed, so every story has exactly one.
        case language = 0x6C  // "l"
    }

    /// The indexed form of `word` (already analyzed) in `field`.
    public static func term(_ field: Field, _ word: String) -> String {
        var bytes: [UInt8] = [marker, field.rawValue]
        bytes.append(contentsOf: word.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `term` (a dictionary entry) is a field term rather than a word.
    @inline(__always)
    static func isFieldTerm(_ term: UnsafeRawBufferPointer) -> Bool { term.first == marker }
}
