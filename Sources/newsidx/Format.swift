/// Number formatting for people (no Foundation: it is heavy to load for a CLI).
enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((abs(value) * scale).rounded())
        let whole = n / Int(scale), frac = n % Int(scale)
        let fracText = String(frac)
        let sign = value < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fracText.count) + fracText
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1 << 20 ? fixed(Double(bytes) / 1024, 1) + " KB" : fixed(Double(bytes) / 1_048_576, 1) + " MB"
    }

    /// A short duration for people: `0.42 ms`, `3.1 ms`, `120 ms`.
    static func milliseconds(_ d: Duration) -> String {
        let c = d.components
        let ms = Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
        return fixed(ms, ms < 1 ? 2 : ms < 100 ? 1 : 0) + " ms"
    }
}
