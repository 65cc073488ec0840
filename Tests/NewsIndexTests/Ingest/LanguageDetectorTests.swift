import Foundation
import Testing
@testable import NewsIndex

/// Detecting a story's language with CLD2, opened on first use: a paragraph of wire copy
/// in each language the wires publish in, short or mixed text left undetermined, any bytes
/// survived, and many threads at once.
@Suite struct LanguageDetectorTests {
    @Test func cld2IsInstalled() {
        #expect(LanguageDetector.isAvailable, "CLD2 (Debian libcld2-0) is missing: make test installs it (make deps)")
    }

    static let paragraphs: [(code: String, text: String)] = [
        ("en", "The foreign ministers met in Moscow on Monday to discuss the war, trade and the fate of soldiers who were sent abroad last year, officials said after the talks ended."),
        ("de", "Die Außenminister trafen sich am Montag in Moskau, um über den Krieg, den Handel und das Schicksal der Soldaten zu sprechen, die im vergangenen Jahr ins Ausland geschickt wurden."),
        ("fr", "Les ministres des Affaires étrangères se sont réunis lundi à Moscou pour discuter de la guerre, du commerce et du sort des soldats envoyés à l'étranger l'année dernière."),
        ("es", "Los ministros de Asuntos Exteriores se reunieron el lunes en Moscú para hablar de la guerra, del comercio y del destino de los soldados enviados al extranjero el año pasado."),
        ("ru", "Министры иностранных дел встретились в понедельник в Москве, чтобы обсудить войну, торговлю и судьбу солдат, которых в прошлом году отправили за границу, сообщили официальные лица."),
        ("ko", "두 나라의 외무장관은 월요일 모스크바에서 만나 전쟁과 무역, 그리고 지난해 해외로 파병된 군인들의 운명에 대해 논의했다고 관리들이 회담이 끝난 뒤 밝혔다."),
        ("ja", "両国の外相は月曜日にモスクワで会談し、戦争や貿易、そして昨年海外に派遣された兵士たちの運命について話し合ったと、当局者が会談後に明らかにした。"),
        ("zh", "两国外交部长星期一在莫斯科举行会谈，讨论了战争、贸易以及去年被派往国外的士兵的命运，官员们在会谈结束后表示。"),
        ("ar", "التقى وزيرا الخارجية يوم الاثنين في موسكو لبحث الحرب والتجارة ومصير الجنود الذين أرسلوا إلى الخارج العام الماضي، بحسب ما قال مسؤولون بعد انتهاء المحادثات."),
        ("tr", "Dışişleri bakanları pazartesi günü Moskova'da bir araya gelerek savaşı, ticareti ve geçen yıl yurt dışına gönderilen askerlerin akıbetini görüştü, yetkililer görüşmelerin ardından açıkladı."),
    ]

    @Test(arguments: paragraphs)
    func aParagraphOfWireCopyIsItsLanguage(_ sample: (code: String, text: String)) throws {
        let detected = try #require(LanguageDetector.detect(sample.text), "\(sample.code)")
        #expect(detected.code == sample.code)
        #expect(detected.confidence >= 0.5 && detected.confidence <= 1)
    }

    @Test func theHeadlineAndTheStartOfTheBodyAreRead() throws {
        let detected = LanguageDetector.detect(headline: "Außenminister treffen sich in Moskau",
                                               body: Self.paragraphs[1].text + String(repeating: " x", count: 5_000))
        #expect(detected?.code == "de")
    }

    @Test(arguments: ["Obama", "Super Bowl 50", "東京", "", "2025-10-27 14:00 UTC"])
    func textTooShortToTellIsUndetermined(_ text: String) {
        #expect(LanguageDetector.detect(text) == nil)
    }

    @Test func anyBytesAreSurvived() {
        let paragraph = Self.paragraphs[0].text
        // A long text cut inside a character, and one with an ill-formed byte in the middle.
        let long = String(repeating: "é", count: 700) + paragraph
        _ = LanguageDetector.detect(long)
        var bytes = Array(paragraph.utf8)
        bytes.insert(0xFF, at: bytes.count / 2)
        _ = LanguageDetector.detect(String(decoding: bytes, as: UTF8.self))
        #expect(LanguageDetector.detect(paragraph)?.code == "en")
    }

    @Test func detectionIsThreadSafe() async {
        let answers = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask { Self.paragraphs.map { LanguageDetector.detect($0.text)?.code } }
            }
            var all: [[String?]] = []
            for await answer in group { all.append(answer) }
            return all
        }
        let expected = Self.paragraphs.map { Optional($0.code) }
        #expect(answers.allSatisfy { $0 == expected })
    }
}
