#if canImport(Glibc)
import Glibc
#endif
import NewsIndex
import ServiceLifecycle
import Synchronization

/// The reader the server answers from, following the index's commits.
///
/// A request takes the current reader once and keeps it to the end: `IndexReader` is a
/// class whose mapped segment files stay mapped while anything holds it, so a commit by
/// `add`, `reindex`, `rm` or `compact` in another process (which may delete the files of
/// merged segments) never pulls a file out from under a request. Every `interval` the
/// follower reads `CURRENT`; when it names a new generation, it opens a reader on it and
/// swaps it in — a commit is published by renaming `CURRENT`, so a half-written state is
/// never seen.
final class IndexFollower: Service, Sendable {
    let directory: String
    let interval: Duration
    /// The facet columns (sources, places, languages) of every segment, read before a commit is served.
    let facetColumns = FacetColumns()
    private let current: Mutex<IndexReader>
    /// The last failure to open a newer commit (shown by `/healthz`), nil once one opens.
    private let failure: Mutex<IndexError?>

    init(directory: String, interval: Duration = .milliseconds(250)) throws(IndexError) {
        self.directory = directory
        self.interval = interval
        let reader = try Self.open(directory)
        _ = try facetColumns.columns(of: reader)
        current = Mutex(reader)
        failure = Mutex(nil)
    }

    /// A reader of the commit `CURRENT` names, holding every file it will read: a commit
    /// that comes while it serves deletes files of the state before it. A commit that lands
    /// between reading `CURRENT` and mapping those files is caught up with by opening again.
    static func open(_ directory: String) throws(IndexError) -> IndexReader {
        var attempt = 0
        while true {
            let reader = try IndexReader(directory: directory, analyzer: .standard)
            do {
                try reader.mapClusters()
                return reader
            } catch {
                attempt += 1
                guard case .io(_, _, let code) = error, code == ENOENT, attempt < 5 else { throw error }
            }
        }
    }

    /// The reader of the newest commit seen.
    var reader: IndexReader { current.withLock { $0 } }

    /// Why the newest commit could not be opened, if it could not.
    var lastFailure: IndexError? { failure.withLock { $0 } }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: interval)
            refresh()
        }
    }

    /// Opens the commit `CURRENT` names if it is not the one being served.
    func refresh() {
        do throws(IndexError) {
            guard let generation = try IndexReader.currentGeneration(in: directory),
                  generation != reader.manifest.generation else { return }
            let newer = try Self.open(directory)
            _ = try facetColumns.columns(of: newer)
            current.withLock { $0 = newer }
            facetColumns.keepOnly(newer)
            failure.withLock { $0 = nil }
        } catch {
            // The old reader keeps serving; the next turn tries again.
            failure.withLock { $0 = error }
        }
    }
}
