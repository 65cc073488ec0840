/// The text of the story: the blocks of the parts `HTMLMainContent` chose, without what is
/// inside them but not part of the story.
///
/// Left out inside the story are page furniture (share bars, related links, newsletter
/// boxes, captions and credits, bylines and timestamps, by element, role or class name), the
/// headline when it repeats the title, boxes that are mostly links or form controls (as
/// Readability cleans its result), paragraphs of three or more links, runs of link lines
/// (a list of other stories however it is marked up), byline and timestamp lines above the
/// first paragraph, and labels that stand alone, such as `Advertisement`.
struct HTMLStoryText {
    /// Paragraphs separated by a blank line.
    private(set) var text = ""

    init(page: HTMLBodyText, content: HTMLMainContent, title: String?) {
        let counts = SubtreeCounts(page)
        var kept: [Int] = []
        var headlineSeen = false
        let wanted = title.map(HTMLTitle.comparable) ?? ""
        func consider(_ b: Int) {
            let block = page.blocks[b]
            if !headlineSeen, !wanted.isEmpty, Self.isHeadline(block, page: page, title: wanted) {
                headlineSeen = true
                return
            }
            if page.withBytes(block, Self.isLabel) || Self.isLinkList(block) { return }
            kept.append(b)
        }
        for part in content.parts {
            switch part {
            case .block(let b):
                consider(b)
            case .element(let root):
                let removed = Self.removedElements(below: root, page: page, content: content, counts: counts)
                for b in page.elements[root].blockRange {
                    let owner = Int(page.blocks[b].owner)
                    if owner != root, removed[owner - root] { continue }
                    consider(b)
                }
            }
        }
        kept = Self.withoutLinkRuns(kept, page: page)
        kept = Self.withoutLeadingMetadata(kept, page: page)
        var out: [UInt8] = []
        out.reserveCapacity(page.text.bytes.count)
        for b in kept {
            if !out.isEmpty { out += [0x0A, 0x0A] }
            page.withBytes(page.blocks[b]) { out += $0 }
        }
        text = String(decoding: out, as: UTF8.self)
    }

    /// The blocks without runs of three or more paragraphs that are each a link and little
    /// else, or two at the end of the story: a list of other stories, however it is marked
    /// up. A short label just before such a run (`You may also like...`) goes with it.
    private static func withoutLinkRuns(_ blocks: [Int], page: HTMLBodyText) -> [Int] {
        func isLinkLine(_ b: Int) -> Bool {
            let block = page.blocks[b]
            return block.links >= 1 && block.linkShare >= 0.8
        }
        // Whether any prose follows each position, computed once from the end.
        var proseAfter = [Bool](repeating: false, count: blocks.count + 1)
        for i in stride(from: blocks.count - 1, through: 0, by: -1) {
            proseAfter[i] = proseAfter[i + 1] || HTMLBodyText.isProse(page.blocks[blocks[i]])
        }
        var result: [Int] = []
        result.reserveCapacity(blocks.count)
        var i = 0
        while i < blocks.count {
            guard isLinkLine(blocks[i]) else {
                result.append(blocks[i])
                i += 1
                continue
            }
            var end = i
            while end < blocks.count, isLinkLine(blocks[end]) { end += 1 }
            let atEnd = !proseAfter[end]
            if end - i >= (atEnd ? 2 : 3) {
                if let label = result.last, isListLabel(page.blocks[label], page: page) { result.removeLast() }
            } else {
                result.append(blocks[i])
            }
            i = end
        }
        return result
    }

    /// The blocks without the byline and timestamp rows above the story's first paragraph
    /// (`By Jane Reporter`, `Nov. 20, 2019, 9:28 AM UTC`, `19.11.2019, 08:57`), which pages
    /// that do not name them in their markup still set apart as short lines.
    private static func withoutLeadingMetadata(_ blocks: [Int], page: HTMLBodyText) -> [Int] {
        var result: [Int] = []
        for (i, b) in blocks.enumerated() {
            if page.withBytes(page.blocks[b], isBylineOrTimestamp) { continue }
            result.append(b)
            if page.blocks[b].chars >= leadParagraph { return result + blocks[(i + 1)...] }
        }
        return result
    }

    /// The least length of the paragraph that starts a story, in characters.
    static let leadParagraph: Int32 = 80

