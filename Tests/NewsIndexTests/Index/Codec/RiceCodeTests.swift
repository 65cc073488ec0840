import Testing
@testable import NewsIndex

/// The Rice code positions are stored in: `RiceWriter` writes, `RiceReader` reads.
@Suite struct RiceCodeTests {
    /// Writes `values` with parameter `r`, then reads them back; nil where a read failed.
    static func roundTrip(_ values: [UInt32], parameter r: Int) -> [UInt32?] {
        var out = ByteBuffer()
        var writer = RiceWriter()
        for v in values { writer.write(v, parameter: r) }
        writer.finish(into: &out)
        return out.bytes.withUnsafeBytes { raw in
            var reader = RiceReader(raw, bit: 0)
            return values.map { _ in reader.read(parameter: r) }
        }
    }

    /// Values around every power of two and the escape threshold, and the extremes.
    static let awkwardValues: [UInt32] = {
        var values: [UInt32] = [0, 1, 2, 3, 1000, UInt32.max, UInt32.max - 1]
        for b in 0..<32 {
            let power = UInt32(1) << UInt32(b)
            values += [power, power - 1, power &+ 1]
        }
        return values
    }()

    @Test(arguments: Array(0...RiceCode.maxParameter))
    func everyValueRoundTripsWithEveryParameter(_ r: Int) {
        let escapeEdge = UInt32(RiceCode.escapeQuotient) << UInt32(r)
        let values = Self.awkwardValues + [escapeEdge - 1, escapeEdge, escapeEdge + 1]
        #expect(Self.roundTrip(values, parameter: r) == values.map { Optional($0) })
    }

    @Test(arguments: [0, 7, 15])
    func theLengthOfAValueIsTheBitsItsCodeTakes(_ r: Int) {
        for v in Self.awkwardValues {
            var out = ByteBuffer()
            var writer = RiceWriter()
            writer.write(v, parameter: r)
            writer.write(1, parameter: 0)
            writer.finish(into: &out)
            out.bytes.withUnsafeBytes { raw in
                var reader = RiceReader(raw, bit: 0)
                _ = reader.read(parameter: r)
                #expect(reader.bit == RiceCode.length(of: v, parameter: r))
            }
        }
    }

    @Test func skippingPassesTheSameBitsAsReading() {
        let values: [UInt32] = [5, 0, 900, UInt32.max, 17, 3, 1 << 20]
        var out = ByteBuffer()
        var writer = RiceWriter()
        for v in values { writer.write(v, parameter: 4) }
        writer.finish(into: &out)
        out.bytes.withUnsafeBytes { raw in
            var reading = RiceReader(raw, bit: 0)
            var skipping = RiceReader(raw, bit: 0)
            for _ in values {
                _ = reading.read(parameter: 4)
                let skipped = skipping.skip(parameter: 4)
                #expect(skipped)
                #expect(skipping.bit == reading.bit)
            }
        }
    }

    /// A writer is reused group after group: each group's bytes hold only its own codes.
    @Test func aWriterStartsAfreshAfterFinishing() {
        var writer = RiceWriter()
        var first = ByteBuffer()
        for v: UInt32 in 0..<100 { writer.write(v * 977, parameter: 9) }
        writer.finish(into: &first)
        var second = ByteBuffer()
        writer.write(5, parameter: 2)
        writer.finish(into: &second)
        #expect(second.bytes == [0b0000_0110])  // 5 >> 2 = 1: a zero bit, a one bit, then 01 (5 & 3, low bit first)
        first.bytes.withUnsafeBytes { raw in
            var reader = RiceReader(raw, bit: 0)
            #expect((0..<100).map { _ in reader.read(parameter: 9) } == (0..<100).map { UInt32($0 * 977) })
            #expect((reader.bit + 7) / 8 == raw.count)
        }
    }

    @Test func readingPastTheEndFailsInsteadOfLeavingTheBuffer() {
        let bytes: [UInt8] = [0b1000_0000]
        bytes.withUnsafeBytes { raw in
            var reader = RiceReader(raw, bit: 8)
            #expect(reader.read(parameter: 3) == nil)
            var skipper = RiceReader(raw, bit: 8)
            let skipped = skipper.skip(parameter: 3)
            #expect(!skipped)
        }
    }

    @Test func moreZeroBitsThanAnEscapeAreNoCode() {
        let bytes: [UInt8] = [0, 0, 0, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        bytes.withUnsafeBytes { raw in
            var reader = RiceReader(raw, bit: 0)
            #expect(reader.read(parameter: 0) == nil)
        }
    }

    static let spreads: [[UInt32]] = [
        [UInt32](repeating: 0, count: 50),
        (0..<200).map { (i: Int) -> UInt32 in UInt32(i * 37 % 1500) },
        (0..<128).map { (i: Int) -> UInt32 in UInt32(1) << UInt32(i % 6) },
        [3, 9, 4, 1, 0, 2, 3_000_000, 7, 5, 6],
        [UInt32.max, 0, UInt32.max],
    ]

    @Test(arguments: spreads)
    func theCheapestParameterIsTheShortestOfAll(_ values: [UInt32]) {
        let slice = values[...]
        let shortest = (0...RiceCode.maxParameter).map { RiceCode.length(of: slice, parameter: $0) }.min()!
        #expect(RiceCode.length(of: slice, parameter: RiceCode.cheapestParameter(slice)) == shortest)
    }

    @Test func noValuesTakeParameterZero() {
        #expect(RiceCode.cheapestParameter([UInt32]()[...]) == 0)
    }
}
