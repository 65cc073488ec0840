/// Forgetting stories on request: `newsidx rm` and `newsidx roots rm`.
///
/// Stories are chosen first (`select…`, which change nothing) and deleted after
/// (`remove`), so a command can check every argument before deleting anything. Deletions are
/// published by `commit()`, like everything else a writer does.
extension IndexWriter {
    /// Stories chosen for deletion.
    public struct Selection: Sendable, Equatable {
        struct Member: Hashable, Sendable {
            var key: FileKey
            var item: String?
        }

        var members: Set<Member> = []

        public init() {}

        /// How many stories are chosen.
        public var count: Int { members.count }
        public var isEmpty: Bool { members.isEmpty }

        /// Both selections' stories.
        public func union(_ other: Selection) -> Selection {
            Selection(members: members.union(other.members))
        }

        init(members: Set<Member>) { self.members = members }
    }

    /// The story with this id; empty when no live story has it.
    public func select(storyID: UInt64) throws(IndexError) -> Selection {
        var found = Selection()
        try forEachStory { key, record, _ in
            if record.storyID == storyID { found.members.insert(.init(key: key, item: record.item)) }
        }
        return found
    }

    /// The stories of the file at absolute `path` or, when `path` is a folder (a root, or a
    /// folder inside one), of every file below it.
    public func select(path: String) throws(IndexError) -> Selection {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        var found = Selection()
        for root in roots {
            let rootPrefix = root.path == "/" ? "/" : root.path + "/"
            let below: String?
            if trimmed == root.path || trimmed == "/" {
                below = ""
            } else if trimmed.hasPrefix(rootPrefix) {
                below = String(trimmed.dropFirst(rootPrefix.count))
            } else if root.path.hasPrefix(trimmed + "/") {
                below = ""  // a folder holding the whole root
            } else {
                below = nil
            }
            guard let below else { continue }
            found = found.union(try select(root: root.id, below: below))
        }
        return found
    }

    /// The stories of the file at `path` relative to its root, or of every file below it
    /// when `path` names a folder there; in every root.
    public func select(relativePath path: String) throws(IndexError) -> Selection {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard !trimmed.isEmpty, !trimmed.hasPrefix("/") else { return Selection() }
        var found = Selection()
        for root in roots { found = found.union(try select(root: root.id, below: trimmed)) }
        return found
    }

    /// Stories of root `id` whose path is `below` or lies inside it (all of them for "").
    private func select(root id: UInt32, below: String) throws(IndexError) -> Selection {
        var found = Selection()
        let folder = below + "/"
        try forEachStory { key, record, _ in
            guard key.root == id, below.isEmpty || key.path == below || key.path.hasPrefix(folder) else { return }
            found.members.insert(.init(key: key, item: record.item))
        }
        return found
    }

    /// Deletes the selected stories (those still live); returns how many were deleted.
    /// Stories this writer added and has not committed yet are committed first: only a
    /// committed story can be marked deleted.
    @discardableResult
    public func remove(_ selection: Selection) throws(IndexError) -> Int {
        if hasUncommittedStories { try commit() }
        var removed = 0
        for member in selection.members {
            guard let entry = try stories(of: member.key)?[item: member.item] else { continue }
            try delete(entry)
            removed += 1
            dirty = true
        }
        return removed
    }

    /// How many corpus roots the index records.
    public var rootCount: Int { roots.count }

    /// The corpus roots, in the order they were added, with how many live stories each holds.
    public var corpusRoots: [(path: String, stories: Int)] {
        get throws(IndexError) {
            let counts = try storyCountsByRoot()
            return roots.map { ($0.path, counts[$0.id, default: 0]) }
        }
    }

    /// Forgets the corpus root at absolute `path` (as `corpusRoots` lists it) and deletes its
    /// stories; returns how many, or nil when `path` is not a root. Files inside it that lie
    /// inside another root too are that root's from then on, at its next `reindex`.
    public func removeRoot(path: String) throws(IndexError) -> Int? {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let root = roots.first(where: { $0.path == trimmed }) else { return nil }
        let removed = try remove(try select(root: root.id, below: ""))
        roots.removeAll { $0.id == root.id }
        dirty = true
        return removed
    }
}