    /// A short line that is a byline (`By …`) or holds a date (`Nov. 20, 2019`,
    /// `2018-09-16`, `05/10/2018`) without being a sentence.
    static func isBylineOrTimestamp(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count < 120, let last = bytes.last else { return false }
        // `.`, `!`, `?`, `"`, `”`: the end of a sentence that mentions a date or starts "By".
        if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), 0x9D].contains(last) { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("By ") || text.hasPrefix("by ") || text.hasPrefix("BY ") {
            // A name follows, not a word of a sentence (`By the time …`).
            let next = bytes.dropFirst(3).first ?? 0
            if !(next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) { return true }
        }
        if StoryDate(parsing: text) != nil { return true }
        // Digit groups joined by `-`, `/` or `.`, one of them a year: a numeric date.
        var groups: [Int] = []
        var run = 0
        var previousSeparator = false
        func endGroup() {
            if run > 0 { groups.append(run) }
            run = 0
        }
        for b in bytes {
            if b >= 0x30, b <= 0x39 {
                run += 1
                previousSeparator = false
            } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")) && run > 0 && !previousSeparator {
                groups.append(run)
                run = 0
                previousSeparator = true
                continue
            } else {
                endGroup()
                if groups.count >= 3, isNumericDate(groups.suffix(3)) { return true }
                groups = []
                previousSeparator = false
            }
        }
        endGroup()
        return groups.count >= 3 && isNumericDate(groups.suffix(3))
    }

    private static func isNumericDate(_ widths: ArraySlice<Int>) -> Bool {
        let w = Array(widths)
        return (w[0] == 4 && w[1] <= 2 && w[2] <= 2) || (w[0] <= 2 && w[1] <= 2 && w[2] == 4)
    }

    /// A short line that does not end a sentence: the title of the list after it.
    private static func isListLabel(_ block: HTMLBodyText.Block, page: HTMLBodyText) -> Bool {
        guard block.chars <= 50, block.links == 0 else { return false }
        return page.withBytes(block) { bytes in
            guard let last = bytes.last else { return false }
            // `…` or `...` or `:` end a label; a single `.`, `!`, `?` a sentence.
            if last == UInt8(ascii: ":") || last == 0xA6 { return true }
            if bytes.count >= 3, bytes.suffix(3).allSatisfy({ $0 == UInt8(ascii: ".") }) { return true }
            return last != UInt8(ascii: ".") && last != UInt8(ascii: "!") && last != UInt8(ascii: "?")
                && last != UInt8(ascii: "\"") && last != 0x9D
        }
    }

    /// For each element of the subtree of `root` (by index from `root`), whether it is left
    /// out of the story with its subtree.
    private static func removedElements(below root: Int, page: HTMLBodyText, content: HTMLMainContent,
                                        counts: SubtreeCounts) -> [Bool] {
        let end = Int(page.elements[root].endElement)
        var removed = [Bool](repeating: false, count: end - root)
        guard end > root + 1 else { return removed }
        for e in (root + 1)..<end {
            let element = page.elements[e]
            let parent = Int(element.parent)
            if parent > root, removed[parent - root] {
                removed[e - root] = true
                continue
            }
            let furniture = Int(content.furniture[e])
            if furniture > root {
                removed[e - root] = true
                continue
            }
            removed[e - root] = element.tag == .figcaption
                || isClutter(e, page: page, counts: counts, useVocabulary: content.useVocabulary)
        }
        return removed
    }

    /// Readability's conditional cleaning: a box inside the story that is mostly links,
    /// holds form controls, or is a heading-less scrap of linked text.
    private static func isClutter(_ e: Int, page: HTMLBodyText, counts: SubtreeCounts, useVocabulary: Bool) -> Bool {
        let element = page.elements[e]
        switch element.tag {
        case .div, .section, .ul, .ol, .table, .form, .fieldset, .dl, .aside, .figure:
            break
        default:
            return false
        }
        let weight = HTMLMainContent.classWeight(element, useVocabulary: useVocabulary)
        let totals = page.totals(of: e)
        guard totals.bytes > 0 else { return false }
        if weight < 0 { return true }
        var commas = 0
        for b in element.blockRange { commas += Int(page.blocks[b].commas) }
        if commas >= 10 { return false }
        let linkDensity = Double(totals.linkBytes) / Double(totals.bytes)
        let p = counts.paragraphs[e]
        let li = counts.listItems[e]
        let isList = element.tag == .ul || element.tag == .ol || counts.listItemChars[e] * 10 > totals.chars * 9
        if Int(element.inputs) > p / 3 { return true }
        if !isList, li - 100 > p { return true }
        if element.tag != .figure, element.images > 1, p * 2 < element.images { return true }
        if !isList, totals.chars < 25, counts.headingChars[e] * 10 < totals.chars * 9,
           element.images == 0 || element.images > 2, linkDensity > 0 {
            return true
        }
        var remove = (!isList && weight < 25 && linkDensity > 0.2) || (weight >= 25 && linkDensity > 0.5)
        if isList, remove {
            // A plain list of links (one element per item) is kept: it may be a list of sources.
            remove = counts.complexItems[e] > 0
        }
        return remove
    }

    /// True when a block is the story's headline: a block whose text is the title, or an
    /// `<h1>` holding the title or held in it (`wanted` is the title made comparable).
    private static func isHeadline(_ block: HTMLBodyText.Block, page: HTMLBodyText, title wanted: String) -> Bool {
        let owner = page.elements[Int(block.owner)]
        // A block much longer than the title neither is it nor is held in it.
        guard Int(block.chars) <= 2 * wanted.unicodeScalars.count + 20 else { return false }
        let text = HTMLTitle.comparable(page.string(block))
        guard !text.isEmpty else { return false }
        if text == wanted { return true }
        let isHeading = owner.tag.isHeading || owner.marks.contains(.headline)
        return isHeading && owner.tag == .h1 && (wanted.contains(text) || text.contains(wanted))
    }

    /// A paragraph of three or more links and little else: tags, a menu, a row of related
    /// stories. (One link alone may be a source the story names.)
    static func isLinkList(_ block: HTMLBodyText.Block) -> Bool {
        block.links >= 3 && block.linkShare >= 0.8
    }

    /// A block that is only a label of the page: an advertisement marker or a loading notice.
    static func isLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count <= 24 else { return false }
        var word = String(decoding: bytes, as: UTF8.self).lowercased()
        while let last = word.last, last == "." || last == "\u{2026}" || last == ":" || last == " " { word.removeLast() }
        return labels.contains(word)
    }

    private static let labels: Set<String> = [
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "publicité",
        "werbung", "anzeige", "anuncio", "publicidad", "pubblicità", "reklama", "реклама", "广告",
        "advert", "adverts", "iklan", "publicidade", "anúncio", "annonce", "reklame",
        "loading", "cargando", "chargement", "caricamento", "загрузка",
    ]
}

