@testable import NewsIndex

/// The stories of `Tests/Fixtures/languages/`: one event (the North Korean foreign
/// minister's talks with Lavrov in Moscow) as the wires write it in twelve languages, a page
/// that declares Brazilian Portuguese, and a story too short to tell (`und.txt`).
enum LanguageFixtures {
    /// File name and the language the story is in.
    static let stories: [(file: String, language: String)] = [
        ("en.txt", "en"), ("ru.txt", "ru"), ("ko.txt", "ko"), ("de.txt", "de"), ("fr.txt", "fr"), ("es.txt", "es"),
        ("zh.txt", "zh"), ("ja.txt", "ja"), ("th.txt", "th"), ("vi.txt", "vi"), ("tr.txt", "tr"), ("ar.txt", "ar"),
        ("pt.html", "pt"), ("und.txt", "und"),
    ]

    /// The bytes of one fixture.
    static func bytes(_ file: String) throws -> [UInt8] {
        try repositoryFile("Tests/Fixtures/languages/" + file)
    }

    /// A copy of every fixture in `corpus`, indexed into `index`.
    static func indexedReader(in corpus: TemporaryDirectory, index: TemporaryDirectory) throws -> IndexReader {
        for (file, _) in stories { corpus.write(file, bytes: try bytes(file)) }
        return try NewsIndexTests.indexedReader(of: corpus, into: index)
    }
}
