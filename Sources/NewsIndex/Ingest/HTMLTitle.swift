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

    private static func splitLast(_ text: String) -> (String, String)? {
        var best: Range<String.Index>?
        for separator in separators {
            if let r = text.range(ofLast: separator), best == nil || r.lowerBound > best!.lowerBound { best = r }
        }
        guard let r = best else { return nil }
        let head = String(text[..<r.lowerBound]), tail = String(text[r.upperBound...])
        guard !comparable(head).isEmpty, !comparable(tail).isEmpty else { return nil }
        return (head, tail)
    }

    private static func splitFirst(_ text: String) -> (String, String)? {
        var best: Range<String.Index>?
        for separator in separators {
            if let r = text.range(ofFirst: separator), best == nil || r.lowerBound < best!.lowerBound { best = r }
        }
        guard let r = best else { return nil }
        let head = String(text[..<r.lowerBound]), tail = String(text[r.upperBound...])
        guard !comparable(head).isEmpty, !comparable(tail).isEmpty else { return nil }
        return (head, tail)
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " }).count
    }
}

private extension String {
    func range(ofFirst needle: String) -> Range<String.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }

    func range(ofLast needle: String) -> Range<String.Index>? {
        var i = endIndex
        while i > startIndex {
            i = index(before: i)
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
        }
        return nil
    }
}
