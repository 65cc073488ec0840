import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Plumbing shared by the crash, concurrency and fault tests: how long to run (short in
// `make test`, long in `make soak`), the corpus to index, and what it means for an index to
// hold a committed state intact.

/// How hard the reliability tests push. `make test` runs the short version; `make soak` sets
/// `NEWSIDX_SOAK=1` (more kill points and rounds, more writers' work) and may point
/// `NEWSIDX_SOAK_CORPUS` at a larger folder of stories (the Makefile uses the news benchmark's).
enum Soak {
    static let enabled = ProcessInfo.processInfo.environment["NEWSIDX_SOAK"] == "1"

    /// Random-delay kills of a writer.
    static var randomKills: Int { enabled ? 40 : 3 }
    /// Batches the concurrent writer commits, and stories a batch.
    static var writerBatches: Int { enabled ? 24 : 9 }
    static var storiesPerBatch: Int { enabled ? 200 : 40 }
    /// Stories whose stored text is compared with their file after each kill.
    static var textSamples: Int { enabled ? 100 : 4 }

    /// Files of the corpus the crash tests index: the shipped `Corpus/`, or in soak the
    /// folder `NEWSIDX_SOAK_CORPUS` names when it exists. Relative paths, sorted.
    static func corpusFiles() -> (root: String, files: [String]) {
        if enabled, let big = ProcessInfo.processInfo.environment["NEWSIDX_SOAK_CORPUS"], !big.isEmpty,
           FileManager.default.fileExists(atPath: big) {
            return (canonical(big), files(under: big))
        }
        return (Repo.corpus, files(under: Repo.corpus))
    }

    private static func files(under root: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue,
               !p.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                out.append(p)
            }
        }
        return out.sorted()
    }
}

/// Copies `files` (relative to `from`) into `to`, keeping their relative paths.
func copyFiles(_ files: [String], from: String, to: String) throws {
    for f in files {
        let target = to + "/" + f
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
        try FileManager.default.copyItem(atPath: from + "/" + f, toPath: target)
    }
}

/// Replaces the index folder `to` with a copy of `from` (a saved committed state).
func restoreIndex(_ from: String, to: String) throws {
    if FileManager.default.fileExists(atPath: to) { try FileManager.default.removeItem(atPath: to) }
    try FileManager.default.copyItem(atPath: from, toPath: to)
}

/// Starts `newsidx` without waiting for it (output discarded), for a test to kill.
func startNewsidx(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    try retryingBadDescriptor { try launchNewsidx(arguments, environment: environment) }
}

private func launchNewsidx(_ arguments: [String], environment: [String: String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try NewsidxBinary.path())
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NEWSIDX_INDEX"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// The paths (relative to their root) that a search finds, for each of `paths`, in one
/// batch run: `path:"P"` for each. Stops the test if the search fails.
func pathsFound(_ paths: [String], index: String, in dir: TempDir,
                sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Int] {
    let queries = paths.enumerated().map { "\($0.offset)\tpath:\"\($0.element)\"" }.joined(separator: "\n") + "\n"
    let file = try dir.write("queries-\(UUID().uuidString).tsv", queries)
    let r = try newsidx(["search", "--index", index, "--queries", file, "--format", "trec", "--limit", "10"], timeout: 600)
    try #require(r.exitedNormally && (r.status == 0 || r.status == 1), "search failed\n\(r)", sourceLocation: sourceLocation)
    var found: [String: Int] = [:]
    for line in r.stdoutLines {
        let f = line.split(separator: " ")
        guard f.count == 6, let q = Int(f[0]) else { continue }
        // The docid is the path with whitespace percent-encoded; the corpora have none.
        if String(f[2]) == paths[q] { found[paths[q], default: 0] += 1 }
    }
    return found
}

/// Requires the index to hold exactly one of `states` (each a set of relative paths), with
/// `check` passing, every story of that state found by search exactly once, and the stored
/// text of `Soak.textSamples` of them identical to what `extract` reads from their files
/// (`files` maps a relative path to its file). Returns the index of the state found.
@discardableResult
func requireCommittedState(_ index: String, oneOf states: [Set<String>], files: [String: String], in dir: TempDir,
                           context: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let check = try newsidx(["check", "--index", index], timeout: 600)
    try #require(check.exitedNormally && check.status == 0, "\(context): check failed\n\(check)", sourceLocation: sourceLocation)
    let stats = try newsidx(["stats", "--index", index, "--json"])
    try requireExit(stats, 0, sourceLocation: sourceLocation)
    let count = jsonInt(jsonObjects(stats).first?["stories"]) ?? -1
    let all = states.reduce(into: Set<String>()) { $0.formUnion($1) }
    let found = try pathsFound(all.sorted(), index: index, in: dir, sourceLocation: sourceLocation)
    let present = Set(found.keys)
    let matching = states.firstIndex { $0 == present && $0.count == count }
    try #require(matching != nil, """
        \(context): the index holds \(count) stories and search finds \(present.count) of the paths, \
        which is none of the committed states (\(states.map(\.count))); missing from the largest: \
        \(all.subtracting(present).sorted().prefix(5))
        """, sourceLocation: sourceLocation)
    #expect(found.values.allSatisfy { $0 == 1 }, "\(context): a story is found twice: \(found.filter { $0.value > 1 })",
            sourceLocation: sourceLocation)
    for path in present.sorted().prefix(Soak.textSamples) {
        guard let file = files[path] else { continue }
        let shown = try newsidx(["show", "--index", index, path])
        try requireExit(shown, 0, sourceLocation: sourceLocation)
        let extracted = try newsidx(["extract", "--json", file])
        try requireExit(extracted, 0, sourceLocation: sourceLocation)
        let body = jsonObjects(extracted).first?["body"] as? String ?? "?"
        #expect(shown.stdout.hasSuffix("\n\n" + body + "\n"), "\(context): the stored text of \(path) is not its file's",
                sourceLocation: sourceLocation)
    }
    return matching!
}
