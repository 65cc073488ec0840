import NewsIndex

/// Builds one JSON object on one line, keys in the order they are added: the `--json`
/// contract promises key names and one object per line, and stable order helps readers.
/// The command line and the server (`newsidx serve`'s API) write the same objects.
public struct JSONLine: Sendable {
    private var text = "{"
    private var first = true

    private mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        text += JSONLine.quote(k) + ":"
    }

    public mutating func add(_ k: String, _ v: String?) {
        key(k)
        text += v.map(JSONLine.quote) ?? "null"
    }

    public mutating func add(_ k: String, _ v: Int) {
        key(k)
        text += String(v)
    }

    public mutating func add(_ k: String, _ v: Bool) {
        key(k)
        text += v ? "true" : "false"
    }

    public mutating func add(_ k: String, _ v: UInt64) {
        key(k)
        text += String(v)
    }

    public mutating func add(_ k: String, _ v: Double) {
        key(k)
        text += v.isFinite ? "\(v)" : "null"
    }

    public mutating func add(_ k: String, _ v: [String]) {
        key(k)
        text += "[" + v.map(JSONLine.quote).joined(separator: ",") + "]"
    }

    public mutating func add(_ k: String, ranges: [Range<Int>]) {
        key(k)
        // Appended piece by piece: an unspecialized `joined` costs a conformance-table scan.
        text += "["
        for (i, r) in ranges.enumerated() { text += (i == 0 ? "[" : ",[") + String(r.lowerBound) + "," + String(r.upperBound) + "]" }
        text += "]"
    }

    public mutating func add(_ k: String, _ v: JSONLine) {
        key(k)
        text += v.line
    }

    public mutating func add(_ k: String, _ v: [JSONLine]) {
        key(k)
        text += "["
        for (i, o) in v.enumerated() { text += (i == 0 ? "" : ",") + o.line }
        text += "]"
    }

    public init() {}

    public var line: String { text + "}" }

    /// The keys that name a story inside another object (a hit's `similar`, a `dups`
    /// cluster's `members`): `id`, `root`, `path`, `title`, `date`.
    public static func storyReference(id: UInt64, root: String, path: String, title: String, date: StoryDate?) -> JSONLine {
        var o = JSONLine()
        o.add("id", id)
        o.add("root", root)
        o.add("path", path)
        o.add("title", title)
        o.add("date", date?.description)
        return o
    }

    /// `feedback_terms`, in `search --json` and the API: each word feedback added, as people
    /// read it, with its weight.
    public static func feedbackTerms(_ terms: [FeedbackTerm]) -> [JSONLine] {
        terms.map { t in
            var o = JSONLine()
            o.add("term", AlternativeTerms.display(t.term))
            o.add("weight", t.weight)
            return o
        }
    }

    /// A JSON string literal; works on UTF-8 bytes and copies runs that need no escaping.
    public static func quote(_ s: String) -> String {
        var s = s
        return s.withUTF8 { u -> String in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 2)
            out.append(0x22)
            var runStart = 0
            for (i, b) in u.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                runStart = i + 1
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart...]))
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension JSONLine {
    /// A search hit as `newsidx search --json` and `/api/search` give it, before the keys
    /// of the page it is on (`total_hits`, `cluster`, `similar`, …).
    public static func hit(rank: Int, score: Double, stored: StoredStory, snippet: Snippet, queryID: String?) -> JSONLine {
        var o = JSONLine()
        if let queryID { o.add("qid", queryID) }
        o.add("rank", rank)
        o.add("id", stored.id)
        o.add("root", stored.root)
        o.add("path", stored.path)
        o.add("title", stored.story.title)
        o.add("date", stored.story.date?.description)
        o.add("source", stored.story.source)
        o.add("score", score)
        o.add("snippet", snippet.text)
        o.add("highlights", ranges: snippet.highlights)
        o.add("url", stored.story.url)
        o.add("byline", stored.story.byline)
        o.add("place", stored.story.place)
        o.add("lang", stored.story.language)
        var fragments: [JSONLine] = []
        for f in snippet.fragments {
            var fragment = JSONLine()
            fragment.add("text", f.text)
            fragment.add("highlights", ranges: f.highlights)
            fragment.add("start", f.storyRange.lowerBound)
            fragment.add("end", f.storyRange.upperBound)
            fragments.append(fragment)
        }
        o.add("fragments", fragments)
        return o
    }

    /// A story as `newsidx extract --json` gives it: `path`, `format` (nil when unknown),
    /// `title`, `date`, `source`, `byline`, `url`, `lang`, `body`.
    public static func story(_ s: Story, path: String, format: String?) -> JSONLine {
        var o = JSONLine()
        o.add("path", path)
        o.add("format", format)
        o.add("title", s.title)
        o.add("date", s.date?.description)
        o.add("source", s.source)
        o.add("byline", s.byline)
        o.add("url", s.url)
        o.add("lang", s.language)
        o.add("body", s.body)
        return o
    }

    /// What the index holds, as `newsidx stats --json` gives it: `stories`, `languages`
    /// (stories per language code, most first), `terms`,
    /// `segments`, `bytes`, `roots`.
    public static func stats(of reader: IndexReader) throws(IndexError) -> JSONLine {
        var o = JSONLine()
        o.add("stories", reader.documentCount)
        var languages = JSONLine()
        for (code, stories) in try reader.storiesPerLanguage() { languages.add(code, stories) }
        o.add("languages", languages)
        o.add("terms", try reader.distinctTermCount())
        o.add("segments", reader.manifest.segments.count)
        o.add("bytes", try reader.bytesOnDisk())
        o.add("roots", reader.manifest.roots.map(\.path))
        return o
    }
}
