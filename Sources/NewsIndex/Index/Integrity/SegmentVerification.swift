/// The deep reading of a segment that `newsidx check` does beyond its checksums: every
/// part read the way searches read it, so that a segment whose checksums agree but whose
/// contents a search would trip on (a bug in a writer, or damage made before the checksum
/// was computed) is found too.
extension SegmentReader {
    /// Reads every document record and path, decompresses every stored story, walks the
    /// term dictionary (terms strictly increasing) and decodes every postings list (as many
    /// documents as the dictionary says, in increasing order, inside the segment). Returns
    /// what is wrong, in words, or nil when all of it reads.
    func verifyStructure() -> String? {
        do throws(IndexError) {
            // Everything is read once: what was read is dropped from this process's memory
            // as the walks go (the whole file's pages, every few thousand stories or terms),
            // so checking a segment of gigabytes does not keep it resident.
            for doc in 0..<documentCount {
                _ = try record(doc)
                try storedStories.withStory(doc) { _, _ in }
                if doc % 8192 == 8191 { file.release(file.bytes) }
            }
            file.release(file.bytes)
            if let bad = verifyFileKeys() { return bad }
            var previous: [UInt8]?
            var problem: String?
            var seen = 0
            try forEachTerm { term, info in
                seen += 1
                if let previous, previous.withUnsafeBytes({ SegmentReader.compare($0, term) }) >= 0 {
                    problem = "term dictionary out of order at term \(seen)"
                    return false
                }
                previous = Array(term)
                if let bad = Self.verifyPostings(self, info) {
                    problem = "postings of term \(seen): \(bad)"
                    return false
                }
                if seen % 256 == 0 { file.release(file.bytes) }
                return true
            }
            file.release(file.bytes)
            if let problem { return problem }
            guard seen == termCount else { return "term dictionary holds \(seen) terms, its index says \(termCount)" }
            return nil
        } catch {
            if case .corrupt(_, let detail) = error { return detail }
            return error.description
        }
    }

    /// The file-key table lists every document once, in order, under its file's hash.
    private func verifyFileKeys() -> String? {
        var listed = DocumentSet(documentCount: documentCount)
        var previous: UInt64?
        for i in 0..<fileKeys.count {
            let doc = fileKeys.document(at: i), hash = fileKeys.hash(at: i)
            guard doc < documentCount, !listed.contains(doc) else {
                return "file key table lists document \(doc) twice or out of range"
            }
            listed.insert(doc)
            let entry = UInt64(hash) << 32 | UInt64(doc)
            if let previous, previous >= entry { return "file key table out of order at entry \(i)" }
            previous = entry
            guard let path = try? key(doc).path, FileKeyTable.hash(root: rootID(doc), path: path) == hash else {
                return "file key table holds a wrong hash for document \(doc)"
            }
        }
        return nil
    }

    private static func verifyPostings(_ segment: SegmentReader, _ info: TermInfo) -> String? {
        let cursor = PostingsCursor(segment: segment, term: info)
        var count = 0
        var last = -1
        while cursor.doc != PostingsCursor.exhausted {
            guard cursor.doc > last, cursor.doc < segment.documentCount else {
                return "document \(cursor.doc) out of order or range"
            }
            // Decoding them is the check (damage sets `isCorrupt`); nothing is kept. Not
            // `_ = positionsOfCurrentDocument()`: Swift 6.3.1's optimiser freed that unused
            // array before copying the positions into it, corrupting the heap.
            cursor.withPositionsOfCurrentDocument { _ in }
            last = cursor.doc
            count += 1
            cursor.next()
        }
        if cursor.isCorrupt { return "list damaged" }
        guard count == info.docFreq else { return "\(count) documents, the dictionary says \(info.docFreq)" }
        return nil
    }
}
