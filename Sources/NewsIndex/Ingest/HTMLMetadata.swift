/// What a page says about itself: Open Graph and other `<meta>` tags, JSON-LD, microdata,
/// `<link rel>`, `<title>`, `<time>` and `<html lang>`.
///
/// Each field is taken from the most authoritative source that has it:
/// - headline: `og:title`, JSON-LD `headline`, then (chosen by the reader, which knows where
///   the story is) the story's `<h1>`, then `<title>` without the site's name;
/// - date published: `article:published_time`, JSON-LD `datePublished`,
///   `itemprop="datePublished"`, other date `<meta>` tags, `<time datetime>`, then a date in
///   the page's address (`/2019/11/18/`);
/// - byline: `<meta name="author">`, JSON-LD `author`, `rel="author"`, microdata `author`;
/// - source: `og:site_name`, JSON-LD `publisher.name`;
/// - address: `<link rel="canonical">`, `og:url`, JSON-LD `url`;
/// - language: `<html lang>`, `og:locale`, `Content-Language`, JSON-LD `inLanguage`.
struct HTMLMetadata {
    var ogTitle: String?
    var documentTitle: String?
    var siteName: String?
    var jsonLD = HTMLJSONLD()

    /// Publication date strings by source, most authoritative first.
    private var publishedTime: String?
    private var itempropDate: String?
    private var metaDate: (priority: Int, value: String)?
    /// The first `<time datetime>` of the page that parses.
    var firstTimeDate: StoryDate?

    private var metaAuthor: String?
    private var relAuthor: String?
    private var itempropAuthor: String?

    private var canonical: String?
    private var ogURL: String?

    private var htmlLang: String?
    private var ogLocale: String?
    private var contentLanguage: String?

    /// Date `<meta>` keys (`property`, `name` or `itemprop`), most authoritative first, after
    /// `article:published_time` and `datePublished`.
    static let dateKeys = [
        "og:published_time", "pubdate", "publishdate", "publish_date", "publish-date",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.created",
        "dc.date", "date", "article.published", "originalpublicationdate",
    ]

    /// Author `<meta>` keys after `author`.
    static let authorKeys = ["article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author"]

    /// Collects the metadata of the whole document: pages often put `<meta>` tags in
    /// `<body>`, and libxml2 moves `<head>` content there after any stray text.
    init(document root: HTMLNode) {
        htmlLang = root.attribute("lang").flatMap(Self.nonEmpty) ?? root.attribute("xml:lang").flatMap(Self.nonEmpty)
        var otherAuthor: (priority: Int, value: String)?
        var jsonBlocks: [String] = []
        var walk = HTMLPreorder(root: root)
        while let node = walk.next() {
            guard node.isElement else { continue }
            let tag = node.tag
            switch tag {
            case .meta:
                readMeta(node, otherAuthor: &otherAuthor)
            case .link:
                if node.withAttribute("rel", { HTMLBodyText.containsIgnoringCase($0, "canonical") }) == true,
                   canonical == nil, let href = node.attribute("href").flatMap(Self.nonEmpty) {
                    canonical = href
                }
            case .title:
                documentTitle = documentTitle ?? Self.nonEmpty(node.textContent)
                walk.skipChildren()
            case .script:
                if node.withAttribute("type", { HTMLBodyText.containsIgnoringCase($0, "ld+json") }) == true,
                   jsonBlocks.count < 32 {
                    jsonBlocks.append(node.textContent)
                }
                walk.skipChildren()
            case .time:
                if firstTimeDate == nil, let value = node.attribute("datetime") {
                    firstTimeDate = Self.plausibleDate(value)
                }
            case .style, .template, .svg, .math:
                walk.skipChildren()
            default:
                break
            }
            if tag != .meta {
                readMicrodata(node, tag: tag)
            }
        }
        if metaAuthor == nil, let otherAuthor { metaAuthor = otherAuthor.value }
        jsonLD = HTMLJSONLD(blocks: jsonBlocks)
    }

