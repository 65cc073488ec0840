/// The visible text of a page's `<body>` as paragraphs, and the parts of it that pages mark
/// as their content (`<article>`, `<main>`).
///
/// Block elements break paragraphs, table cells break words, and inline elements join their
/// text to their neighbours'. Left out are subtrees a reader does not see or does not read
/// as the story (scripts, navigation, page header and footer, asides, forms, hidden
/// elements) and paragraphs that are mostly link text (menus, share buttons, lists of
/// related stories).
struct HTMLBodyText {
    /// The largest share of a paragraph's text that can be link text.
    static let maxLinkShare = 0.5

    /// The visible text of the whole body.
    private(set) var text = ParagraphBuffer(capacity: 16 * 1024)
    /// `<article>`, `<main>` and `[role=main]` elements, with the part of `text` each holds,
    /// innermost first.
    private(set) var containers: [Container] = []

    struct Container {
        enum Kind { case article, main }
        var kind: Kind
        var node: HTMLNode
        var range: Range<Int>
    }

    /// How an element's text takes part in the page's text.
    enum Layout {
        case skipped, block, cell, inline
    }

    private var paragraphStart = 0
    private var linkedBytes = 0
    private var linkDepth = 0

    /// Walks the body without recursion, keeping the open elements on a heap-allocated
    /// stack, since tag soup can nest tens of thousands of elements deep.
    init(body: HTMLNode) {
        struct OpenElement {
            var node: HTMLNode
            var layout: Layout
            var isLink: Bool
            var container: Container.Kind?
            var start: Int
        }
        var open: [OpenElement] = []
        var next = body.firstChild
        while true {
            guard let node = next else {
                guard let element = open.popLast() else { break }
                if element.isLink { linkDepth -= 1 }
                separate(element.layout)
                if let kind = element.container {
                    containers.append(Container(kind: kind, node: element.node, range: element.start..<text.bytes.count))
                }
                next = element.node.nextSibling
                continue
            }
            next = node.nextSibling
            if node.isText {
                let before = text.bytes.count
                text.append(node.textBytes)
                if linkDepth > 0 { linkedBytes += text.bytes.count - before }
                continue
            }
            guard node.isElement else { continue }
            let name = node.name
            let container = Self.containerKind(of: node, named: name)
            let layout = container == nil ? Self.layout(of: node, named: name) : .block
            guard layout != .skipped else { continue }
            separate(layout)
            guard let child = node.firstChild else {
                separate(layout)
                continue
            }
            let isLink = name == "a"
            if isLink { linkDepth += 1 }
            open.append(OpenElement(node: node, layout: layout, isLink: isLink, container: container, start: text.bytes.count))
            next = child
        }
        endParagraph()
    }

    /// Marks the start or end of an element of the given layout in the text.
    private mutating func separate(_ layout: Layout) {
        switch layout {
        case .block: endParagraph()
        case .cell: text.breakWord()
        case .skipped, .inline: break
        }
    }

    /// Ends the current paragraph, dropping it when it is mostly link text.
    private mutating func endParagraph() {
        let length = text.bytes.count - paragraphStart
        if length > 0, Double(linkedBytes) > Double(length) * Self.maxLinkShare {
            text.discard(from: paragraphStart)
        }
        text.breakParagraph()
        paragraphStart = text.bytes.count
        linkedBytes = 0
    }

    static func layout(of element: HTMLNode, named name: String) -> Layout {
        switch name {
        case "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
             "iframe", "svg", "math", "button", "select", "textarea", "object", "embed", "canvas",
             "audio", "video", "head", "title":
            return .skipped
        case "form":
            return isHidden(element) || !containsContainer(element) ? .skipped : .block
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt",
             "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "section",
             "article", "main", "br", "hr", "figure", "figcaption", "address", "details", "summary",
             "center", "fieldset", "legend", "hgroup", "menu", "dir", "dialog", "body", "html":
            return isHidden(element) ? .skipped : .block
        case "td", "th":
            return isHidden(element) ? .skipped : .cell
        default:
            return isHidden(element) ? .skipped : .inline
        }
    }

    /// The `hidden` attribute, or `aria-hidden="true"`: not shown, or not read out.
    private static func isHidden(_ element: HTMLNode) -> Bool {
        element.hasAttribute("hidden") || element.attribute("aria-hidden")?.lowercased() == "true"
    }

    /// True when an element holds an `<article>` or `<main>`, as the `<form>` that ASP.NET
    /// pages wrap around the whole page does; such a form is layout, not a form to skip.
    private static func containsContainer(_ element: HTMLNode) -> Bool {
        var walk = HTMLPreorder(root: element)
        while let node = walk.next() {
            if node.isElement, containerKind(of: node, named: node.name) != nil { return true }
        }
        return false
    }

    private static func containerKind(of element: HTMLNode, named name: String) -> Container.Kind? {
        switch name {
        case "article": .article
        case "main": .main
        default: element.attribute("role")?.lowercased() == "main" ? .main : nil
        }
    }
}
