/// A query term's postings in one segment: its dictionary entry, or, for a term with
/// alternatives (`AlternativeTerms`), the entries of the forms the segment holds, read side
/// by side as one list (`PostingsUnion`), so that the rest of the engine scores them as one
/// term: a story's frequency is the sum of theirs and its positions the union, the document
/// frequency counts the stories holding any.
struct TermPostings {
    /// The stories of the segment holding the term (any of its forms).
    let docFreq: Int
    /// The term's entry when the segment holds one form of it, else every form's (so a
    /// search in one language makes no array per term and segment).
    private let entry: TermInfo
    private let forms: [TermInfo]
    private let segment: SegmentReader
    private let positions: Bool

    /// The postings of `term` (its UTF-8 bytes) in `segment`, nil when the segment holds
    /// none of its forms. Without `positions`, the cursor of a term with several forms gives
    /// documents and frequencies only, a block at a time (for a search that only scores).
    init?(_ term: UnsafeRawBufferPointer, in segment: SegmentReader, positions: Bool = true) throws(IndexError) {
        if !term.contains(AlternativeTerms.separator) {
            // One form, as every term of an index in one language: no list of entries.
            guard let entry = try segment.lookup(term) else { return nil }
            (self.entry, forms) = (entry, [])
            docFreq = entry.docFreq
        } else {
            let found = try Self.entries(of: term, in: segment)
            guard let entry = found.first else { return nil }
            (self.entry, forms) = (entry, found.count > 1 ? found : [])
            docFreq = forms.isEmpty ? entry.docFreq : PostingsUnion.storyCount(of: forms, in: segment)
        }
        self.segment = segment
        self.positions = positions
    }

    init?(_ term: String, in segment: SegmentReader, positions: Bool = true) throws(IndexError) {
        guard let found = try withUTF8Bytes(of: term, { u throws(IndexError) in
            try TermPostings(u, in: segment, positions: positions)
        }) else {
            return nil
        }
        self = found
    }

    /// The dictionary entries of the forms of `term` the segment holds.
    private static func entries(of term: UnsafeRawBufferPointer, in segment: SegmentReader) throws(IndexError) -> [TermInfo] {
        var entries: [TermInfo] = []
        var start = 0
        for end in 0...term.count where end == term.count || term[end] == AlternativeTerms.separator {
            if let info = try segment.lookup(UnsafeRawBufferPointer(rebasing: term[start..<end])) { entries.append(info) }
            start = end + 1
        }
        return entries
    }

    /// The stories of `segment` holding any form of `term`.
    static func documentFrequency(of term: String, in segment: SegmentReader) throws(IndexError) -> Int {
        try TermPostings(term, in: segment, positions: false)?.docFreq ?? 0
    }

    /// A cursor over the postings.
    func cursor() -> PostingsCursor {
        guard !forms.isEmpty else { return PostingsCursor(segment: segment, term: entry) }
        let union = PostingsUnion(forms.map { PostingsCursor(segment: segment, term: $0) }, positions: positions)
        return PostingsCursor(union: union, docFreq: docFreq, documentCount: segment.documentCount)
    }
}