    private mutating func readMeta(_ node: HTMLNode, otherAuthor: inout (priority: Int, value: String)?) {
        guard let content = node.attribute("content").flatMap(Self.nonEmpty) else { return }
        if let equiv = node.attribute("http-equiv"), equiv.lowercased() == "content-language" {
            contentLanguage = contentLanguage ?? content
            return
        }
        guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased()
        else { return }
        switch key {
        case "og:title": ogTitle = ogTitle ?? content
        case "og:site_name": siteName = siteName ?? content
        case "og:url": ogURL = ogURL ?? content
        case "og:locale": ogLocale = ogLocale ?? content
        case "author": if !Self.isAddress(content) { metaAuthor = metaAuthor ?? content }
        case "article:published_time": publishedTime = publishedTime ?? content
        case "datepublished": itempropDate = itempropDate ?? content
        default:
            if let priority = Self.dateKeys.firstIndex(of: key), priority < (metaDate?.priority ?? Int.max),
               Self.plausibleDate(content) != nil {
                metaDate = (priority, content)
            } else if let priority = Self.authorKeys.firstIndex(of: key), !Self.isAddress(content),
                      priority < (otherAuthor?.priority ?? Int.max) {
                otherAuthor = (priority, content)
            }
        }
    }

    /// `rel="author"` links, and microdata `author` and `datePublished` on elements other
    /// than `<meta>`.
    private mutating func readMicrodata(_ node: HTMLNode, tag: HTMLTag) {
        if tag == .a, relAuthor == nil,
           node.withAttribute("rel", { HTMLBodyText.containsIgnoringCase($0, "author") }) == true {
            relAuthor = Self.nonEmpty(node.textContent)
        }
        guard let itemprop = node.attribute("itemprop")?.lowercased() else { return }
        if itemprop.contains("datepublished"), itempropDate == nil {
            itempropDate = node.attribute("datetime").flatMap(Self.nonEmpty) ?? node.attribute("content").flatMap(Self.nonEmpty)
        }
        if itemprop.split(separator: " ").contains("author"), itempropAuthor == nil {
            itempropAuthor = Self.microdataName(node) ?? Self.nonEmpty(node.textContent).flatMap { $0.count <= 100 ? $0 : nil }
        }
    }

    /// The `itemprop="name"` inside a microdata item (its `content` or text).
    private static func microdataName(_ item: HTMLNode) -> String? {
        var walk = HTMLPreorder(root: item)
        while let node = walk.next() {
            guard node.isElement, let itemprop = node.attribute("itemprop")?.lowercased(), itemprop == "name" else { continue }
            return node.attribute("content").flatMap(nonEmpty) ?? nonEmpty(node.textContent)
        }
        return nil
    }

    // MARK: Fields

    /// The publication date from the most authoritative source that parses to a plausible
    /// date (content systems write `0001-01-01` for none).
    var date: StoryDate? {
        for value in [publishedTime, jsonLD.datePublished, itempropDate, metaDate?.value] {
            if let value, let date = Self.plausibleDate(value) { return date }
        }
        return nil
    }

    /// The earliest year taken as a publication date.
    static let earliestYear = 1800

    static func plausibleDate(_ text: String) -> StoryDate? {
        guard let date = StoryDate(parsing: text), date.year >= earliestYear else { return nil }
        return date
    }

    /// A date in the page's address, as in `/2019/11/18/` or `/2019-11-18-`.
    var addressDate: StoryDate? {
        url.flatMap(Self.date(inAddress:))
    }

    var byline: String? {
        let names = metaAuthor.map { [$0] } ?? (jsonLD.authors.isEmpty ? nil : jsonLD.authors)
            ?? relAuthor.map { [$0] } ?? itempropAuthor.map { [$0] }
        guard let names else { return nil }
        let cleaned = names.map(Self.withoutBy).filter { !$0.isEmpty }
        return cleaned.isEmpty ? nil : cleaned.joined(separator: ", ")
    }

    var source: String? {
        siteName ?? jsonLD.publisher
    }

