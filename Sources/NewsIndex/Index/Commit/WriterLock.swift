#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer-at-a-time lock: an `flock` on `LOCK` in the index directory, holding the
/// owner's pid so a waiting writer can say who holds it. Released when the process exits,
/// however it exits, so a crash never leaves a stale lock.
final class WriterLock {
    /// -1 once closed: an initializer that throws after setting every property still runs
    /// `deinit`, which must not close the descriptor a second time (by then its number may
    /// belong to another thread's file).
    private var fd: Int32
    let path: String

    /// Takes the lock, polling until `wait` seconds have passed; then throws `.busy`.
    init(directory: String, wait: Double) throws(IndexError) {
        path = directory + "/LOCK"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        let deadline = Self.now() + max(0, wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                fd = -1
                throw .io(path: path, operation: "flock", errno: code)
            }
            if Self.now() >= deadline {
                let holder = Self.readPID(fd)
                close(fd)
                fd = -1
                throw .busy(directory: directory, holderPID: holder)
            }
            usleep(50_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingSuffix(while: { $0 == "\n" }))
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
