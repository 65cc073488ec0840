/// Headlines as pages state them: the `<title>` of a page carries the site's name
/// (`Sweden drops Assange rape investigation - BBC News`, `Asian shares soft | Reuters`),
/// which is not part of the headline.
enum HTMLTitle {
    /// Separators between a headline and a site name, with the spaces around them.
    static let separators = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00BB} ", " \u{00B7} ", " // ", " \u{2022} ", " \u{2016} "]

    /// `title` without a site name before or after it.
    ///
    /// A part at either end, cut at a separator, goes when it is the site's name (or the
    /// site name starts it: `BBC News - Home`), or when it is the part after the last
    /// separator and short beside the headline (`… - The Denver Post`). A headline that
    /// holds a dash of its own keeps it: only one site-name part is cut from each end.
    ///
    /// With `onlySiteName`, as for `og:title`, which names the story and rarely the site,
    /// only a part that is the site's name goes.
    static func withoutSiteName(_ title: String, siteName: String?, onlySiteName: Bool = false) -> String {
        let site = siteName.map(comparable) ?? ""
        var result = title
        if let (head, tail) = splitLast(result) {
            let tailKey = comparable(tail)
            let isSite = !site.isEmpty && (tailKey == site || tailKey.hasPrefix(site) || site.hasPrefix(tailKey))
            let isShort = wordCount(tail) <= 4 && wordCount(head) >= 3 && wordCount(head) >= 2 * wordCount(tail)
            if isSite || (!onlySiteName && isShort) {
                result = head
            }
        }
        if !site.isEmpty, let (head, tail) = splitFirst(result) {
            let headKey = comparable(head)
            if headKey == site || headKey.hasPrefix(site) || site.hasPrefix(headKey) { result = tail }
        }
        return result
    }

    /// Lower-case letters and digits only, for comparing a heading with a title.
    static func comparable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    private static let separatorBytes = separators.map { Array($0.utf8) }

    /// The headline and site parts either side of the separator nearest the end of `text`.
    private static func splitLast(_ text: String) -> (String, String)? {
        split(text, fromEnd: true)
    }

    /// The parts either side of the separator nearest the start of `text`.
    private static func splitFirst(_ text: String) -> (String, String)? {
        split(text, fromEnd: false)
    }

    /// Searches the UTF-8 bytes: a separator is spaces around ASCII or a whole character,
    /// so a byte match is a match of characters.
    private static func split(_ text: String, fromEnd: Bool) -> (String, String)? {
        let bytes = Array(text.utf8)
        var found: Range<Int>?
        var i = fromEnd ? bytes.count - 1 : 0
        search: while i >= 0, i < bytes.count {
            if bytes[i] == 0x20 {
                for separator in separatorBytes where i + separator.count <= bytes.count
                    && bytes[i..<(i + separator.count)].elementsEqual(separator) {
                    found = i..<(i + separator.count)
                    break search
                }
            }
            i += fromEnd ? -1 : 1
        }
        guard let r = found else { return nil }
        let head = String(decoding: bytes[..<r.lowerBound], as: UTF8.self)
        let tail = String(decoding: bytes[r.upperBound...], as: UTF8.self)
        guard !comparable(head).isEmpty, !comparable(tail).isEmpty else { return nil }
        return (head, tail)
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " }).count
    }
}
