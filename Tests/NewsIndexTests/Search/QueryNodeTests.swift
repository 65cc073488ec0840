import Testing
@testable import NewsIndex

/// Query trees as values: what only filters, and restricting a query by filters.
@Suite struct QueryNodeTests {
    let word = QueryNode.match(.init(.term("grain")))
    let source = QueryNode.match(.init(.term("tass"), scope: .field(.source)))
    let october = QueryNode.date(DateRange(first: 20_000, last: 20_030))

    @Test func datesPathsAndFieldsOnlyFilterWordsDoNot() {
        #expect(october.onlyFilters && source.onlyFilters && QueryNode.path("text/").onlyFilters)
        #expect(!word.onlyFilters)
        #expect(QueryNode.boolean(must: [source, october], should: [], mustNot: []).onlyFilters)
        #expect(!QueryNode.boolean(must: [source], should: [word], mustNot: []).onlyFilters)
        #expect(!QueryNode.boolean(must: [], should: [], mustNot: [word]).onlyFilters)
    }

    @Test func noFilterLeavesTheQueryAsItIs() {
        #expect(word.filtered(by: []) == word)
    }

    @Test func filtersAreRequiredBesideTheQuery() {
        let query = QueryNode.boolean(must: [], should: [word, word], mustNot: [])
        #expect(query.filtered(by: [october]) == .boolean(must: [query, october], should: [], mustNot: []))
        #expect(word.filtered(by: [october, source]) == .boolean(must: [word, october, source], should: [], mustNot: []))
    }
}
