#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks files and folders given to `add`, recursively, in name order.
///
/// Symbolic links are followed; a link that leads back into one of its own ancestors is
/// reported as a loop and not entered. Hidden entries (`.git`, `.DS_Store`) are passed over.
/// Problems are reported through `onWarning` and never stop the walk.
public struct CorpusWalker {
    public init() {}

    /// A regular file found by the walk, with the size and modification time `stat` gave:
    /// enough for `reindex` to pass over an unchanged file without opening it.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var size: UInt64
        public var mtimeNanoseconds: Int64
    }

    /// Calls `onFile` with the path of every regular file under `path` (or `path` itself).
    public func walk(
        _ path: String,
        onFile: (String) -> Void,
        onWarning: (_ path: String, _ reason: String) -> Void
    ) {
        walkEntries(path, onFile: { onFile($0.path) }, onWarning: onWarning)
    }

    /// `walk`, handing over each file's size and modification time as well.
    public func walkEntries(
        _ path: String,
        onFile: (Entry) -> Void,
        onWarning: (_ path: String, _ reason: String) -> Void
    ) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            onWarning(path, Self.reason(errno))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFREG {
            onFile(Entry(path, st))
            return
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            onWarning(path, "not a regular file or folder")
            return
        }
        struct Pending { var path: String; var ancestors: [FileID] }
        var stack = [Pending(path: path, ancestors: [FileID(st)])]
        while let dir = stack.popLast() {
            guard let handle = opendir(dir.path) else {
                onWarning(dir.path, Self.reason(errno))
                continue
            }
            defer { closedir(handle) }
            var names: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            names.sort()
            // Each child is looked up in the open folder (`fstatat`), not from `/` again:
            // a reindex of a million unchanged files is mostly these lookups.
            let folder = dirfd(handle)
            var subfolders: [Pending] = []
            for name in names {
                let child = dir.path.hasSuffix("/") ? dir.path + name : dir.path + "/" + name
                var cst = stat()
                guard fstatat(folder, name, &cst, 0) == 0 else {
                    onWarning(child, Self.reason(errno))
                    continue
                }
                switch cst.st_mode & S_IFMT {
                case S_IFREG:
                    onFile(Entry(child, cst))
                case S_IFDIR:
                    let id = FileID(cst)
                    if dir.ancestors.contains(id) {
                        onWarning(child, "symbolic link loop: leads back to a folder above it; not followed")
                    } else {
                        subfolders.append(Pending(path: child, ancestors: dir.ancestors + [id]))
                    }
                default:
                    break
                }
            }
            // Files of a folder come before its subfolders; subfolders in name order.
            stack.append(contentsOf: subfolders.reversed())
        }
    }

    /// An absolute path with symbolic links and `.`/`..` resolved, or nil when it does not exist.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "symbolic link loop"
        default: return String(cString: strerror(code))
        }
    }

    private struct FileID: Equatable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }
}

extension CorpusWalker.Entry {
    init(_ path: String, _ st: stat) {
        self.path = path
        size = UInt64(st.st_size)
        mtimeNanoseconds = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}
