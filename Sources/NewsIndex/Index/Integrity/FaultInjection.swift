#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A test-only fault hook at the index's durability steps, so that tests can kill a writer
/// or fail a system call at an exact point of a commit rather than at a random instant.
///
/// Compiled in but inert: it is read once, from the environment variable `NEWSIDX_FAULT`,
/// and without it every step runs as usual (the cost is one check of a constant per
/// step). The variable holds `ACTION:STEP:N`:
///
/// - `STEP` is the kind of step counted: `write` (one `write(2)` of an index file), `fsync`
///   (a file's fsync when it is closed: segments, deletion files, the manifest,
///   `CURRENT.tmp`), `rename` (`CURRENT.tmp` over `CURRENT`), `dirsync` (the fsync of the
///   index directory), or `step`, any of these four.
/// - `N` counts those steps from 1 in the process.
/// - `ACTION` is `crash-before` or `crash-after` (the process sends itself SIGKILL just
///   before the N-th such step, or just after it completed), or `enospc` or `eio` (the N-th
///   such step and every later one fail with that error, without being done: a disk that
///   stays full).
///
/// `NEWSIDX_FAULT=crash-after:rename:1` kills a writer the moment its commit became
/// visible, before the directory is synced; `enospc:write:1` makes it find the disk full.
public enum FaultInjection {
    /// A kind of durability step.
    public enum Step: String, Sendable, CaseIterable {
        case write, fsync, rename, dirsync
    }

    /// What to do at the chosen step.
    enum Action: Equatable {
        case crashBefore, crashAfter
        case fail(errno: Int32)
    }

    /// A parsed `NEWSIDX_FAULT`.
    struct Plan: Equatable {
        var action: Action
        /// nil: any step counts.
        var step: Step?
        var occurrence: Int

        init(action: Action, step: Step?, occurrence: Int) {
            self.action = action
            self.step = step
            self.occurrence = occurrence
        }

        /// Parses `ACTION:STEP:N`; nil when it is malformed.
        init?(_ spec: String) {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let n = Int(parts[2]), n >= 1 else { return nil }
            switch parts[0] {
            case "crash-before": action = .crashBefore
            case "crash-after": action = .crashAfter
            case "enospc": action = .fail(errno: ENOSPC)
            case "eio": action = .fail(errno: EIO)
            default: return nil
            }
            if parts[1] == "step" {
                step = nil
            } else if let s = Step(rawValue: parts[1]) {
                step = s
            } else {
                return nil
            }
            occurrence = n
        }
    }

    /// What a step may go on to do.
    enum Outcome {
        /// Do the step; `crashAfter` says whether to die once it is done.
        case proceed(crashAfter: Bool)
        /// Do not do the step; fail it with this errno.
        case fail(Int32)
    }

    static let environmentVariable = "NEWSIDX_FAULT"

    /// The plan in force, read once; `.failure` holds a malformed value.
    static let plan: Result<Plan?, MalformedSpec> = {
        guard let raw = getenv(environmentVariable) else { return .success(nil) }
        let spec = String(cString: raw)
        if spec.isEmpty { return .success(nil) }
        guard let plan = Plan(spec) else { return .failure(MalformedSpec(value: spec)) }
        return .success(plan)
    }()

    struct MalformedSpec: Error {
        var value: String
    }

    /// Why `NEWSIDX_FAULT` is refused, or nil when it is unset or well-formed. The command
    /// line refuses to run with a malformed one, so that a typo in a test cannot silently
    /// test nothing.
    public static var configurationError: String? {
        guard case .failure(let bad) = plan else { return nil }
        return "\(environmentVariable)='\(bad.value)' is not ACTION:STEP:N with ACTION crash-before, crash-after, "
            + "enospc or eio, STEP write, fsync, rename, dirsync or step, and N a count from 1"
    }

    /// Steps seen so far in this process: one counter per `Step`, then one for all.
    private static let counts = Mutex<[Int]>([Int](repeating: 0, count: Step.allCases.count + 1))

    /// Called just before a step of kind `step`: counts it and applies the plan. May not
    /// return (crash-before).
    @inline(__always)
    static func arrive(_ step: Step) -> Outcome {
        guard case .success(let plan?) = plan else { return .proceed(crashAfter: false) }
        return arrive(step, plan)
    }

    private static func arrive(_ step: Step, _ plan: Plan) -> Outcome {
        let index = Step.allCases.firstIndex(of: step)!
        let seen = counts.withLock { counts in
            counts[index] += 1
            counts[counts.count - 1] += 1
            return plan.step == nil ? counts[counts.count - 1] : plan.step == step ? counts[index] : 0
        }
        switch plan.action {
        case .crashBefore where seen == plan.occurrence:
            crash()
        case .crashAfter where seen == plan.occurrence:
            return .proceed(crashAfter: true)
        case .fail(let code) where seen >= plan.occurrence:
            return .fail(code)
        default:
            break
        }
        return .proceed(crashAfter: false)
    }

    /// Called once a step that `arrive` let proceed is done.
    @inline(__always)
    static func leave(_ outcome: Outcome) {
        if case .proceed(crashAfter: true) = outcome { crash() }
    }

    /// Dies as a power cut would kill the process: at once, without unwinding or flushing.
    private static func crash() -> Never {
        kill(getpid(), SIGKILL)
        while true { pause() }
    }
}
