import NewsIndex

/// A story's copies (the other members of its cluster), as the pages and the API list them.
struct StoryLookup {
    let reader: IndexReader

    func copies(of address: DocumentAddress) throws(IndexError) -> [SimilarStory] {
        guard let cluster = try reader.cluster(of: address) else { return [] }
        return try stories(cluster.members.map(\.address).filter { $0 != address })
    }

    /// The stories at `addresses` as a list of copies names them.
    func stories(_ addresses: [DocumentAddress]) throws(IndexError) -> [SimilarStory] {
        try addresses.map { address throws(IndexError) in
            let copy = try reader.withStoredStory(at: address) { stored, _ in stored }
            return SimilarStory(id: copy.id, root: copy.root, path: copy.path, title: copy.story.title, date: copy.story.date)
        }
    }

    /// The id of the story's cluster (its representative's story id, or its own).
    func clusterID(of address: DocumentAddress) throws(IndexError) -> UInt64 {
        try reader.cluster(of: address)?.id ?? reader.storyID(at: address)
    }
}

/// A story id as a path names it: digits only, written as the server writes them (no sign,
/// no leading zero), so each story has one address.
enum StoryID {
    static func parse(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              text == "0" || !text.hasPrefix("0") else { return nil }
        return UInt64(text)
    }
}
