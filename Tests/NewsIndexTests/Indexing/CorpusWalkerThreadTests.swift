import Foundation
import Testing
@testable import NewsIndex

/// The walk `reindex` runs on a thread of its own hands over what the plain walk finds, in
/// the same order.
@Suite struct CorpusWalkerThreadTests {
    let dir = TemporaryDirectory()

    typealias Found = (files: [CorpusWalker.Entry], events: [String])

    func plain(_ path: String) -> Found {
        var found: Found = ([], [])
        CorpusWalker().walkEntries(path, onFile: { found.files.append($0); found.events.append("file " + $0.path) },
                                   onWarning: { found.events.append("warning \($0): \($1)") })
        return found
    }

    func onAnotherThread(_ path: String) -> Found {
        var found: Found = ([], [])
        CorpusWalker().walkEntriesOnAnotherThread(path, onFile: { found.files.append($0); found.events.append("file " + $0.path) },
                                                  onWarning: { found.events.append("warning \($0): \($1)") })
        return found
    }

    @Test func filesAndWarningsComeInTheWalksOrderAcrossBatches() throws {
        // More files than one batch holds, in folders, with warnings between them.
        for i in 0..<1_300 { dir.write(String(format: "f%02d/s%04d.txt", i % 7, i), "x") }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/f03/loop", withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/f05/dangling", withDestinationPath: dir.path + "/gone")
        let expected = plain(dir.path)
        let found = onAnotherThread(dir.path)
        #expect(found.files.count == 1_300)
        #expect(found.files == expected.files)
        #expect(found.events == expected.events)
        #expect(found.events.filter { $0.hasPrefix("warning") }.count == 2)
    }

    @Test func aMissingPathIsOneWarning() {
        let found = onAnotherThread(dir.path + "/none")
        #expect(found.files.isEmpty && found.events.count == 1)
    }
}
