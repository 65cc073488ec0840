/// Where this repository is, from this source file's location (`Tests/NewsIndexTests/Fuzz/…`).
enum RepositoryPath {
    static let root: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/")
    }()
}
