/// Turns text into index terms: Unicode-aware word tokens, case- and diacritic-folded.
///
/// Indexing and querying share one analyzer so that a query term matches the terms indexed
/// from the same word in any case, accent or width (`Über`, `uber` and `ＵＢＥＲ` all give
/// `uber`). `Tokenizer` documents where tokens start and end; `CaseFolding` how they fold;
/// `EnglishStemmer` how the standard analyzer then reduces English words to their stems
/// (`talks`, `talked`, `talking` → `talk`), as the engines newsidx is compared with do. Every
/// word is indexed, stopwords included; queries leave out `StopWords.english` (see `QueryParser`).
public struct Analyzer: Sendable {
    /// Word tokens (UAX #29-style joiners for numbers, acronyms, apostrophes), folded, then
    /// stemmed with the Snowball English (Porter2) stemmer.
    public static let standard = Analyzer(tokenizer: Tokenizer(), stemsEnglish: true)

    /// Tokenizing and folding without stemming: the surface forms.
    public static let folding = Analyzer(tokenizer: Tokenizer(), stemsEnglish: false)

    private let tokenizer: Tokenizer
    private let stemsEnglish: Bool

    private init(tokenizer: Tokenizer, stemsEnglish: Bool) {
        self.tokenizer = tokenizer
        self.stemsEnglish = stemsEnglish
    }

    /// Names the analysis rules; recorded in the index so an index is never queried with other rules.
    ///
    /// Bumped whenever some text would give different terms (tokenizer rules, regenerated fold
    /// table, stemmer) or what a story is indexed with changes (3: its language term).
    public var identifier: String { stemsEnglish ? "standard-3" : "folding-2" }

    /// Calls `body` for each token in order: its folded term as UTF-8 bytes (valid only during the call)
    /// and the token's byte range in `text.utf8` (for snippets and highlighting).
    ///
    /// The range spans the token as written, joiners included (`U.S.` for `us`, `Korea's` for `korea`).
    public func forEachToken(
        in text: String,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, body) }
    }

    /// Like `forEachToken(in:_:)`, for UTF-8 bytes; ranges are offsets into `bytes`.
    ///
    /// Ill-formed UTF-8 is tolerated: each bad byte separates tokens like U+FFFD would.
    public func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        forEachToken(inUTF8: bytes, stemmingOnly: { _ in true }, body)
    }

    /// Like `forEachToken(in:_:)`, but stems only the tokens `worthStemming` accepts (given
    /// the folded, unstemmed token); the others are reported folded only. Stemming keeps a
    /// term's first letter, so a caller looking for particular terms can skip the stemmer
    /// for every token that cannot become one of them.
    public func forEachToken(
        in text: String,
        stemmingOnly worthStemming: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, stemmingOnly: worthStemming, body) }
    }

    /// Like `forEachToken(in:stemmingOnly:_:)`, for UTF-8 bytes (snippets tokenize only the
    /// stretches of a story that may hold a query term).
    func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        stemmingOnly worthStemming: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        forEachToken(inUTF8: bytes, stemming: { scratch, term in
            worthStemming(UnsafeBufferPointer(rebasing: scratch[..<term])) ? EnglishStemmer.stem(scratch, count: term) : term
        }, body)
    }

    /// Like `forEachToken(in:_:)`, stemming through `cache`: what an indexer calls for
    /// every field of every story.
    func forEachToken(
        in text: String, cache: StemCache,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in forEachToken(inUTF8: bytes, stemming: cache.stem, body) }
    }

    /// Tokenizes `bytes`, and for the standard analyzer hands each term's folded bytes (in a
    /// scratch buffer, with their count) to `stem`, which stems them in place and returns the
    /// stem's length. The stemmer never lengthens a term, so one scratch buffer the size of
    /// the longest term serves every token.
    @inline(__always)
    private func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>,
        stemming stem: (UnsafeMutableBufferPointer<UInt8>, Int) -> Int,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        guard stemsEnglish else { return tokenizer.forEachToken(in: bytes, body) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Tokenizer.maxTermLength) { scratch in
            tokenizer.forEachToken(in: bytes) { term, range in
                guard term.count <= scratch.count else { return body(term, range) }
                _ = scratch.initialize(fromContentsOf: term)
                let length = stem(scratch, term.count)
                body(UnsafeBufferPointer(rebasing: scratch[..<length]), range)
            }
        }
    }

    /// The folded terms of `text`, in order (queries, tests).
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachToken(in: text) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
        return terms
    }

    /// The folded terms of `text`, in order, without the words of `stopWords`, which are
    /// matched before stemming (as Lucene's stop filter runs before its stemmer), so that a
    /// stop word's stem never removes another word (`out` is a stop word, `outs` is not).
    public func terms(in text: String, excluding stopWords: StopWords) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            tokenizer.forEachToken(in: bytes) { term, _ in
                let word = String(decoding: term, as: UTF8.self)
                guard !stopWords.contains(word) else { return }
                terms.append(stemsEnglish ? EnglishStemmer.stem(word) : word)
            }
        }
        return terms
    }
}
