/// Reads IPTC NewsML-G2 as agencies send it: a bare `newsItem`, or a `newsMessage` whose
/// `itemSet` holds one or more.
///
/// - Title: `contentMeta/headline` (the main one when several carry a `role`); without it,
///   the lead sentence.
/// - Date: `itemMeta/firstCreated`, else `contentMeta/contentCreated`, else
///   `itemMeta/versionCreated`. A story is dated by when it first appeared: a correction
///   sent days later (a new `versionCreated`) does not move it.
/// - Source: `itemMeta/provider` (its `name`, else `@literal`), the party that sends the
///   item, else `contentMeta/creditline`, else `rightsInfo/copyrightHolder`.
/// - Byline: `contentMeta/by` without a leading `By`, else the `name`s of
///   `contentMeta/creator`.
/// - Place: `contentMeta/dateline` without its date (`SEOUL, Oct. 27` → `SEOUL`).
/// - Language: `contentMeta/language@tag`, else the `xml:lang` in scope.
/// - Body: the first `contentSet` rendition with text: `inlineXML` holding XHTML (its
///   `body`) or NITF (its `body.content`), or `inlineData` as plain text or HTML.
/// - Item id: none for a bare `newsItem` (one story per file); each item of a
///   `newsMessage` gets its `guid` (else a hash of headline and date), even when the
///   message holds one item, so that a message that later gains items keeps its ids.
///
/// Items without text (a picture's item) are left out. G2's own elements are matched in
/// the namespace of the root element (normally `http://iptc.org/std/nar/2006-10-01/`).
public struct NewsMLG2Reader: Sendable {
    static let namespace = "http://iptc.org/std/nar/2006-10-01/"

    /// A reader; it holds no state, so one can be shared.
    public init() {}

    /// The stories of the document's news items that have text, in document order.
    public func read(_ bytes: [UInt8]) -> [Story] {
        XMLDocument.withRoot(of: bytes) { root -> [Story] in
            let g2 = root.namespaceURI
            if root.isElement("newsItem", in: g2) {
                let story = self.story(root, g2: g2)
                return story.body.isEmpty ? [] : [story]
            }
            guard root.isElement("newsMessage", in: g2) else { return [] }
            let items = root.elements("itemSet", in: g2).flatMap { $0.elements("newsItem", in: g2) }
            return FeedItemIdentity.unique(items.map { item in
                var story = self.story(item, g2: g2)
                story.itemID = item.trimmedAttribute("guid")
                    ?? FeedItemIdentity.hash(title: story.titleIsHeadline ? story.title : nil,
                                             date: story.date?.description, body: story.body)
                return story
            })
        } ?? []
    }

    private func story(_ item: XMLNode, g2: String?) -> Story {
        let itemMeta = item.element("itemMeta", in: g2)
        let contentMeta = item.element("contentMeta", in: g2)
        let body = Self.body(of: item, g2: g2)
        let headline = Self.mainHeadline(contentMeta?.elements("headline", in: g2) ?? [])
        let dates = [
            itemMeta?.element("firstCreated", in: g2),
            contentMeta?.element("contentCreated", in: g2),
            itemMeta?.element("versionCreated", in: g2),
        ]
        let provider = itemMeta?.element("provider", in: g2)
        let source = provider?.element("name", in: g2)?.text ?? provider?.trimmedAttribute("literal")
            ?? contentMeta?.element("creditline", in: g2)?.text
            ?? item.element("rightsInfo", in: g2)?.element("copyrightHolder", in: g2)?.element("name", in: g2)?.text
        let creators = contentMeta?.elements("creator", in: g2).compactMap { $0.element("name", in: g2)?.text } ?? []
        let byline = contentMeta?.element("by", in: g2)?.text.flatMap(Byline.withoutBy)
            ?? (creators.isEmpty ? nil : creators.joined(separator: ", "))
        return Story(
            title: headline ?? LeadSentence.title(fromBody: body.text),
            titleIsHeadline: headline != nil,
            date: dates.lazy.compactMap { $0?.text.flatMap { StoryDate(parsing: $0) } }.first,
            source: source,
            byline: byline,
            place: contentMeta?.element("dateline", in: g2)?.text.flatMap { Dateline.place(inElement: $0) },
            language: contentMeta?.element("language", in: g2)?.trimmedAttribute("tag")
                ?? body.element?.language ?? item.language,
            body: body.text)
    }

    /// The headline without a `role`, or whose role is a main headline
    /// (`hlrole:main`), else the first.
    private static func mainHeadline(_ headlines: [XMLNode]) -> String? {
        let main = headlines.first {
            guard let role = $0.trimmedAttribute("role") else { return true }
            return role.lowercased().hasSuffix("main")
        }
        return (main ?? headlines.first)?.text
    }

    /// The text of the first rendition in `contentSet` that has any, and its element.
    private static func body(of item: XMLNode, g2: String?) -> (text: String, element: XMLNode?) {
        for content in item.element("contentSet", in: g2)?.elements ?? [] {
            let text: String
            switch content.localName {
            case "inlineXML":
                text = inlineXMLText(content)
            case "inlineData":
                guard content.attribute("encoding") == nil else { continue }  // base64
                let type = content.trimmedAttribute("contenttype")?.lowercased() ?? "text/plain"
                if type.contains("html") {
                    text = XMLStoryText.htmlParagraphs(content.rawText)
                } else if type.hasPrefix("text/") {
                    text = XMLStoryText.plainParagraphs(content.rawText)
                } else {
                    continue
                }
            default:
                continue
            }
            if !text.isEmpty { return (text, content) }
        }
        return ("", nil)
    }

    /// NITF's `body.content`s when the XML holds NITF, else an XHTML `body`, else all of it.
    private static func inlineXMLText(_ content: XMLNode) -> String {
        let nitfContent = content.descendants(named: "body.content")
        if !nitfContent.isEmpty {
            var text = ParagraphBuffer()
            for part in nitfContent { XMLStoryText.append(part, to: &text) }
            return text.string
        }
        if let body = content.descendants(named: "body").first { return XMLStoryText.paragraphs(of: body) }
        return XMLStoryText.paragraphs(of: content)
    }
}
