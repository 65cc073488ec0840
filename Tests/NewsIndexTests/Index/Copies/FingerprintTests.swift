import Testing
@testable import NewsIndex

/// What a story's fingerprint says about its copies.
@Suite struct FingerprintTests {
    static let story = """
        North Korean Foreign Minister Choe Son-hui highlighted last month's meeting between the North's leader \
        Kim Jong-un and Russian President Vladimir Putin in Beijing as an event that raised the bilateral ties \
        to a new height, Russian media reported Monday. Choe made the remark at the talks with her Russian \
        counterpart, Sergey Lavrov, in Moscow, referring to the two leaders' bilateral talks that took place \
        when they visited Beijing to attend a military parade marking China's Victory Day. Choe said the \
        meeting was a significant event that raised the entire previous relations to a new height. Lavrov \
        said Moscow valued the strategic partnership and would keep developing it in every field.
        """
    static let other = """
        South Korea's exports rose for a fourth straight month in October on strong demand for semiconductors, \
        government data showed Saturday, although shipments of cars and steel to the United States fell as \
        tariffs took effect. Outbound shipments gained 3.6 percent from a year earlier to 59.5 billion dollars, \
        according to the trade ministry, while imports slipped 1.5 percent, leaving a trade surplus for the \
        ninth consecutive month. Chip exports hit a record for the month on demand from data centres.
        """

    func fingerprint(_ text: String) -> Fingerprint { Fingerprint(of: text, analyzer: .standard) }

    @Test func theSameWordsMakeTheSameFingerprintWhateverTheirCaseAndSpacing() {
        let a = fingerprint(Self.story)
        let b = fingerprint(Self.story.uppercased().replacingOccurrences(of: " ", with: "  "))
        #expect(a == b)
        #expect(a.similarity(b) == 1)
    }

    @Test func aCopyWithADatelineAddedAndAFigureChangedStaysAboveTheThreshold() {
        let edited = "MOSCOW (Yonhap) -- " + Self.story.replacingOccurrences(of: "Monday", with: "Tuesday")
        #expect(fingerprint(Self.story).similarity(fingerprint(edited)) >= NearDuplicateClustering.defaultThreshold)
    }

    @Test func aCopyCutShortKeepsAHighOverlapButALowerJaccard() {
        let words = Self.story.split(separator: " ")
        let cut = words.prefix(words.count * 6 / 10).joined(separator: " ")
        let full = fingerprint(Self.story), short = fingerprint(cut)
        #expect(full.similarity(short) >= 0.85)
        #expect(full.jaccard(short) < 0.8)
    }

    @Test func differentStoriesAreFarApart() {
        #expect(fingerprint(Self.story).similarity(fingerprint(Self.other)) < 0.2)
    }

    @Test func aBodyOfAFewWordsIsNeverCompared() {
        #expect(!fingerprint("Photo: Reuters").isComparable)
        #expect(fingerprint(Self.story).isComparable)
    }

    @Test func aStoredFingerprintReadsBackAsWritten() {
        let f = fingerprint(Self.story)
        var buffer = ByteBuffer()
        f.serialize(into: &buffer)
        #expect(buffer.count == Fingerprint.recordSize)
        let read = buffer.bytes.withUnsafeBytes { Fingerprint(bytes: $0, offset: 0) }
        #expect(read == f)
    }
}
