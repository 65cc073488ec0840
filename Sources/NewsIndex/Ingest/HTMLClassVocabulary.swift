/// What an element's `class` and `id` say about its part in the page, by the vocabulary
/// publishers and site templates name their boxes with: `share-tools`, `related-stories`,
/// `comment-list`, `newsletter-signup` are page furniture; `article-body`, `entry-content`,
/// `story-text` hold the story.
///
/// Names are split into words at punctuation and at lower-to-upper case changes, and each
/// space-separated token of the attribute is judged on its own. A token that names furniture
/// marks the element as furniture unless another token marks it as content, so that a
/// layout class such as `main-content has-sidebar` does not throw out the story.
struct HTMLClassVocabulary: OptionSet {
    let rawValue: UInt8

    /// Page furniture: sharing, related links, comments, newsletter and cookie boxes, ads.
    static let furniture = HTMLClassVocabulary(rawValue: 1)
    /// A general content word (`article`, `content`, `story`, `post`, `entry`, `text`).
    static let content = HTMLClassVocabulary(rawValue: 2)
    /// The body of the story itself (`article-body`, `entry-content`, `story-text`).
    static let storyBody = HTMLClassVocabulary(rawValue: 4)
    /// Text that is only for screen readers or not shown (`sr-only`, `visually-hidden`).
    static let hidden = HTMLClassVocabulary(rawValue: 8)
    /// A picture's caption or credit.
    static let caption = HTMLClassVocabulary(rawValue: 16)
    /// Who wrote the story and when: bylines, datelines, timestamps, article meta rows.
    static let byline = HTMLClassVocabulary(rawValue: 32)
    /// Words that are often but not always furniture (`widget`, `banner`, `tools`): they
    /// count against an element, but do not remove it.
    static let weakFurniture = HTMLClassVocabulary(rawValue: 64)
    /// Readers' comments (`comment-list`, `commentContent`): furniture even when the page's
    /// other names are not trusted (`HTMLMainContent`'s reading without vocabulary), since a
    /// thread of comments is never the story.
    static let comments = HTMLClassVocabulary(rawValue: 128)

