/// A story in a cluster of copies, and how much of it the representative shares.
public struct ClusterMember: Sendable, Equatable {
    public var address: DocumentAddress
    /// The estimated overlap coefficient with the representative's text (1 for it and for
    /// exact copies).
    public var similarity: Double
}

/// Stories that are copies of one story (`NearDuplicateClustering` says when).
public struct DuplicateCluster: Sendable, Equatable {
    /// The cluster's id: its representative's story id, so a cluster of one story is
    /// named by that story (a story with no copy is the cluster of itself).
    public var id: UInt64
    /// The representative first (the earliest story, the longest when dates tie), then the
    /// others by date.
    public var members: [ClusterMember]
}

extension IndexReader {
    /// The committed cluster file, mapped on first use; nil when the index has none (it was
    /// never committed by a version that clusters).
    func clusterFile() throws(IndexError) -> ClusterFile? {
        if let loaded = loadedClusters.withLock({ $0 }) { return loaded }
        var file: ClusterFile?
        if manifest.clusterGeneration > 0 {
            let name = ClusterFile.fileName(generation: manifest.clusterGeneration)
            file = try ClusterFile(path: directory + "/" + name, name: name,
                                   segments: manifest.segments.map { ($0.id, $0.documentCount) })
        }
        // Two threads may map it at once; the first to finish is kept.
        return loadedClusters.withLock { loaded in
            if let earlier = loaded { return earlier }
            loaded = .some(file)
            return file
        }
    }

    /// Maps the cluster file now rather than on first use. A reader kept open while later
    /// commits come (a server's) must: a commit deletes the cluster file of the state before
    /// it, and once mapped the file stays readable however long the reader lives. Throws
    /// `.io` with `ENOENT` when a commit already replaced it (open a newer reader then).
    public func mapClusters() throws(IndexError) {
        _ = try clusterFile()
    }

    /// The cluster of the story at `address`, or nil when it has no copy.
    public func cluster(of address: DocumentAddress) throws(IndexError) -> DuplicateCluster? {
        guard let file = try clusterFile(), let number = file.cluster(segment: address.segment, doc: address.doc) else {
            return nil
        }
        return cluster(number, in: file)
    }

    /// The number identifying the story's cluster within this state of the index, or nil
    /// for a story with no copy: cheap, for grouping hits.
    public func clusterNumber(of address: DocumentAddress) throws(IndexError) -> Int? {
        try clusterFile()?.cluster(segment: address.segment, doc: address.doc)
    }

    /// Every cluster of two stories or more, largest first (then by id).
    public func duplicateClusters() throws(IndexError) -> [DuplicateCluster] {
        guard let file = try clusterFile() else { return [] }
        let all = (0..<file.clusterCount).map { cluster($0, in: file) }
        return all.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.id < $1.id }
    }

    private func cluster(_ number: Int, in file: ClusterFile) -> DuplicateCluster {
        let members = file.members(number).compactMap { m -> ClusterMember? in
            guard m.segment < segments.count, m.doc < segments[m.segment].documentCount else { return nil }
            return ClusterMember(address: DocumentAddress(segment: m.segment, doc: m.doc), similarity: Double(m.similarity))
        }
        return DuplicateCluster(id: members.first.map { storyID(at: $0.address) } ?? 0, members: members)
    }
}
