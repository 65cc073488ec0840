import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Shared plumbing for the end-to-end tests: locating and running the built `newsidx`
// binary, temporary folders, the shipped corpus, and small JSON helpers.

// MARK: - The repository and its shipped corpus

enum Repo {
    /// The package root: three levels up from `Tests/EndToEndTests/NewsidxProcess.swift`.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return canonical(url.path)
    }()

    static var corpus: String { root + "/Corpus" }
    static let seedName = "2025-10-27-yonhap-choe-lavrov-moscow.txt"
    static var seedStory: String { corpus + "/" + seedName }
    /// Stories in the shipped corpus: the seed, 53 wire stories, 8 HTML pages.
    static let shippedStoryCount = 62
}

/// Whether `output` prints the seed story's date, 2025-10-27, as such: on a line of its own
/// kind, not merely inside the file name (which starts with the date) or the lead paragraph
/// (whose raw text starts "date 2025-10-27 North Korean ...").
func printsSeedDate(_ output: String) -> Bool {
    output.split(separator: "\n")
        .map { $0.replacingOccurrences(of: "2025-10-27-yonhap", with: "") }
        .contains { $0.contains("2025-10-27") && !$0.contains("North Korean") }
}

/// `path` with symbolic links and `..` resolved (as `realpath`), or `path` itself when it does not exist.
func canonical(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}

// MARK: - Locating the binary

enum NewsidxBinary {
    /// `NEWSIDX_BIN` if set, else the executable `newsidx` next to (or above) the running test executable.
    static let located: Result<String, LocateError> = {
        if let env = ProcessInfo.processInfo.environment["NEWSIDX_BIN"], !env.isEmpty {
            return FileManager.default.isExecutableFile(atPath: env)
                ? .success(env)
                : .failure(LocateError(message: "NEWSIDX_BIN=\(env) is not an executable file"))
        }
        let exe = canonical("/proc/self/exe")
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent("newsidx").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return .success(candidate)
            }
            if dir.path == "/" { break }
            dir.deleteLastPathComponent()
        }
        return .failure(LocateError(message: """
            cannot find the newsidx binary: NEWSIDX_BIN is not set and no folder above the test \
            executable (\(exe)) holds an executable named newsidx; build it first \
            (swift build) or set NEWSIDX_BIN
            """))
    }()

    struct LocateError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func path() throws -> String { try located.get() }
}

// MARK: - Running it

/// What one run of `newsidx` did.
struct RunResult: CustomStringConvertible {
    var arguments: [String]
    var stdoutData: Data
    var stderrData: Data
    var reason: Process.TerminationReason
    var status: Int32
    var timedOut: Bool

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// Ended by exit(2), not by a signal or our timeout.
    var exitedNormally: Bool { reason == .exit && !timedOut }

    /// Non-empty lines of stdout.
    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    var description: String {
        let how = timedOut ? "TIMED OUT (killed)" : reason == .exit ? "exit \(status)" : "killed by signal \(status)"
        func clip(_ s: String) -> String { s.count > 3000 ? String(s.prefix(3000)) + "…[clipped]" : s }
        return """
            newsidx \(arguments.joined(separator: " ")) → \(how)
            --- stdout ---
            \(clip(stdout))
            --- stderr ---
            \(clip(stderr))
            """
    }
}

/// Reads a pipe to its end on a thread of its own.
/// Runs `start` (which makes and starts a fresh `Process`) once more if it fails with EBADF:
/// swift-corelibs-foundation's `Process.run()` can fail so while other threads start and
/// reap processes (swiftlang/swift#57827), as the crash and concurrency tests do by the
/// hundred.
func retryingBadDescriptor<T>(_ start: () throws -> T) throws -> T {
    do {
        return try start()
    } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(EBADF) {
        return try start()
    }
}