/// Counts over each element's subtree that Readability's cleaning weighs.
private struct SubtreeCounts {
    /// Blocks of text in paragraphs or divisions.
    var paragraphs: [Int]
    var listItems: [Int]
    var listItemChars: [Int]
    var headingChars: [Int]
    /// Characters in paragraphs that read as prose: long, with few links.
    var proseChars: [Int]
    /// List items holding more than one element (a teaser with picture and summary, not a
    /// bare link).
    var complexItems: [Int]

    init(_ page: HTMLBodyText) {
        let n = page.elements.count
        paragraphs = [Int](repeating: 0, count: n)
        listItems = paragraphs
        listItemChars = paragraphs
        headingChars = paragraphs
        proseChars = paragraphs
        complexItems = paragraphs
        var children = paragraphs
        for e in 1..<max(1, n) { children[Int(page.elements[e].parent)] += 1 }
        for block in page.blocks {
            let owner = page.elements[Int(block.owner)]
            if owner.tag.isHeading { headingChars[Int(block.owner)] += Int(block.chars) }
            if block.chars >= 80, block.linkShare < 0.3 { proseChars[Int(block.owner)] += Int(block.chars) }
            // Paragraphs as Readability counts them: `<p>`, and divisions holding text.
            switch owner.tag {
            case .p, .div, .section, .article, .main, .blockquote, .pre, .td, .body: paragraphs[Int(block.owner)] += 1
            default: break
            }
        }
        var e = n - 1
        while e > 0 {
            let element = page.elements[e]
            if element.tag == .li {
                listItems[e] += 1
                listItemChars[e] = page.totals(of: e).chars
                if children[e] + Int(element.links) + Int(element.images) > 1 { complexItems[e] += 1 }
            }
            let parent = Int(element.parent)
            paragraphs[parent] += paragraphs[e]
            listItems[parent] += listItems[e]
            listItemChars[parent] += listItemChars[e]
            headingChars[parent] += headingChars[e]
            proseChars[parent] += proseChars[e]
            complexItems[parent] += complexItems[e]
            e -= 1
        }
    }
}
