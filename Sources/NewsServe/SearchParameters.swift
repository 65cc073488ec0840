import NewsIndex

/// A parameter of a request that cannot be used, named, with what to send instead: the API
/// answers 400 with it, the page shows it.
struct ParameterError: Error, Equatable {
    var parameter: String
    var message: String
}

/// What `/search` and `/api/search` are asked, checked: every value within its bounds, or a
/// `ParameterError` naming the parameter.
struct SearchParameters: Sendable, Equatable {
    static let maxQueryBytes = 1_000
    static let maxLimit = 100
    static let maxOffset = 10_000
    static let pageSize = 10

    var query: String
    var mode: Query.Mode = .all
    var sort: SortOrder = .relevance
    /// `since` and `until` as written, and the range they leave open.
    var since: String?
    var until: String?
    var window: DateRange?
    var source: String?
    var place: String?
    /// `lang`: only stories in this language (a primary subtag, or `und`).
    var language: String?
    var offset = 0
    var limit = pageSize
    var facets = false
    /// `feedback`: pseudo-relevance feedback, always (`1`) or where the first pass calls
    /// for it (`auto`); nil for none.
    var feedback: RelevanceModel?

    /// The page's 1-based number, from `offset`.
    var page: Int { offset / Self.pageSize + 1 }

    /// Reads `query`. `paged` takes `page` (the HTML page), otherwise `limit` and `offset`
    /// (the API); `today` anchors relative dates (`since=7d`).
    init(_ query: QueryString, paged: Bool, today: StoryDate?) throws(ParameterError) {
        guard let q = query["q"], !q.allSatisfy(\.isWhitespace) else {
            throw ParameterError(parameter: "q", message: "q is missing or empty: give something to search for, e.g. q=Lavrov+Kursk")
        }
        guard q.utf8.count <= Self.maxQueryBytes else {
            throw ParameterError(parameter: "q", message: "q is \(q.utf8.count) bytes long; at most \(Self.maxQueryBytes) are searched")
        }
        self.query = q
        if let any = query["any"] {
            guard any == "1" || any == "0" || any.isEmpty else {
                throw ParameterError(parameter: "any", message: "any must be 1 (any word may match) or 0 (every word must)")
            }
            mode = any == "1" ? .any : .all
        }
        if let s = query["sort"], !s.isEmpty {
            guard let order = SortOrder(rawValue: s) else {
                throw ParameterError(parameter: "sort", message: "sort must be relevance, newest or oldest")
            }
            sort = order
        }
        for (name, keepFirst) in [("since", true), ("until", false)] {
            guard let value = query[name], !value.isEmpty else { continue }
            let range: DateRange
            do {
                range = try DateRange.parse(value, today: today)
            } catch {
                throw ParameterError(parameter: name, message: "\(name) '\(value)' is not a date: write 2025-10-27, 2025-10, 2025, or 7d, 2w, 3m, 1y back from today")
            }
            let open = keepFirst ? DateRange(first: range.first, last: nil) : DateRange(first: nil, last: range.last)
            window = (window ?? DateRange(first: nil, last: nil)).intersection(open)
            if keepFirst { since = value } else { until = value }
        }
        if let w = window, let a = w.first, let b = w.last, a > b {
            throw ParameterError(parameter: "since", message: "since is after until: no story can match")
        }
        source = query["source"].flatMap { $0.isEmpty ? nil : $0 }
        place = query["place"].flatMap { $0.isEmpty ? nil : $0 }
        for (name, value) in [("source", source), ("place", place)] {
            if let value, Analyzer.standard.terms(in: value).isEmpty {
                throw ParameterError(parameter: name, message: "\(name) '\(value)' has no word to look for")
            }
        }
        if let lang = query["lang"], !lang.isEmpty {
            guard let code = LanguageTag.filterCode(lang) else {
                throw ParameterError(parameter: "lang", message: "lang '\(lang)' is not a language code: give one such as en, ko, ru or zh (und for stories whose language is unknown)")
            }
            language = code
        }
        if paged {
            let page = try Self.integer(query, "page", default: 1, in: 1...(Self.maxOffset / Self.pageSize + 1))
            offset = (page - 1) * Self.pageSize
        } else {
            // The API's own parameters (no form sends them): given, they must be numbers.
            limit = try Self.integer(query, "limit", default: Self.pageSize, in: 1...Self.maxLimit, emptyIsDefault: false)
            offset = try Self.integer(query, "offset", default: 0, in: 0...Self.maxOffset, emptyIsDefault: false)
        }
        if let f = query["facets"] {
            guard f == "1" || f == "0" || f.isEmpty else {
                throw ParameterError(parameter: "facets", message: "facets must be 1 (count sources, places, languages and months) or 0")
            }
            facets = f == "1"
        }
        facets = facets || paged
        if let f = query["feedback"], !f.isEmpty, f != "0" {
            guard f == "1" || f == "auto" else {
                throw ParameterError(parameter: "feedback", message: "feedback must be 1 (search again with the best stories' words), auto (only where the best stories score alike) or 0")
            }
            feedback = RelevanceModel(adaptiveSlope: f == "auto" ? RelevanceModel.autoSlope : nil)
        }
    }

    /// `name`'s value, `value` when it is absent (or empty, as a form sends an empty field,
    /// when `emptyIsDefault`).
    static func integer(_ query: QueryString, _ name: String, default value: Int, in bounds: ClosedRange<Int>,
                        emptyIsDefault: Bool = true) throws(ParameterError) -> Int {
        guard let text = query[name], !text.isEmpty || !emptyIsDefault else { return value }
        guard let n = Int(text), bounds.contains(n) else {
            throw ParameterError(parameter: name, message: "\(name) must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound)")
        }
        return n
    }
}
