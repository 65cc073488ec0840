/// The content of one news story as an ingest reader understood it, before indexing.
///
/// Identity (corpus root, relative path, story id, content hash) is the index's business;
/// a reader only says what the bytes contain.
public struct Story: Sendable, Equatable {
    /// The headline, or the lead sentence shortened when the story has no headline.
    public var title: String
    /// False when `title` was derived from the body (then it is not indexed twice).
    public var titleIsHeadline: Bool
    public var date: StoryDate?
    /// The agency or site that published the story (`Yonhap`, `BBC News`).
    public var source: String?
    public var byline: String?
    /// Where the story was filed, from its dateline (`SEOUL`, `MOSCOW`).
    public var place: String?
    /// The canonical web address of the story, when the source names one.
    public var url: String?
    /// The story's language: a reader sets what the source declares (`en`, `pt-BR`), and
    /// `StoryReader` makes it the primary subtag (`pt`), detected from the text when the
    /// source says nothing, or `und` when neither tells.
    public var language: String?
    /// `language`, or `und` for a story made without one (as it is indexed and filtered).
    public var languageCode: String { language ?? LanguageTag.undetermined }
    /// Identifies the story among the others in the same file (a feed item's guid or link);
    /// nil for a file that holds one story.
    public var itemID: String?
    /// The story's text: paragraphs separated by a blank line (`"\n\n"`), whitespace normalised.
    public var body: String
    /// The page's story was not found, and `body` is its densest block of text
    /// (`HTMLDensestBlock`) rather than nothing: indexed, with a warning, since it may be
    /// page furniture.
    public var bodyIsFallback: Bool

    /// What `add` and `extract` say of a story whose body is a fallback.
    public static let fallbackNote = "no story found on the page; indexed its densest block of text instead"

    public init(
        title: String, titleIsHeadline: Bool, date: StoryDate? = nil,
        source: String? = nil, byline: String? = nil, place: String? = nil,
        url: String? = nil, language: String? = nil, itemID: String? = nil, body: String, bodyIsFallback: Bool = false
    ) {
        self.title = title
        self.titleIsHeadline = titleIsHeadline
        self.date = date
        self.source = source
        self.byline = byline
        self.place = place
        self.url = url
        self.language = language
        self.itemID = itemID
        self.body = body
        self.bodyIsFallback = bodyIsFallback
    }
}
