/// Reads a news feed — RSS 2.0 (`rss/channel/item`), RSS 1.0 (`rdf:RDF/item`) or Atom
/// (`feed/entry`) — as one story per item.
///
/// - Title: the item's `title` (Atom titles of type `html` or `xhtml` are read as markup);
///   without one, the lead sentence.
/// - Body: RSS `content:encoded`, else `description`; Atom `content`, else `summary`.
///   Escaped HTML, the norm in feeds, is read with `HTMLReader`; Atom `xhtml` content is
///   walked as XHTML; plain text keeps its blank-line paragraphs.
/// - Date: Atom `published`, else `updated`; RSS `pubDate`, else `dc:date`, else
///   `dcterms:issued` (Atom `published` is the first publication, `updated` only the last
///   change).
/// - Source: the item's own `source` (an aggregator naming the original publisher), else
///   the channel or feed `title`.
/// - Byline: `dc:creator`s, else RSS `author` (its name in parentheses when it is written
///   `email (Name)`); Atom entry authors, else the feed's.
/// - URL: RSS `link` (else a permalink `guid`, else RSS 1.0 `rdf:about`); the Atom link
///   with `rel="alternate"` or no `rel`. Relative Atom links are kept as written.
/// - Language: the item's `dc:language`, the channel's `language` or `dc:language`, else
///   the `xml:lang` in scope.
/// - Item id: RSS `guid`, RSS 1.0 `rdf:about`, Atom `id`; else the link; else a hash of the
///   title and date as written. An id that recurs in the feed is suffixed `#2`, `#3`…
///   unless the item is an exact repeat, which is dropped.
///
/// Items without body text are left out, so an item gaining text later is added then.
/// Elements are matched by namespace URI: RSS's own elements in the item's namespace (none
/// for RSS 2.0), Atom's in the `feed` element's, extensions in theirs.
public struct FeedReader: Sendable {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTermsNamespace = "http://purl.org/dc/terms/"
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// A reader; it holds no state, so one can be shared.
    public init() {}

    /// The stories of the feed's items that have text, in feed order; none when the bytes
    /// are not a feed libxml2 can make a tree of.
    public func read(_ bytes: [UInt8]) -> [Story] {
        let stories = XMLDocument.withRoot(of: bytes) { root -> [Story] in
            switch root.localName {
            case "rss", "RDF": rssStories(root)
            case "feed": atomStories(root)
            default: []
            }
        }
        return FeedItemIdentity.unique(stories ?? [])
    }

    // MARK: RSS 2.0 and RSS 1.0

    private func rssStories(_ root: XMLNode) -> [Story] {
        guard let channel = root.element(named: "channel") else { return [] }
        // RSS 2.0 holds its items in the channel, RSS 1.0 (and 0.90) beside it.
        let items = channel.elements(named: "item") + root.elements(named: "item")
        let channelNamespace = channel.namespaceURI
        let channelTitle = channel.element("title", in: channelNamespace)?.text
        let channelLanguage = channel.element("language", in: channelNamespace)?.text
            ?? channel.element("language", in: Self.dublinCoreNamespace)?.text
        return items.map { item in
            rssStory(item, channelTitle: channelTitle, channelLanguage: channelLanguage)
        }
    }

