import Foundation
import Glibc
import Testing

/// Runs one fuzz target: mutated seeds through `body`, each input under a time limit, the
/// process's memory under a ceiling.
///
/// In `make test` it runs a fixed number of inputs from a fixed seed (deterministic).
/// `make fuzz` sets `FUZZ_SECONDS` (run each target that long, from a seed of the clock or
/// `FUZZ_SEED`) and `FUZZ_ARTIFACTS`, a folder where the input under test is kept, so that
/// the input of a crash can be found after it. A hang (an input running longer than
/// `FUZZ_INPUT_SECONDS`, default 10) writes the input there and aborts the process: a
/// hang cannot be recorded and continued from.
struct FuzzHarness {
    let target: String
    let seeds: [[UInt8]]
    var inputsInTest = 300
    /// Resident memory the process may reach; past it, an input is taken to allocate without bound.
    var memoryCeilingKilobytes = 3 << 20

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    func run(_ body: ([UInt8]) -> Void) {
        let env = Self.environment
        let seconds = env["FUZZ_SECONDS"].flatMap(Double.init)
        let seed = env["FUZZ_SEED"].flatMap(UInt64.init) ?? (seconds == nil ? 0x6E65_7773 : UInt64(Date().timeIntervalSince1970 * 1000))
        let limit = env["FUZZ_INPUT_SECONDS"].flatMap(Double.init) ?? 10
        let artifacts = env["FUZZ_ARTIFACTS"]
        var mutator = FuzzMutator(seed: seed, seeds: seeds)
        let watchdog = Watchdog(target: target, limit: limit, artifacts: artifacts ?? NSTemporaryDirectory())
        defer { watchdog.stop() }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var count = 0
        // The seeds themselves first, then mutations.
        while deadline.map({ Date() < $0 }) ?? (count < inputsInTest) {
            let input = count < seeds.count ? seeds[count] : mutator.next()
            if let artifacts {
                FileManager.default.createFile(atPath: artifacts + "/\(target).current", contents: Data(input))
            }
            watchdog.begin(input)
            body(input)
            watchdog.end()
            count += 1
            let rss = Self.peakMemoryKilobytes()
            if rss > memoryCeilingKilobytes {
                let path = (artifacts ?? NSTemporaryDirectory()) + "/\(target)-memory-\(getpid())"
                FileManager.default.createFile(atPath: path, contents: Data(input))
                Issue.record("\(target): peak memory \(rss / 1024) MB after input \(count) (seed \(seed)), saved in \(path)")
                return
            }
        }
        if seconds != nil {
            print("fuzz \(target): \(count) inputs in \(seconds!) s, seed \(seed), peak memory \(Self.peakMemoryKilobytes() / 1024) MB")
        }
    }

    static func peakMemoryKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// Watches the input under test from a thread of its own; one running past the limit is
/// written out and the process aborted.
private final class Watchdog: @unchecked Sendable {
    let target: String
    let limit: Double
    let artifacts: String
    private let lock = NSLock()
    private var input: [UInt8]?
    private var started = Date()
    private var running = true

    init(target: String, limit: Double, artifacts: String) {
        self.target = target
        self.limit = limit
        self.artifacts = artifacts
        Thread.detachNewThread { [self] in watch() }
    }

    func begin(_ input: [UInt8]) { lock.lock(); self.input = input; started = Date(); lock.unlock() }
    func end() { lock.lock(); input = nil; lock.unlock() }
    func stop() { lock.lock(); running = false; lock.unlock() }

    private func watch() {
        while true {
            usleep(100_000)
            lock.lock()
            defer { lock.unlock() }
            guard running else { return }
            if let input, Date().timeIntervalSince(started) > limit {
                let path = artifacts + "/\(target)-hang-\(getpid())"
                FileManager.default.createFile(atPath: path, contents: Data(input))
                let message = Array("fuzz \(target): an input ran past \(limit) s; saved in \(path)\n".utf8)
                _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                abort()
            }
        }
    }
}
