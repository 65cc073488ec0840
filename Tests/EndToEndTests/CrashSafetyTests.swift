import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A writer killed with SIGKILL at any point of `add` or `reindex` — at each durability step in turn,
/// through the `NEWSIDX_FAULT` hook, and after random delays — leaves an index that opens,
/// passes `check`, and holds exactly the last committed state: every story committed before
/// the kill found by search once, with its text intact, and the interrupted commit either
/// wholly there or wholly absent. The next writer completes the work and leaves no stray file.
@Suite(.serialized) struct CrashSafetyTests {
    let tmp: TempDir
    let corpus: String
    let index: String
    /// The committed index before the interrupted `add` (a copy restored before each kill).
    let saved: String
    /// Relative paths committed before (S0) and after (S1) the interrupted `add`.
    let before: Set<String>
    let after: Set<String>
    /// The story changed by the interrupted `add`: its new version carries `marker`.
    let changed: String
    let marker = "Zyxwvut correction appended"
    /// Relative path → file, for comparing stored text (the changed story left out).
    let files: [String: String]

    /// The committed state S0 is the first half of the corpus in seven segments (six
    /// single-file adds, then the rest of the half), so that the interrupted `add` — the
    /// second half, and one story of the first half changed — writes a segment, a deletion
    /// file and an eight-way merge before it publishes.
    init() throws {
        tmp = try TempDir()
        let (root, all) = Soak.corpusFiles()
        let half = all.count / 2
        corpus = tmp("corpus")
        index = tmp("idx")
        saved = tmp("saved")
        try copyFiles(Array(all[..<half]), from: root, to: corpus)
        for f in all[..<6] {
            try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus + "/" + f]), 0)
        }
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus]), 0)
        try restoreIndex(index, to: saved)
        before = Set(all[..<half])
        after = Set(all)
        try copyFiles(Array(all[half...]), from: root, to: corpus)
        let changed = all[half - 1], folder = corpus
        self.changed = changed
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus + "/" + changed))
        handle.seekToEndOfFile()
        handle.write(Data("\n\n\(marker) to this story.\n".utf8))
        handle.closeFile()
        files = Dictionary(uniqueKeysWithValues: all.filter { $0 != changed }.map { ($0, folder + "/" + $0) })
    }

    /// Requires S0 or S1 (the changed story's version agreeing), then lets a new writer finish
    /// and requires S1 with no stray files.
    private func requireIntactThenRecover(_ context: String) throws {
        let state = try requireCommittedState(index, oneOf: [before, after], files: files, in: tmp, context: context)
        let shown = try newsidx(["show", "--index", index, changed])
        try requireExit(shown, 0)
        #expect(shown.stdout.contains(marker) == (state == 1), "\(context): the changed story is from the other state")

        let resumed = try newsidx(["add", "--quiet", "--index", index, corpus], timeout: 600)
        try requireExit(resumed, 0)
        let check = try newsidx(["check", "--index", index], timeout: 600)
        try requireExit(check, 0)
        #expect(!check.stdout.contains("note:"), "\(context): files left behind after the next writer\n\(check)")
        #expect(try newsidx(["show", "--index", index, changed]).stdout.contains(marker))
        let count = jsonInt(jsonObjects(try newsidx(["stats", "--index", index, "--json"])).first?["stories"])
        #expect(count == after.count, "\(context): \(String(describing: count)) stories after recovery")
    }

    private func killedBySIGKILL(_ r: RunResult) -> Bool { r.reason == .uncaughtSignal && r.status == SIGKILL }

    /// Runs the interrupted `add` (or `reindex`, which finds the same work in the corpus
    /// root S0 recorded) under `NEWSIDX_FAULT=spec`; true when it was killed.
    private func addUnder(_ spec: String, reindexing: Bool = false) throws -> Bool {
        try restoreIndex(saved, to: index)
        let arguments = reindexing ? ["reindex", "--quiet", "--index", index] : ["add", "--quiet", "--index", index, corpus]
        let r = try newsidx(arguments, environment: ["NEWSIDX_FAULT": spec], timeout: 600)
        if r.reason == .uncaughtSignal && r.status == SIGKILL { return true }
        try requireExit(r, 0)
        return false
    }

    @Test func aWriterKilledBeforeItsFirstStepTheRenameOrTheDirectorySyncLeavesACommittedState() throws {
        for spec in ["crash-before:step:1", "crash-before:rename:1", "crash-before:dirsync:1"] {
            #expect(try addUnder(spec), "\(spec) did not kill the writer")
            try requireIntactThenRecover("NEWSIDX_FAULT=\(spec)")
        }
    }

    @Test func aWriterKilledAfterEachDurabilityStepLeavesTheLastCommittedStateIntact() throws {
        var steps = 0
        while try addUnder("crash-after:step:\(steps + 1)") {
            steps += 1
            try requireIntactThenRecover("NEWSIDX_FAULT=crash-after:step:\(steps)")
            try #require(steps < 1000)
        }
        // A segment, a deletion file, a merged segment, the manifest and CURRENT.tmp: each
        // written and fsynced; then the rename and the directory sync.
        #expect(steps >= 12, "only \(steps) durability steps were interrupted")
    }

    @Test func aReindexKilledAfterEachDurabilityStepLeavesTheLastCommittedStateIntact() throws {
        var steps = 0
        while try addUnder("crash-after:step:\(steps + 1)", reindexing: true) {
            steps += 1
            try requireIntactThenRecover("reindex, NEWSIDX_FAULT=crash-after:step:\(steps)")
            try #require(steps < 1000)
        }
        #expect(steps >= 12, "only \(steps) durability steps were interrupted")
    }

    @Test func aWriterKilledAfterRandomDelaysLeavesTheLastCommittedStateIntact() throws {
        try restoreIndex(saved, to: index)
        let start = Date()
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus], timeout: 600), 0)
        let full = Date().timeIntervalSince(start)
        var rng = SystemRandomNumberGenerator()
        for round in 0..<Soak.randomKills {
            try restoreIndex(saved, to: index)
            let delay = Double.random(in: 0...(full * 1.1), using: &rng)
            let writer = try startNewsidx(["add", "--quiet", "--index", index, corpus])
            usleep(useconds_t(delay * 1_000_000))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            try requireIntactThenRecover("round \(round), killed after \(Int(delay * 1000)) ms of \(Int(full * 1000))")
        }
    }
}
