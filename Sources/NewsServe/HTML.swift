/// A piece of HTML whose interpolated values are escaped unless they are HTML themselves:
/// every string shown on a page comes from stories crawled off the open web, so escaping is
/// the default and markup has to be asked for.
///
///     let title = "<script>alert(1)</script>"
///     let row: HTML = "<h2>\(title)</h2>"   // <h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>
///
/// Escaping covers both element text and quoted attribute values (`&`, `<`, `>`, `"`, `'`),
/// so one rule serves both contexts; URLs go through `HTML.link(_:)`-style checks first.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var text: String

    init(stringLiteral literal: String) { text = literal }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    private init(trusted: String) { text = trusted }

    var description: String { text }

    static let empty = HTML(trusted: "")

    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        mutating func appendInterpolation(_ value: some BinaryInteger) { text += String(value) }
        mutating func appendInterpolation(_ value: HTML) { text += value.text }
        mutating func appendInterpolation(_ values: [HTML]) { for v in values { text += v.text } }
    }

    static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.text + b.text) }
    static func += (a: inout HTML, b: HTML) { a.text += b.text }

    /// `s` with the characters that end text or a quoted attribute replaced by references.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with the scalar ranges in `marks` (sorted, not overlapping) inside `<mark>`.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> HTML {
        let scalars = Array(text.unicodeScalars)
        var out = HTML.empty
        var at = 0
        for m in marks where m.lowerBound >= at && m.upperBound <= scalars.count {
            out += "\(String(String.UnicodeScalarView(scalars[at..<m.lowerBound])))"
            out += "<mark>\(String(String.UnicodeScalarView(scalars[m])))</mark>"
            at = m.upperBound
        }
        out += "\(String(String.UnicodeScalarView(scalars[at...])))"
        return out
    }
}

/// Links only to the web: a story's URL becomes a link when it is `http:` or `https:` (never
/// `javascript:`, `data:` or a relative path that would point into this server).
enum WebLink {
    static func isWeb(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        // No control characters or spaces: a browser would strip or reinterpret them.
        return !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }
}
