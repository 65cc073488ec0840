/// Finds the part of a page that holds the story, by where its prose is.
///
/// Every paragraph of some length scores for the elements above it (fully for its parent,
/// half for the grandparent, a third and less further up), more for longer text with more
/// commas: prose, not lists of links or labels. Paragraphs inside page furniture (navigation,
/// asides, share and related boxes, comments, by class name or role) do not score. An
/// element's score is then lowered by its share of link text, raised for markup and names
/// that declare the story (`itemprop="articleBody"`, `article-body`, `entry-content`) and
/// lowered for names of furniture. The best element wins; its parent wins instead when it
/// holds several near-best elements, so a story split into several boxes is read whole; and
/// siblings of the winner that score well, and paragraphs beside it that read as prose,
/// join it.
///
/// This is the approach of Arc90's Readability, with the page's own declarations weighed in.
/// When class names mislead (a story in a box named like furniture), the reader chooses
/// again with `useVocabulary` off.
struct HTMLMainContent {
    /// A part of the story: an element's subtree, or a block of text directly inside the
    /// parent of the chosen element.
    enum Part: Equatable {
        case element(Int)
        case block(Int)
    }

    /// The parts of the story in document order; empty when the page has no text.
    private(set) var parts: [Part] = []
    /// For each element, the innermost furniture element holding it (itself included), or
    /// -1 when it is not inside furniture.
    let furniture: [Int32]
    /// Whether class names were read as furniture.
    let useVocabulary: Bool

    /// The least length of a paragraph that scores, in characters (shorter ones are
    /// labels, buttons and captions as often as prose).
    static let paragraphMinimum: Int32 = 25

