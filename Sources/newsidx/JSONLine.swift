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
        text += "[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
    }

    var line: String { text + "}" }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
