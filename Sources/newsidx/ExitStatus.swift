import NewsIndex

/// The exit statuses `newsidx` documents; cron wrappers and scripts depend on them.
enum ExitStatus: Int32 {
    case success = 0
    /// A search found nothing, as grep.
    case noMatch = 1
    /// Bad arguments, a missing path, a malformed query, no index where one was expected.
    case usage = 2
    /// I/O errors and damaged indexes.
    case failure = 3
    /// Another writer holds the index (EX_TEMPFAIL, so cron wrappers can retry).
    case busy = 75
}

/// Ends a command with a status and, unless it has already been said, a message for stderr.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String?

    static func usage(_ message: String) -> CommandFailure { CommandFailure(status: .usage, message: message) }

    /// The status an index error deserves: a missing index is the user's input, busy is busy,
    /// everything else is a failure.
    init(_ error: IndexError) {
        switch error {
        case .missing: status = .usage
        case .busy: status = .busy
        default: status = .failure
        }
        message = error.description
    }

    init(status: ExitStatus, message: String?) {
        self.status = status
        self.message = message
    }
}

/// Runs index work, turning an `IndexError` into the failure (and exit status) it deserves.
func withIndex<T>(_ body: () throws(IndexError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error)
    }
}
