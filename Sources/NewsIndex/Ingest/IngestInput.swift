/// A path given to `add`, checked and made absolute before anything is written.
public struct IngestInput: Sendable, Equatable {
    /// As the user wrote it, for messages.
    public var argument: String
    /// Absolute, with symbolic links resolved.
    public var canonicalPath: String
    public var isDirectory: Bool

    /// Resolves every argument, or throws naming the first that does not exist.
    public static func resolve(_ arguments: [String]) throws(InputError) -> [IngestInput] {
        try arguments.map { argument throws(InputError) in
            guard let canonical = CorpusWalker.canonicalPath(argument) else {
                throw .missingPath(argument)
            }
            return IngestInput(argument: argument, canonicalPath: canonical,
                               isDirectory: FileSystem.isDirectory(canonical))
        }
    }
}

/// A problem with what the user asked to index, found before the index is touched.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingPath(String)

    public var description: String {
        switch self {
        case .missingPath(let p): return "\(p): no such file or folder; check the path"
        }
    }
}
