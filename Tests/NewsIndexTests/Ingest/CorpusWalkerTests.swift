import Foundation
import Testing
@testable import NewsIndex

@Suite struct CorpusWalkerTests {
    let dir = TemporaryDirectory()

    func walk(_ path: String) -> (files: [String], warnings: [(String, String)]) {
        var files: [String] = []
        var warnings: [(String, String)] = []
        CorpusWalker().walk(path, onFile: { files.append(String($0.dropFirst(path.count))) },
                            onWarning: { warnings.append(($0, $1)) })
        return (files, warnings)
    }

    @Test func walksFoldersRecursivelyInNameOrderFilesFirst() {
        dir.write("b.txt", "x")
        dir.write("a.txt", "x")
        dir.write("sub/c.txt", "x")
        dir.write("sub/deeper/d.txt", "x")
        #expect(walk(dir.path).files == ["/a.txt", "/b.txt", "/sub/c.txt", "/sub/deeper/d.txt"])
    }

    @Test func aFileArgumentIsItself() {
        let file = dir.write("only.txt", "x")
        #expect(walk(file).files == [""])
    }

    @Test func hiddenEntriesArePassedOver() {
        dir.write(".git/config", "x")
        dir.write(".DS_Store", "x")
        dir.write("story.txt", "x")
        #expect(walk(dir.path).files == ["/story.txt"])
    }

    @Test func aSymlinkLoopIsReportedAndNotFollowed() throws {
        dir.write("sub/story.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: dir.path)
        let result = walk(dir.path)
        #expect(result.files == ["/sub/story.txt"])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.0.hasSuffix("/sub/loop") == true)
        #expect(result.warnings.first?.1.contains("loop") == true)
    }

    @Test func aSymlinkToAFolderOutsideIsFollowed() throws {
        let outside = TemporaryDirectory()
        outside.write("far.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: outside.path)
        #expect(walk(dir.path).files == ["/link/far.txt"])
    }

    @Test func aDanglingSymlinkIsReported() throws {
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/gone.txt", withDestinationPath: dir.path + "/nowhere")
        let result = walk(dir.path)
        #expect(result.files.isEmpty)
        #expect(result.warnings.map(\.1) == ["no such file or folder"])
    }

    @Test func canonicalPathResolvesDotsAndLinks() throws {
        dir.write("sub/a.txt", "x")
        let canonical = try #require(CorpusWalker.canonicalPath(dir.path + "/sub/../sub/./a.txt"))
        #expect(canonical.hasSuffix("/sub/a.txt"))
        #expect(!canonical.contains(".."))
        #expect(CorpusWalker.canonicalPath(dir.path + "/missing") == nil)
    }
}
