internal import CStemmer

/// One language's stemmer from Snowball's own C library (Debian `libstemmer0d`, 2.2.0, opened
/// on first use: `newsidx_stemmer.h`): the algorithms the Snowball project publishes, as
/// Lucene's and Xapian's stemmers run them.
///
/// A stemmer keeps its working buffer inside, so one instance serves one thread; an
/// `AnalysisContext` owns one per language.
final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// Whether libstemmer is installed; without it, words are folded but not stemmed.
    static var isAvailable: Bool { newsidx_stemmer_available() > 0 }

    /// The stemmer of `algorithm` (`russian`), or nil when the library or the algorithm is missing.
    init?(algorithm: String) {
        guard let stemmer = newsidx_stemmer_new(algorithm) else { return nil }
        self.stemmer = stemmer
    }

    deinit { newsidx_stemmer_delete(stemmer) }

    /// The stem of `word` (lower case, diacritics as written), or nil when the library
    /// runs out of memory.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let base = word.baseAddress else { return nil }
        var length: Int32 = 0
        guard let out = newsidx_stem(stemmer, base, Int32(word.count), &length) else { return nil }
        return UnsafeBufferPointer(start: out, count: Int(length))
    }

    /// The stem of `word`, for queries and tests.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in stem(bytes).map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes, as: UTF8.self) }
    }
}
