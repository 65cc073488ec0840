/// Reads an NITF (News Industry Text Format, IPTC) 3.x story: one `nitf` element.
///
/// - Title: `body.head/hedline/hl1`, the headline as published, else `head/title` (often
///   a slug or the same words); without either, the lead sentence.
/// - Date: `head/docdata/date.issue@norm` (when the story was issued), else
///   `body.head/dateline/story.date@norm`, else `docdata/date.release@norm`, else
///   `head/pubdata@date.publication`; norms such as `20251027T090000+0900` read in the
///   publisher's own time zone.
/// - Source: `body.head/distributor`, the agency that sent the story, else
///   `docdata/doc.copyright@holder`, else `head/pubdata@name`.
/// - Byline: the `person`s of `body.head/byline`, else its text without `byttl` (the
///   writer's title) and without a leading `By`.
/// - Place: `body.head/dateline/location`, else the dateline's text without its date.
/// - Language: `xml:lang` on `nitf` or `body`, else the `baselang` attribute, else a
///   `head/meta` named `language`.
/// - Body: the paragraphs of every `body.content` (`p`, `hl2`, `block`, `bq`, lists and
///   tables; `media` left out).
///
/// Elements are matched by local name: NITF comes without a namespace (the DTD) or in the
/// namespace of the XML Schema, and both read alike.
public struct NITFReader: Sendable {
    /// A reader; it holds no state, so one can be shared.
    public init() {}

    /// Reads the story; any bytes give one, perhaps with an empty body (not NITF, or no
    /// text libxml2 could recover).
    public func read(_ bytes: [UInt8]) -> Story {
        let story = XMLDocument.withRoot(of: bytes) { root in
            root.isElement(named: "nitf") ? self.story(nitf: root) : nil
        }
        return (story ?? nil) ?? Story(title: "", titleIsHeadline: false, body: "")
    }

    func story(nitf: XMLNode) -> Story {
        let head = nitf.element(named: "head")
        let docdata = head?.element(named: "docdata")
        let body = nitf.element(named: "body")
        let bodyHead = body?.element(named: "body.head")
        let dateline = bodyHead?.element(named: "dateline")

        var text = ParagraphBuffer()
        for content in body?.elements(named: "body.content") ?? [] {
            XMLStoryText.append(content, to: &text)
        }
        let bodyText = text.string

        let headline = bodyHead?.element(named: "hedline")?.element(named: "hl1")?.text
            ?? head?.element(named: "title")?.text
        let dateNorms = [
            docdata?.element(named: "date.issue")?.attribute("norm"),
            dateline?.element(named: "story.date")?.attribute("norm"),
            docdata?.element(named: "date.release")?.attribute("norm"),
            head?.element(named: "pubdata")?.attribute("date.publication"),
        ]
        let source = bodyHead?.element(named: "distributor")?.text
            ?? docdata?.element(named: "doc.copyright")?.trimmedAttribute("holder")
            ?? head?.element(named: "pubdata")?.trimmedAttribute("name")
        let metaLanguage = head?.elements(named: "meta").first {
            $0.attribute("name")?.lowercased() == "language"
        }?.trimmedAttribute("content")
        return Story(
            title: headline ?? LeadSentence.title(fromBody: bodyText),
            titleIsHeadline: headline != nil,
            date: dateNorms.lazy.compactMap { $0.flatMap { StoryDate(parsing: $0) } }.first,
            source: source,
            byline: bodyHead?.element(named: "byline").flatMap(Byline.names(inNITF:)),
            place: dateline.flatMap(Self.place),
            language: (body ?? nitf).language ?? nitf.trimmedAttribute("baselang") ?? metaLanguage,
            body: bodyText)
    }

    /// The dateline's `location`, else its text without the `story.date` and any trailing
    /// date.
    private static func place(_ dateline: XMLNode) -> String? {
        if let location = dateline.element(named: "location")?.text { return Dateline.place(inElement: location) ?? location }
        var bytes: [UInt8] = []
        var child = dateline.firstChild
        while let c = child {
            if !c.isElement(named: "story.date") { bytes += c.rawText }
            child = c.nextSibling
        }
        return Dateline.place(inElement: String(decoding: bytes, as: UTF8.self))
    }
}
