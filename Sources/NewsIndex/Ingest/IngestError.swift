/// Why a file could not be read as a story.
///
/// The descriptions are short lower-case reasons, meant to follow the file name in a
/// message such as `notes.pdf: unsupported file type .pdf`.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes, or only whitespace.
    case empty
    /// The bytes are not text (NUL bytes or many control characters).
    case binary
    /// The file is text but holds no story body (for example a page of scripts and markup).
    case noText
    /// No reader handles this file type; the associated value is the extension with its
    /// dot (`".pdf"`), or `""` when the file name has none.
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary content, not text"
        case .noText: "no story text found"
        case .unsupportedFormat(let ext):
            ext.isEmpty ? "unsupported file type (no extension)" : "unsupported file type \(ext)"
        }
    }
}
