// Implementation-only, so that clients do not load libxml2's headers: with ICU enabled they
// clash with Foundation's ICU module, and a target importing both would not build.
internal import CLibXML2

/// Reads a saved news page with libxml2's HTML parser, which recovers from tag soup as a
/// browser does.
///
/// The title comes from Open Graph or `<title>`, the date from the page's publication
/// `<meta>` or `<time datetime>`, and the body is the visible text of the page's `<article>`
/// or `<main>` when it has one with substantial text, else of the whole `<body>`.
public struct HTMLReader: Sendable {
    /// The least share of the page's text for an `<article>` or `<main>` to be taken as the
    /// story: less, and it is a teaser or a comment beside a story that is not marked up.
    static let substantialShare = 0.25

    /// Parse leniently, never touch the network, and keep libxml2 quiet (the library never
    /// prints). Blank text nodes are kept: dropping them can glue words of adjacent inline
    /// elements together.
    private static let parseOptions = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)

    private static let parserInitialized: Void = xmlInitParser()

    /// What a page that libxml2 cannot make a tree of (no bytes) reads as.
    private static let noStory = Story(title: "", titleIsHeadline: false, body: "")

    public init() {}

    /// Reads a story; any bytes give one, perhaps with an empty body.
    public func read(_ bytes: [UInt8]) -> Story {
        _ = Self.parserInitialized
        switch HTMLEncoding.of(bytes) {
        case .utf8:
            var text = TextDecoding.string(bytes)
            return text.withUTF8 { parse($0, encoding: "UTF-8") }
        case .declared(let encoding):
            return bytes.withUnsafeBufferPointer { parse($0, encoding: encoding) }
        }
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?) -> Story {
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, encoding, Self.parseOptions)
        }
        guard let document else { return Self.noStory }
        defer { xmlFreeDoc(document) }
        guard let root = HTMLNode(xmlDocGetRootElement(document)) else { return Self.noStory }
        return read(root: root)
    }

    private func read(root: HTMLNode) -> Story {
        let metadata = HTMLMetadata(document: root)
        var body = ""
        var storyRoot: HTMLNode?
        if let bodyElement = Self.child(of: root, named: "body") {
            let text = HTMLBodyText(body: bodyElement)
            if let story = Self.story(in: text) {
                body = text.text.string(in: story.range)
                storyRoot = story.node
            } else {
                body = text.text.string
            }
        }
        let headline = metadata.ogTitle ?? metadata.documentTitle
        return Story(
            title: headline ?? LeadSentence.title(fromBody: body),
            titleIsHeadline: headline != nil,
            date: metadata.date ?? storyRoot.flatMap(HTMLMetadata.firstTimeDate(in:)) ?? metadata.firstTimeDate,
            source: metadata.siteName,
            byline: metadata.author,
            body: body)
    }

    /// The `<article>` with the most text if that is a substantial share of the page's text,
    /// else likewise `<main>` or `[role=main]`.
    private static func story(in text: HTMLBodyText) -> HTMLBodyText.Container? {
        let least = Double(text.text.bytes.count) * substantialShare
        for kind in [HTMLBodyText.Container.Kind.article, .main] {
            let best = text.containers.filter { $0.kind == kind }.max { $0.range.count < $1.range.count }
            if let best, Double(best.range.count) >= least { return best }
        }
        return nil
    }

    private static func child(of node: HTMLNode, named name: String) -> HTMLNode? {
        var child = node.firstChild
        while let c = child {
            if c.isElement, c.name == name { return c }
            child = c.nextSibling
        }
        return nil
    }
}
