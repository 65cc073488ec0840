import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `newsidx check [--repair]`: exit 0 when sound, 3 when damaged, each problem in words
/// naming its file; `--repair` says what it dropped and how many stories were lost.
@Suite struct CheckCommandTests {
    let tmp: TempDir
    init() throws { tmp = try TempDir() }

    /// The small corpus in two segments: alpha.txt (1), beta.txt and sub/gamma.txt (2).
    private func index() throws -> (index: String, corpus: String) {
        let index = tmp("idx")
        let corpus = try writeSmallCorpus(in: tmp)
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus + "/alpha.txt"]), 0)
        try requireExit(try newsidx(["add", "--quiet", "--index", index, corpus]), 0)
        return (index, corpus)
    }

    @Test func aSoundIndexChecksWithStatusZeroAndSaysWhatWasVerified() throws {
        let (index, _) = try index()
        let r = try newsidx(["check", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout == "index sound: manifest-2, 2 segments, 3 stories; checksums and contents verified\n", "\(r)")
    }

    @Test func aDamagedIndexChecksWithStatusThreeNamingTheFileAndWhatRepairWouldDrop() throws {
        let (index, _) = try index()
        unlink(index + "/seg-2.seg")
        let r = try newsidx(["check", "--index", index])
        try requireExit(r, 3)
        #expect(r.stdout == "seg-2.seg: missing (segment 2, 2 stories)\n", "\(r)")
        #expect(r.stderr.contains("damaged: 1 problem; newsidx check --repair drops 1 segment (2 stories) and keeps the rest"), "\(r)")
    }

    @Test func repairSaysWhichSegmentWasDroppedAndHowManyStoriesWereLost() throws {
        let (index, corpus) = try index()
        unlink(index + "/seg-2.seg")
        let r = try newsidx(["check", "--repair", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.contains("dropped segment 2: seg-2.seg: missing; 2 stories lost\n"), "\(r)")
        #expect(r.stdout.contains("repaired: manifest-3 published; 2 stories lost, 1 story remain"), "\(r)")
        #expect(r.stdout.contains("newsidx add --index \(index) \(corpus)"), "\(r)")
        try requireExit(try newsidx(["check", "--index", index]), 0)
    }

    @Test func repairingASoundIndexSaysThereIsNothingToRepair() throws {
        let (index, _) = try index()
        let r = try newsidx(["check", "--repair", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.hasPrefix("nothing to repair: index sound"), "\(r)")
    }

    @Test func aDamagedManifestIsNotRepairedAndExitsThree() throws {
        let (index, _) = try index()
        try "newsidx-manifest\ngarbage\n".write(toFile: index + "/manifest-2", atomically: false, encoding: .utf8)
        let r = try newsidx(["check", "--repair", "--index", index])
        try requireExit(r, 3)
        #expect(r.stdout.contains("manifest-2: truncated: no checksum line"), "\(r)")
        #expect(r.stderr.contains("cannot be repaired"), "\(r)")
    }

    @Test func leftoversOfAnInterruptedWriterAreNotesNotDamage() throws {
        let (index, _) = try index()
        try tmp.write("idx/seg-9.seg", "partial")
        let r = try newsidx(["check", "--index", index])
        try requireExit(r, 0)
        #expect(r.stdout.contains("note: seg-9.seg is not part of the index"), "\(r)")
    }

    @Test func checkingWhereThereIsNoIndexIsAUsageError() throws {
        for args in [["check"], ["check", "--repair"]] {
            let r = try newsidx(args + ["--index", tmp("none")])
            try requireExit(r, 2)
            #expect(r.stderr.contains("no index at"), "\(r)")
        }
        #expect(!tmp.exists("none"))
    }

    @Test func aMalformedFaultHookIsRefused() throws {
        let r = try newsidx(["check", "--index", tmp("none")], environment: ["NEWSIDX_FAULT": "crash-after:renam:1"])
        try requireExit(r, 2)
        #expect(r.stderr.contains("NEWSIDX_FAULT='crash-after:renam:1' is not ACTION:STEP:N"), "\(r)")
    }
}