    private func rssStory(_ item: XMLNode, channelTitle: String?, channelLanguage: String?) -> Story {
        let core = item.namespaceURI
        let dc = Self.dublinCoreNamespace
        var body = ""
        for element in [item.element("encoded", in: Self.contentNamespace), item.element("description", in: core)] {
            if let element { body = XMLStoryText.htmlContent(element) }
            if !body.isEmpty { break }
        }
        let titleElement = item.element("title", in: core)
        let title = titleElement.flatMap(Self.rssTitle)
        let guid = item.element("guid", in: core)
        let about = item.trimmedAttribute("about", in: Self.rdfNamespace)
        let link = item.element("link", in: core)?.text
        let permalink = guid.flatMap { g in
            g.attribute("isPermaLink")?.lowercased() == "false" ? nil : g.text.flatMap(Self.webAddress)
        }
        let dateText = item.element("pubDate", in: core)?.text
            ?? item.element("date", in: dc)?.text
            ?? item.element("issued", in: Self.dublinCoreTermsNamespace)?.text
        let creators = item.elements("creator", in: dc).compactMap(\.text)
        let author = item.element("author", in: core)?.text.map(Self.authorName)
        let url = link ?? permalink ?? about
        return Story(
            title: title ?? LeadSentence.title(fromBody: body),
            titleIsHeadline: title != nil,
            date: dateText.flatMap { StoryDate(parsing: $0) },
            source: item.element("source", in: core)?.text ?? channelTitle,
            byline: creators.isEmpty ? author : creators.joined(separator: ", "),
            url: url,
            language: item.element("language", in: dc)?.text ?? channelLanguage ?? item.language,
            itemID: guid?.text ?? about ?? url ?? FeedItemIdentity.hash(title: title, date: dateText, body: body),
            body: body)
    }

    /// An RSS title is text, but feeds often escape markup or entities into it
    /// (`Q&amp;amp;A`, `&lt;b&gt;`): such titles are read as HTML.
    private static func rssTitle(_ element: XMLNode) -> String? {
        let raw = element.rawText
        guard raw.contains(UInt8(ascii: "<")) || raw.contains(UInt8(ascii: "&")) else { return element.text }
        return XMLStoryText.htmlLine(raw) ?? element.text
    }

    /// RSS `author` is an e-mail address, perhaps with the name in parentheses
    /// (`jane@example.com (Jane Reporter)`): the name when given, else the whole value.
    static func authorName(_ author: String) -> String {
        guard author.hasSuffix(")"), let open = author.lastIndex(of: "(") else { return author }
        let name = author[author.index(after: open)..<author.index(before: author.endIndex)]
        return XMLNode.nonBlank(name) ?? author
    }

    /// The text when it is an absolute http(s) address (a `guid` may be any string).
    private static func webAddress(_ text: String) -> String? {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? text : nil
    }

    // MARK: Atom

    private func atomStories(_ feed: XMLNode) -> [Story] {
        let atom = feed.namespaceURI
        let feedTitle = feed.element("title", in: atom).flatMap(Self.atomLine)
        let feedAuthors = Self.atomAuthors(of: feed, in: atom)
        return feed.elements("entry", in: atom).map { entry in
            atomStory(entry, atom: atom, feedTitle: feedTitle, feedAuthors: feedAuthors)
        }
    }

    private func atomStory(_ entry: XMLNode, atom: String?, feedTitle: String?, feedAuthors: [String]) -> Story {
        var body = ""
        var bodyElement: XMLNode?
        for element in [entry.element("content", in: atom), entry.element("summary", in: atom)] {
            guard let element else { continue }
            body = Self.atomText(element)
            bodyElement = element
            if !body.isEmpty { break }
        }
        let title = entry.element("title", in: atom).flatMap(Self.atomLine)
        let dateText = (entry.element("published", in: atom) ?? entry.element("issued", in: atom)
            ?? entry.element("updated", in: atom) ?? entry.element("modified", in: atom))?.text
        let source = entry.element("source", in: atom)
        var authors = Self.atomAuthors(of: entry, in: atom)
        if authors.isEmpty, let source { authors = Self.atomAuthors(of: source, in: atom) }
        if authors.isEmpty { authors = feedAuthors }
        let url = Self.alternateLink(of: entry, in: atom)
        return Story(
            title: title ?? LeadSentence.title(fromBody: body),
            titleIsHeadline: title != nil,
            date: dateText.flatMap { StoryDate(parsing: $0) },
            source: source?.element("title", in: atom).flatMap(Self.atomLine) ?? feedTitle,
            byline: authors.isEmpty ? nil : authors.joined(separator: ", "),
            url: url,
            language: (body.isEmpty ? nil : bodyElement?.language) ?? entry.language,
            itemID: entry.element("id", in: atom)?.text ?? url
                ?? FeedItemIdentity.hash(title: title, date: dateText, body: body),
            body: body)
    }

