import Foundation
import Testing

/// `newsidx search --feedback`: a second pass with the best stories' words, said on the
/// terminal, in JSON and in `--explain`, for plain words and full queries alike.
@Suite struct SearchFeedbackTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// Two stories on grain from Odesa, one on Odesa's port that never says grain, one on
    /// rates; all dated 2025-10-27.
    private func indexGrainCorpus() throws -> String {
        let stories = [
            ("a.txt", "Grain ships leave Odesa", "The grain corridor from Odesa port carried wheat and maize to Istanbul."),
            ("b.txt", "Odesa grain exports rise", "Grain exports through Odesa and the Danube ports rose, traders said."),
            ("c.txt", "Drones strike Odesa port", "Drones hit the Odesa port overnight; the Danube ports were spared."),
            ("d.txt", "Central bank holds rates", "The central bank kept its key rate unchanged on Thursday."),
        ]
        for (name, title, body) in stories {
            try tmp.write("grain/\(name)", "date 2025-10-27\n" + wireStory(title, body))
        }
        try requireExit(try newsidx(["add", "--index", tmp("idx"), tmp("grain")]), 0)
        return tmp("idx")
    }

    private func paths(_ r: RunResult) -> [String] { jsonObjects(r).compactMap { $0["path"] as? String } }

    @Test func feedbackFindsAStoryWithTheBestStoriesWordsAndSaysWhichItAdded() throws {
        let index = try indexGrainCorpus()
        let plain = try newsidx(["search", "--index", index, "--any", "grain"])
        expectExit(plain, 0)
        #expect(!plain.stdout.contains("feedback"))
        let r = try newsidx(["search", "--index", index, "--any", "--feedback", "grain"])
        expectExit(r, 0)
        let line = try #require(r.stdoutLines.first { $0.hasPrefix("feedback added ") }, "\(r)")
        #expect(line.contains("odesa"))
        #expect(r.stdout.contains("Drones strike Odesa port"))
        #expect(!r.stdout.contains("Central bank"))
    }

    @Test func jsonHitsListTheAddedTermsWithTheirWeights() throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index, "--any", "--json", "--feedback", "--feedback-docs", "2",
                             "--feedback-terms", "3", "grain"])
        expectExit(r, 0)
        let hits = jsonObjects(r)
        #expect(Set(paths(r)) == ["a.txt", "b.txt", "c.txt"])
        for hit in hits {
            let added = try #require(hit["feedback_terms"] as? [[String: Any]], "\(hit)")
            #expect((1...3).contains(added.count), "three words, less those the query has")
            #expect(added.allSatisfy { $0["term"] is String && $0["weight"] is NSNumber })
            #expect(!added.contains { $0["term"] as? String == "grain" })
        }
        let plain = try newsidx(["search", "--index", index, "--any", "--json", "grain"])
        #expect(jsonObjects(plain).allSatisfy { $0["feedback_terms"] == nil })
    }

    @Test func explainShowsEveryWeightFeedbackSet() throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index, "--any", "--explain", "--feedback", "grain"])
        expectExit(r, 0)
        #expect(r.stdout.contains("the query's words keep 0.50 of the weight"), "\(r)")
        #expect(r.stdoutLines.contains { $0.contains("odesa") && $0.contains("(feedback)") }, "\(r)")
        let json = try newsidx(["search", "--index", index, "--any", "--explain", "--json", "--feedback", "grain"])
        let terms = (jsonObjects(json).first?["explain"] as? [String: Any])?["terms"] as? [[String: Any]] ?? []
        #expect(!terms.isEmpty && terms.allSatisfy { $0["weighted_by_feedback"] as? Bool == true })
    }

    @Test func feedbackWhoseWordsAreAllTheQuerysSaysItOnlyReweightedThem() throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index, "--any", "--feedback", "--feedback-docs", "2", "--feedback-terms", "2",
                             "grain odesa"])
        expectExit(r, 0)
        #expect(r.stdout.contains("feedback added no words, only reweighted the query's (the query's words keep 0.50 of the weight)"),
                "\(r)")
    }

    @Test func allTermsFeedbackStillRequiresEveryWord() throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index, "--json", "--feedback", "odesa grain"])
        expectExit(r, 0)
        #expect(Set(paths(r)) == ["a.txt", "b.txt"])
    }

    @Test(arguments: [["grain", "--since", "2025-10-01"], ["grain OR maize"], ["grain", "--lang", "en"], ["grain."]])
    func aFullQueryGetsFeedbackToo(_ query: [String]) throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index, "--any", "--json", "--feedback"] + query)
        expectExit(r, 0)
        #expect(paths(r).contains("c.txt"), "\(r)")
        let added = jsonObjects(r).first?["feedback_terms"] as? [[String: Any]]
        #expect(added?.isEmpty == false)
    }

    @Test func autoLeavesAQueryWholeWhenItsBestStoryStandsOut() throws {
        let index = try indexGrainCorpus()
        // The port story is the only one with both words: it scores well above the grain
        // stories, which have only "port".
        let r = try newsidx(["search", "--index", index, "--any", "--feedback", "auto", "drones port"])
        expectExit(r, 0)
        #expect(r.stdout.contains("feedback added no words: the query's own decide"), "\(r)")
        let plain = try newsidx(["search", "--index", index, "--any", "drones port"])
        #expect(r.stdoutLines.filter { !$0.contains("feedback") && !$0.contains(" ms)") }
                == plain.stdoutLines.filter { !$0.contains(" ms)") })
    }

    @Test func aBatchRunWithFeedbackWritesATrecRun() throws {
        let index = try indexGrainCorpus()
        try tmp.write("q.tsv", "1\tgrain\n2\tdrones port\n")
        let r = try newsidx(["search", "--index", index, "--queries", tmp("q.tsv"), "--any", "--format", "trec", "--feedback"])
        expectExit(r, 0)
        #expect(r.stdoutLines.contains { $0.hasPrefix("1 Q0 c.txt ") }, "\(r)")
        #expect(r.stdoutLines.allSatisfy { $0.hasSuffix(" newsidx") })
    }

    @Test(arguments: [
        (["--feedback-docs", "3"], "--feedback-docs tunes feedback, which is off"),
        (["--feedback=off", "--feedback-weight", "0.3"], "--feedback-weight tunes feedback, which is off"),
        (["--feedback", "--feedback-docs", "0"], "--feedback-docs must be at least 1"),
        (["--feedback", "--feedback-weight", "2"], "--feedback-weight must be from 0"),
        (["--feedback=sometimes"], "--feedback"),
    ])
    func badFeedbackOptionsAreUsageErrors(_ options: [String], _ message: String) throws {
        let index = try indexGrainCorpus()
        let r = try newsidx(["search", "--index", index] + options + ["grain"])
        expectExit(r, 2)
        #expect(r.stderr.contains(message), "\(r)")
    }
}
