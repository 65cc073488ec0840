/// The visible text of an HTML fragment, such as a feed item's escaped content, where there
/// is no page around the story to leave out: every paragraph a reader sees, captions
/// included, without scripts, hidden text, navigation, headers, footers, asides and forms
/// (by element or landmark role, not by class name), and without paragraphs that are mostly
/// link text.
struct HTMLFragmentText {
    /// Paragraphs separated by a blank line.
    private(set) var text = ""

    /// The largest share of a paragraph's text that can be link text.
    static let maxLinkShare = 0.5

    init(page: HTMLBodyText) {
        let furniture = HTMLMainContent.furnitureMap(page, useVocabulary: false)
        var out: [UInt8] = []
        for block in page.blocks where furniture[Int(block.owner)] < 0 && block.linkShare <= Self.maxLinkShare {
            if !out.isEmpty { out += [0x0A, 0x0A] }
            page.withBytes(block) { out += $0 }
        }
        text = String(decoding: out, as: UTF8.self)
    }

    /// True when markup has no document-level element (`<html>`, `<head>`, `<body>`, a
    /// doctype): a fragment of a page, not a page.
    static func isFragment(_ bytes: [UInt8]) -> Bool {
        let names: [[UInt8]] = [Array("html".utf8), Array("head".utf8), Array("body".utf8), Array("!doctype".utf8)]
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == UInt8(ascii: "<") {
                for name in names where i + name.count < n {
                    var k = 0
                    while k < name.count, bytes[i + 1 + k] | 0x20 == name[k] | 0x20 { k += 1 }
                    if k == name.count {
                        let after = bytes[i + 1 + k]
                        if after == UInt8(ascii: ">") || after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D
                            || after == UInt8(ascii: "/") {
                            return false
                        }
                    }
                }
            }
            i += 1
        }
        return true
    }
}