private final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// Reads with `read(2)`, retrying when a signal interrupts it: Foundation's
    /// `readDataToEndOfFile` traps on EINTR, which the crash tests' SIGKILLs of other
    /// children (and their SIGCHLD) make happen.
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let fd = handle.fileDescriptor
            var d = Data()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 { d.append(contentsOf: buffer[..<n]); continue }
                if n < 0 && errno == EINTR { continue }
                break
            }
            lock.lock(); data = d; lock.unlock()
            done.signal()
        }
    }

    func result() -> Data {
        done.wait()
        lock.lock(); defer { lock.unlock() }
        return data
    }
}

/// Runs the built `newsidx` with `arguments`, stdin from /dev/null, stdout and stderr on
/// separate pipes (so never a terminal). `NEWSIDX_INDEX` and `NO_COLOR` are removed from
/// the inherited environment unless `environment` sets them. Killed after `timeout` seconds.
@discardableResult
func newsidx(
    _ arguments: [String],
    cwd: String? = nil,
    environment: [String: String] = [:],
    timeout: Double = 30,
    unprivileged: Bool = false
) throws -> RunResult {
    try retryingBadDescriptor {
        try runNewsidx(arguments, cwd: cwd, environment: environment, timeout: timeout, unprivileged: unprivileged)
    }
}

private func runNewsidx(
    _ arguments: [String], cwd: String?, environment: [String: String], timeout: Double, unprivileged: Bool
) throws -> RunResult {
    let process = Process()
    if unprivileged && getuid() == 0 {
        // Root reads every file whatever its mode; run as nobody so permissions bite.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", try NewsidxBinary.path()] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: try NewsidxBinary.path())
        process.arguments = arguments
    }
    var env = ProcessInfo.processInfo.environment
    env["NEWSIDX_INDEX"] = nil
    env["NO_COLOR"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    process.standardInput = FileHandle.nullDevice
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    let outDrain = PipeDrain(out.fileHandleForReading)
    let errDrain = PipeDrain(err.fileHandleForReading)
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
    }
    let stdout = outDrain.result(), stderr = errDrain.result()
    // Closed here, while this thread owns them, not whenever the pipes are deallocated.
    try? out.fileHandleForReading.close()
    try? err.fileHandleForReading.close()
    return RunResult(arguments: arguments, stdoutData: stdout, stderrData: stderr,
                     reason: process.terminationReason, status: process.terminationStatus, timedOut: timedOut)
}

/// Records an issue unless the run exited (not a signal, not a timeout) with `status`;
/// the issue carries the whole transcript.
func expectExit(_ result: RunResult, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.timedOut, "timed out\n\(result)", sourceLocation: sourceLocation)
    #expect(result.reason == .exit, "terminated by a signal\n\(result)", sourceLocation: sourceLocation)
    #expect(result.status == status, "expected exit status \(status)\n\(result)", sourceLocation: sourceLocation)
}

/// `expectExit` that also stops the test when the status is wrong (later steps depend on it).
func requireExit(_ result: RunResult, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(result.exitedNormally && result.status == status,
                 "expected exit status \(status)\n\(result)", sourceLocation: sourceLocation)
}

// MARK: - Temporary folders

/// A fresh folder per test (each suite instance makes one), removed when the suite instance goes.
final class TempDir: Sendable {
    /// Canonical absolute path (symbolic links resolved).
    let path: String

