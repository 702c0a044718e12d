import Foundation

/// The library as a listing shows it: title, date and path of each article, in library order.
///
/// The same articles, order, duplicates and skipped files as `ArticleStore.load(paths:)`, for
/// a fraction of the work: only the head of each file is parsed (see `ArticleFile.readHead`).
public struct LibraryListing: Sendable {
    /// The articles, newest first (undated last), then by title and path in byte order; each
    /// (title, date) once.
    public private(set) var articles: [ArticleHead]
    /// Files that are not articles, with the reason: those the folders held first, then the
    /// files read, in path order.
    public private(set) var skipped: [SkippedFile]
    /// Copies of an article left out: the first by path order is kept.
    public private(set) var duplicates: [DuplicateArticle]

    /// Lists every article under `paths` (files, or directories read recursively; hidden
    /// entries skipped), reading the files on all cores.
    public static func load(paths: [String]) -> LibraryListing {
        var skipped: [SkippedFile] = []
        let files = ArticleFiles.list(paths: paths, skipped: &skipped)
        let results = readHeads(files)
        var heads: [ArticleHead] = []
        heads.reserveCapacity(files.count)
        var duplicates: [DuplicateArticle] = []
        var kept: [ArticleStore.Identity: String] = [:]
        kept.reserveCapacity(files.count)
        for (path, result) in zip(files, results) {
            switch result {
            case .success(let head):
                let identity = ArticleStore.Identity(title: head.title, date: head.date)
                if let keptPath = kept[identity] {
                    duplicates.append(DuplicateArticle(path: head.path, keptPath: keptPath))
                } else {
                    kept[identity] = head.path
                    heads.append(head)
                }
            case .failure(let problem):
                skipped.append(SkippedFile(path: path, reason: problem.reason))
            }
        }
        return LibraryListing(articles: sorted(heads), skipped: skipped, duplicates: duplicates)
    }

    /// The heads of `files`, read on all cores in chunks (one read buffer per chunk), in the
    /// order of `files`.
    static func readHeads(_ files: [String]) -> [Result<ArticleHead, ArticleProblem>] {
        let count = files.count
        guard count > 0 else { return [] }
        var results = [Result<ArticleHead, ArticleProblem>?](repeating: nil, count: count)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(count, cores * 8)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                let reader = ReadBuffer()
                for i in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                    slots[i] = ArticleFile.readHead(path: files[i], into: reader)
                }
            }
        }
        return results.map { $0! }
    }

    /// `heads` in library order (`ArticleStore.precedes`): dates compared as one number each,
    /// titles and paths as bytes only to break ties.
    static func sorted(_ heads: [ArticleHead]) -> [ArticleHead] {
        let keys = heads.map { h in h.date.map { -($0.year * 10_000 + $0.month * 100 + $0.day) } ?? Int.max }
        let order = heads.indices.sorted { i, j in
            if keys[i] != keys[j] { return keys[i] < keys[j] }
            switch compareBytes(heads[i].title, heads[j].title) {
            case .some(let precedes): return precedes
            case nil: return compareBytes(heads[i].path, heads[j].path) ?? false
            }
        }
        return order.map { heads[$0] }
    }

    /// Whether `a` comes before `b` in UTF-8 byte order; nil when they are the same bytes.
    static func compareBytes(_ a: String, _ b: String) -> Bool? {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
                let common = min(x.count, y.count)
                let c = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                if c != 0 { return c < 0 }
                return x.count == y.count ? nil : x.count < y.count
            }
        }
        if let fast, let result = fast { return result }
        if a.utf8.elementsEqual(b.utf8) { return nil }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
