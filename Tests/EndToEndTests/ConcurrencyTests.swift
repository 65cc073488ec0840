import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Writers and readers at once: searches running in a loop beside a writer committing batch
/// after batch only ever see a committed state, and writers started together take turns
/// through the lock and lose nothing.
@Suite struct ConcurrencyTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// Writes `count` stories into `folder`, each holding the word `zebracommon` and a word of
    /// its own.
    private func writeBatch(_ folder: String, count: Int) throws {
        let name = folder.split(separator: "/").last!
        for i in 0..<count {
            try tmp.write("\(folder)/s\(i).txt", wireStory(
                "Story \(i) of \(folder)",
                "Reporters filed zebracommon copy number \(i) from \(folder) on Tuesday, editors said.",
                "The desk marked it uniq\(name)x\(i) for the archive."))
        }
    }

    @Test func searchesBesideACommittingWriterOnlySeeCommittedTotals() throws {
        let batches = Soak.writerBatches, size = Soak.storiesPerBatch
        for b in 0..<batches { try writeBatch("corpus/b\(b)", count: size) }
        let index = tmp("idx")
        try requireExit(try newsidx(["add", "--quiet", "--index", index, tmp("corpus/b0")]), 0)
        let committed = Set((1...batches).map { $0 * size })

        let done = DispatchSemaphore(value: 0)
        let writerFailure = LockedBox<String?>(nil)
        Thread.detachNewThread {
            defer { done.signal() }
            for b in 1..<batches {
                guard let r = try? newsidx(["add", "--quiet", "--index", index, self.tmp("corpus/b\(b)")], timeout: 600),
                      r.exitedNormally && r.status == 0
                else { writerFailure.set("batch \(b) failed"); return }
            }
        }
        let searchers = 3
        let seen = LockedBox<[String]>([])
        let group = DispatchGroup()
        let writing = LockedBox(true)
        for s in 0..<searchers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var runs = 0
                while writing.get() || runs < 2 {
                    runs += 1
                    let args = s == 0 ? ["stats", "--index", index, "--json"]
                        : ["search", "--index", index, "--format", "trec", "--limit", "1000000", s == 1 ? "zebracommon" : "zebracommon copy"]
                    guard let r = try? newsidx(args, timeout: 120), r.exitedNormally, r.status == 0 else {
                        seen.update { $0.append("searcher \(s) failed") }
                        return
                    }
                    let total = s == 0 ? jsonInt(jsonObjects(r).first?["stories"]) ?? -1 : r.stdoutLines.count
                    if !committed.contains(total) { seen.update { $0.append("searcher \(s) saw \(total) stories") } }
                }
            }
        }
        done.wait()
        writing.set(false)
        group.wait()
        #expect(writerFailure.get() == nil, "\(writerFailure.get() ?? "")")
        #expect(seen.get().isEmpty, "results outside the committed totals \(committed.sorted()): \(seen.get().prefix(10))")
        let final = try newsidx(["search", "--index", index, "--format", "trec", "--limit", "1000000", "zebracommon"])
        #expect(final.stdoutLines.count == batches * size)
        try requireExit(try newsidx(["check", "--index", index], timeout: 600), 0)
    }

    @Test func writersStartedTogetherTakeTurnsAndLoseNothing() throws {
        let writers = 4, size = Soak.storiesPerBatch
        for w in 0..<writers { try writeBatch("corpus/w\(w)", count: size) }
        let index = tmp("idx")
        let processes = try (0..<writers).map { w in
            try startNewsidx(["add", "--quiet", "--wait", "600", "--index", index, tmp("corpus/w\(w)")])
        }
        for p in processes {
            p.waitUntilExit()
            #expect(p.terminationReason == .exit && p.terminationStatus == 0, "a writer exited with \(p.terminationStatus)")
        }
        let r = try newsidx(["search", "--index", index, "--format", "trec", "--limit", "1000000", "zebracommon"])
        try requireExit(r, 0)
        #expect(r.stdoutLines.count == writers * size)
        try requireExit(try newsidx(["check", "--index", index], timeout: 600), 0)
        let unique = try newsidx(["search", "--index", index, "--format", "trec", "uniqw3x0"])
        #expect(unique.stdoutLines.count == 1)
    }
}

/// A value shared between test threads behind a lock.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func update(_ body: (inout T) -> Void) { lock.lock(); body(&value); lock.unlock() }
}
