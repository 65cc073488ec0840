internal import CLibXML2

/// A node of a libxml2 tree that can be walked: HTML and XML nodes say differently which
/// children they expose (XML nodes do not enter entity references).
protocol TreeNode {
    init?(_ pointer: xmlNodePtr?)
    var pointer: xmlNodePtr { get }
    var firstChild: Self? { get }
    var nextSibling: Self? { get }
}

/// The nodes below a root in document order, without recursion (tag soup can nest tens of
/// thousands of elements deep); `skipChildren()` prunes the subtree of the last node.
struct TreePreorder<Node: TreeNode> {
    let root: Node
    private var current: Node?
    private var started = false
    private var descend = true

    init(root: Node) {
        self.root = root
    }

    mutating func skipChildren() {
        descend = false
    }

    mutating func next() -> Node? {
        defer { descend = true }
        guard started else {
            started = true
            current = root.firstChild
            return current
        }
        guard var node = current else { return nil }
        if descend, let child = node.firstChild {
            current = child
            return child
        }
        while node.pointer != root.pointer {
            if let sibling = node.nextSibling {
                current = sibling
                return sibling
            }
            guard let parent = Node(node.pointer.pointee.parent) else { break }
            node = parent
        }
        current = nil
        return nil
    }
}

typealias HTMLPreorder = TreePreorder<HTMLNode>
typealias XMLPreorder = TreePreorder<XMLNode>
