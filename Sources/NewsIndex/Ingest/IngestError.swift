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
    /// XML whose root element no reader knows (the associated value is its name).
    case unknownMarkup(String)
    /// A `.gz` file whose compressed data is damaged or cut short.
    case damagedCompression
    /// A compressed file that expands beyond the size limit (the limit in bytes).
    case tooLarge(limit: Int)

    /// The unsupported-type error for a file at `path`, named by its extension.
    static func unsupportedFormat(path: String) -> IngestError {
        let ext = StoryFormat.extensionOf(path)
        return .unsupportedFormat(ext.isEmpty ? "" : "." + ext)
    }

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary content, not text"
        case .noText: "no story text found"
        case .unsupportedFormat(let ext):
            ext.isEmpty ? "unsupported file type (no extension)" : "unsupported file type \(ext)"
        case .unknownMarkup(let root): "XML of a kind newsidx does not read (root element <\(root)>)"
        case .damagedCompression: "damaged or truncated gzip data"
        case .tooLarge(let limit): "expands beyond the \(limit >> 20) MB limit (--max-file-size)"
        }
    }
}
