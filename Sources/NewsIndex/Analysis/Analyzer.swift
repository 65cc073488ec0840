/// Turns text into index terms: Unicode-aware word tokens, case- and diacritic-folded.
///
/// Indexing and querying share one analyzer so that a query term matches the terms indexed
/// from the same word in any case, accent or width (`Über`, `uber` and `ＵＢＥＲ` all give
/// `uber`). `Tokenizer` documents where tokens start and end; `CaseFolding` how they fold.
/// No stemming, no stopwords.
public struct Analyzer: Sendable {
    /// Word tokens (UAX #29-style joiners for numbers, acronyms, apostrophes), folded.
    public static let standard = Analyzer(tokenizer: Tokenizer())

    private let tokenizer: Tokenizer

    private init(tokenizer: Tokenizer) {
        self.tokenizer = tokenizer
    }

    /// Names the analysis rules; recorded in the index so an index is never queried with other rules.
    ///
    /// Bumped whenever some text would give different terms (tokenizer rules, regenerated fold table).
    public var identifier: String { "standard-1" }

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
        // Term filters (stemming) go here, rewriting each term between the tokenizer and `body`.
        tokenizer.forEachToken(in: bytes, body)
    }

    /// The folded terms of `text`, in order (queries, tests).
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachToken(in: text) { term, _ in terms.append(String(decoding: term, as: UTF8.self)) }
        return terms
    }
}