    /// The names of the `author` elements of an entry, source or feed.
    private static func atomAuthors(of node: XMLNode, in atom: String?) -> [String] {
        node.elements("author", in: atom).compactMap { $0.element("name", in: atom)?.text }
    }

    /// The `href` of the link with `rel="alternate"` (or no `rel`, which means the same),
    /// an HTML one first.
    private static func alternateLink(of entry: XMLNode, in atom: String?) -> String? {
        let alternates = entry.elements("link", in: atom).filter {
            let rel = $0.trimmedAttribute("rel")
            return rel == nil || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
        }
        let html = alternates.first { $0.trimmedAttribute("type").map { $0.lowercased().contains("html") } ?? false }
        return (html ?? alternates.first)?.trimmedAttribute("href")
    }

    /// The paragraphs of an Atom text construct or `content`, by its `type`: `text`
    /// (the default), `html`, `xhtml`, or a MIME type; out-of-line (`src`) and base64 content
    /// have no text here. Atom 0.3's `mode="escaped"` is HTML.
    static func atomText(_ element: XMLNode) -> String {
        guard element.attribute("src") == nil, element.attribute("mode") != "base64" else { return "" }
        let type = element.trimmedAttribute("type")?.lowercased() ?? "text"
        switch type {
        case "html", "text/html":
            return XMLStoryText.htmlContent(element)
        case "xhtml", "application/xhtml+xml":
            return XMLStoryText.paragraphs(of: element)
        case "text", "text/plain":
            if element.attribute("mode") == "escaped" { return XMLStoryText.htmlContent(element) }
            return XMLStoryText.plainParagraphs(element.rawText)
        default:
            if type.hasSuffix("+xml") || type.hasSuffix("/xml") { return XMLStoryText.paragraphs(of: element) }
            return type.hasPrefix("text/") ? XMLStoryText.plainParagraphs(element.rawText) : ""
        }
    }

    /// An Atom text construct (a title) as one line.
    private static func atomLine(_ element: XMLNode) -> String? {
        XMLNode.nonBlank(atomText(element).split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " "))
    }
}

/// Item ids for stories that share a file (feed items, the items of a NewsML-G2 message).
enum FeedItemIdentity {
    /// An id for an item with no id or link of its own: a hash of its title and date as
    /// written, or of its text when it has neither.
    static func hash(title: String?, date: String?, body: String) -> String {
        var bytes: [UInt8] = []
        if title == nil && date == nil {
            bytes.append(contentsOf: body.utf8)
        } else {
            bytes.append(contentsOf: (title ?? "").utf8)
            bytes.append(0)
            bytes.append(contentsOf: (date ?? "").utf8)
        }
        let value = bytes.withUnsafeBytes { ContentHash.xxh64($0) }
        let hex = String(value, radix: 16)
        return "hash:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The stories with text, each with an id unique in the file: a later item that repeats
    /// an earlier one exactly is dropped, one that only shares its id gets `#2`, `#3`….
    static func unique(_ stories: [Story]) -> [Story] {
        var result: [Story] = []
        var taken: [String: Int] = [:]
        for var story in stories where !story.body.isEmpty {
            guard let id = story.itemID else {
                result.append(story)
                continue
            }
            guard let first = taken[id] else {
                taken[id] = result.count
                result.append(story)
                continue
            }
            if result[first] == story { continue }
            var n = 2
            while taken["\(id)#\(n)"] != nil { n += 1 }
            story.itemID = "\(id)#\(n)"
            taken[story.itemID!] = result.count
            result.append(story)
        }
        return result
    }
}
