// Implementation-only, so that clients do not load libxml2's headers: with ICU enabled they
// clash with Foundation's ICU module, and a target importing both would not build.
internal import CLibXML2

/// Parses XML safely with libxml2 and lends its tree to a closure, freeing it afterwards.
///
/// Safe means: nothing is loaded from outside the bytes (no network, no external DTD, no
/// external entities), entities are never substituted into the tree, libxml2 prints
/// nothing, and damaged input gives what libxml2 can recover rather than nothing.
/// libxml2 itself refuses documents nested more than 256 elements deep (the rest of such a
/// document is cut off) and stops entity-expansion bombs; the tree walks here are
/// iterative whatever the depth.
enum XMLDocument {
    /// Recover from errors, never touch the network, keep quiet, and make CDATA sections
    /// plain text. Never `XML_PARSE_NOENT` (substitute entities), `XML_PARSE_DTDLOAD`,
    /// `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID` or `XML_PARSE_HUGE` (lift the depth and
    /// size limits). Blank text nodes are kept: dropping them can glue words together.
    static let parseOptions = Int32(bitPattern:
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Added when the bytes are handed over in an encoding chosen here, so that the XML
    /// declaration's `encoding` does not switch decoders again.
    private static let ignoreDeclaredEncoding = Int32(bitPattern: XML_PARSE_IGNORE_ENC.rawValue)

    private static let parserInitialized: Void = newsidx_xmlInitParser()

    /// Parses `bytes` and calls `body` with the root element; nil when libxml2 makes no
    /// tree of them or the tree has no element. The tree is freed when `body` returns, so
    /// no `XMLNode` may outlive the call.
    static func withRoot<Result>(of bytes: [UInt8], _ body: (XMLNode) -> Result) -> Result? {
        _ = parserInitialized
        switch encoding(of: bytes) {
        case .utf8:
            let text = cleanedUTF8(bytes)
            return text.withUnsafeBufferPointer { parse($0, encoding: "UTF-8", body) }
        case .declared(let name):
            return bytes.withUnsafeBufferPointer { parse($0, encoding: name, body) }
        }
    }

    private static func parse<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, encoding: String?, _ body: (XMLNode) -> Result
    ) -> Result? {
        // libxml2 is opened on first use; without it a document reads as holding no text.
        guard newsidx_libxml2_available() != 0, let context = newsidx_xmlNewParserCtxt() else { return nil }
        defer { newsidx_xmlFreeParserCtxt(context) }
        // Belt and braces beside the options: this parser has no way to fetch an external
        // entity or DTD subset at all.
        if let sax = context.pointee.sax {
            sax.pointee.resolveEntity = nil
            sax.pointee.externalSubset = nil
        }
        let options = parseOptions | (encoding == nil ? 0 : ignoreDeclaredEncoding)
        let document = bytes.withMemoryRebound(to: CChar.self) { chars in
            newsidx_xmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), nil, encoding, options)
        }
        guard let document else { return nil }
        defer { newsidx_xmlFreeDoc(document) }
        guard let root = XMLNode(newsidx_xmlDocGetRootElement(document)) else { return nil }
        return body(root)
    }

    /// How the bytes reach libxml2.
    enum Encoding: Equatable {
        /// Decoded here (UTF-8, or UTF-16 with a byte-order mark; invalid bytes become
        /// U+FFFD) and parsed as UTF-8.
        case utf8
        /// Parsed as they are, in the named encoding, or in the one the document declares
        /// when nil.
        case declared(String?)
    }

    /// A byte-order mark, else the XML declaration's `encoding`, else UTF-8 (XML's default).
    /// As browsers do, Latin-1 and ASCII are read as Windows-1252, whose curly quotes fill
    /// 0x80–0x9F; a declared UTF-16 without a byte-order mark can only be ASCII-compatible
    /// bytes here (ingest rejected real UTF-16 as binary), so it is read as UTF-8.
    static func encoding(of bytes: [UInt8]) -> Encoding {
        if bytes.withUnsafeBytes(TextDecoding.utf16ByteOrder) != nil || TextDecoding.hasUTF8ByteOrderMark(bytes) {
            return .utf8
        }
        guard let label = declaredEncoding(bytes) else { return .utf8 }
        switch label.lowercased() {
        case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16", "ucs-2", "unicode":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
             "windows-1252", "cp1252", "x-cp1252":
            return .declared("windows-1252")
        default:
            return .declared(nil)
        }
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the very start.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let start = Array("<?xml".utf8)
        guard bytes.count > start.count, Array(bytes[0..<start.count]) == start else { return nil }
        var end = start.count
        while end + 1 < min(bytes.count, 1024), !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        let declaration = bytes[start.count..<end]
        let key = Array("encoding".utf8)
        var i = declaration.startIndex
        while i + key.count <= declaration.endIndex {
            guard Array(declaration[i..<(i + key.count)]) == key else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "=") else { return nil }
            j += 1
            while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[j]
            guard let close = bytes[(j + 1)..<end].firstIndex(of: quote) else { return nil }
            return String(decoding: bytes[(j + 1)..<close], as: UTF8.self)
        }
        return nil
    }

    /// The text as valid UTF-8 without its byte-order mark, with the C0 control characters
    /// that XML 1.0 forbids turned into spaces, so libxml2 neither stops at them nor
    /// switches to Latin-1 at an invalid byte.
    static func cleanedUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var text = Array(TextDecoding.string(bytes).utf8)
        for i in text.indices where text[i] < 0x20 && text[i] != 0x09 && text[i] != 0x0A && text[i] != 0x0D {
            text[i] = 0x20
        }
        return text
    }
}

