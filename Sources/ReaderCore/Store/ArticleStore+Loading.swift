import Foundation

/// Progress of a library being loaded: one batch of files just read.
public struct LoadProgress: Sendable {
    /// The articles of this batch, in path order, not yet deduplicated (pass them to
    /// `ArticleStore.add(_:)`, which leaves out copies of articles already there).
    public var articles: [Article]
    /// The articles of this batch the library shows, newest first: copies of articles read
    /// in this or an earlier batch are left out. Merge them into what is shown so far.
    public var shown: [Article] = []
    /// Files of this batch that are not articles, with the reason.
    public var skipped: [SkippedFile]
    /// Files read so far, this batch included.
    public var filesRead: Int
    /// Files found under the paths; they are all read when `filesRead == filesTotal`.
    public var filesTotal: Int
}

extension ArticleStore {
    /// Files read in the first batch: enough for a first screen, soon.
    static let firstBatchSize = 256
    /// Files read in each later batch.
    static let batchSize = 4096

    /// Reads every article under `paths`, calling `progress` after each batch of files, on the
    /// calling thread. Call it from a background thread, and show each batch as it comes: the
    /// first batch is small, so that a first screen can appear at once. Files are parsed
    /// concurrently, on all cores; the store returned holds everything, sorted and deduplicated,
    /// the same as adding every batch's articles and skipped files, in order, to an empty store.
    public static func load(paths: [String], progress: (@Sendable (LoadProgress) -> Void)?) -> ArticleStore {
        var listingSkipped: [SkippedFile] = []
        let files = ArticleFiles.list(paths: paths, skipped: &listingSkipped)
        var store = ArticleStore(articles: [], skipped: [])
        store.paths = files
        store.records.reserveCapacity(files.count)
        var start = 0
        var first = true
        repeat {
            // Without a progress report there is no first screen to hurry: one batch.
            let size = progress == nil ? files.count : first ? firstBatchSize : batchSize
            let end = min(files.count, start + size)
            let batch = Array(files[start..<end])
            let results = readConcurrently(batch.map { ($0, nil) })
            var articles: [Article] = []
            var skipped: [SkippedFile] = first ? listingSkipped : []
            for (path, record) in zip(batch, results) {
                store.records[path] = record
                switch record.result {
                case .success(let article): articles.append(article)
                case .failure(let problem): skipped.append(SkippedFile(path: path, reason: problem.reason))
                }
            }
            let shown = store.add(articles)
            store.add(skipped: skipped)
            progress?(LoadProgress(articles: articles, shown: shown, skipped: skipped, filesRead: end, filesTotal: files.count))
            start = end
            first = false
        } while start < files.count
        return store
    }

    /// Reads `files` on all cores, in chunks; results in the order of `files`. A file whose
    /// stamp is given and unchanged is not read again: its record is reused.
    static func readConcurrently(_ files: [(path: String, previous: FileRecord?)]) -> [FileRecord] {
        let count = files.count
        guard count > 0 else { return [] }
        var results = [FileRecord?](repeating: nil, count: count)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(count, cores * 8)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                let lower = chunk * count / chunks
                let upper = (chunk + 1) * count / chunks
                for i in lower..<upper {
                    let (path, previous) = files[i]
                    if let previous, let stamp = previous.stamp, FileStamp.of(path) == stamp {
                        slots[i] = previous
                        continue
                    }
                    let (result, stamp) = ArticleFile.read(path: path, stamp: nil)
                    slots[i] = FileRecord(stamp: stamp, result: result)
                }
            }
        }
        return results.map { $0! }
    }
}
