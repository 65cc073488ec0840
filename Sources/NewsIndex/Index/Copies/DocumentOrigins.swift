/// Where each document of a commit's segments was in the state before it: which document
/// of the previous manifest's segments, or none for a story this commit adds. The commit
/// records its merges here, so the previous state's clusters can be carried over
/// (`ClusterUpdate`).
struct DocumentOrigins {
    enum Origin {
        /// A segment of the previous state, at this position of its manifest; same numbering.
        case previous(Int)
        /// Written since the previous commit: every story in it is new.
        case added
        /// A merge's output: per document, `packed` previous address or `fresh`.
        case renumbered([UInt64])
    }

    static let fresh = UInt64.max

    static func packed(segment: Int, doc: Int) -> UInt64 { UInt64(segment) << 32 | UInt64(doc) }

    private(set) var bySegment: [UInt64: Origin] = [:]

    /// The previous state's segments (manifest order) and those written since.
    init(previous: [Manifest.Segment], added: [Manifest.Segment]) {
        for (position, segment) in previous.enumerated() { bySegment[segment.id] = .previous(position) }
        for segment in added { bySegment[segment.id] = .added }
    }

    /// Segment `id` holds the live documents of `sources` renumbered by `maps` (per source,
    /// each document's number in it or -1: `SegmentMerger.Outcome.documentMaps`).
    mutating func merged(_ sources: [UInt64], into id: UInt64, maps: [[Int32]], documentCount: Int) {
        let origins = sources.map { bySegment[$0] ?? .added }
        for source in sources { bySegment[source] = nil }
        if origins.allSatisfy({ if case .added = $0 { true } else { false } }) {
            bySegment[id] = .added
            return
        }
        var docs = [UInt64](repeating: Self.fresh, count: documentCount)
        for (origin, map) in zip(origins, maps) {
            for (doc, to) in map.enumerated() where to >= 0 {
                switch origin {
                case .previous(let position): docs[Int(to)] = Self.packed(segment: position, doc: doc)
                case .added: break
                case .renumbered(let earlier): docs[Int(to)] = earlier[doc]
                }
            }
        }
        bySegment[id] = .renumbered(docs)
    }
}
