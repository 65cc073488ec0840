internal import CStemmer

/// One language's stemmer from Snowball's own C library (Debian `libstemmer-dev`, 2.2.0): the
/// algorithms the Snowball project publishes, as Lucene's and Xapian's stemmers run them.
///
/// A stemmer keeps its working buffer inside, so one instance serves one thread; an
/// `AnalysisContext` owns one per language.
final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// The stemmer of `algorithm` (`russian`), or nil when the library has none.
    init?(algorithm: String) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of `word` (lower case, diacritics as written), or nil when the library
    /// runs out of memory.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let base = word.baseAddress, let out = sb_stemmer_stem(stemmer, base, Int32(word.count)) else { return nil }
        return UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer)))
    }

    /// The stem of `word`, for queries and tests.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in stem(bytes).map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes, as: UTF8.self) }
    }
}
