import NewsIndex

/// Builds one JSON object on one line, keys in the order they are added: the `--json`
/// contract promises key names and one object per line, and stable order helps readers.
struct JSONLine {
    private var text = "{"
    private var first = true

    private mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        text += JSONLine.quote(k) + ":"
    }

    mutating func add(_ k: String, _ v: String?) {
        key(k)
        text += v.map(JSONLine.quote) ?? "null"
    }

    mutating func add(_ k: String, _ v: Int) {
        key(k)
        text += String(v)
    }

    mutating func add(_ k: String, _ v: Bool) {
        key(k)
        text += v ? "true" : "false"
    }

    mutating func add(_ k: String, _ v: UInt64) {
        key(k)
        text += String(v)
    }

    mutating func add(_ k: String, _ v: Double) {
        key(k)
        text += v.isFinite ? "\(v)" : "null"
    }

    mutating func add(_ k: String, _ v: [String]) {
        key(k)
        text += "[" + v.map(JSONLine.quote).joined(separator: ",") + "]"
    }

    mutating func add(_ k: String, ranges: [Range<Int>]) {
        key(k)
        // Appended piece by piece: an unspecialized `joined` costs a conformance-table scan.
        text += "["
        for (i, r) in ranges.enumerated() { text += (i == 0 ? "[" : ",[") + String(r.lowerBound) + "," + String(r.upperBound) + "]" }
        text += "]"
    }

    mutating func add(_ k: String, _ v: JSONLine) {
        key(k)
        text += v.line
    }

    mutating func add(_ k: String, _ v: [JSONLine]) {
        key(k)
        text += "["
        for (i, o) in v.enumerated() { text += (i == 0 ? "" : ",") + o.line }
        text += "]"
    }

    var line: String { text + "}" }

    /// The keys that name a story inside another object (a hit's `similar`, a `dups`
    /// cluster's `members`): `id`, `root`, `path`, `title`, `date`.
    static func storyReference(id: UInt64, root: String, path: String, title: String, date: StoryDate?) -> JSONLine {
        var o = JSONLine()
        o.add("id", id)
        o.add("root", root)
        o.add("path", path)
        o.add("title", title)
        o.add("date", date?.description)
        return o
    }

    /// A JSON string literal; works on UTF-8 bytes and copies runs that need no escaping.
    static func quote(_ s: String) -> String {
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
