/// The HTML elements the body reader tells apart, looked up from libxml2's lower-cased
/// element name without building a string for it.
enum HTMLTag: UInt8 {
    case other
    // Structure of the story.
    case p, div, section, article, main, span, a, br, hr, body, html
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd, menu, dir
    case blockquote, pre, address, center, details, summary, dialog, fieldset, legend
    case table, thead, tbody, tfoot, tr, td, th, caption
    case figure, figcaption, picture, img, time
    // Page furniture.
    case nav, header, footer, aside, form
    // Never read.
    case script, style, noscript, template, iframe, svg, math, button, select, textarea,
         input, label, option, object, embed, canvas, audio, video, head, title, meta, link

    /// How an element's text takes part in the page's text.
    enum Layout {
        /// Not read at all.
        case skipped
        /// Starts and ends a paragraph.
        case block
        /// Separates words (table cells).
        case cell
        /// Joins its text to its neighbours'.
        case inline
    }

    var layout: Layout {
        switch self {
        case .script, .style, .noscript, .template, .iframe, .svg, .math, .button, .select,
             .textarea, .input, .option, .object, .embed, .canvas, .audio, .video, .head, .title,
             .meta, .link:
            return .skipped
        case .p, .div, .section, .article, .main, .br, .hr, .body, .html, .h1, .h2, .h3, .h4,
             .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd, .menu, .dir, .blockquote, .pre,
             .address, .center, .details, .summary, .dialog, .fieldset, .legend, .table, .thead,
             .tbody, .tfoot, .tr, .caption, .figure, .figcaption, .nav, .header, .footer, .aside,
             .form:
            return .block
        case .td, .th:
            return .cell
        case .other, .span, .a, .picture, .img, .time, .label:
            return .inline
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Page furniture by its element alone: navigation, the page's or a section's header and
    /// footer, asides, forms.
    var isFurniture: Bool {
        switch self {
        case .nav, .header, .footer, .aside, .form, .menu, .dialog: true
        default: false
        }
    }

    /// Elements whose own text makes a paragraph of prose (as opposed to containers that
    /// group paragraphs).
    var isParagraph: Bool {
        switch self {
        case .p, .pre, .blockquote, .li, .dd, .dt, .td, .th, .address, .h1, .h2, .h3, .h4, .h5, .h6,
             .figcaption, .caption, .summary, .legend:
            true
        default:
            false
        }
    }

    /// The tag named by a NUL-terminated lower-case name.
    init(name: UnsafePointer<UInt8>) {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            guard length < 8 else {
                self = Self.long(name)
                return
            }
            key |= UInt64(name[length]) << (8 * UInt64(length))
            length += 1
        }
        self = Self.byKey[key] ?? .other
    }

    /// Names longer than 8 bytes.
    private static func long(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        switch String(cString: name) {
        case "blockquote": .blockquote
        case "figcaption": .figcaption
        default: .other
        }
    }

    private static let byKey: [UInt64: HTMLTag] = {
        let names: [(String, HTMLTag)] = [
            ("p", .p), ("div", .div), ("section", .section), ("article", .article), ("main", .main),
            ("span", .span), ("a", .a), ("br", .br), ("hr", .hr), ("body", .body), ("html", .html),
            ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("hgroup", .hgroup),
            ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd), ("menu", .menu),
            ("dir", .dir), ("pre", .pre), ("address", .address), ("center", .center),
            ("details", .details), ("summary", .summary), ("dialog", .dialog), ("fieldset", .fieldset),
            ("legend", .legend), ("table", .table), ("thead", .thead), ("tbody", .tbody),
            ("tfoot", .tfoot), ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption),
            ("figure", .figure), ("picture", .picture), ("img", .img), ("time", .time),
            ("nav", .nav), ("header", .header), ("footer", .footer), ("aside", .aside), ("form", .form),
            ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
            ("iframe", .iframe), ("svg", .svg), ("math", .math), ("button", .button),
            ("select", .select), ("textarea", .textarea), ("input", .input), ("label", .label),
            ("option", .option), ("object", .object), ("embed", .embed), ("canvas", .canvas),
            ("audio", .audio), ("video", .video), ("head", .head), ("title", .title), ("meta", .meta),
            ("link", .link),
        ]
        var table: [UInt64: HTMLTag] = [:]
        for (name, tag) in names {
            var key: UInt64 = 0
            for (i, b) in name.utf8.enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
            table[key] = tag
        }
        return table
    }()
}
