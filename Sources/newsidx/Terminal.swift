#if canImport(Glibc)
import Glibc
#endif

/// The CLI's only door to the terminal: buffered stdout, unbuffered stderr, and whether
/// styling is wanted: `NO_COLOR` unset (https://no-color.org), and stdout a terminal or
/// `CLICOLOR_FORCE` set to something other than `0` (as `ls` and many tools read it, for
/// pagers such as `less -R` and for tests).
enum Terminal {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1
    static let styled = getenv("NO_COLOR") == nil && (stdoutIsTerminal || forced)

    private static var forced: Bool {
        guard let value = getenv("CLICOLOR_FORCE") else { return false }
        return value.pointee != 0 && !(value.pointee == 0x30 && value[1] == 0)
    }

    static func bold(_ s: String) -> String { styled ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { styled ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }
    /// A query's words in a snippet: bold red, as grep marks its matches.
    static func highlight(_ s: String) -> String { styled ? "\u{1B}[1;31m" + s + "\u{1B}[0m" : s }

    static func output(_ s: String) { write(s, to: STDOUT_FILENO) }

    static func standardError(_ s: String) { write(s, to: STDERR_FILENO) }

    /// Writes everything, retrying short writes; a closed pipe (`newsidx search | head`) ends quietly.
    private static func write(_ s: String, to fd: Int32) {
        var s = s
        s.withUTF8 { u in
            var done = 0
            while done < u.count {
                let n = Glibc.write(fd, u.baseAddress! + done, u.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    static func error(_ message: String) { standardError("newsidx: error: \(message)\n") }
    static func warning(_ message: String) { standardError("newsidx: warning: \(message)\n") }
    /// Something the user should know that changed nothing's outcome, e.g. how a query was read.
    static func note(_ message: String) { standardError("newsidx: note: \(message)\n") }

    /// `path` made absolute against the working directory, `.` and `..` removed lexically
    /// (for paths that may no longer exist, so `realpath` cannot help).
    static func absolutePath(_ path: String) -> String? {
        var parts: [Substring] = []
        if !path.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { return nil }
            defer { free(cwd) }
            parts = String(cString: cwd).split(separator: "/")
        }
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to the working directory when it lies below it, else as given.
    static func displayPath(_ path: String) -> String {
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        let base = String(cString: cwd)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
