/// What the index keeps about one document besides its text: who it is and where it came from.
public struct DocumentRecord: Sendable, Equatable {
    /// The story's internal id: assigned once, independent of its path, kept across updates.
    public var storyID: UInt64
    public var rootID: UInt32
    /// The path relative to the root it was added from.
    public var path: String
    /// The story's id within its file when the file holds several (a feed item).
    public var item: String?
    public var contentHash: UInt64
    public var fileSize: UInt64
    public var mtimeNanoseconds: Int64

    public init(storyID: UInt64, rootID: UInt32, path: String, item: String? = nil,
                contentHash: UInt64, fileSize: UInt64, mtimeNanoseconds: Int64) {
        self.storyID = storyID
        self.rootID = rootID
        self.path = path
        self.item = item
        self.contentHash = contentHash
        self.fileSize = fileSize
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}
