extension CorpusWalker {
    /// What a walk on another thread hands over: files in batches, and warnings.
    private enum Found: Sendable {
        case files([Entry])
        case warning(path: String, reason: String)
    }

    /// `walkEntries` run on a thread of its own, its files and warnings handed to `onFile`
    /// and `onWarning` on this one in the walk's order: a `reindex` of a million unchanged
    /// files is about half system calls (the walk) and half lookups of the files in the
    /// index, and each takes a core.
    func walkEntriesOnAnotherThread(
        _ path: String,
        onFile: (Entry) -> Void,
        onWarning: (_ path: String, _ reason: String) -> Void
    ) {
        BoundedQueue<Found>.handOver(capacity: 64, produce: { queue in
            var batch: [Entry] = []
            var stopped = false
            func flush() {
                guard !batch.isEmpty, !stopped else { return }
                stopped = !queue.push(.files(batch))
                batch.removeAll(keepingCapacity: true)
            }
            CorpusWalker().walkEntries(path, onFile: { file in
                batch.append(file)
                if batch.count == 512 { flush() }
            }, onWarning: { path, reason in
                flush()
                if !stopped { stopped = !queue.push(.warning(path: path, reason: reason)) }
            })
            flush()
        }) { found in
            switch found {
            case .files(let files): for file in files { onFile(file) }
            case .warning(let path, let reason): onWarning(path, reason)
            }
        }
    }
}
