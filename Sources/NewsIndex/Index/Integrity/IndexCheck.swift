#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thing wrong with an index: the file at fault, what is wrong with it in words, and
/// what reading past it would cost.
public struct IndexProblem: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// `CURRENT` or the manifest it names: the index cannot be opened at all, and there is
        /// nothing to fall back on (a commit removes older manifests).
        case manifest
        /// A segment (or its deletion file) that cannot be trusted; `liveStories` is how many
        /// stories the manifest says it holds.
        case segment(id: UInt64, liveStories: Int)
        /// The manifest's statistics for a segment disagree with the segment; nothing is lost.
        case statistics(segment: UInt64)
        /// The file grouping copies of stories (`ClusterFile`) is missing or damaged; it is
        /// derived from the segments' fingerprints, so nothing is lost in rebuilding it.
        case clusters
    }

    /// The file's name inside the index directory.
    public var file: String
    public var detail: String
    public var scope: Scope
}

/// What `newsidx check` found.
public struct IndexCheckReport: Sendable, Equatable {
    /// The generation `CURRENT` names (0 when it cannot be read).
    public var generation: UInt64 = 0
    /// The manifest, when it could be read.
    public var manifest: Manifest?
    public var segmentsChecked = 0
    /// Documents read in full (records, stored text), deleted ones included.
    public var documentsChecked = 0
    public var problems: [IndexProblem] = []
    /// Index files no manifest refers to: leftovers of an interrupted writer, removed by the
    /// next one. Not damage.
    public var strayFiles: [String] = []

    public var isSound: Bool { problems.isEmpty }
}

/// Verifies a committed index without changing it: `CURRENT` and the manifest it names,
/// then every segment the manifest lists (present, readable, the document count the
/// manifest records, every section's checksum, and its contents read in full), every
/// deletion file (present, checksum, the deleted count the manifest records), and the
/// manifest's token totals.
///
/// Takes no lock: a commit published meanwhile may retire the files being checked, which
/// then look missing (`IndexRepair` checks under the writer lock).
public enum IndexCheck {
    /// Checks the index in `directory`; throws `.missing` when there is none.
    public static func run(directory: String) throws(IndexError) -> IndexCheckReport {
        let store = ManifestStore(directory: directory)
        var report = IndexCheckReport()
        let manifest: Manifest
        do throws(IndexError) {
            guard let gen = try store.currentGeneration() else { throw .missing(directory: directory) }
            report.generation = gen
            manifest = try store.load(generation: gen)
        } catch {
            if case .missing = error { throw error }
            let file = report.generation == 0 ? ManifestStore.currentName : Manifest.fileName(generation: report.generation)
            report.problems.append(IndexProblem(file: file, detail: describe(error), scope: .manifest))
            return report
        }
        report.manifest = manifest
        for entry in manifest.segments {
            check(entry, store: store, into: &report)
        }
        if manifest.clusterGeneration > 0 { checkClusters(manifest, store: store, into: &report) }
        report.strayFiles = strayFiles(directory: directory, manifest: manifest)
        return report
    }

    private static func check(_ entry: Manifest.Segment, store: ManifestStore, into report: inout IndexCheckReport) {
        let name = SegmentFormat.fileName(segment: entry.id)
        let live = entry.documentCount - entry.deletedCount
        func problem(_ file: String, _ detail: String) {
            report.problems.append(IndexProblem(file: file, detail: detail, scope: .segment(id: entry.id, liveStories: live)))
        }
        report.segmentsChecked += 1
        let segment: SegmentReader
        do throws(IndexError) {
            segment = try SegmentReader(id: entry.id, path: store.path(name))
        } catch {
            return problem(name, describe(error))
        }
        guard segment.documentCount == entry.documentCount else {
            return problem(name, "holds \(segment.documentCount) documents, the manifest says \(entry.documentCount)")
        }
        let bad = segment.verifyChecksums()
        guard bad.isEmpty else {
            return problem(name, "checksum mismatch in the \(bad.joined(separator: ", ")) "
                + (bad.count == 1 ? "section" : "sections"))
        }
        if let wrong = segment.verifyStructure() { return problem(name, wrong) }
        report.documentsChecked += segment.documentCount

        var deletions: DeletionSet?
        if entry.deletionGeneration > 0 {
            let delName = DeletionSet.fileName(segment: entry.id, generation: entry.deletionGeneration)
            do throws(IndexError) {
                deletions = try DeletionSet.load(for: entry, documentCount: segment.documentCount, store: store)
            } catch {
                return problem(delName, describe(error))
            }
            guard deletions!.deletedCount == entry.deletedCount else {
                return problem(delName, "marks \(deletions!.deletedCount) documents deleted, the manifest says \(entry.deletedCount)")
            }
        } else if entry.deletedCount != 0 {
            return problem(name, "the manifest counts \(entry.deletedCount) deleted documents but names no deletion file")
        }
        var tokens: UInt64 = 0
        for doc in 0..<segment.documentCount where !(deletions?.contains(doc) ?? false) {
            tokens += UInt64(segment.tokenCount(doc))
        }
        if tokens != entry.tokenCount {
            report.problems.append(IndexProblem(
                file: Manifest.fileName(generation: report.generation),
                detail: "records \(entry.tokenCount) tokens for segment \(entry.id), its live stories hold \(tokens)",
                scope: .statistics(segment: entry.id)))
        }
    }

    private static func checkClusters(_ manifest: Manifest, store: ManifestStore, into report: inout IndexCheckReport) {
        let name = ClusterFile.fileName(generation: manifest.clusterGeneration)
        do throws(IndexError) {
            let file = try ClusterFile(path: store.path(name), name: name,
                                       segments: manifest.segments.map { ($0.id, $0.documentCount) })
            if !file.verifyChecksum() {
                report.problems.append(IndexProblem(file: name, detail: "checksum mismatch", scope: .clusters))
            }
        } catch {
            report.problems.append(IndexProblem(file: name, detail: describe(error), scope: .clusters))
        }
    }

    /// Index files in `directory` that `manifest` does not refer to.
    static func strayFiles(directory: String, manifest: Manifest) -> [String] {
        var referenced: Set<String> = [Manifest.fileName(generation: manifest.generation)]
        for s in manifest.segments {
            referenced.insert(SegmentFormat.fileName(segment: s.id))
            if s.deletionGeneration > 0 { referenced.insert(DeletionSet.fileName(segment: s.id, generation: s.deletionGeneration)) }
        }
        if manifest.clusterGeneration > 0 { referenced.insert(ClusterFile.fileName(generation: manifest.clusterGeneration)) }
        let names = (try? FileSystem.list(directory)) ?? []
        return names.filter { name in
            let ours = name.hasPrefix("seg-") || name.hasPrefix("manifest-") || name.hasPrefix("clusters-")
                || name == ManifestStore.currentName + ".tmp"
            return ours && !referenced.contains(name)
        }.sorted()
    }

    /// An error as a phrase about the file it names (the file is said separately).
    static func describe(_ error: IndexError) -> String {
        switch error {
        case .io(_, _, let code) where code == ENOENT:
            return "missing"
        case .io(_, let operation, let code):
            return "\(operation) failed: \(String(cString: strerror(code)))"
        case .corrupt(_, let detail):
            return detail
        case .unsupportedFormat(_, let found, let supported):
            return "format \(found), this newsidx reads format \(supported)"
        default:
            return error.description
        }
    }
}