    init() throws {
        let base = NSTemporaryDirectory() + "newsidx-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = canonical(base)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `relative` inside this folder.
    func callAsFunction(_ relative: String) -> String { path + "/" + relative }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = self(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func mkdir(_ relative: String) throws -> String {
        let full = self(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: self(relative)) }
}

// MARK: - Small corpora

/// A wire story as the shipped `.txt` files have it: headline, blank line, paragraphs.
func wireStory(_ headline: String, _ paragraphs: String...) -> String {
    headline + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
}

/// Three stories, one in a subfolder, each with words no other has:
/// `alpha.txt` (Rotterdam), `beta.txt` (orchard), `sub/gamma.txt` (Zermatt).
@discardableResult
func writeSmallCorpus(in dir: TempDir, at folder: String = "corpus") throws -> String {
    try dir.write("\(folder)/alpha.txt", wireStory(
        "Harbour cranes idle in Rotterdam",
        "Dock workers in Rotterdam walked out on Tuesday, leaving harbour cranes idle and container ships waiting offshore.",
        "The port authority said talks would resume next week."))
    try dir.write("\(folder)/beta.txt", wireStory(
        "Frost hits orchard growers",
        "A late frost damaged apple orchards across the valley, growers said on Monday.",
        "Insurers expect claims to rise sharply this spring."))
    try dir.write("\(folder)/sub/gamma.txt", wireStory(
        "Glacier museum opens in Zermatt",
        "A museum devoted to the glacier opened in Zermatt, with exhibits on ice cores and alpine weather."))
    return dir(folder)
}

/// The files of an index folder that define its content (`CURRENT`, manifests, segments,
/// deletion files), by name; the lock file is left out.
func indexSnapshot(_ indexDir: String) -> [String: Data] {
    var snapshot: [String: Data] = [:]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: indexDir)) ?? []
    for name in names where !name.hasPrefix("LOCK") {
        snapshot[name] = FileManager.default.contents(atPath: indexDir + "/" + name) ?? Data()
    }
    return snapshot
}

/// Names in `indexDir` that start with `prefix` (e.g. `seg-`, `manifest-`), sorted.
func indexFiles(_ indexDir: String, prefix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: indexDir)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
}

// MARK: - JSON output

/// Parses every non-empty stdout line as a JSON object; records an issue for any line that is not one.
func jsonObjects(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
    var objects: [[String: Any]] = []
    for line in result.stdoutLines {
        let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        if let object = parsed as? [String: Any] {
            objects.append(object)
        } else {
            Issue.record("stdout line is not a JSON object: \(line)", sourceLocation: sourceLocation)
        }
    }
    return objects
}

/// The story id as `show` takes it, whether the JSON has it as a number or a string.
func idArgument(_ value: Any?) -> String? {
    switch value {
    case let s as String: return s
    case let n as NSNumber: return n.stringValue
    default: return nil
    }
}

/// True for a JSON number (not `true`/`false`, which Foundation also hands back as `NSNumber`).
func isJSONNumber(_ value: Any?) -> Bool {
    guard let n = value as? NSNumber else { return false }
    return String(cString: n.objCType) != "c"
}

/// Integer value of a JSON number (nil for anything else, including fractional numbers).
func jsonInt(_ value: Any?) -> Int? {
    guard isJSONNumber(value), let n = value as? NSNumber else { return nil }
    let d = n.doubleValue
    guard d.rounded() == d else { return nil }
    return n.intValue
}

/// The highlighted substrings of a search hit: `highlights` pairs sliced out of `snippet`
/// by Unicode code points. Records an issue for a malformed or out-of-range pair.
func highlightedTexts(_ hit: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    guard let snippet = hit["snippet"] as? String, let pairs = hit["highlights"] as? [Any] else {
        Issue.record("hit without snippet/highlights: \(hit)", sourceLocation: sourceLocation)
        return []
    }
    let scalars = Array(snippet.unicodeScalars)
    var texts: [String] = []
    for pair in pairs {
        guard let p = pair as? [Any], p.count == 2, let start = jsonInt(p[0]), let end = jsonInt(p[1]),
              0 <= start, start < end, end <= scalars.count
        else {
            Issue.record("bad highlight \(pair) for a snippet of \(scalars.count) code points: \(snippet)",
                         sourceLocation: sourceLocation)
            continue
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        texts.append(String(view))
    }
    return texts
}

/// Indexes the shipped corpus into `dir/idx` and returns the index path; stops the test if that fails.
func indexShippedCorpus(in dir: TempDir, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let index = dir("idx")
    let r = try newsidx(["add", "--index", index, Repo.corpus])
    try requireExit(r, 0, sourceLocation: sourceLocation)
    return index
}
