@testable import NewsIndex
import Testing

/// Values kept by byte strings, made once per key.
@Suite struct BytesKeyedCacheTests {
    private func value(_ key: String, in cache: inout BytesKeyedCache<Int>, made: inout Int) -> Int {
        var key = key
        return key.withUTF8 { bytes in
            cache.value(for: bytes) {
                made += 1
                return bytes.count
            }
        }
    }

    @Test func aValueIsMadeOncePerKey() {
        var cache = BytesKeyedCache<Int>()
        var made = 0
        #expect(value("Außenminister", in: &cache, made: &made) == 14)
        #expect(value("Außenminister", in: &cache, made: &made) == 14)
        #expect(value("außenminister", in: &cache, made: &made) == 14)
        #expect(made == 2, "the second key differs in case")
    }

    @Test func aFullCacheStartsAgain() {
        var cache = BytesKeyedCache<Int>(limit: 2)
        var made = 0
        for key in ["a", "b", "c", "a"] { _ = value(key, in: &cache, made: &made) }
        #expect(made == 4, "`c` emptied the cache, so `a` is made again")
    }
}