    init(page: HTMLBodyText, useVocabulary: Bool = true) {
        let elements = page.elements
        let count = elements.count
        self.useVocabulary = useVocabulary
        furniture = Self.furnitureMap(page, useVocabulary: useVocabulary)

        var score = [Double](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)
        for block in page.blocks where block.chars >= Self.paragraphMinimum {
            let owner = Int(block.owner)
            guard furniture[owner] < 0 else { continue }
            let contribution = 1 + Double(block.commas) + Double(min(Int(block.chars) / 100, 3))
            // A paragraph scores for its parent; text directly in a division, or in a table
            // cell that lays out the page (the only cells recorded), scores for that box.
            let tag = elements[owner].tag
            var ancestor = tag.isParagraph && tag != .td && tag != .th ? Int(elements[owner].parent) : owner
            var level = 0
            while ancestor >= 0, level < 5 {
                if !scored[ancestor] {
                    scored[ancestor] = true
                    score[ancestor] = Self.initialScore(elements[ancestor], useVocabulary: useVocabulary)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[ancestor] += contribution / divider
                ancestor = Int(elements[ancestor].parent)
                level += 1
            }
        }
        var candidates: [Int] = []
        for e in 0..<count where scored[e] {
            let totals = page.totals(of: e)
            let linkDensity = totals.bytes > 0 ? Double(totals.linkBytes) / Double(totals.bytes) : 0
            score[e] *= 1 - linkDensity
            candidates.append(e)
        }
        candidates.sort { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
        guard var top = candidates.first else {
            // No prose anywhere: the page's text as it is, without its furniture.
            parts = page.blocks.isEmpty ? [] : [.element(0)]
            return
        }

        // A parent holding three or more near-best candidates holds the story whole.
        let near = candidates.dropFirst().prefix(4).filter { score[$0] >= 0.75 * score[top] }
        if near.count >= 3 {
            var parent = Int(elements[top].parent)
            while parent > 0 {
                if near.filter({ page.isInside($0, parent) }).count >= 3 {
                    top = parent
                    break
                }
                parent = Int(elements[parent].parent)
            }
        }
        // The publisher's own statement of the story's body (`itemprop="articleBody"`) holds
        // the story whole, when the best element lies inside it (a gallery or a quote box
        // with more text than the story's paragraphs).
        var marked = Int(elements[top].parent)
        while marked > 0 {
            if elements[marked].marks.contains(.articleBody) {
                top = marked
                break
            }
            marked = Int(elements[marked].parent)
        }
        // An only child stands for its parent, so that the parent's siblings are considered.
        let children = Self.childCounts(page)
        var parent = Int(elements[top].parent)
        while parent > 0, children[parent] == 1 {
            top = parent
            parent = Int(elements[top].parent)
        }

        guard top > 0, parent >= 0 else {
            parts = [.element(top)]
            return
        }
        // Siblings that score well, or that read as prose, belong to the story too.
        let siblingThreshold = max(10, score[top] * 0.2)
        let topClass = elements[top].node.attribute("class") ?? ""
        var e = parent + 1
        var nextBlock = Int(elements[parent].firstBlock)
        let parentEnd = Int(elements[parent].endElement)
        func takeOwnBlocks(upTo end: Int) {
            while nextBlock < end {
                let block = page.blocks[nextBlock]
                if Int(block.owner) == parent, Self.readsAsProse(block, page) { parts.append(.block(nextBlock)) }
                nextBlock += 1
            }
        }
        while e < parentEnd {
            let sibling = elements[e]
            takeOwnBlocks(upTo: Int(sibling.firstBlock))
            nextBlock = max(nextBlock, Int(sibling.endBlock))
            var take = e == top
            if !take, furniture[e] < 0 {
                var bonus = 0.0
                if !topClass.isEmpty, sibling.node.attribute("class") == topClass { bonus = score[top] * 0.2 }
                if scored[e], score[e] + bonus >= siblingThreshold {
                    take = true
                } else if sibling.tag == .p, sibling.blockRange.count == 1 {
                    take = Self.readsAsProse(page.blocks[Int(sibling.firstBlock)], page)
                }
            }
            if take { parts.append(.element(e)) }
            e = Int(sibling.endElement)
        }
        takeOwnBlocks(upTo: Int(elements[parent].endBlock))
    }

    /// A paragraph beside the story that is prose: long with few links, or short without
    /// links and with a sentence in it.
    private static func readsAsProse(_ block: HTMLBodyText.Block, _ page: HTMLBodyText) -> Bool {
        let density = block.linkShare
        if block.chars > 80 { return density < 0.25 }
        guard block.linkBytes == 0 else { return false }
        return page.withBytes(block) { bytes in
            guard let last = bytes.last else { return false }
            if last == UInt8(ascii: ".") { return true }
            var i = bytes.startIndex
            while i + 1 < bytes.endIndex {
                if bytes[i] == UInt8(ascii: "."), bytes[i + 1] == 0x20 { return true }
                i += 1
            }
            return false
        }
    }

    /// The score an element starts with, by its tag and by what it says it is.
    static func initialScore(_ element: HTMLBodyText.Element, useVocabulary: Bool) -> Double {
        var score: Double
        switch element.tag {
        case .div, .article, .main, .section: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        return score + classWeight(element, useVocabulary: useVocabulary)
    }

    /// What the element's class, id and microdata say about it, as in Readability's class
    /// weight: ±25 for each statement.
    static func classWeight(_ element: HTMLBodyText.Element, useVocabulary: Bool) -> Double {
        var weight = 0.0
        if element.marks.contains(.articleBody) { weight += 50 }
        guard useVocabulary else { return weight }
        let v = element.vocabulary
        if !v.isDisjoint(with: [.furniture, .caption, .byline, .weakFurniture]) || element.marks.contains(.comment) { weight -= 25 }
        if v.contains(.content) { weight += 25 }
        if v.contains(.storyBody) { weight += 25 }
        return weight
    }

    /// The innermost furniture element holding each element.
    ///
    /// Furniture is what the element is (`nav`, `header`, `footer`, `aside`, `form`), its
    /// landmark role, its class and id (with `useVocabulary`), or comment microdata. An
    /// element that holds the story's own markup is a wrapper, not furniture; so is a
    /// structural element that holds most of the page's prose (pages wrapped whole in a
    /// `<form>` or `<header>`).
    static func furnitureMap(_ page: HTMLBodyText, useVocabulary: Bool) -> [Int32] {
        let elements = page.elements
        var map = [Int32](repeating: -1, count: elements.count)
        let pageProse = page.totals(of: 0).prose
        let pageChars = page.totals(of: 0).chars
        for e in 1..<max(1, elements.count) {
            let element = elements[e]
            var isFurniture = false
            let wrapsStory = element.marks.contains(.holdsStory) || element.marks.contains(.articleBody)
                || element.vocabulary.contains(.storyBody)
            if !wrapsStory {
                let structural = element.tag.isFurniture || element.marks.contains(.furnitureRole)
                let named = element.marks.contains(.comment) || element.vocabulary.contains(.comments)
                    || (useVocabulary && !element.vocabulary.isDisjoint(with: [.furniture, .caption, .byline]))
                if structural || named {
                    isFurniture = true
                    if structural, !named, Self.wrapsPage(e, page, pageProse: pageProse, pageChars: pageChars) {
                        isFurniture = false
                    }
                }
            }
            map[e] = isFurniture ? Int32(e) : map[Int(element.parent)]
        }
        return map
    }

    /// True when a structural element is the page's layout rather than furniture: a
    /// `<form>` holding nearly all of the page's text (as ASP.NET pages wrap everything in
    /// one), or a header, footer or aside holding most of its prose.
    private static func wrapsPage(_ e: Int, _ page: HTMLBodyText, pageProse: Int, pageChars: Int) -> Bool {
        let totals = page.totals(of: e)
        switch page.elements[e].tag {
        case .form: return pageChars > 0 && totals.chars * 5 >= pageChars * 4
        case .nav: return false
        default: return pageProse > 0 && totals.prose * 2 >= pageProse
        }
    }

    /// The number of block children of each element, counting text directly inside it as a
    /// child too.
    private static func childCounts(_ page: HTMLBodyText) -> [Int] {
        var counts = [Int](repeating: 0, count: page.elements.count)
        for e in 1..<max(1, page.elements.count) { counts[Int(page.elements[e].parent)] += 1 }
        for block in page.blocks { counts[Int(block.owner)] += 2 }
        return counts
    }
}
