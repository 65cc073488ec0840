/// Document-at-a-time iterators that run a `QueryNode` over one segment, as Lucene's
/// scorers do: each stands on a matching document (`doc`), moves to the first match at or
/// after a target, and writes its terms' score parts into a `ScoreSheet`.
///
/// Plain word queries never come here (`Searcher.search(_:limit:)` keeps Intersection and
/// MaxScore for them); this serves phrases, fields, dates, prefixes and operators, and
/// always visits every match, so its counts are exact.
class DocIterator {
    static let exhausted = PostingsCursor.exhausted
    /// The current match; -1 before the first `advance`, `exhausted` after the last.
    var doc = -1
    /// About how many documents it can produce: conjunctions lead with the cheapest.
    var cost: Int { 0 }

    /// Moves to the first match at or after `target`; nothing when already there.
    func advance(to target: Int) {}

    /// Records the current document's score parts (length-norm byte `norm`).
    func score(into sheet: inout ScoreSheet, norm: UInt8) {}
}

/// Matches nothing.
final class EmptyIterator: DocIterator {
    override init() {
        super.init()
        doc = Self.exhausted
    }
}

/// Every document, or those a cheap per-document test accepts (dates, paths).
final class FilterIterator: DocIterator {
    private let count: Int
    private let accepts: (Int) -> Bool

    init(documentCount: Int, accepts: @escaping (Int) -> Bool) {
        count = documentCount
        self.accepts = accepts
    }

    override var cost: Int { count }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        var d = target
        while d < count && !accepts(d) { d += 1 }
        doc = d < count ? d : Self.exhausted
    }
}

/// One term's postings; with `headline` set, only documents whose headline holds the term.
final class TermIterator: DocIterator {
    let cursor: PostingsCursor
    private let scorer: TermScorer?
    private let headline: ((Int) -> Int)?

    init(cursor: PostingsCursor, scorer: TermScorer?, headline: ((Int) -> Int)?) {
        self.cursor = cursor
        self.scorer = scorer
        self.headline = headline
    }

    override var cost: Int { cursor.docFreq }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        cursor.advance(to: target)
        if let headline {
            while cursor.doc != PostingsCursor.exhausted {
                let limit = UInt32(headline(cursor.doc))
                if limit > 0, let first = cursor.withPositionsOfCurrentDocument(\.first), first < limit { break }
                cursor.next()
            }
        }
        doc = cursor.doc
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        if let scorer { sheet.set(scorer.slot, scorer.score(norm: norm)) }
    }
}

/// A phrase or proximity group: documents holding every term, then a check of positions
/// (`PhraseMatcher`) within the headline or the body (never across them), or only the
/// headline for `title:`.
final class PhraseIterator: DocIterator {
    private let cursors: [PostingsCursor]
    private let scorers: [TermScorer?]
    private let order: [Int]
    private let slop: Int
    private let ordered: Bool
    private let headline: (Int) -> Int
    private let headlineOnly: Bool
    private let zoned: Bool

    /// `cursors[i]` walks the phrase's i-th distinct term; `order` maps its words to them.
    /// `zoned` splits positions at the headline (text); field positions are one zone.
    init(cursors: [PostingsCursor], scorers: [TermScorer?], order: [Int], slop: Int, ordered: Bool,
         headline: @escaping (Int) -> Int, headlineOnly: Bool, zoned: Bool) {
        self.cursors = cursors.sorted { $0.docFreq < $1.docFreq }
        var remap: [Int] = []
        for c in cursors { remap.append(self.cursors.firstIndex { $0 === c }!) }
        self.order = order.map { remap[$0] }
        self.scorers = scorers
        self.slop = slop
        self.ordered = ordered
        self.headline = headline
        self.headlineOnly = headlineOnly
        self.zoned = zoned
    }

    override var cost: Int { cursors[0].docFreq }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        var candidate = target
        outer: while true {
            for c in cursors {
                c.advance(to: candidate)
                if c.doc == PostingsCursor.exhausted {
                    doc = Self.exhausted
                    return
                }
                if c.doc > candidate {
                    candidate = c.doc
                    continue outer
                }
            }
            if positionsMatch(candidate) {
                doc = candidate
                return
            }
            candidate += 1
        }
    }

    private func positionsMatch(_ d: Int) -> Bool {
        let lists = cursors.map { $0.positionsOfCurrentDocument() }
        guard zoned else { return PhraseMatcher.matches(lists, order: order, slop: slop, ordered: ordered) }
        let h = UInt32(headline(d))
        let head = lists.map { $0.filter { $0 < h } }
        if PhraseMatcher.matches(head, order: order, slop: slop, ordered: ordered) { return true }
        if headlineOnly { return false }
        let body = lists.map { $0.filter { $0 >= h } }
        return PhraseMatcher.matches(body, order: order, slop: slop, ordered: ordered)
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        for s in scorers { if let s { sheet.set(s.slot, s.score(norm: norm)) } }
    }
}

/// Documents every child matches (leapfrogging from the cheapest).
final class AndIterator: DocIterator {
    private let children: [DocIterator]

    init(_ children: [DocIterator]) { self.children = children.sorted { $0.cost < $1.cost } }

    override var cost: Int { children[0].cost }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        var candidate = target
        outer: while true {
            for c in children {
                if c.doc < candidate { c.advance(to: candidate) }
                if c.doc == Self.exhausted {
                    doc = Self.exhausted
                    return
                }
                if c.doc > candidate {
                    candidate = c.doc
                    continue outer
                }
            }
            doc = candidate
            return
        }
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        for c in children { c.score(into: &sheet, norm: norm) }
    }
}

/// Documents any child matches; those matching more score more.
final class OrIterator: DocIterator {
    private let children: [DocIterator]

    init(_ children: [DocIterator]) { self.children = children }

    override var cost: Int { children.reduce(0) { $0 + $1.cost } }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        var next = Self.exhausted
        for c in children {
            if c.doc < target { c.advance(to: target) }
            next = min(next, c.doc)
        }
        doc = next
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        for c in children where c.doc == doc { c.score(into: &sheet, norm: norm) }
    }
}

/// The required part's documents; optional parts add their scores where they also match.
final class OptionalIterator: DocIterator {
    private let required: DocIterator
    private let optional: [DocIterator]

    init(required: DocIterator, optional: [DocIterator]) {
        self.required = required
        self.optional = optional
    }

    override var cost: Int { required.cost }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        required.advance(to: target)
        doc = required.doc
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        required.score(into: &sheet, norm: norm)
        for o in optional {
            if o.doc < doc { o.advance(to: doc) }
            if o.doc == doc { o.score(into: &sheet, norm: norm) }
        }
    }
}

/// The positive part's documents that no excluded part matches.
final class ExclusionIterator: DocIterator {
    private let positive: DocIterator
    private let excluded: [DocIterator]

    init(positive: DocIterator, excluded: [DocIterator]) {
        self.positive = positive
        self.excluded = excluded
    }

    override var cost: Int { positive.cost }

    override func advance(to target: Int) {
        guard target > doc, doc != Self.exhausted else { return }
        positive.advance(to: target)
        while positive.doc != Self.exhausted && isExcluded(positive.doc) {
            positive.advance(to: positive.doc + 1)
        }
        doc = positive.doc
    }

    private func isExcluded(_ d: Int) -> Bool {
        for e in excluded {
            if e.doc < d { e.advance(to: d) }
            if e.doc == d { return true }
        }
        return false
    }

    override func score(into sheet: inout ScoreSheet, norm: UInt8) {
        positive.score(into: &sheet, norm: norm)
    }
}
