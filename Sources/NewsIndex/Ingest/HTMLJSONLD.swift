/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its story.
///
/// Publishers describe the story as a schema.org object whose `@type` is an article type
/// (`NewsArticle`, `Article`, `BlogPosting`, `ReportageNewsArticle`…), alone, in an array,
/// or in an `@graph` beside the site and its breadcrumbs. The first such object is read:
/// its `headline`, `datePublished`, `author` (a name, a person or organisation object, or a
/// list of them), `publisher.name`, `url` or `mainEntityOfPage`, and `inLanguage`. Blocks
/// that are not valid JSON are ignored.
struct HTMLJSONLD {
    var headline: String?
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?
    var url: String?
    var language: String?

    /// The most objects looked at across all blocks of a page.
    static let maxObjects = 2_000

    init(blocks: [String]) {
        var budget = Self.maxObjects
        for block in blocks {
            guard let value = HTMLJSON.parse(block) else { continue }
            if let article = Self.findArticle(in: value, budget: &budget) {
                read(article)
                return
            }
        }
    }

    init() {}

    private mutating func read(_ article: HTMLJSON) {
        headline = Self.text(article["headline"]) ?? Self.text(article["name"])
        datePublished = Self.text(article["datePublished"]) ?? Self.text(article["dateCreated"])
        if let author = article["author"] ?? article["creator"] {
            for item in author.list.prefix(10) {
                let name = Self.text(item) ?? Self.text(item["name"])
                if let name, !Self.isAddress(name), !authors.contains(name) { authors.append(name) }
            }
        }
        if let publisherValue = article["publisher"] {
            publisher = publisherValue.list.lazy.compactMap { Self.text($0) ?? Self.text($0["name"]) }.first
        }
        if let address = Self.text(article["url"]), Self.isAddress(address) {
            url = address
        } else if let entity = article["mainEntityOfPage"] {
            let address = Self.text(entity) ?? Self.text(entity["@id"]) ?? Self.text(entity["url"])
            if let address, Self.isAddress(address) { url = address }
        }
        if let language = article["inLanguage"] {
            self.language = Self.text(language) ?? Self.text(language["alternateName"]) ?? Self.text(language["name"])
        }
    }

    /// The first object of an article type, depth first through arrays and `@graph`.
    private static func findArticle(in value: HTMLJSON, budget: inout Int) -> HTMLJSON? {
        var pending = [value]
        while let next = pending.popLast() {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch next {
            case .array(let items):
                pending.append(contentsOf: items.reversed())
            case .object:
                if let type = next["@type"], type.list.contains(where: { isArticleType($0.string ?? "") }) {
                    return next
                }
                if let graph = next["@graph"] { pending.append(graph) }
                // A page that describes itself, with the story as its main entity.
                if let entity = next["mainEntity"] { pending.append(entity) }
            default:
                continue
            }
        }
        return nil
    }

    /// schema.org's article types: `Article` and its kinds (`NewsArticle`,
    /// `ReportageNewsArticle`, `TechArticle`…), blog and live-blog postings, reports.
    static func isArticleType(_ type: String) -> Bool {
        var name = Substring(type)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let colon = name.lastIndex(of: ":") { name = name[name.index(after: colon)...] }
        return name.hasSuffix("Article") || name == "BlogPosting" || name == "LiveBlogPosting"
            || name == "Report" || name == "SocialMediaPosting"
    }

    /// A string value with its whitespace normalised, or nil when empty or not a string.
    private static func text(_ value: HTMLJSON?) -> String? {
        guard let s = value?.string else { return nil }
        let normalized = ParagraphBuffer.normalized(s)
        return normalized.isEmpty ? nil : normalized
    }

    private static func isAddress(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://")
    }
}
