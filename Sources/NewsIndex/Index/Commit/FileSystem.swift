#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the index needs, with durability spelled out: a file is
/// written, fsynced and closed before anything refers to it.
///
/// Every durability step (a write, an fsync, the rename of `CURRENT`, the directory's
/// fsync) passes through `FaultInjection`, which tests use to crash or fail it on purpose.
enum FileSystem {
    static func readAll(_ path: String) throws(IndexError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
        switch read(fd, count: Int(st.st_size)) {
        case .success(let bytes): return bytes
        case .failure(let code): throw .io(path: path, operation: "read", errno: code.value)
        }
    }

    struct Errno: Error { var value: Int32 }

    /// Reads up to `count` bytes from `fd`, retrying short reads; fewer when the file shrank.
    static func read(_ fd: Int32, count: Int) -> Result<[UInt8], Errno> {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(value: errno))
            }
            if n == 0 { break }
            done += n
        }
        if done < count { out.removeSubrange(done...) }
        return .success(out)
    }

    /// Creates (or truncates) `path`, writes `bytes`, fsyncs and closes it.
    static func writeDurably(_ path: String, _ bytes: [UInt8]) throws(IndexError) {
        let file = try DurableFile(creating: path)
        try file.append(bytes)
        try file.close()
    }

    static func rename(_ from: String, to: String) throws(IndexError) {
        let fault = FaultInjection.arrive(.rename)
        if case .fail(let code) = fault { throw .io(path: to, operation: "rename", errno: code) }
        guard Glibc.rename(from, to) == 0 else { throw .io(path: to, operation: "rename", errno: errno) }
        FaultInjection.leave(fault)
    }

    static func syncDirectory(_ path: String) throws(IndexError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        let fault = FaultInjection.arrive(.dirsync)
        if case .fail(let code) = fault { throw .io(path: path, operation: "fsync", errno: code) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
        FaultInjection.leave(fault)
    }

    static func makeDirectory(_ path: String) throws(IndexError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw .io(path: partial, operation: "mkdir", errno: errno)
            }
        }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    static func remove(_ path: String) { unlink(path) }

    static func list(_ directory: String) throws(IndexError) -> [String] {
        guard let dir = opendir(directory) else { throw .io(path: directory, operation: "opendir", errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// A file written front to back and made durable at `close()` (flush, fsync, close); a
/// segment is streamed through it section by section. Small appends are gathered in a
/// buffer so that streaming a merge costs few system calls.
final class DurableFile {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferCapacity = 1 << 20
    /// Bytes appended so far, buffered or not: where the next append lands.
    private(set) var offset = 0

    init(creating path: String) throws(IndexError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(Self.bufferCapacity)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func append(_ bytes: [UInt8]) throws(IndexError) {
        try withBytes(of: bytes) { (raw) throws(IndexError) in try append(raw) }
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        offset += bytes.count
        if buffer.count + bytes.count <= Self.bufferCapacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count < Self.bufferCapacity {
            buffer.append(contentsOf: bytes)
        } else {
            try writeAll(bytes)
        }
    }

    /// Zero bytes up to the next multiple of `alignment`.
    func pad(to alignment: Int) throws(IndexError) {
        let gap = (alignment - offset % alignment) % alignment
        if gap > 0 { try append([UInt8](repeating: 0, count: gap)) }
    }

    func close() throws(IndexError) {
        try flush()
        let fault = FaultInjection.arrive(.fsync)
        if case .fail(let code) = fault { throw .io(path: path, operation: "fsync", errno: code) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
        FaultInjection.leave(fault)
        let result = Glibc.close(fd)
        fd = -1
        guard result == 0 else { throw .io(path: path, operation: "close", errno: errno) }
    }

    private func flush() throws(IndexError) {
        guard !buffer.isEmpty else { return }
        try withBytes(of: buffer) { (raw) throws(IndexError) in try writeAll(raw) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(IndexError) {
        var done = 0
        while done < bytes.count {
            let fault = FaultInjection.arrive(.write)
            if case .fail(let code) = fault { throw .io(path: path, operation: "write", errno: code) }
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            done += n
            FaultInjection.leave(fault)
        }
    }
}

/// A read-only memory map of one index file; the bytes stay valid while this object lives,
/// even if a writer unlinks the file meanwhile. The file stays open beside the map, for
/// reads that must not go through it (`copy`).
final class MappedFile: @unchecked Sendable {
    let path: String
    let bytes: UnsafeRawBufferPointer
    private let descriptor: Int32

    init(path: String) throws(IndexError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let error = errno
            close(fd)
            throw .io(path: path, operation: "stat", errno: error)
        }
        descriptor = fd
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            let error = errno
            close(fd)
            throw .io(path: path, operation: "mmap", errno: error)
        }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        close(descriptor)
    }

    /// Where `part` (a part of `bytes`, such as a segment's section) starts in the file.
    func offset(of part: UnsafeRawBufferPointer) -> Int {
        part.baseAddress.map { $0 - bytes.baseAddress! } ?? 0
    }

    /// Copies the bytes at `offset` (within `bytes`) into `buffer` with `pread`, leaving the
    /// map untouched: a touch of a mapped page makes the page cache's whole folio around it
    /// resident (up to 256 KB), so a reader hopping through a large file, or walking many
    /// files side by side, would hold far more than it reads. Falls back to the map if the
    /// read fails.
    func copy(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) {
        precondition(offset >= 0 && offset + buffer.count <= bytes.count, "copy outside \(path)")
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
                rest.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(offset + done)..<(offset + buffer.count)]))
                return
            }
        }
    }

    /// Drops the whole pages of `region` (a part of `bytes` already read) from this
    /// process's resident memory; the page cache keeps them and a later read maps them back.
    /// A merge reading large segments front to back calls this as it goes, so its memory
    /// does not grow with the segments it reads.
    func release(_ region: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, let start = region.baseAddress, region.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let from = (start - base + page - 1) / page * page
        let to = min(start - base + region.count, bytes.count) / page * page
        guard from < to else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED)
    }
}
