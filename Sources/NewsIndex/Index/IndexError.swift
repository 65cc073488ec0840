#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What can go wrong opening, reading or writing an index; each case names the file at fault.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No index exists at the directory.
    case missing(directory: String)
    /// A file is damaged: truncated, bit-flipped, or not what its name says.
    case corrupt(file: String, detail: String)
    /// The index was written by an incompatible version of newsidx.
    case unsupportedFormat(file: String, found: Int, supported: Int)
    /// The index was built with other analysis rules than this newsidx applies.
    case analyzerMismatch(index: String, current: String)
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32)
    /// Another writer holds the index lock.
    case busy(directory: String, holderPID: Int32?)

    public var description: String {
        switch self {
        case .missing(let dir):
            return "no index at \(dir); create one with: newsidx add --index \(dir) PATH..."
        case .corrupt(let file, let detail):
            return "\(file) is damaged (\(detail)); newsidx check lists the damage, newsidx check --repair drops what cannot be read"
        case .unsupportedFormat(let file, let found, let supported):
            return "\(file) has index format \(found), this newsidx reads format \(supported); rebuild the index with this version"
        case .analyzerMismatch(let index, let current):
            return "the index was built with analyzer '\(index)', this newsidx uses '\(current)'; rebuild the index"
        case .io(let path, let operation, let code):
            return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        case .busy(let dir, let pid):
            let holder = pid.map { " (held by process \($0))" } ?? ""
            return "another newsidx is writing to \(dir)\(holder); try again when it has finished"
        }
    }
}
