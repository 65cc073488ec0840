/// The passages of a story shown for a query, with the query's terms and phrases marked.
///
/// A snippet is up to three fragments in story order. `text` joins them for display: ` … `
/// between fragments, a leading `… ` when the first does not start the story and a
/// trailing ` …` when the last does not end it. `highlights` are offsets into `text`; each
/// fragment also carries its own text, offsets and place in the story, for callers that lay
/// fragments out themselves.
public struct Snippet: Sendable, Equatable {
    /// The fragments joined for display, whitespace collapsed.
    public var text: String
    /// `[start, end)` offsets of marked terms and phrases in `text`, in Unicode code points.
    public var highlights: [Range<Int>]
    /// The passages `text` is made of, in story order.
    public var fragments: [SnippetFragment]

    public init(text: String, highlights: [Range<Int>], fragments: [SnippetFragment] = []) {
        self.text = text
        self.highlights = highlights
        self.fragments = fragments
    }

    /// No passage at all (an empty story, or snippets turned off).
    public static let empty = Snippet(text: "", highlights: [])
}

/// One passage of a story: a run of whole words, whole sentences where the length allows.
public struct SnippetFragment: Sendable, Equatable {
    /// The passage, whitespace collapsed to single spaces; no ellipses.
    public var text: String
    /// `[start, end)` offsets of marked terms and phrases in `text`, in Unicode code points.
    public var highlights: [Range<Int>]
    /// Where the passage lies in the story's body as stored (`Story.body`), in Unicode code
    /// points from the body's first character: its first character to one past its last.
    /// (Whitespace inside the passage is collapsed in `text`, so `text` may be shorter.)
    public var storyRange: Range<Int>

    public init(text: String, highlights: [Range<Int>], storyRange: Range<Int>) {
        self.text = text
        self.highlights = highlights
        self.storyRange = storyRange
    }
}
