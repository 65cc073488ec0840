@testable import NewsIndex
import Testing

/// The JSON parser for JSON-LD is strict and bounded: what it accepts it reads exactly, and
/// anything else is rejected whole.
@Suite struct HTMLJSONTests {
    @Test func readsTheValuesOfAnObject() {
        let value = HTMLJSON.parse(#" { "a": [1, -2.5e3, true, false, null], "b": {"c": "d"} } "#)
        #expect(value == .object([
            ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            ("b", .object([("c", .string("d"))])),
        ]))
        #expect(value?["b"]?["c"]?.string == "d")
    }

    @Test(arguments: [
        (#""caf\u00e9 \"x\" \\ \/ \n""#, "caf\u{E9} \"x\" \\ / \n"),
        (#""\ud83d\ude00""#, "\u{1F600}"),
        (#""\ud83d alone""#, "\u{FFFD} alone"),
        (#""\ude00""#, "\u{FFFD}"),
        ("\"line\nbreak\"", "line\nbreak"),
        (#""Caf\u00C9""#, "Caf\u{C9}"),
    ])
    func decodesEscapesInStrings(_ json: String, _ text: String) {
        #expect(HTMLJSON.parse(json)?.string == text)
    }

    @Test(arguments: [
        #"{"a": 1,}"#, #"[1, 2,]"#, #"{'a': 1}"#, #"{a: 1}"#, #"// comment"#, #"{"a": 1} // x"#,
        #"[01]"#, #"[1.]"#, #"[.5]"#, #"[+1]"#, #""\x41""#, #""\u12G4""#, #"{"a" 1}"#, #"[1 2]"#,
        #"{"a": tru}"#, #"nul"#, "", "   ", #"{"a": 1"#, #"["unterminated]"#, #"{"a": 1}{"b": 2}"#,
    ])
    func rejectsWhatIsNotJSON(_ json: String) {
        #expect(HTMLJSON.parse(json) == nil)
    }

    @Test func nestingIsBounded() {
        let deepest = String(repeating: "[", count: HTMLJSON.maxDepth + 1) + String(repeating: "]", count: HTMLJSON.maxDepth + 1)
        let tooDeep = "[" + deepest + "]"
        #expect(HTMLJSON.parse(deepest) != nil)
        #expect(HTMLJSON.parse(tooDeep) == nil)
        #expect(HTMLJSON.parse(String(repeating: "[", count: 200_000)) == nil)
    }

    @Test func sizeAndValueCountAreBounded() {
        let big = "\"" + String(repeating: "a", count: HTMLJSON.maxBytes) + "\""
        #expect(HTMLJSON.parse(big) == nil)
        let many = "[" + Array(repeating: "0", count: HTMLJSON.maxValues + 1).joined(separator: ",") + "]"
        #expect(HTMLJSON.parse(many) == nil)
    }
}
