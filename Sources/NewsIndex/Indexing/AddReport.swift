/// What happened during an `add`, reported as it happens (the library never prints).
public enum AddEvent: Sendable {
    /// A file or folder was skipped; the rest goes on.
    case skipped(path: String, reason: String)
    /// A file was indexed with something to know: a page whose story was not found, whose
    /// densest block of text was indexed instead (`Story.bodyIsFallback`).
    case note(path: String, message: String)
    /// `reindex` could not scan a corpus root (missing, unreadable, or empty while the index
    /// holds stories from it: an unmounted disk); its stories are kept as they are.
    case rootUnavailable(path: String, reason: String)
    case progress(AddProgress)
}

public struct AddProgress: Sendable, Equatable {
    public var files = 0
    public var stories = 0
    public var bytes = 0
}

/// The outcome of an `add` or a `reindex`.
public struct AddSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Stories deleted because they are gone from their file (items dropped from a feed).
    public var removed = 0
    /// Stories whose file moved to another path under the roots: kept, with their ids,
    /// without parsing the file again (`reindex`).
    public var moved = 0
    public var skipped = 0
    public var bytes = 0

    public var changedAnything: Bool { added + updated + removed + moved > 0 }
}