    /// The canonical address of the story: absolute, or made so against `og:url`.
    var url: String? {
        if let canonical {
            if Self.isAddress(canonical) { return canonical }
            if let base = ogURL ?? jsonLD.url, Self.isAddress(base), let resolved = Self.resolve(canonical, against: base) {
                return resolved
            }
        }
        if let ogURL, Self.isAddress(ogURL) { return ogURL }
        return jsonLD.url
    }

    /// The declared language, as a BCP 47 tag (`en`, `pt-BR`).
    var language: String? {
        for value in [htmlLang, ogLocale, contentLanguage, jsonLD.language] {
            guard let value else { continue }
            // `Content-Language` may list several: the first is the page's.
            let first = value.split(separator: ",").first.map(String.init) ?? value
            let tag = ParagraphBuffer.normalized(first).replacingUnderscores()
            if Self.isLanguageTag(tag) { return tag }
        }
        return nil
    }

    // MARK: Helpers

    /// The first `<time datetime>` below `root` that parses, such as an article's own date.
    static func firstTimeDate(in root: HTMLNode) -> StoryDate? {
        var walk = HTMLPreorder(root: root)
        while let node = walk.next() {
            if node.isElement, node.tag == .time, let value = node.attribute("datetime"),
               let date = plausibleDate(value) {
                return date
            }
        }
        return nil
    }

    /// A date written as path segments of an address: `/2019/11/18/`, `/2019-11-18/`,
    /// `/20191118/`; a year and month alone (`/2019/11/`) is not a date.
    static func date(inAddress address: String) -> StoryDate? {
        var path = Substring(address)
        if let scheme = path.firstRange(of: "://") { path = path[scheme.upperBound...] }
        if let slash = path.firstIndex(of: "/") { path = path[slash...] } else { return nil }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let segments = path.split(separator: "/")
        for (i, segment) in segments.enumerated() {
            let digits = segment.allSatisfy(\.isASCIIDigit)
            if digits, segment.count == 4, let year = Int(segment), (1990...2100).contains(year), i + 2 < segments.count,
               segments[i + 1].count <= 2, segments[i + 2].count >= 1,
               let month = Int(segments[i + 1]), let day = Int(segments[i + 2].prefix(2).filter(\.isASCIIDigit)),
               segments[i + 2].prefix(2).allSatisfy(\.isASCIIDigit) || segments[i + 2].count == 1 {
                if let date = StoryDate(year: year, month: month, day: day) { return date }
            }
            // `2019-11-18` at the start of a segment.
            let u = Array(segment.utf8.prefix(11))
            if u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u.count == 10 || !(u[10] >= 0x30 && u[10] <= 0x39),
               let date = StoryDate(iso: String(decoding: u.prefix(10), as: UTF8.self)),
               (1990...2100).contains(date.year) {
                return date
            }
            if digits, segment.count == 8, let year = Int(segment.prefix(4)), (1990...2100).contains(year),
               let date = StoryDate(year: year, month: Int(segment.dropFirst(4).prefix(2)) ?? 0, day: Int(segment.suffix(2)) ?? 0) {
                return date
            }
        }
        return nil
    }

    private static func resolve(_ reference: String, against base: String) -> String? {
        guard let scheme = base.firstRange(of: "://") else { return nil }
        if reference.hasPrefix("//") { return String(base[..<scheme.lowerBound]) + ":" + reference }
        guard reference.hasPrefix("/") else { return nil }
        let afterScheme = base[scheme.upperBound...]
        let host = afterScheme.firstIndex(of: "/").map { afterScheme[..<$0] } ?? afterScheme
        return String(base[..<scheme.upperBound]) + host + reference
    }

    /// `By Jane Reporter` → `Jane Reporter`.
    private static func withoutBy(_ name: String) -> String {
        var name = Substring(name)
        for prefix in ["By ", "by ", "BY "] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        return ParagraphBuffer.normalized(name)
    }

    private static func isLanguageTag(_ tag: String) -> Bool {
        guard (2...35).contains(tag.utf8.count) else { return false }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func isAddress(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("//")
    }

    private static func nonEmpty(_ text: String) -> String? {
        let normalized = ParagraphBuffer.normalized(text)
        return normalized.isEmpty ? nil : normalized
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