/// A read-only view of a node of a libxml2 XML tree, valid while `XMLDocument.withRoot`
/// lends the tree.
///
/// Elements are matched by local name and, where it matters, namespace URI: prefixes are
/// the document's choice. Text is read from text nodes only: entity references are never
/// expanded (a reference to one of HTML's named characters, such as `&nbsp;` in NITF, is
/// read as that character from libxml2's fixed table; any other reference is dropped).
struct XMLNode: TreeNode {
    let pointer: xmlNodePtr

    init?(_ pointer: xmlNodePtr?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// The namespace of `xml:lang`.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// A text node (CDATA sections are merged into text by the parse options).
    var isText: Bool {
        pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE
    }

    var isEntityReference: Bool { pointer.pointee.type == XML_ENTITY_REF_NODE }

    /// The local name, without prefix (`encoded` for `content:encoded`).
    var localName: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace URI, or nil for an element in no namespace.
    var namespaceURI: String? {
        guard let href = pointer.pointee.ns?.pointee.href else { return nil }
        return String(cString: href)
    }

    /// True for an element with this local name in this namespace (nil: in no namespace).
    func isElement(_ name: String, in namespace: String?) -> Bool {
        guard isElement, Self.equals(pointer.pointee.name, name) else { return false }
        return Self.equals(pointer.pointee.ns?.pointee.href, namespace)
    }

    /// True for an element with this local name, in any namespace or none.
    func isElement(named name: String) -> Bool {
        isElement && Self.equals(pointer.pointee.name, name)
    }

    var firstChild: XMLNode? {
        // An entity reference's children are the entity's own nodes: never walked.
        isEntityReference ? nil : XMLNode(pointer.pointee.children)
    }

    var nextSibling: XMLNode? { XMLNode(pointer.pointee.next) }

    var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// The child elements, in document order.
    var elements: [XMLNode] {
        var result: [XMLNode] = []
        var child = firstChild
        while let c = child {
            if c.isElement { result.append(c) }
            child = c.nextSibling
        }
        return result
    }

    /// The first child element with this local name in this namespace (nil: no namespace).
    func element(_ name: String, in namespace: String?) -> XMLNode? {
        var child = firstChild
        while let c = child {
            if c.isElement(name, in: namespace) { return c }
            child = c.nextSibling
        }
        return nil
    }

    /// The first child element with this local name, in any namespace.
    func element(named name: String) -> XMLNode? {
        var child = firstChild
        while let c = child {
            if c.isElement(named: name) { return c }
            child = c.nextSibling
        }
        return nil
    }

    /// The child elements with this local name in this namespace (nil: no namespace).
    func elements(_ name: String, in namespace: String?) -> [XMLNode] {
        elements.filter { $0.isElement(name, in: namespace) }
    }

    /// The child elements with this local name, in any namespace.
    func elements(named name: String) -> [XMLNode] {
        elements.filter { $0.isElement(named: name) }
    }

    /// The elements below this one with this local name, in any namespace, in document
    /// order; the subtree of a match is not searched further.
    func descendants(named name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        var walk = XMLPreorder(root: self)
        while let node = walk.next() {
            if node.isElement(named: name) {
                found.append(node)
                walk.skipChildren()
            }
        }
        return found
    }

    /// The value of an attribute (by local name; `namespace` nil means an unprefixed
    /// attribute), or nil when the element does not have it. Entity references in the
    /// value are read as `text` reads them.
    func attribute(_ name: String, in namespace: String? = nil) -> String? {
        var attribute = pointer.pointee.properties
        while let a = attribute {
            if Self.equals(a.pointee.name, name), Self.equals(a.pointee.ns?.pointee.href, namespace) {
                var bytes: [UInt8] = []
                var child = XMLNode(a.pointee.children)
                while let c = child {
                    c.appendOwnText(to: &bytes)
                    child = c.nextSibling
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attribute = a.pointee.next
        }
        return nil
    }

    /// The attribute's value with whitespace normalised, or nil when missing or blank.
    func trimmedAttribute(_ name: String, in namespace: String? = nil) -> String? {
        attribute(name, in: namespace).flatMap(Self.nonBlank)
    }

    /// The `xml:lang` in scope: this element's, or its nearest ancestor's; nil when none
    /// says, or when the nearest says `""` (language unknown).
    var language: String? {
        var node: XMLNode? = self
        while let n = node {
            if let lang = n.attribute("lang", in: Self.xmlNamespace) { return Self.nonBlank(lang) }
            node = n.parent
        }
        return nil
    }

    /// The text below this node as one line, whitespace normalised; nil when blank.
    var text: String? {
        Self.nonBlank(String(decoding: rawText, as: UTF8.self))
    }

    /// The text below this node exactly as written (entity references read as described
    /// above), in document order.
    var rawText: [UInt8] {
        var bytes: [UInt8] = []
        var walk = XMLPreorder(root: self)
        appendOwnText(to: &bytes)
        while let node = walk.next() { node.appendOwnText(to: &bytes) }
        return bytes
    }

    /// The bytes of a text node, or an empty buffer.
    var textBytes: UnsafeBufferPointer<UInt8> {
        guard isText, let content = pointer.pointee.content else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: content, count: Int(newsidx_xmlStrlen(content)))
    }

    /// Appends a text node's text, or the character an entity reference names in HTML.
    private func appendOwnText(to bytes: inout [UInt8]) {
        if isText {
            bytes.append(contentsOf: textBytes)
        } else if let character = entityCharacter {
            bytes.append(contentsOf: character.utf8)
        }
    }

    /// For a reference to one of HTML's named characters (`&nbsp;`, `&eacute;`, `&mdash;`),
    /// that character, from libxml2's fixed HTML table: never the document's declaration.
    var entityCharacter: String? {
        guard isEntityReference, let name = pointer.pointee.name,
              let entity = newsidx_htmlEntityLookup(name), let scalar = Unicode.Scalar(entity.pointee.value)
        else { return nil }
        return String(Character(scalar))
    }

    /// The text whitespace-normalised, or nil when it is blank.
    static func nonBlank(_ text: some StringProtocol) -> String? {
        let normalized = ParagraphBuffer.normalized(text)
        return normalized.isEmpty ? nil : normalized
    }

    /// Compares a NUL-terminated libxml2 string with a Swift one; nil equals only nil.
    private static func equals(_ cString: UnsafePointer<xmlChar>?, _ string: String?) -> Bool {
        guard let cString, let string else { return cString == nil && string == nil }
        var i = 0
        for b in string.utf8 {
            guard cString[i] == b else { return false }
            i += 1
        }
        return cString[i] == 0
    }
}

/// Turns marked-up story text into `Story.body` paragraphs: XHTML (Atom `xhtml` content,
/// NewsML-G2 `inlineXML`), NITF `body.content`, or escaped HTML and plain text.
enum XMLStoryText {
    /// How an element's text takes part in the story's text.
    enum Layout { case skipped, block, cell, inline }

    /// The paragraphs of the elements below `node` (not `node`'s own layout): block
    /// elements of XHTML and NITF break paragraphs, table cells break words, inline
    /// elements join their neighbours; left out, as `HTMLReader` leaves them out of a page,
    /// are heads, scripts, styles, navigation, page headers and footers, asides and forms,
    /// and so are NITF's `media`, `body.head` and `body.end`. Walked with a heap stack, not
    /// recursion.
    static func paragraphs(of node: XMLNode) -> String {
        var text = ParagraphBuffer()
        append(node, to: &text)
        return text.string
    }

    static func append(_ root: XMLNode, to text: inout ParagraphBuffer) {
        func separate(_ layout: Layout) {
            switch layout {
            case .block: text.breakParagraph()
            case .cell: text.breakWord()
            case .skipped, .inline: break
            }
        }
        var open: [(node: XMLNode, layout: Layout)] = []
        var next = root.firstChild
        text.breakParagraph()
        while true {
            guard let node = next else {
                guard let element = open.popLast() else { break }
                separate(element.layout)
                next = element.node.nextSibling
                continue
            }
            next = node.nextSibling
            if node.isText {
                text.append(node.textBytes)
            } else if let character = node.entityCharacter {
                var character = character
                character.withUTF8 { text.append($0) }
            } else if node.isElement {
                let layout = layout(of: node.localName)
                guard layout != .skipped else { continue }
                separate(layout)
                if let child = node.firstChild {
                    open.append((node, layout))
                    next = child
                } else {
                    separate(layout)
                }
            }
        }
        text.breakParagraph()
    }

    /// The layout of an XHTML or NITF element, by local name.
    static func layout(of name: String) -> Layout {
        switch name {
        case "head", "title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
             "iframe", "svg", "math", "button", "select", "textarea", "form", "object", "embed", "canvas",
             "audio", "video", "body.head", "body.end", "media", "media-reference", "media-metadata",
             "media-object", "nitf-table-metadata":
            return .skipped
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt",
             "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "section",
             "article", "main", "br", "hr", "figure", "figcaption", "address",
             "body", "html", "hl1", "hl2", "block", "bq", "note", "fn", "credit", "tagline",
             "media-caption", "body.content", "nitf-table", "abstract", "dateline":
            return .block
        case "td", "th":
            return .cell
        default:
            return .inline
        }
    }

    /// Plain text as paragraphs: a blank line ends a paragraph, other line breaks are spaces.
    static func plainParagraphs(_ text: [UInt8]) -> String {
        var buffer = ParagraphBuffer()
        var lineStart = 0
        var lineIsBlank = true
        text.withUnsafeBufferPointer { text in
            for i in 0...text.count {
                if i == text.count || text[i] == 0x0A {
                    if lineIsBlank {
                        buffer.breakParagraph()
                    } else {
                        buffer.breakWord()
                        buffer.append(UnsafeBufferPointer(rebasing: text[lineStart..<i]))
                    }
                    lineStart = i + 1
                    lineIsBlank = true
                } else if !(text[i] == 0x20 || text[i] == 0x09 || text[i] == 0x0D) {
                    lineIsBlank = false
                }
            }
        }
        return buffer.string
    }

    /// The visible text of an HTML fragment, as `HTMLReader` reads a page body.
    static func htmlParagraphs(_ html: [UInt8]) -> String {
        guard html.contains(where: { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }) else { return "" }
        return HTMLReader.fragmentText(html)
    }

    /// The text of an element that holds HTML: escaped (the usual case, `<description>`
    /// with `&lt;p&gt;` or CDATA) through the HTML reader; or, when a feed embeds the
    /// markup unescaped as child elements, walked as XHTML.
    static func htmlContent(_ node: XMLNode) -> String {
        if node.elements.isEmpty { return htmlParagraphs(node.rawText) }
        return paragraphs(of: node)
    }

    /// A single line of text from HTML (a title of type `html`).
    static func htmlLine(_ html: [UInt8]) -> String? {
        XMLNode.nonBlank(htmlParagraphs(html).split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " "))
    }
}
