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
        var tokens: [HTMLClassVocabulary] = []
        var start = 0
        while start < value.count {
            while start < value.count, Self.isSpace(value[start]) { start += 1 }
            var end = start
            while end < value.count, !Self.isSpace(value[end]) { end += 1 }
            if end > start { tokens.append(Self.judge(UnsafeBufferPointer(rebasing: value[start..<end]))) }
            start = end
        }
        var result: HTMLClassVocabulary = []
        for token in tokens { result.formUnion(token) }
        // A token that names content and nothing else makes the rest layout modifiers.
        let notContent: HTMLClassVocabulary = [.furniture, .caption, .byline, .comments]
        if !result.isDisjoint(with: notContent),
           tokens.contains(where: { !$0.isDisjoint(with: [.content, .storyBody]) && $0.isDisjoint(with: notContent) }) {
            result.subtract(notContent)
        }
        self = result
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The vocabulary of one space-free token such as `c-article__share-bar`.
    private static func judge(_ token: UnsafeBufferPointer<UInt8>) -> HTMLClassVocabulary {
        // Words, lower-cased, and the token's letters and digits joined without separators.
        var words: [ArraySlice<UInt8>] = []
        var joined: [UInt8] = []
        joined.reserveCapacity(token.count)
        var wordStart = 0
        var previousWasLower = false
        for b in token {
            let isUpper = b >= 0x41 && b <= 0x5A
            let isAlnum = isUpper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if !isAlnum || (isUpper && previousWasLower) {
                if joined.count > wordStart { words.append(joined[wordStart...]) }
                wordStart = joined.count
            }
            if isAlnum { joined.append(isUpper ? b | 0x20 : b) }
            previousWasLower = isAlnum && !isUpper
        }
        if joined.count > wordStart { words.append(joined[wordStart...]) }
        guard let firstWord = words.first else { return [] }
        func isWord(_ word: ArraySlice<UInt8>, in set: [[UInt8]]) -> Bool {
            set.contains { word.elementsEqual($0) }
        }
        // `hidden`, `is-hidden`, `sr-only`: a state or utility class that hides the box, not
        // a responsive one such as `hidden-xs` nor one about a part, such as `label-hidden`.
        if hiddenTokens.contains(where: { joined.elementsEqual($0) }) || containsAny(joined, hiddenStems) {
            return .hidden
        }
        // Modifiers such as `has-sidebar`, `no-comments` describe the box, not its content;
        // inside a name (`contentWithSidebar`, `page-has-comments`) what follows one does too.
        if words.count > 1, isWord(firstWord, in: modifiers) { return [] }
        if let modifier = words.dropFirst().firstIndex(where: { isWord($0, in: modifiers) }) {
            joined.removeSubrange(words[modifier].startIndex...)
            words.removeSubrange(modifier...)
        }
        // Words that contain furniture stems but are not furniture.
        for exception in furnitureExceptions where contains(joined, exception) {
            blank(&joined, exception)
        }

        var result: HTMLClassVocabulary = []
        func hasWord(_ set: [[UInt8]]) -> Bool {
            words.contains { isWord($0, in: set) }
        }
        if containsAny(joined, captionStems) { result.insert(.caption) }
        if containsAny(joined, bylineStems) || hasWord(bylineWords) { result.insert(.byline) }
        if containsAny(joined, furnitureStems) || hasWord(furnitureWords) { result.insert(.furniture) }
        if contains(joined, commentStem) { result.formUnion([.furniture, .comments]) }
        if containsAny(joined, weakFurnitureStems) || hasWord(weakFurnitureWords) { result.insert(.weakFurniture) }
        if containsAny(joined, storyBodyStems) { result.insert(.storyBody) }
        if hasWord(contentWords) { result.insert(.content) }
        return result
    }

    /// Overwrites each occurrence of `word` in `text` so that stems inside it do not match.
    private static func blank(_ text: inout [UInt8], _ word: [UInt8]) {
        let n = word.count
        var i = 0
        while i + n <= text.count {
            if text[i..<(i + n)].elementsEqual(word) {
                for k in i..<(i + n) { text[k] = UInt8(ascii: "_") }
                i += n
            } else {
                i += 1
            }
        }
    }

    private static let furnitureExceptions: [[UInt8]] = bytes([
        "commentary", "subhead", "shareholder", "headerless", "subscriber", "navy", "menuitemcontent",
    ])

    private static let commentStem: [UInt8] = Array("comment".utf8)
    private static let modifiers: [[UInt8]] = bytes(["has", "no", "with", "without", "show", "is"])

    /// Substrings of the joined token that name furniture.
    private static let furnitureStems: [[UInt8]] = bytes([
        "comment", "related", "share", "sharing", "social", "newsletter", "subscri", "promo",
        "sidebar", "breadcrumb", "advert", "sponsor", "recommend", "popular", "trending", "mostread",
        "cookie", "consent", "gdpr", "signup", "signin", "login", "register", "outbrain",
        "taboola", "disqus", "footer", "masthead", "header", "pagination", "pager",
        "toolbar", "navbar", "navigation", "menu", "donate", "adsbygoogle", "adslot", "adunit",
        "adcontainer", "adwrapper", "dfp", "modal", "popup", "skiplink", "followus", "readmore",
        "readnext", "upnext", "moreon", "morefrom", "morestories", "morenews", "morearticles",
        "topstories", "relatedtopics", "keywords", "tagcloud", "taglist", "rightrail", "leftrail",
        "livefyre",
    ])

    /// Whole words that name furniture (too short to look for inside other words).
    private static let furnitureWords: [[UInt8]] = bytes([
        "ad", "ads", "adv", "nav", "tags", "tag", "topics", "bio", "rss", "aside", "remark",
        "replies", "shoutbox", "skyscraper", "supplemental", "agegate", "crumbs", "outbrain", "nocontent",
    ])

    /// Substrings and words that count against an element without making it furniture.
    private static let weakFurnitureStems: [[UInt8]] = bytes([
        "widget", "banner", "overlay", "tooltip", "feedback", "sidecol", "media",
    ])
    private static let weakFurnitureWords: [[UInt8]] = bytes([
        "tools", "print", "email", "rail", "extra", "community", "alert", "alerts", "links", "cta",
        "teaser", "teasers", "scroll", "shopping", "contact",
    ])

    private static let captionStems: [[UInt8]] = bytes(["caption", "credit", "copyright"])

    private static let bylineStems: [[UInt8]] = bytes(["byline", "author", "dateline", "timestamp", "publishdate", "pubdate", "posted"])
    private static let bylineWords: [[UInt8]] = bytes(["meta", "date", "time", "info"])

    private static let hiddenStems: [[UInt8]] = bytes(["visuallyhidden", "sronly", "screenreader", "offscreen", "hiddenvisually", "displaynone"])
    private static let hiddenTokens: [[UInt8]] = bytes([
        "hidden", "hide", "invisible", "ishidden", "uhidden", "uhide", "dnone", "displaynone",
        "elementinvisible", "elementhidden",
    ])

    /// Substrings that name the story's own body.
    private static let storyBodyStems: [[UInt8]] = bytes([
        "articlebody", "articlecontent", "articletext", "storybody", "storycontent", "storytext",
        "entrycontent", "entrybody", "entrytext", "postcontent", "postbody", "posttext", "bodytext",
        "contentbody", "textbody", "articleentry", "richtext", "mainarticle",
    ])

    /// Whole words that suggest content.
    private static let contentWords: [[UInt8]] = bytes([
        "article", "body", "content", "entry", "hentry", "main", "post", "text", "story", "blog", "column",
    ])

    private static func bytes(_ words: [String]) -> [[UInt8]] {
        words.map { Array($0.utf8) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let count = n.count
                guard count > 0, count <= h.count else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - count
                outer: while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < count {
                            if h[i + k] != n[k] {
                                i += 1
                                continue outer
                            }
                            k += 1
                        }
                        return true
                    }
                    i += 1
                }
                return false
            }
        }
    }

    private static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
}
