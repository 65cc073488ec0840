#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes and modification time of one file to be ingested.
public struct SourceFile: Sendable {
    public var bytes: [UInt8]
    public var mtimeNanoseconds: Int64

    /// Reads the whole file, or says in words why it cannot be indexed. Files over `maxSize`
    /// are refused from their size alone, before any byte is read.
    public static func read(_ path: String, maxSize: Int) -> Result<SourceFile, SkipReason> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            return .failure(SkipReason(CorpusWalker.reason(code), isMissing: code == ENOENT))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(SkipReason(CorpusWalker.reason(errno))) }
        let size = Int(st.st_size)
        guard size <= maxSize else {
            return .failure(SkipReason("\(Self.megabytes(size)) is larger than the \(Self.megabytes(maxSize)) limit (--max-file-size)"))
        }
        let bytes: [UInt8]
        switch FileSystem.read(fd, count: size) {
        case .success(let b): bytes = b
        case .failure(let e): return .failure(SkipReason(CorpusWalker.reason(e.value)))
        }
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return .success(SourceFile(bytes: bytes, mtimeNanoseconds: mtime))
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// Why a file was not read, in words for the user.
public struct SkipReason: Error, CustomStringConvertible {
    public var description: String
    /// The file does not exist (an input error rather than a file to skip).
    public var isMissing: Bool

    init(_ description: String, isMissing: Bool = false) {
        self.description = description
        self.isMissing = isMissing
    }
}
