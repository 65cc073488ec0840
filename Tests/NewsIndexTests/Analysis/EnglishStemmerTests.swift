import Testing
@testable import NewsIndex

/// The Porter2 stemmer against the published algorithm's examples, rule by rule, and against
/// a sample of stems from the reference implementation (`Fixtures/porter2-sample.txt`).
@Suite struct EnglishStemmerTests {
    typealias Pair = (word: String, stem: String)

    @Test(arguments: [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
        ("consist", "consist"), ("consisted", "consist"), ("consistency", "consist"), ("consistent", "consist"),
        ("consistently", "consist"), ("consisting", "consist"), ("consists", "consist"),
        ("consolation", "consol"), ("consolations", "consol"), ("consolatory", "consolatori"), ("console", "consol"),
        ("consoled", "consol"), ("consoles", "consol"), ("consolidate", "consolid"), ("consolidated", "consolid"),
        ("consolidating", "consolid"), ("consoling", "consol"), ("consolingly", "consol"), ("consols", "consol"),
        ("consonant", "conson"), ("consort", "consort"), ("consorted", "consort"), ("consorting", "consort"),
        ("conspicuous", "conspicu"), ("conspicuously", "conspicu"), ("conspiracy", "conspiraci"),
        ("conspirator", "conspir"), ("conspirators", "conspir"), ("conspire", "conspir"), ("conspired", "conspir"),
        ("conspiring", "conspir"), ("constable", "constabl"), ("constables", "constabl"), ("constance", "constanc"),
        ("constancy", "constanc"), ("constant", "constant"),
    ])
    func publishedSampleOfConsWords(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("knack", "knack"), ("knackeries", "knackeri"), ("knacks", "knack"), ("knag", "knag"), ("knave", "knave"),
        ("knaves", "knave"), ("knavish", "knavish"), ("kneaded", "knead"), ("kneading", "knead"), ("knee", "knee"),
        ("kneel", "kneel"), ("kneeled", "kneel"), ("kneeling", "kneel"), ("kneels", "kneel"), ("knees", "knee"),
        ("knell", "knell"), ("knelt", "knelt"), ("knew", "knew"), ("knick", "knick"), ("knif", "knif"),
        ("knife", "knife"), ("knight", "knight"), ("knightly", "knight"), ("knights", "knight"), ("knit", "knit"),
        ("knits", "knit"), ("knitted", "knit"), ("knitting", "knit"), ("knives", "knive"), ("knob", "knob"),
        ("knobs", "knob"), ("knock", "knock"), ("knocked", "knock"), ("knocker", "knocker"),
        ("knockers", "knocker"), ("knocking", "knock"), ("knocks", "knock"), ("knopp", "knopp"), ("knot", "knot"),
        ("knots", "knot"),
    ])
    func publishedSampleOfKnWords(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Exceptional forms list 1: fixed stems, and words left as they are, matched as whole words only.
    @Test(arguments: [
        ("skis", "ski"), ("skies", "sky"), ("sky", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"), ("skying", "ski"), ("newsy", "newsi"), ("biases", "bias"),
    ])
    func exceptionalForms(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Exceptional forms list 2: left as step 1a leaves them, so their plurals join them.
    @Test(arguments: [
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("outings", "outing"),
        ("canning", "canning"), ("herring", "herring"), ("herrings", "herring"), ("earring", "earring"),
        ("earrings", "earring"), ("proceed", "proceed"), ("proceeds", "proceed"), ("exceed", "exceed"),
        ("exceeds", "exceed"), ("succeed", "succeed"), ("succeeds", "succeed"),
    ])
    func wordsInvariantAfterStep1a(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test(arguments: ["a", "i", "is", "be", "as", "us", "by", "ox", "ad"])
    func wordsOfOneOrTwoLettersAreUnchanged(word: String) {
        #expect(EnglishStemmer.stem(word) == word)
    }

    /// The algorithm is defined over `a`–`z`: other terms (numbers, other scripts, accented
    /// letters the analyzer keeps) pass through as they are.
    @Test(arguments: ["2025", "covid19", "38.13", "a380s", "ελλαδα", "москвы", "naïve", "jalapeños", "Running", "running-"])
    func termsWithOtherBytesAreUnchanged(word: String) {
        #expect(EnglishStemmer.stem(word) == word)
    }

    /// `gener`, `commun` and `arsen` end R1, so `generate`/`general` and `arsenic`/`arsenal` stay apart.
    @Test(arguments: [
        ("generate", "generat"), ("generated", "generat"), ("general", "general"), ("generally", "general"),
        ("generic", "generic"), ("generous", "generous"), ("generously", "generous"),
        ("communication", "communic"), ("communism", "communism"), ("community", "communiti"),
        ("communities", "communiti"), ("arsenic", "arsenic"), ("arsenal", "arsenal"), ("arsenals", "arsenal"),
    ])
    func exceptionalR1Prefixes(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// An initial `y` and a `y` after a vowel are consonants: never a vowel, never turned into `i`.
    @Test(arguments: [
        ("youth", "youth"), ("yelling", "yell"), ("boys", "boy"), ("toying", "toy"), ("employs", "employ"),
        ("employed", "employ"), ("sayings", "say"), ("enjoying", "enjoy"), ("cayenne", "cayenn"),
        ("buyers", "buyer"), ("eyes", "eye"), ("yay", "yay"),
    ])
    func yMarking(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 1a: `sses` → `ss`; `ied`/`ies` → `i` after two or more letters, else `ie`; `s` goes
    /// when a vowel precedes it other than just before it; `us` and `ss` stay.
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"), ("dies", "die"),
        ("gas", "gas"), ("this", "this"), ("gaps", "gap"), ("kiwis", "kiwi"), ("press", "press"),
        ("chorus", "chorus"),
    ])
    func step1aPlurals(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 1b: `eed` → `ee` in R1; `ed`/`ing` go after a vowel, then `at bl iz` take an `e`, a
    /// final double is undoubled, and a short word takes an `e`.
    @Test(arguments: [
        ("agreed", "agre"), ("feed", "feed"), ("exceedingly", "exceed"), ("bled", "bled"), ("sing", "sing"),
        ("hoping", "hope"), ("hopping", "hop"), ("hopped", "hop"), ("planned", "plan"), ("rubbing", "rub"),
        ("filing", "file"), ("used", "use"), ("sized", "size"), ("troubled", "troubl"), ("conflated", "conflat"),
        ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
    ])
    func step1bEdAndIng(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 1c: a final `y` after a non-vowel that is not the first letter becomes `i`.
    @Test(arguments: [("cry", "cri"), ("spy", "spi"), ("happy", "happi"), ("by", "by"), ("say", "say"), ("enjoy", "enjoy")])
    func step1cY(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 2, in R1: the longest suffix only; `ogi` after `l`; `li` after a valid `li` ending.
    @Test(arguments: [
        ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"), ("hesitanci", "hesit"),
        ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"),
        ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"),
        ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
        ("sensibiliti", "sensibl"), ("geology", "geolog"), ("knightly", "knight"), ("fluently", "fluentli"),
        ("lawlessly", "lawless"), ("hopefully", "hope"),
    ])
    func step2Suffixes(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 3, in R1 (`ative` in R2).
    @Test(arguments: [
        ("triplicate", "triplic"), ("formative", "format"), ("formalize", "formal"), ("electriciti", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"), ("sensational", "sensat"),
    ])
    func step3Suffixes(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 4, in R2; `ion` only after `s` or `t`.
    @Test(arguments: [
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"),
        ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologous", "homolog"), ("activate", "activ"), ("angulariti", "angular"), ("effective", "effect"),
        ("bowdlerize", "bowdler"), ("adhesion", "adhes"), ("opinion", "opinion"), ("region", "region"),
    ])
    func step4Suffixes(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// Step 5: `e` in R2, or in R1 not after a short syllable; `l` after `l` in R2.
    @Test(arguments: [
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("create", "creat"), ("controll", "control"),
        ("roll", "roll"), ("fulfill", "fulfil"), ("spell", "spell"),
    ])
    func step5FinalEAndL(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// The analyzer drops apostrophes, but the algorithm's handling of them holds all the same.
    @Test(arguments: [
        ("dog's", "dog"), ("dogs'", "dog"), ("dog's'", "dog"), ("'tis", "tis"), ("'abs", "ab"), ("''s", ""),
        ("it's", "it"), ("o'clock", "o'clock"),
    ])
    func apostrophes(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// The hot-path form: one buffer reused for several words, each the buffer's first `count`
    /// bytes, with stale bytes beyond it.
    @Test func stemsInPlaceInAReusedBuffer() {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 32)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: UInt8(ascii: "x"))
        var stems: [String] = []
        for word in ["consignment", "skies", "generously", "2025", "ox", "hopping"] {
            let bytes = Array(word.utf8)
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            let count = EnglishStemmer.stem(buffer, count: bytes.count)
            #expect(count <= bytes.count)
            stems.append(String(decoding: buffer[..<count], as: UTF8.self))
        }
        #expect(stems == ["consign", "sky", "generous", "2025", "ox", "hop"])
    }

    /// The reference sample: its stems come from Snowball's own implementation (see the file's header).
    @Test func referenceSample() throws {
        let pairs = try Self.referenceSample()
        #expect(pairs.count >= 2000)
        var mismatches = 0
        for pair in pairs {
            let stem = EnglishStemmer.stem(pair.word)
            if stem != pair.stem {
                mismatches += 1
                Issue.record("\(pair.word): got \(stem), want \(pair.stem)")
            }
        }
        #expect(mismatches == 0)
        let words = Set(pairs.map(\.word))
        for exceptional in [
            "skis", "skies", "sky", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly",
            "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "outing", "canning", "herring", "earring",
            "proceed", "exceed", "succeed",
        ] {
            #expect(words.contains(exceptional), "sample lacks \(exceptional)")
        }
    }

    /// The `word stem` lines of `Fixtures/porter2-sample.txt`; `#` starts a comment line.
    static func referenceSample() throws -> [Pair] {
        let bytes = try repositoryFile("Tests/NewsIndexTests/Analysis/Fixtures/porter2-sample.txt")
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line -> Pair? in
            guard line.first != UInt8(ascii: "#"), let space = line.firstIndex(of: UInt8(ascii: " ")) else {
                return nil
            }
            return (String(decoding: line[..<space], as: UTF8.self), String(decoding: line[(space + 1)...], as: UTF8.self))
        }
    }
}
