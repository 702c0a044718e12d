import Foundation

/// Brings a `LibraryStore` up to date with the folders: every file is stat'ed, only new or
/// changed files are read, rows of files that are gone are dropped.
public enum LibraryRefresh {
    /// What a refresh found.
    public struct Result: Sendable {
        public var counts = IndexCounts()
        /// Paths of articles new, changed or gone (for the reader's "2 new, 1 changed").
        public var changes = LibraryChanges()
        /// What the walk of the folders could not read (not kept in the store).
        public var walkSkipped: [SkippedFile] = []
    }

    /// Files read and written per step: each step is one transaction.
    public static let stepSize = 1024

    /// Refreshes `store` from `roots`, calling `progress` after each step (on this thread);
    /// without `indexingText` the search tables are left out (see `IndexUpdate.indexesText`).
    @discardableResult
    public static func run(store: LibraryStore, roots: [String], stepSize: Int = stepSize, indexingText: Bool = true,
                           progress: ((IndexProgress) -> Void)? = nil) throws -> Result {
        var result = Result()
        var gone = try store.stamps()
        let files = ArticleFiles.list(paths: roots, skipped: &result.walkSkipped)
        let stamps = statConcurrently(files)
        var toRead: [Int] = []
        /// Of the files to read, those the store does not have.
        var new = Set<Int>()
        // The stored stamps less the files found: what is left is gone.
        for (i, path) in files.enumerated() {
            let before = gone.removeValue(forKey: ArticleID(path: path))
            guard let stamp = stamps[i], let before, before == stamp else {
                toRead.append(i)
                if before == nil { new.insert(i) }
                continue
            }
            result.counts.unchanged += 1
        }
        var update = IndexUpdate()
        for id in gone.keys {
            update.removed.append(id)
            result.changes.removed.append(id.rawValue)
        }
        result.counts.removed = update.removed.count
        progress?(IndexProgress(done: files.count - toRead.count, total: files.count, written: [],
                                skipped: result.walkSkipped))
        var start = 0
        repeat {
            let end = min(toRead.count, start + stepSize)
            let chunk = Array(toRead[start..<end])
            let parsed = readConcurrently(chunk.map { files[$0] }, store: store)
            var written: [Article] = []
            var skipped: [SkippedFile] = []
            for (k, i) in chunk.enumerated() {
                let path = files[i]
                let (entry, article, text) = parsed[k]
                let isNew = new.contains(i)
                if entry.skipReason != nil {
                    result.counts.skipped += 1
                    if !isNew { result.changes.removed.append(path) }
                } else if isNew {
                    result.changes.added.append(path)
                } else {
                    result.changes.changed.append(path)
                }
                if entry.skipReason == nil {
                    if isNew { result.counts.indexed += 1 } else { result.counts.changed += 1 }
                }
                if let head = entry.head { written.append(head) }
                if let reason = entry.skipReason { skipped.append(SkippedFile(path: path, reason: reason)) }
                update.files.append(IndexUpdate.Entry(file: entry, article: article, text: text))
            }
            update.indexesText = indexingText
            try store.apply(update)
            update = IndexUpdate()
            progress?(IndexProgress(done: files.count - toRead.count + end, total: files.count, written: written,
                                    skipped: skipped))
            start = end
        } while start < toRead.count
        try store.finish(written: toRead.count)
        return result
    }

    /// `stat` of each file (links followed), on all cores; nil where it fails.
    static func statConcurrently(_ files: [String]) -> [FileStamp?] {
        var out = [FileStamp?](repeating: nil, count: files.count)
        guard !files.isEmpty else { return out }
        let chunks = min(files.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in (chunk * files.count / chunks)..<((chunk + 1) * files.count / chunks) {
                    slots[i] = FileStamp.of(files[i])
                }
            }
        }
        return out
    }

    /// Reads and parses `paths` on all cores: each file's row, its article, and its text as
    /// `store` prepares it for search.
    static func readConcurrently(_ paths: [String], store: LibraryStore) -> [(IndexedFile, Article?, IndexedText?)] {
        var out = [(IndexedFile, Article?, IndexedText?)?](repeating: nil, count: paths.count)
        guard !paths.isEmpty else { return [] }
        let chunks = min(paths.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in (chunk * paths.count / chunks)..<((chunk + 1) * paths.count / chunks) {
                    let (file, article) = entry(for: paths[i])
                    var prepared = IndexUpdate.Entry(file: file, article: article)
                    store.prepare(&prepared)
                    slots[i] = (file, article, prepared.text)
                }
            }
        }
        return out.map { $0! }
    }

    /// Reads one file for the index.
    static func entry(for path: String) -> (IndexedFile, Article?) {
        let (parsed, stamp) = ArticleFile.readParsed(path: path)
        let zero = FileStamp(device: 0, inode: 0, size: -1, modified: 0, modifiedNanoseconds: 0)
        var file = IndexedFile(id: ArticleID(path: path), stamp: stamp ?? zero, format: parsed.format,
                               encoding: parsed.encoding, head: nil, length: 0, skipReason: nil, order: 0)
        switch parsed.result {
        case .success(let article):
            file.head = article.head
            var length = article.title.unicodeScalars.count + (article.lead?.unicodeScalars.count ?? 0)
            for block in article.body { length += block.text.unicodeScalars.count }
            file.length = length
            return (file, article)
        case .failure(let problem):
            file.skipReason = problem.reason
            return (file, nil)
        }
    }
}

extension Article {
    /// The article without what only the reading pane needs (body, lead, related list,
    /// boilerplate): what the list holds for each article of a large library.
    public var head: Article {
        var head = self
        head.body = []
        head.lead = nil
        head.related = []
        head.boilerplate = []
        return head
    }
}
