#if canImport(Glibc)
import Glibc
#endif

/// The CLI's only door to the terminal: buffered stdout, unbuffered stderr, and whether
/// styling is wanted (a terminal, and `NO_COLOR` unset).
enum Terminal {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1
    static let styled = stdoutIsTerminal && getenv("NO_COLOR") == nil

    static func bold(_ s: String) -> String { styled ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { styled ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }

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