    /// The vocabulary of a `class` or `id` value.
    init(_ value: UnsafeBufferPointer<UInt8>) {
        var result: HTMLClassVocabulary = []
        var hasContentToken = false
        let notContent: HTMLClassVocabulary = [.furniture, .caption, .byline, .comments]
        var start = 0
        while start < value.count {
            while start < value.count, ASCIIByte.isWhitespace(value[start]) { start += 1 }
            var end = start
            while end < value.count, !ASCIIByte.isWhitespace(value[end]) { end += 1 }
            if end > start {
                let token = Self.judge(UnsafeBufferPointer(rebasing: value[start..<end]))
                result.formUnion(token)
                if !token.isDisjoint(with: [.content, .storyBody]), token.isDisjoint(with: notContent) { hasContentToken = true }
            }
            start = end
        }
        // A token that names content and nothing else makes the rest layout modifiers.
        if hasContentToken { result.subtract(notContent) }
        self = result
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The vocabulary of one space-free token such as `c-article__share-bar`.
    private static func judge(_ token: UnsafeBufferPointer<UInt8>) -> HTMLClassVocabulary {
        // The token's letters and digits, lower-cased and joined without separators, and
        // where its words lie in them.
        var joined: [UInt8] = []
        joined.reserveCapacity(token.count)
        var words: [Range<Int>] = []
        var wordStart = 0
        var previousWasLower = false
        for b in token {
            let isUpper = ASCIIByte.isUppercase(b)
            let isAlnum = isUpper || ASCIIByte.isLowercase(b) || ASCIIByte.isDigit(b)
            if !isAlnum || (isUpper && previousWasLower) {
                if joined.count > wordStart { words.append(wordStart..<joined.count) }
                wordStart = joined.count
            }
            if isAlnum { joined.append(isUpper ? b | 0x20 : b) }
            previousWasLower = isAlnum && !isUpper
        }
        if joined.count > wordStart { words.append(wordStart..<joined.count) }
        guard let firstWord = words.first else { return [] }
        return joined.withUnsafeMutableBufferPointer { text in
            func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[range]) }
            // `hidden`, `is-hidden`, `sr-only`: a state or utility class that hides the box,
            // not a responsive one such as `hidden-xs` nor one about a part, such as
            // `label-hidden`.
            let whole = UnsafeBufferPointer(text)
            if hiddenTokens.contains(word: whole) || !hiddenStems.meanings(inside: whole).isEmpty {
                return .hidden
            }
            // Modifiers such as `has-sidebar`, `no-comments` describe the box, not its content;
            // inside a name (`contentWithSidebar`, `page-has-comments`) what follows one does too.
            if words.count > 1, modifiers.contains(word: bytes(firstWord)) { return [] }
            var length = text.count
            if let modifier = words.dropFirst().firstIndex(where: { modifiers.contains(word: bytes($0)) }) {
                length = words[modifier].lowerBound
                words.removeSubrange(modifier...)
            }
            var result: HTMLClassVocabulary = []
            for word in words { result.formUnion(wholeWords.meaning(ofWord: bytes(word))) }
            // Words that contain furniture stems but are not furniture.
            let name = UnsafeMutableBufferPointer(rebasing: text[..<length])
            furnitureExceptions.forEachMatch(inside: UnsafeBufferPointer(name)) { range in
                for k in range { name[k] = UInt8(ascii: "_") }
            }
            result.formUnion(stems.meanings(inside: UnsafeBufferPointer(name)))
            return result
        }
    }

    private static let furnitureExceptions = Lexicon([
        "commentary", "subhead", "shareholder", "headerless", "subscriber", "navy", "menuitemcontent",
    ], meaning: [])

    private static let modifiers = Lexicon(["has", "no", "with", "without", "show", "is"], meaning: [])

    /// Stems found anywhere inside the joined token, by what they name.
    private static let stems = Lexicon.merging([
        Lexicon(furnitureStems, meaning: .furniture),
        // Readers' comments, furniture even when other names are not trusted.
        Lexicon(["comment"], meaning: [.furniture, .comments]),
        Lexicon(weakFurnitureStems, meaning: .weakFurniture),
        Lexicon(captionStems, meaning: .caption),
        Lexicon(bylineStems, meaning: .byline),
        Lexicon(storyBodyStems, meaning: .storyBody),
    ])

    /// Words of the token that name something only as whole words.
    private static let wholeWords = Lexicon.merging([
        Lexicon(furnitureWords, meaning: .furniture),
        Lexicon(weakFurnitureWords, meaning: .weakFurniture),
        Lexicon(bylineWords, meaning: .byline),
        Lexicon(contentWords, meaning: .content),
    ])

    private static let hiddenStems = Lexicon(
        ["visuallyhidden", "sronly", "screenreader", "offscreen", "hiddenvisually", "displaynone"], meaning: .hidden)
    private static let hiddenTokens = Lexicon([
        "hidden", "hide", "invisible", "ishidden", "uhidden", "uhide", "dnone", "displaynone",
        "elementinvisible", "elementhidden",
    ], meaning: .hidden)

    /// Substrings of the joined token that name furniture.
    private static let furnitureStems: [String] = [
        "comment", "related", "share", "sharing", "social", "newsletter", "subscri", "promo",
        "sidebar", "breadcrumb", "advert", "sponsor", "recommend", "popular", "trending", "mostread",
        "cookie", "consent", "gdpr", "signup", "signin", "login", "register", "outbrain",
        "taboola", "disqus", "footer", "masthead", "header", "pagination", "pager",
        "toolbar", "navbar", "navigation", "menu", "donate", "adsbygoogle", "adslot", "adunit",
        "adcontainer", "adwrapper", "dfp", "modal", "popup", "skiplink", "followus",
        "readnext", "upnext", "moreon", "morefrom", "morestories", "morenews", "morearticles",
        "topstories", "relatedtopics", "keywords", "tagcloud", "taglist", "rightrail", "leftrail",
        "livefyre",
    ]

    /// Whole words that name furniture (too short to look for inside other words).
    private static let furnitureWords: [String] = [
        "ad", "ads", "adv", "nav", "tags", "tag", "topics", "bio", "rss", "aside", "remark",
        "replies", "shoutbox", "skyscraper", "supplemental", "agegate", "crumbs", "outbrain", "nocontent",
    ]

    /// Substrings and words that count against an element without making it furniture.
    private static let weakFurnitureStems: [String] = [
        "widget", "banner", "overlay", "tooltip", "feedback", "sidecol", "media",
    ]
    private static let weakFurnitureWords: [String] = [
        "tools", "print", "email", "rail", "extra", "community", "alert", "alerts", "links", "cta",
        "teaser", "teasers", "scroll", "shopping", "contact",
    ]

    private static let captionStems: [String] = ["caption", "credit", "copyright"]

    private static let bylineStems: [String] = ["byline", "author", "dateline", "timestamp", "publishdate", "pubdate", "posted"]
    private static let bylineWords: [String] = ["meta", "date", "time", "info"]

    /// Substrings that name the story's own body.
    private static let storyBodyStems: [String] = [
        "articlebody", "articlecontent", "articletext", "storybody", "storycontent", "storytext",
        "entrycontent", "entrybody", "entrytext", "postcontent", "postbody", "posttext", "bodytext",
        "contentbody", "textbody", "articleentry", "richtext", "mainarticle",
    ]

    /// Whole words that suggest content.
    private static let contentWords: [String] = [
        "article", "body", "content", "entry", "hentry", "main", "post", "text", "story", "blog", "column",
    ]
}
