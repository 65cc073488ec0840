import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults of the disk and of the index's files: each gives an error naming the file at
/// fault (exit 3) and does no further damage — the committed index is left as it was, and
/// what can still be read is still searchable.
@Suite(.serialized) struct FaultInjectionTests {
    let tmp: TempDir
    let corpus: String
    init() throws {
        tmp = try TempDir()
        corpus = try writeSmallCorpus(in: tmp)
    }

    /// An index of alpha.txt (segment 1) and beta.txt (segment 2); gamma is left to add.
    private func twoSegmentIndex(at index: String? = nil) throws -> String {
        let index = index ?? tmp("idx")
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus + "/alpha.txt"]), 0)
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus + "/beta.txt"]), 0)
        return index
    }

    private func hits(_ index: String, _ query: String) throws -> [String] {
        let r = try newsidx(["search", "--index", index, "--any", "--format", "trec", query])
        try #require(r.exitedNormally && (r.status == 0 || r.status == 1), "\(r)")
        return r.stdoutLines.map { String($0.split(separator: " ")[2]) }.sorted()
    }

    /// The index's files (bar the lock) are byte for byte what they were — `CURRENT`
    /// included, so nothing was published. A failed writer may leave a partial file that no
    /// manifest refers to; the next writer removes it.
    private func expectUnchanged(_ index: String, since before: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) {
        let now = indexSnapshot(index)
        for (name, data) in before {
            #expect(now[name] == data, "\(name) changed", sourceLocation: sourceLocation)
        }
    }

    /// Flips a byte in the middle of the segment's longest section (never in the padding
    /// between sections, which no checksum covers because it holds nothing).
    private func flipByte(_ path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let footer = u64(bytes.count - 16)
        let sections = (0..<u32(footer)).map { i in (offset: u64(footer + 4 + i * 24 + 4), length: u64(footer + 4 + i * 24 + 12)) }
        let longest = try #require(sections.max { $0.length < $1.length })
        bytes[longest.offset + longest.length / 2] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aDiskFullFromTheFaultHookFailsTheAddNamingTheFileAndKeepsTheCommittedState() throws {
        let index = try twoSegmentIndex()
        let before = indexSnapshot(index)
        let r = try newsidx(["add", "--index", index, corpus], environment: ["NEWSIDX_FAULT": "enospc:write:1"])
        try requireExit(r, 3)
        #expect(r.stderr.contains(index + "/seg-3.seg: write failed: No space left on device"), "\(r)")
        expectUnchanged(index, since: before)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt"])
        try requireExit(try newsidx(["check", "--index", index]), 0)
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus]), 0)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt", "sub/gamma.txt"])
    }

    @Test func aFailedFsyncOfTheManifestPublishesNothing() throws {
        let index = try twoSegmentIndex()
        let before = indexSnapshot(index)
        // fsyncs: the new segment, the clusters of copies, then the manifest.
        let r = try newsidx(["add", "--index", index, corpus], environment: ["NEWSIDX_FAULT": "eio:fsync:3"])
        try requireExit(r, 3)
        #expect(r.stderr.contains(index + "/manifest-3: fsync failed: Input/output error"), "\(r)")
        expectUnchanged(index, since: before)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt"])
    }

    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "newsidx-tmpfs-probe-\(getpid())"
        mkdir(probe, 0o755)
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    @Test(.enabled(if: canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func aFullFileSystemFailsTheAddNamingTheFileAndKeepsTheCommittedState() throws {
        let mountPoint = try tmp.mkdir("small")
        try #require(mount("tmpfs", mountPoint, "tmpfs", 0, "size=1m") == 0)
        defer { umount2(mountPoint, Int32(MNT_DETACH)) }
        let index = try twoSegmentIndex(at: mountPoint + "/idx")
        let before = indexSnapshot(index)
        // Fill what is left of the file system.
        let filler = mountPoint + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let fd = open(filler, O_WRONLY)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
        let r = try newsidx(["add", "--index", index, corpus])
        try requireExit(r, 3)
        #expect(r.stderr.contains(index + "/") && r.stderr.contains("No space left on device"), "\(r)")
        expectUnchanged(index, since: before)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt"])
        try requireExit(try newsidx(["check", "--index", index]), 0)
        unlink(filler)
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus]), 0)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt", "sub/gamma.txt"])
    }

    @Test func aReadOnlyIndexDirectoryFailsTheAddNamingTheFileAndStaysSearchable() throws {
        let index = try twoSegmentIndex()
        let before = indexSnapshot(index)
        // Writable lock, read-only folder: the writer gets as far as creating its segment.
        chmod(index + "/LOCK", 0o666)
        chmod(index, 0o555)
        chmod(tmp.path, 0o755)
        defer { chmod(index, 0o755) }
        let r = try newsidx(["add", "--index", index, corpus], unprivileged: true)
        try requireExit(r, 3)
        #expect(r.stderr.contains(index + "/seg-3.seg: create failed: Permission denied"), "\(r)")
        expectUnchanged(index, since: before)
        let search = try newsidx(["search", "--index", index, "--format", "trec", "Rotterdam"], unprivileged: true)
        try requireExit(search, 0)
        #expect(search.stdout.contains("alpha.txt"))
    }

    @Test func aTruncatedSegmentIsNamedBySearchAddAndCheckAndNothingElseChanges() throws {
        let index = try twoSegmentIndex()
        let segment = index + "/seg-2.seg"
        truncate(segment, off_t(FileManager.default.contents(atPath: segment)!.count / 2))
        let before = indexSnapshot(index)
        let search = try newsidx(["search", "--index", index, "Rotterdam"])
        try requireExit(search, 3)
        #expect(search.stderr.contains("seg-2.seg is damaged (truncated"), "\(search)")
        let add = try newsidx(["add", "--index", index, corpus])
        try requireExit(add, 3)
        #expect(add.stderr.contains("seg-2.seg"), "\(add)")
        let check = try newsidx(["check", "--index", index])
        try requireExit(check, 3)
        #expect(check.stdout.contains("seg-2.seg: truncated"), "\(check)")
        expectUnchanged(index, since: before)
    }

    @Test func aBitFlippedSegmentIsNamedByCheckAndAMergeRefusesToCopyIt() throws {
        let index = try twoSegmentIndex()
        try flipByte(index + "/seg-1.seg")
        let before = indexSnapshot(index)
        let check = try newsidx(["check", "--index", index])
        try requireExit(check, 3)
        #expect(check.stdout.contains("seg-1.seg: checksum mismatch in the"), "\(check)")
        #expect(check.stderr.contains("damaged: 1 problem"), "\(check)")
        let compact = try newsidx(["compact", "--index", index])
        try requireExit(compact, 3)
        #expect(compact.stderr.contains("seg-1.seg is damaged (checksum mismatch"), "\(compact)")
        expectUnchanged(index, since: before)
    }

    @Test func aManifestNamingAMissingSegmentIsNamedAndRepairKeepsTheRest() throws {
        let index = try twoSegmentIndex()
        unlink(index + "/seg-1.seg")
        let before = indexSnapshot(index)
        let search = try newsidx(["search", "--index", index, "orchard"])
        try requireExit(search, 3)
        #expect(search.stderr.contains(index + "/seg-1.seg: open failed: No such file or directory"), "\(search)")
        let add = try newsidx(["add", "--index", index, corpus])
        try requireExit(add, 3)
        #expect(add.stderr.contains("seg-1.seg: open failed"), "\(add)")
        expectUnchanged(index, since: before)

        try requireExit(try newsidx(["check", "--repair", "--index", index]), 0)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["beta.txt"])
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus]), 0)
        #expect(try hits(index, "Rotterdam orchard Zermatt") == ["alpha.txt", "beta.txt", "sub/gamma.txt"])
    }
}
