/// What a page says about itself in `<head>`: Open Graph and other `<meta>` tags, `<title>`.
struct HTMLMetadata {
    var ogTitle: String?
    var documentTitle: String?
    var siteName: String?
    var author: String?
    /// The publication date from the most authoritative date `<meta>` that parses.
    var date: StoryDate?
    /// The first `<time datetime>` of the page, for pages without a date `<meta>`.
    var firstTimeDate: StoryDate?

    /// Date `<meta>` keys (`property`, `name` or `itemprop`), most authoritative first.
    static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
        "publish_date", "publish-date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
    ]

    /// Collects the metadata of the whole document: pages often put `<meta>` tags in
    /// `<body>`, and libxml2 moves `<head>` content there after any stray text.
    init(document root: HTMLNode) {
        var datePriority = Self.dateKeys.count
        var walk = HTMLPreorder(root: root)
        while let node = walk.next() {
            guard node.isElement else { continue }
            switch node.name {
            case "meta":
                guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                      let content = node.attribute("content")
                else { continue }
                switch key {
                case "og:title": ogTitle = ogTitle ?? Self.nonEmpty(content)
                case "og:site_name": siteName = siteName ?? Self.nonEmpty(content)
                case "author": author = author ?? Self.nonEmpty(content)
                default:
                    if let priority = Self.dateKeys.firstIndex(of: key), priority < datePriority,
                       let parsed = StoryDate(iso: Self.trimmed(content)) {
                        date = parsed
                        datePriority = priority
                    }
                }
            case "title":
                documentTitle = documentTitle ?? Self.nonEmpty(node.textContent)
                walk.skipChildren()
            case "time":
                if firstTimeDate == nil, let value = node.attribute("datetime") {
                    firstTimeDate = StoryDate(iso: Self.trimmed(value))
                }
            case "script", "style", "template", "svg", "math":
                walk.skipChildren()
            default:
                continue
            }
        }
    }

    /// The first `<time datetime>` below `root` that parses, such as an article's own date.
    static func firstTimeDate(in root: HTMLNode) -> StoryDate? {
        var walk = HTMLPreorder(root: root)
        while let node = walk.next() {
            if node.isElement, node.name == "time", let value = node.attribute("datetime"),
               let date = StoryDate(iso: trimmed(value)) {
                return date
            }
        }
        return nil
    }

    private static func nonEmpty(_ text: String) -> String? {
        let normalized = ParagraphBuffer.normalized(text)
        return normalized.isEmpty ? nil : normalized
    }

    private static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...]
    }
}
