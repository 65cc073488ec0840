// Implementation-only, so that clients do not load libxml2's headers: with ICU enabled they
// clash with Foundation's ICU module, and a target importing both would not build.
internal import CLibXML2

/// A read-only view of a node in a libxml2 HTML tree, valid while its document lives.
///
/// libxml2's HTML parser lower-cases element and attribute names, so names compare as
/// lower-case strings.
struct HTMLNode: TreeNode {
    let pointer: xmlNodePtr

    init?(_ pointer: xmlNodePtr?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name (`"p"`, `"meta"`); short names are stored inline, so this does not
    /// allocate for HTML's own elements.
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    var firstChild: HTMLNode? { HTMLNode(pointer.pointee.children) }
    var nextSibling: HTMLNode? { HTMLNode(pointer.pointee.next) }
    var parent: HTMLNode? { HTMLNode(pointer.pointee.parent) }

    /// The bytes of a text node, or an empty buffer.
    var textBytes: UnsafeBufferPointer<UInt8> {
        guard let content = pointer.pointee.content else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: content, count: Int(newsidx_xmlStrlen(content)))
    }

    /// The value of the attribute `name` (lower-case), or nil when the element does not
    /// have it; read from the tree directly, so nothing needs freeing.
    func attribute(_ name: StaticString) -> String? {
        guard let attribute = property(name) else { return nil }
        var value = ""
        var child = attribute.pointee.children
        while let c = child {
            if let content = c.pointee.content { value += String(cString: content) }
            child = c.pointee.next
        }
        return value
    }

    /// Calls `body` with the bytes of the attribute `name` (lower-case) and returns its
    /// result, or nil when the element does not have the attribute. A value held in one text
    /// node, as libxml2 stores nearly all, is read in place.
    func withAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let attribute = property(name) else { return nil }
        if let only = attribute.pointee.children, only.pointee.next == nil {
            guard let content = only.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: content, count: Int(newsidx_xmlStrlen(content))))
        }
        var bytes: [UInt8] = []
        var child = attribute.pointee.children
        while let c = child {
            if let content = c.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(newsidx_xmlStrlen(content))))
            }
            child = c.pointee.next
        }
        return bytes.withUnsafeBufferPointer(body)
    }

    /// The element's tag, for HTML's own elements; `.other` for other nodes.
    var tag: HTMLTag {
        guard isElement, let name = pointer.pointee.name else { return .other }
        return HTMLTag(name: name)
    }

    /// True when the element has the attribute `name` (lower-case), whatever its value.
    func hasAttribute(_ name: StaticString) -> Bool {
        property(name) != nil
    }

    private func property(_ name: StaticString) -> xmlAttrPtr? {
        var attribute = pointer.pointee.properties
        while let a = attribute {
            if let attributeName = a.pointee.name, Self.equals(attributeName, name) { return a }
            attribute = a.pointee.next
        }
        return nil
    }

    /// Compares a NUL-terminated name with a static one, byte by byte.
    private static func equals(_ cString: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        for i in 0..<count where cString[i] != name.utf8Start[i] { return false }
        return cString[count] == 0
    }

    /// The text of all text nodes below this one, in document order.
    var textContent: String {
        var bytes: [UInt8] = []
        var walk = HTMLPreorder(root: self)
        while let node = walk.next() {
            if node.isText { bytes.append(contentsOf: node.textBytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

