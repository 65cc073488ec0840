/// The visible text of a page's `<body>` as blocks of text (paragraphs), with the block
/// elements that hold them: the material from which the story is chosen.
///
/// Block elements break paragraphs, table cells break words, and inline elements join their
/// text to their neighbours'. What a reader never sees is left out here: scripts, styles,
/// embedded objects, form controls, comments, and elements that are hidden (the `hidden`
/// attribute, `aria-hidden="true"`, an inline `display: none`, or a class such as `sr-only`).
/// Everything else is kept with what is known about it (its tag, the vocabulary of its
/// class and id, its microdata and role), so that choosing the story and dropping page
/// furniture are decided later, on the whole page.
struct HTMLBodyText {
    /// The text of all blocks, separated as paragraphs.
    private(set) var text = ParagraphBuffer(capacity: 16 * 1024)
    /// Block elements in document order (each after its parent); element 0 is the body.
    private(set) var elements: [Element] = []
    /// Runs of text between block boundaries, in document order.
    private(set) var blocks: [Block] = []

    struct Element {
        var node: HTMLNode
        /// The index of the parent element, or -1 for the body.
        var parent: Int32
        var depth: Int32
        var tag: HTMLTag
        var vocabulary: HTMLClassVocabulary
        var marks: Marks
        /// The blocks of the element's subtree.
        var firstBlock: Int32
        var endBlock: Int32
        /// One past the index of the element's last descendant.
        var endElement: Int32
        /// Elements of its subtree that are not blocks: links, images, form inputs.
        var links: Int32 = 0
        var images: Int32 = 0
        var inputs: Int32 = 0

        var blockRange: Range<Int> { Int(firstBlock)..<Int(endBlock) }
    }

    /// What microdata, ARIA roles and element names say about an element.
    struct Marks: OptionSet {
        let rawValue: UInt16
        /// `itemprop="articleBody"`: the publisher's own statement of the story's text.
        static let articleBody = Marks(rawValue: 1)
        /// `<main>` or `role="main"`.
        static let main = Marks(rawValue: 2)
        /// `<article>` or `role="article"`.
        static let article = Marks(rawValue: 4)
        /// A landmark role of furniture: `navigation`, `banner`, `contentinfo`,
        /// `complementary`, `search`, menus, dialogs.
        static let furnitureRole = Marks(rawValue: 8)
        /// Microdata of a comment (`itemtype=".../Comment"`, `itemprop="comment"`).
        static let comment = Marks(rawValue: 16)
        /// The subtree holds an element marked as the story (`articleBody`, `main`, a story
        /// body class), so the element is a wrapper of the story, whatever its name.
        static let holdsStory = Marks(rawValue: 32)
        /// `itemprop="headline"`, or an element naming itself the title.
        static let headline = Marks(rawValue: 64)
    }

    struct Block {
        /// The bytes of the block in `text`.
        var start: Int32
        var end: Int32
        /// The innermost element holding the block.
        var owner: Int32
        /// Characters (not bytes) and commas of the text.
        var chars: Int32
        var commas: Int32
        /// Bytes of the text inside links, and the number of links.
        var linkBytes: Int32
        var links: Int32
        var bytes: Int32 { end - start }
        var linkShare: Double { bytes > 0 ? Double(linkBytes) / Double(bytes) : 0 }
    }

    /// Walks the body without recursion, keeping the open elements on a heap-allocated
    /// stack, since tag soup can nest tens of thousands of elements deep.
    init(body: HTMLNode) {
        struct OpenElement {
            var node: HTMLNode
            var layout: HTMLTag.Layout
            var isLink: Bool
            /// The index in `elements`, or -1 for an element that is not a block.
            var index: Int32
        }
        elements.reserveCapacity(1024)
        blocks.reserveCapacity(1024)
        elements.append(Element(
            node: body, parent: -1, depth: 0, tag: .body, vocabulary: [], marks: [],
            firstBlock: 0, endBlock: 0, endElement: 1))
        var open: [OpenElement] = []
        var innermost: Int32 = 0
        var next = body.firstChild
        while true {
            guard let node = next else {
                guard let element = open.popLast() else { break }
                if element.isLink { linkDepth -= 1 }
                separate(element.layout)
                if element.index >= 0 {
                    close(element.index)
                    innermost = elements[Int(element.index)].parent
                }
                next = element.node.nextSibling
                continue
            }
            next = node.nextSibling
            if node.isText {
                appendText(node.textBytes, owner: innermost)
                continue
            }
            guard node.isElement else { continue }
            let tag = node.tag
            var layout = tag.layout
            switch tag {
            case .input, .select, .textarea, .button: elements[Int(innermost)].inputs += 1
            default: break
            }
            guard layout != .skipped, !Self.isHidden(node) else { continue }
            let vocabulary = tag == .body || tag == .html ? [] : vocabulary(of: node)
            guard !vocabulary.contains(.hidden) else { continue }
            let marks = Self.marks(of: node, tag: tag)
            switch tag {
            case .a: elements[Int(innermost)].links += 1
            case .img, .picture: elements[Int(innermost)].images += 1
            default: break
            }
            if layout == .cell, Self.hasBlockChild(node) { layout = .block }
            // An inline element named as furniture or declaring the story stands as a block
            // of its own (a caption `<span>`, a `read-more` link between paragraphs), except a
            // link in running text, which is words of the sentence (a linked name).
            if layout == .inline,
               marks.contains(.articleBody)
                || (!vocabulary.isDisjoint(with: Self.furnitureVocabulary) && !(tag == .a && elements[Int(innermost)].tag.isParagraph)) {
                layout = .block
            }
            separate(layout)
            guard let child = node.firstChild else { continue }
            let isLink = tag == .a
            if isLink {
                linkDepth += 1
                linksInBlock += 1
            }
            var index: Int32 = -1
            if layout == .block, tag != .br, tag != .hr {
                index = Int32(elements.count)
                let parent = elements[Int(innermost)]
                elements.append(Element(
                    node: node, parent: innermost, depth: parent.depth + 1, tag: tag,
                    vocabulary: vocabulary, marks: marks, firstBlock: Int32(blocks.count),
                    endBlock: Int32(blocks.count), endElement: index + 1))
                innermost = index
            }
            open.append(OpenElement(node: node, layout: layout, isLink: isLink, index: index))
            next = child
        }
        endBlock()
        close(0)
        computeTotals()
    }

