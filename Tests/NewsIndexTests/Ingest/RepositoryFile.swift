#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a repository file could not be read.
struct RepositoryFileError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot read \(path)" }
}

/// The bytes of a file of this repository, by its path from the repository root, found from
/// this source file's location (`Tests/NewsIndexTests/Ingest/…`).
///
/// Plain libc rather than Foundation, so these tests build however NewsIndex imports libxml2
/// (a target that sees both Foundation's and libxml2's ICU headers does not build).
func repositoryFile(_ relativePath: String, filePath: String = #filePath) throws -> [UInt8] {
    var components = filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // Ingest/X.swift, NewsIndexTests, Tests
    let path = (components + [Substring(relativePath)]).joined(separator: "/")
    guard let file = fopen(path, "rb") else { throw RepositoryFileError(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[..<count]
    }
    guard ferror(file) == 0 else { throw RepositoryFileError(path: path) }
    return bytes
}
