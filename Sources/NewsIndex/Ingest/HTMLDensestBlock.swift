/// The text of a page whose story could not be found: its densest block, so that a page with
/// visible text is never skipped. Used only when `HTMLMainContent` finds no story, and
/// reported (`Story.bodyIsFallback`), since it may be page furniture.
///
/// The block is the element with the most prose (blocks of at least 25 characters that are
/// not mostly links; `HTMLBodyText.isProse`), or, on a page without prose, the most text
/// outside links; among elements with as much, the innermost. Its blocks that are mostly
/// links are left out. A page with less text of its own than a short sentence (25
/// characters outside links: a menu, a copyright line) still gives nothing, and is skipped.
enum HTMLDensestBlock {
    static func text(of page: HTMLBodyText) -> String {
        guard !page.elements.isEmpty else { return "" }
        var best = 0
        var bestValue = value(of: 0, in: page)
        for element in 1..<page.elements.count {
            let v = value(of: element, in: page)
            // Elements come in document order, each after its parent: `>=` prefers the
            // innermost element holding as much.
            if v >= bestValue && v > (0, 0) { best = element; bestValue = v }
        }
        guard bestValue.plain >= Int(HTMLBodyText.proseMinimum) else { return "" }
        return paragraphs(page.blocks[page.elements[best].blockRange].filter { $0.linkShare < 0.5 }, in: page)
    }

    private static func paragraphs(_ blocks: some Sequence<HTMLBodyText.Block>, in page: HTMLBodyText) -> String {
        var paragraphs: [String] = []
        for block in blocks {
            let text = page.string(block)
            if !text.isEmpty { paragraphs.append(text) }
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Prose characters, then characters outside links.
    private static func value(of element: Int, in page: HTMLBodyText) -> (prose: Int, plain: Int) {
        let t = page.totals(of: element)
        return (t.prose, max(0, t.chars - t.linkBytes))
    }
}