    // MARK: Building

    private var blockStart = -1
    private var blockOwner: Int32 = 0
    private var linkBytes = 0
    private var linksInBlock = 0
    private var linkDepth = 0

    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, owner: Int32) {
        let before = text.bytes.count
        text.append(bytes)
        let written = text.bytes.count - before
        guard written > 0 else { return }
        if blockStart < 0 {
            blockStart = before
            blockOwner = owner
        }
        if linkDepth > 0 { linkBytes += written }
    }

    private mutating func close(_ index: Int32) {
        let i = Int(index)
        elements[i].endBlock = Int32(blocks.count)
        elements[i].endElement = Int32(elements.count)
        let element = elements[i]
        let parent = Int(element.parent)
        guard parent >= 0 else { return }
        elements[parent].links += element.links
        elements[parent].images += element.images
        elements[parent].inputs += element.inputs
        if element.marks.contains(.holdsStory) || !element.marks.isDisjoint(with: [.articleBody, .main])
            || element.vocabulary.contains(.storyBody) {
            elements[parent].marks.insert(.holdsStory)
        }
    }

    /// Marks the start or end of an element of the given layout in the text.
    private mutating func separate(_ layout: HTMLTag.Layout) {
        switch layout {
        case .block: endBlock()
        case .cell: text.breakWord()
        case .skipped, .inline: break
        }
    }

    /// Ends the current block, recording it when it has text.
    private mutating func endBlock() {
        defer {
            text.breakParagraph()
            blockStart = -1
            linkBytes = 0
            linksInBlock = 0
        }
        guard blockStart >= 0 else { return }
        let bytes = text.bytes
        var start = blockStart
        let end = bytes.count
        while start < end, bytes[start] == 0x0A || bytes[start] == 0x20 { start += 1 }
        guard start < end else { return }
        var chars = 0, commas = 0
        for i in start..<end {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { chars += 1 }
            if b == UInt8(ascii: ",") { commas += 1 }
            // ، (Arabic), 、 and ， (CJK)
            if (b == 0x8C && i > 0 && bytes[i - 1] == 0xD8)
                || ((b == 0x81 && i > 1 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE3)
                    || (b == 0x8C && i > 1 && bytes[i - 1] == 0xBC && bytes[i - 2] == 0xEF)) {
                commas += 1
            }
        }
        blocks.append(Block(
            start: Int32(start), end: Int32(end), owner: blockOwner, chars: Int32(chars),
            commas: Int32(commas), linkBytes: Int32(min(linkBytes, end - start)), links: Int32(linksInBlock)))
    }

    // MARK: Reading

    /// The text of a block.
    func string(_ block: Block) -> String {
        String(decoding: text.bytes[Int(block.start)..<Int(block.end)], as: UTF8.self)
    }

    /// Calls `body` with the bytes of a block.
    func withBytes<R>(_ block: Block, _ body: (ArraySlice<UInt8>) -> R) -> R {
        body(text.bytes[Int(block.start)..<Int(block.end)])
    }

    /// Characters, link bytes and all bytes of the blocks of an element, and the characters
    /// of its prose: blocks of some length that are not mostly links.
    func totals(of element: Int) -> (chars: Int, linkBytes: Int, bytes: Int, prose: Int) {
        let range = elements[element].blockRange
        let lo = prefixTotals[range.lowerBound], hi = prefixTotals[range.upperBound]
        return (hi.chars - lo.chars, hi.linkBytes - lo.linkBytes, hi.bytes - lo.bytes, hi.prose - lo.prose)
    }

    /// The shortest block that counts as prose, in characters.
    static let proseMinimum: Int32 = 25

    /// True for a block that reads as a paragraph of prose rather than a label or a link.
    static func isProse(_ block: Block) -> Bool {
        block.chars >= proseMinimum && block.linkShare < 0.5
    }

    /// Running totals over the blocks before each block.
    private var prefixTotals: [(chars: Int, linkBytes: Int, bytes: Int, prose: Int)] = []

    private mutating func computeTotals() {
        prefixTotals.reserveCapacity(blocks.count + 1)
        var running = (chars: 0, linkBytes: 0, bytes: 0, prose: 0)
        prefixTotals.append(running)
        for block in blocks {
            running.chars += Int(block.chars)
            running.linkBytes += Int(block.linkBytes)
            running.bytes += Int(block.bytes)
            if Self.isProse(block) { running.prose += Int(block.chars) }
            prefixTotals.append(running)
        }
    }

    /// True when `element` is `ancestor` or lies below it.
    func isInside(_ element: Int, _ ancestor: Int) -> Bool {
        element >= ancestor && element < Int(elements[ancestor].endElement)
    }

    // MARK: Element properties

    static let furnitureVocabulary: HTMLClassVocabulary = [.furniture, .caption, .byline]

    /// The `hidden` attribute, `aria-hidden="true"`, or an inline style that hides the
    /// element (`display: none`, `visibility: hidden`).
    static func isHidden(_ element: HTMLNode) -> Bool {
        if element.hasAttribute("hidden") { return true }
        if element.withAttribute("aria-hidden", { equalsIgnoringCase($0, "true") }) == true { return true }
        return element.withAttribute("style", hidesElement) == true
    }

    /// True for a style declaring `display:none` or `visibility:hidden`, in any case and
    /// spacing.
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        var squeezed: [UInt8] = []
        squeezed.reserveCapacity(style.count)
        for b in style where b != 0x20 && !(b >= 0x09 && b <= 0x0D) {
            squeezed.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        func has(_ s: String) -> Bool {
            let n = Array(s.utf8)
            guard n.count <= squeezed.count else { return false }
            for i in 0...(squeezed.count - n.count) where squeezed[i] == n[0] {
                // A property name starts the declaration (not `max-display:none`).
                guard i == 0 || squeezed[i - 1] == UInt8(ascii: ";") || squeezed[i - 1] == UInt8(ascii: "{") else { continue }
                if squeezed[i..<(i + n.count)].elementsEqual(n) { return true }
            }
            return false
        }
        return has("display:none") || has("visibility:hidden")
    }

    /// The vocabulary of each `class` and `id` value met so far: pages repeat a few hundred
    /// values over thousands of elements.
    private var vocabularyCache = BytesKeyedCache<HTMLClassVocabulary>()

    private mutating func vocabulary(of element: HTMLNode) -> HTMLClassVocabulary {
        var result: HTMLClassVocabulary = []
        for name: StaticString in ["class", "id"] {
            element.withAttribute(name) { value in
                result.formUnion(vocabularyCache.value(for: value) { HTMLClassVocabulary(value) })
            }
        }
        return result
    }

    private static func marks(of element: HTMLNode, tag: HTMLTag) -> Marks {
        var marks: Marks = []
        if tag == .main { marks.insert(.main) }
        if tag == .article { marks.insert(.article) }
        element.withAttribute("itemprop") { value in
            if containsIgnoringCase(value, "articlebody") { marks.insert(.articleBody) }
            if containsIgnoringCase(value, "comment") { marks.insert(.comment) }
            if containsIgnoringCase(value, "headline") { marks.insert(.headline) }
        }
        element.withAttribute("itemtype") { value in
            if containsIgnoringCase(value, "comment") { marks.insert(.comment) }
        }
        element.withAttribute("role") { value in
            if equalsIgnoringCase(value, "main") { marks.insert(.main) }
            if equalsIgnoringCase(value, "article") { marks.insert(.article) }
            let roles: [StaticString] = ["navigation", "banner", "contentinfo", "complementary", "search",
                                         "menu", "menubar", "dialog", "alertdialog", "toolbar"]
            if roles.contains(where: { equalsIgnoringCase(value, $0) }) { marks.insert(.furnitureRole) }
        }
        return marks
    }

    /// True when a table cell lays out blocks (paragraphs, divisions, lists, lines broken
    /// with `<br>`) rather than holding a value: such a cell is a column of the page, not a
    /// cell of data.
    private static func hasBlockChild(_ cell: HTMLNode) -> Bool {
        var child = cell.firstChild
        while let c = child {
            if c.isElement {
                switch c.tag {
                case .p, .div, .table, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .section, .article, .br:
                    return true
                default:
                    break
                }
            }
            child = c.nextSibling
        }
        return false
    }

    static func equalsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        var start = 0, end = value.count
        while start < end, value[start] == 0x20 { start += 1 }
        while end > start, value[end - 1] == 0x20 { end -= 1 }
        guard end - start == word.utf8CodeUnitCount else { return false }
        for k in 0..<(end - start) where value[start + k] | 0x20 != word.utf8Start[k] | 0x20 { return false }
        return true
    }

    static func containsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard n <= value.count else { return false }
        for i in 0...(value.count - n) {
            var k = 0
            while k < n, value[i + k] | 0x20 == word.utf8Start[k] { k += 1 }
            if k == n { return true }
        }
        return false
    }
}
