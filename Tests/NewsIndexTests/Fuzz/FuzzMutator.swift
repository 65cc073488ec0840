/// A small, fast, seedable generator (SplitMix64): the same seed gives the same inputs, so
/// a failure in `make test` reproduces.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations of real inputs in the manner of a fuzzer's havoc stage: bit flips, interesting
/// bytes, truncations, splices with another seed, duplicated runs (deep nesting), and
/// markup and entity fragments inserted where they break parsers most.
struct FuzzMutator {
    var rng: SplitMix64
    let seeds: [[UInt8]]
    /// Inputs are kept below this size: a mutation that would pass it truncates instead.
    let maxLength: Int

    static let fragments: [String] = [
        "<", ">", "</", "/>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<br>",
        "<article>", "<![CDATA[", "]]>", "<!--", "-->", "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>", "&e;",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\"?>", "&amp;", "&#0;", "&#x10FFFF;",
        "&#xD800;", "&nbsp;", "<item>", "</item>", "<entry>", "</entry>", "<channel>", "<rss version=\"2.0\">",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<nitf>", "<body.content>", "<hl1>", "<newsItem>",
        "<newsMessage>", "<contentSet>", "<inlineXML>", "<meta property=\"og:title\" content=\"",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":", "{", "}", "[", "]",
        "\"", "'", "\u{0}", "\u{FEFF}", "\u{FFFD}", "é", "\u{301}", "🇰🇷", "\r\n", "\n\n", "date 2025-10-27 ",
        "SEOUL, Oct. 27 (Yonhap) -- ", "MOSCOW (Reuters) - ", "(END)", " -- AFP", "charset=windows-1252",
        "\u{1F}\u{8B}", "x", String(repeating: "a", count: 300),
    ].map { $0 }

    static let interestingBytes: [UInt8] = [0, 0x0A, 0x0D, 0x20, 0x22, 0x26, 0x2F, 0x3C, 0x3E, 0x7F, 0x80, 0xBF, 0xC0, 0xE0, 0xEF, 0xF0, 0xF8, 0xFE, 0xFF]

    init(seed: UInt64, seeds: [[UInt8]], maxLength: Int = 256 << 10) {
        rng = SplitMix64(seed: seed)
        self.seeds = seeds.isEmpty ? [[]] : seeds
        self.maxLength = maxLength
    }

    /// A seed with one to eight mutations stacked on it.
    mutating func next() -> [UInt8] {
        var bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
        for _ in 0..<Int.random(in: 1...8, using: &rng) { mutate(&bytes) }
        if bytes.count > maxLength { bytes.removeSubrange(maxLength...) }
        return bytes
    }

    private mutating func position(_ bytes: [UInt8]) -> Int { Int.random(in: 0...bytes.count, using: &rng) }

    mutating func mutate(_ bytes: inout [UInt8]) {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !bytes.isEmpty:  // flip a bit
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1 where !bytes.isEmpty:  // an interesting byte
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = Self.interestingBytes.randomElement(using: &rng)!
        case 2:  // truncate
            bytes.removeSubrange(position(bytes)...)
        case 3:  // cut a range out
            let a = position(bytes), b = position(bytes)
            bytes.removeSubrange(min(a, b)..<max(a, b))
        case 4:  // splice: this seed's head, another's tail
            let other = seeds.randomElement(using: &rng)!
            bytes = Array(bytes[..<position(bytes)]) + other[Int.random(in: 0...other.count, using: &rng)...]
        case 5:  // duplicate a run many times (deep nesting, long lines)
            let a = position(bytes), b = min(bytes.count, a + Int.random(in: 1...64, using: &rng))
            let run = Array(bytes[a..<b])
            let copies = Int.random(in: 2...200, using: &rng)
            bytes.insert(contentsOf: (0..<copies).flatMap { _ in run }, at: a)
        case 6, 7:  // markup, entities, datelines
            bytes.insert(contentsOf: Array(Self.fragments.randomElement(using: &rng)!.utf8), at: position(bytes))
        default:  // random bytes
            let n = Int.random(in: 1...16, using: &rng)
            bytes.insert(contentsOf: (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position(bytes))
        }
    }
}
