import NewsIndex
import NewsJSON

/// A file of queries for `search --queries`: one `qid<TAB>query` per line, as TREC topic
/// files are commonly flattened. Blank lines and lines starting with `#` are passed over.
enum QueryBatch {
    struct Entry {
        var id: String
        var text: String
    }

    static func load(_ path: String) throws(CommandFailure) -> [Entry] {
        let bytes: [UInt8]
        switch SourceFile.read(path, maxSize: 1 << 30) {
        case .success(let file): bytes = file.bytes
        case .failure(let problem): throw .usage("\(path): cannot read the queries file: \(problem)")
        }
        var entries: [Entry] = []
        for (n, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            guard let tab = line.firstIndex(of: "\t") else {
                throw .usage("\(path):\(n + 1): expected 'qid<TAB>query', found no tab")
            }
            entries.append(Entry(id: String(line[..<tab]), text: String(line[line.index(after: tab)...])))
        }
        return entries
    }
}

/// Per-query latencies, summarised as the `--stats` line.
struct LatencyStats {
    private var milliseconds: [Double] = []

    mutating func record(_ d: Duration) {
        let c = d.components
        milliseconds.append(Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
    }

    /// `{"queries":N,"p50_ms":…,"p95_ms":…,"mean_ms":…}`.
    func jsonLine() -> String {
        let sorted = milliseconds.sorted()
        func percentile(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let x = q * Double(sorted.count - 1)
            let lo = Int(x), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (x - Double(lo))
        }
        let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        var o = JSONLine()
        o.add("queries", sorted.count)
        o.add("p50_ms", percentile(0.5))
        o.add("p95_ms", percentile(0.95))
        o.add("mean_ms", mean)
        return o.line
    }
}
