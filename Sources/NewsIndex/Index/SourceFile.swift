#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes and modification time of one file to be ingested.
struct SourceFile {
    var bytes: [UInt8]
    var mtimeNanoseconds: Int64

    /// Reads the whole file, or says in words why it cannot be indexed. Files over `maxSize`
    /// are refused from their size alone, before any byte is read.
    static func read(_ path: String, maxSize: Int) -> Result<SourceFile, SkipReason> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(SkipReason(CorpusWalker.reason(errno))) }
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

struct SkipReason: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
