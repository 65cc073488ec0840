// Implementation-only, so that clients do not load libxml2's headers: with ICU enabled they
// clash with Foundation's ICU module, and a target importing both would not build.
internal import CLibXML2

/// Reads a saved news page with libxml2's HTML parser, which recovers from tag soup as a
/// browser does.
///
/// The body is the story's text without the page around it: `HTMLBodyText` lays the page's
/// visible text out as blocks, `HTMLMainContent` finds the part that holds the story, and
/// `HTMLStoryText` reads it without the furniture inside it. Title, date, byline, source,
/// address and language come from the page's metadata (`HTMLMetadata`), each from the most
/// authoritative source the page has.
public struct HTMLReader: Sendable {
    /// Parse leniently, never touch the network, and keep libxml2 quiet (the library never
    /// prints). Blank text nodes are kept: dropping them can glue words of adjacent inline
    /// elements together.
    private static let parseOptions = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)

    private static let parserInitialized: Void = newsidx_xmlInitParser()

    /// What a page that libxml2 cannot make a tree of (no bytes) reads as.
    private static let noStory = Story(title: "", titleIsHeadline: false, body: "")

    public init() {}

    /// Reads a story; any bytes give one, perhaps with an empty body.
    ///
    /// Markup without a document element (no `<html>`, `<head>`, `<body>` or doctype) is a
    /// fragment, such as a feed item's content: its body is all its visible text
    /// (`fragmentText(_:)`), as there is no page around the story to leave out.
    public func read(_ bytes: [UInt8]) -> Story {
        let isFragment = HTMLFragmentText.isFragment(bytes)
        return Self.withDocument(bytes) { root in
            isFragment ? readFragment(root: root) : read(root: root)
        } ?? Self.noStory
    }

    /// The visible text of an HTML fragment (a feed item's escaped content): paragraphs
    /// separated by a blank line, without scripts, hidden text, navigation and paragraphs
    /// that are mostly links, but with no part of it taken for page furniture by its name.
    static func fragmentText(_ bytes: [UInt8]) -> String {
        withDocument(bytes) { root in
            HTMLFragmentText(page: HTMLBodyText(body: child(of: root, named: "body") ?? root)).text
        } ?? ""
    }

    /// Parses bytes in the encoding `HTMLEncoding` settles and calls `body` with the root
    /// element; nil when libxml2 makes no tree of them.
    private static func withDocument<R>(_ bytes: [UInt8], _ body: (HTMLNode) -> R) -> R? {
        _ = parserInitialized
        switch HTMLEncoding.of(bytes) {
        case .utf8:
            return HTMLScriptText.removed(from: HTMLEncoding.utf8Text(bytes))
                .withUnsafeBufferPointer { parse($0, encoding: "UTF-8", body) }
        case .windows1252:
            return HTMLScriptText.removed(from: HTMLEncoding.utf8(fromWindows1252: bytes))
                .withUnsafeBufferPointer { parse($0, encoding: "UTF-8", body) }
        case .declared(let encoding):
            return HTMLEncoding.withoutNUL(declared: bytes).withUnsafeBufferPointer { parse($0, encoding: encoding, body) }
        }
    }

    private static func parse<R>(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, _ body: (HTMLNode) -> R) -> R? {
        // libxml2 is opened on first use; without it a page reads as holding no text.
        guard newsidx_libxml2_available() != 0 else { return nil }
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            newsidx_htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, encoding, parseOptions)
        }
        guard let document else { return nil }
        defer { newsidx_xmlFreeDoc(document) }
        guard let root = HTMLNode(newsidx_xmlDocGetRootElement(document)) else { return nil }
        return body(root)
    }

    private func readFragment(root: HTMLNode) -> Story {
        let body = HTMLFragmentText(page: HTMLBodyText(body: Self.child(of: root, named: "body") ?? root)).text
        return Story(title: LeadSentence.title(fromBody: body), titleIsHeadline: false, body: body)
    }

    private func read(root: HTMLNode) -> Story {
        let metadata = HTMLMetadata(document: root)
        let bodyElement = Self.child(of: root, named: "body") ?? root
        let page = HTMLBodyText(body: bodyElement)
        var content = HTMLMainContent(page: page)
        // The headline as the page states it, to leave out of the body; the story's `<h1>`
        // is known only once the story is found.
        let statedHeadline = metadata.ogTitle.map { HTMLTitle.withoutSiteName($0, siteName: metadata.siteName, onlySiteName: true) }
            ?? metadata.jsonLD.headline
        let titleForBody = statedHeadline ?? metadata.documentTitle.map { HTMLTitle.withoutSiteName($0, siteName: metadata.siteName) }
        var body = HTMLStoryText(page: page, content: content, title: titleForBody).text
        if body.utf8.count < Self.shortStory {
            // Perhaps the story sits in a box whose name reads as furniture: choose again
            // by the text alone, and take that when it finds far more.
            let plain = HTMLMainContent(page: page, useVocabulary: false)
            let other = HTMLStoryText(page: page, content: plain, title: titleForBody).text
            if other.utf8.count >= 2 * body.utf8.count + Self.shortStory / 5 {
                body = other
                content = plain
            }
        }
        var fallback = false
        if body.isEmpty {
            body = HTMLDensestBlock.text(of: page)
            fallback = !body.isEmpty
        }
        var storyRoot: HTMLNode?
        if case .element(let e)? = content.parts.first { storyRoot = page.elements[e].node }
        let headline = statedHeadline ?? Self.storyHeading(page, content, siteName: metadata.source)
            ?? metadata.documentTitle.map { HTMLTitle.withoutSiteName($0, siteName: metadata.source) }
        return Story(
            title: headline ?? LeadSentence.title(fromBody: body),
            titleIsHeadline: headline != nil,
            date: metadata.date ?? storyRoot.flatMap(HTMLMetadata.firstTimeDate(in:)) ?? metadata.firstTimeDate
                ?? metadata.addressDate,
            source: metadata.source,
            byline: metadata.byline,
            url: metadata.url,
            language: metadata.language,
            body: body,
            bodyIsFallback: fallback)
    }

    /// The story's `<h1>`: the last one before the story's text, else the first inside it;
    /// not one that only names the site.
    private static func storyHeading(_ page: HTMLBodyText, _ content: HTMLMainContent, siteName: String?) -> String? {
        let start: Int
        switch content.parts.first {
        case .element(let e)?: start = Int(page.elements[e].firstBlock)
        case .block(let b)?: start = b
        case nil: return nil
        }
        var before: String?
        var inside: String?
        for element in page.elements where element.tag == .h1 && !element.blockRange.isEmpty {
            let text = ParagraphBuffer.normalized(element.blockRange.map { page.string(page.blocks[$0]) }.joined(separator: " "))
            guard !text.isEmpty, siteName.map({ HTMLTitle.comparable($0) != HTMLTitle.comparable(text) }) ?? true else { continue }
            if Int(element.firstBlock) < start {
                before = text
            } else if inside == nil {
                inside = text
            }
        }
        return before ?? inside
    }

    /// Bytes of story text below which the story is chosen again without class names.
    static let shortStory = 500

    private static func child(of node: HTMLNode, named name: String) -> HTMLNode? {
        var child = node.firstChild
        while let c = child {
            if c.isElement, c.name == name { return c }
            child = c.nextSibling
        }
        return nil
    }
}
