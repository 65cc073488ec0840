import Testing
@testable import NewsIndex

/// Several encoded lists read as one through `PostingsUnion`: what a merge of them would
/// give, read side by side, a block at a time or one story at a time.
@Suite struct PostingsUnionTests {
    typealias Posting = PostingsCodecTests.Posting

    /// The lists merged the obvious way: every story once, its frequencies added.
    static func merged(_ lists: [[Posting]]) -> [Posting] {
        var byDoc: [UInt32: UInt32] = [:]
        for list in lists { for p in list { byDoc[p.doc, default: 0] += p.freq } }
        return byDoc.keys.sorted().map { Posting(doc: $0, freq: byDoc[$0]!) }
    }

    /// A large list, one about as large that shares many stories with it, and a small one.
    static let lists = [PostingsCodecTests.list(1_000, maxGap: 6, maxFreq: 9, seed: 3),
                        PostingsCodecTests.list(700, maxGap: 9, maxFreq: 4, seed: 5),
                        PostingsCodecTests.list(20, maxGap: 300, maxFreq: 3, seed: 7)]

    /// Calls `body` with a union cursor over `lists`, encoded with a document count that
    /// covers them all (norms the document id mod 200).
    static func withUnion<R>(_ lists: [[Posting]], positions: Bool = false, _ body: (PostingsCursor) -> R) -> R {
        let encoded = lists.map(PostingsCodecTests.encoded)
        let documentCount = encoded.map(\.documentCount).max() ?? 0
        func open(_ i: Int, _ cursors: [PostingsCursor]) -> R {
            guard i < encoded.count else {
                let union = PostingsUnion(cursors, positions: positions)
                return body(PostingsCursor(union: union, docFreq: merged(lists).count, documentCount: documentCount))
            }
            return encoded[i].withCursor { open(i + 1, cursors + [$0]) }
        }
        return open(0, [])
    }

    @Test(arguments: [false, true])
    func aWalkGivesEveryStoryOnceWithItsFrequenciesAdded(positions: Bool) {
        let walked = Self.withUnion(Self.lists, positions: positions) { cursor in
            var found: [Posting] = []
            while cursor.doc != PostingsCursor.exhausted {
                found.append(Posting(doc: UInt32(cursor.doc), freq: UInt32(cursor.freq)))
                cursor.next()
            }
            return found
        }
        #expect(walked == Self.merged(Self.lists))
    }

    @Test func advanceStopsAtTheFirstStoryOfAnyListAtOrAfterTheTarget() {
        let expected = Self.merged(Self.lists)
        Self.withUnion(Self.lists) { cursor in
            var target = 0, state: UInt64 = 11, steps = 0
            while true {
                state = state &* 6364136223846793005 &+ 1
                // Leaps of 0…63 stories, with runs of `next` between some of them.
                target += Int(state >> 58)
                cursor.advance(to: target)
                if state & 1 == 1 { for _ in 0..<Int(state >> 60) { cursor.next() } }
                guard cursor.doc != PostingsCursor.exhausted else { break }
                let at = expected.first { Int($0.doc) >= cursor.doc }
                #expect(at?.doc == UInt32(cursor.doc) && at?.freq == UInt32(cursor.freq))
                target = cursor.doc
                steps += 1
            }
            #expect(steps > 50)
        }
    }

    @Test func blockBoundsCoverEveryStoryTheyReachOver() {
        let expected = Self.merged(Self.lists)
        Self.withUnion(Self.lists) { cursor in
            while cursor.doc != PostingsCursor.exhausted {
                // At the story the cursor stands on and a little ahead of it, as block-max
                // pruning asks.
                for target in [cursor.doc, cursor.doc + 3, cursor.doc + 150] {
                    let (bound, lastDoc) = cursor.blockBound(at: target)
                    #expect(lastDoc >= target)
                    for p in expected where Int(p.doc) >= target && Int(p.doc) <= lastDoc {
                        #expect(bound.maxFrequency >= p.freq && bound.minNorm <= UInt8(p.doc % 200), "story \(p.doc)")
                    }
                }
                cursor.next()
            }
        }
    }

    @Test func aStoryInSeveralListsHasTheirPositionsMergedInOrder() {
        // Each list gives a story the positions 0, 1, … up to its frequency.
        let a = [Posting(doc: 2, freq: 3), Posting(doc: 9, freq: 1)]
        let b = [Posting(doc: 2, freq: 2), Posting(doc: 5, freq: 1)]
        let read = Self.withUnion([a, b], positions: true) { cursor in
            var read: [Int: [UInt32]] = [:]
            while cursor.doc != PostingsCursor.exhausted {
                read[cursor.doc] = cursor.positionsOfCurrentDocument()
                cursor.next()
            }
            return read
        }
        #expect(read == [2: [0, 0, 1, 1, 2], 5: [0], 9: [0]])
    }

    @Test func theWholeListBoundAddsTheListsFrequencies() {
        let bound = Self.withUnion(Self.lists) { $0.bound }
        let perList = Self.lists.map { $0.map(\.freq).max()! }
        #expect(bound.maxFrequency == perList.reduce(0, +))
    }
}
