import Foundation

/// What a reload found: paths of articles that are new, changed or gone.
public struct LibraryChanges: Hashable, Sendable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}

extension ArticleStore {
    /// Reads `paths` again: files whose size, time and inode are unchanged are not re-read.
    /// Returns the new store and what changed (paths of files that are articles now or were
    /// before). Keep the current article with `index(ofPath:)` on the new store.
    public func reloaded(paths roots: [String]) -> (store: ArticleStore, changes: LibraryChanges) {
        var listingSkipped: [SkippedFile] = []
        let files = ArticleFiles.list(paths: roots, skipped: &listingSkipped)
        let results = ArticleStore.readConcurrently(files.map { ($0, records[$0]) })

        var store = ArticleStore(articles: [], skipped: [])
        store.paths = files
        store.records.reserveCapacity(files.count)
        var articles: [Article] = []
        var skipped = listingSkipped
        var changes = LibraryChanges()
        for (path, record) in zip(files, results) {
            store.records[path] = record
            let before = records[path]
            switch record.result {
            case .success(let article):
                articles.append(article)
                if let before {
                    if before.stamp != record.stamp || before.stamp == nil { changes.changed.append(path) }
                } else {
                    changes.added.append(path)
                }
            case .failure(let problem):
                skipped.append(SkippedFile(path: path, reason: problem.reason))
                if let before, case .success = before.result { changes.removed.append(path) }
            }
        }
        let now = Set(files)
        for path in paths where !now.contains(path) {
            if let before = records[path], case .success = before.result { changes.removed.append(path) }
        }
        store.add(articles)
        store.add(skipped: skipped)
        return (store, changes)
    }
}
