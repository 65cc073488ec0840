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
    /// The languages query words are analysed for (`terms(in:)`, `queryWords(in:)`).
    public private(set) var queryLanguages = QueryLanguages.english

    private init(tokenizer: Tokenizer, stemsEnglish: Bool) {
        self.tokenizer = tokenizer
        self.stemsEnglish = stemsEnglish
    }

    /// This analyzer, reading queries for `languages` (an index's, `IndexReader.queryAnalyzer`).
    public func forQueries(_ languages: QueryLanguages) -> Analyzer {
        var copy = self
        copy.queryLanguages = languages
        return copy
    }

    /// Names the analysis rules; recorded in the index so an index is never queried with other rules.
    ///
    /// Bumped whenever some text would give different terms (tokenizer rules, regenerated fold
    /// table, stemmer) or what a story is indexed with changes (3: its language term; 4: the
    /// analysis of its language, CJK pairs, Thai words).
    public var identifier: String { stemsEnglish ? "standard-4" : "folding-3" }

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

    /// Calls `body` with each token of `text` as a story in `language` is indexed: English
    /// through the stem cache; a language with its own analysis, for words in its script,
    /// through `context` (lower-cased, stemmed, folded); everything else folded.
    func forEachToken(
        in text: String, language: LanguageAnalysis, context: AnalysisContext,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, language: language, context: context, body) }
    }

    /// Calls `body` with each token of `text` as a story in the language `code` is indexed
    /// (a page marking the query's words in a whole story).
    public func forEachToken(
        in text: String, language code: String, _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        forEachToken(in: text, language: .of(code), context: AnalysisContext(), body)
    }

    /// Like `forEachToken(in:language:context:_:)`, for UTF-8 bytes.
    func forEachToken(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, language: LanguageAnalysis, context: AnalysisContext,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ utf8Range: Range<Int>) -> Void
    ) {
        guard stemsEnglish else { return tokenizer.forEachToken(in: bytes, body) }
        if language.stemsEnglish { return forEachToken(inUTF8: bytes, stemming: context.englishStems.stem, body) }
        guard language.isSpecific, let script = language.script else { return tokenizer.forEachToken(in: bytes, body) }
        let terms = context.terms(of: language)
        tokenizer.forEachToken(in: bytes) { term, range in
            guard LanguageAnalysis.Script(of: term) == script else { return body(term, range) }
            let analysed = terms.term(written: UnsafeBufferPointer(rebasing: bytes[range]), folded: term)
            guard !analysed.isEmpty, analysed.count <= Tokenizer.maxTermLength else { return body(term, range) }
            analysed.withUnsafeBufferPointer { body($0, range) }
        }
    }

    /// One word of a query: its term (alternatives joined, `AlternativeTerms`) and the word
    /// in lower case as written, which stop lists are matched against.
    public struct QueryWord: Sendable, Equatable {
        public var term: String
        public var lowerCase: String
    }

    /// The words of query text, each analysed for `queryLanguages`.
    public func queryWords(in text: String) -> [QueryWord] {
        var words: [QueryWord] = []
        let context = AnalysisContext()
        var text = text
        text.withUTF8 { bytes in
            tokenizer.forEachToken(in: bytes) { folded, range in
                let written = UnsafeBufferPointer(rebasing: bytes[range])
                let lower = String(decoding: AnalysisContext.lowerCase(written, folded: folded), as: UTF8.self)
                guard stemsEnglish else {
                    return words.append(QueryWord(term: String(decoding: folded, as: UTF8.self), lowerCase: lower))
                }
                let (specific, neutral) = queryLanguages.analyses(for: LanguageAnalysis.Script(of: folded))
                var alternatives: [String] = []
                func add(_ term: String) { if !alternatives.contains(term) { alternatives.append(term) } }
                for language in specific {
                    if language.stemsEnglish {
                        add(EnglishStemmer.stem(String(decoding: folded, as: UTF8.self)))
                    } else {
                        add(String(decoding: context.terms(of: language).term(written: written, folded: folded), as: UTF8.self))
                    }
                }
                if neutral || alternatives.isEmpty { add(String(decoding: folded, as: UTF8.self)) }
                words.append(QueryWord(term: AlternativeTerms.join(alternatives), lowerCase: lower))
            }
        }
        return words
    }

    /// The words of `text` in lower case as written (`QueryWord.lowerCase`), without
    /// analysing them further: what choosing a query's stop list needs.
    func lowerCaseWords(in text: String) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            tokenizer.forEachToken(in: bytes) { folded, range in
                words.append(String(decoding: AnalysisContext.lowerCase(UnsafeBufferPointer(rebasing: bytes[range]), folded: folded), as: UTF8.self))
            }
        }
        return words
    }

    /// The terms of query text, in order: each word's alternatives joined (`queryWords`).
    public func terms(in text: String) -> [String] {
        queryWords(in: text).map(\.term)
    }

    /// The terms of query text, in order, without its stop words (those of the query's
    /// likeliest language, `QueryLanguages.stopWords(for:)`), which are matched before
    /// stemming (as Lucene's stop filter runs before its stemmer), so that a stop word's stem
    /// never removes another word (`out` is a stop word, `outs` is not).
    public func termsWithoutStopWords(in text: String) -> [String] {
        let words = queryWords(in: text)
        guard let stopWords = queryLanguages.stopWords(for: { words.map(\.lowerCase) }) else { return words.map(\.term) }
        return words.filter { !stopWords.contains($0.lowerCase) }.map(\.term)
    }
}
