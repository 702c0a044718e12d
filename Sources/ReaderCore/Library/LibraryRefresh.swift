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
        let (files, stamps) = ArticleFiles.listStamped(paths: roots, skipped: &result.walkSkipped)
        var toRead: [Int] = []
        /// Of the files to read, those the store does not have.
        var new = [Bool](repeating: false, count: files.count)
        var gone: [ArticleID] = []
        // The files found and the stored stamps, both in byte order of the paths, merged: a
        // path found and not stored is new, a path stored and not found is gone.
        let order = byteOrder(files)
        var next = 0
        try store.forEachStamp { path, before in
            while next < order.count {
                let i = order[next]
                let c = compare(files[i], path)
                if c > 0 { break }
                next += 1
                if c < 0 {
                    toRead.append(i)
                    new[i] = true
                } else {
                    if stamps[i] == before { result.counts.unchanged += 1 } else { toRead.append(i) }
                    return
                }
            }
            gone.append(ArticleID(path: String(decoding: path, as: UTF8.self)))
        }
        for i in order[next...] {
            toRead.append(i)
            new[i] = true
        }
        toRead.sort() // read in the walk's order
        var update = IndexUpdate()
        for id in gone {
            update.removed.append(id)
            result.changes.removed.append(id.rawValue)
        }
        result.counts.removed = update.removed.count
        progress?(IndexProgress(done: files.count - toRead.count, total: files.count, written: [],
                                skipped: result.walkSkipped))
        // Each step is parsed on other threads while the one before is written.
        func parse(from start: Int) -> ParallelWork.Started<[(IndexedFile, Article?)]> {
            let paths = toRead[start..<min(toRead.count, start + stepSize)].map { files[$0] }
            return ParallelWork.start { readConcurrently(paths) }
        }
        var start = 0
        var parsing = parse(from: 0)
        repeat {
            let end = min(toRead.count, start + stepSize)
            let chunk = Array(toRead[start..<end])
            let parsed = parsing.wait()
            if end < toRead.count { parsing = parse(from: end) }
            var written: [Article] = []
            var skipped: [SkippedFile] = []
            for (k, i) in chunk.enumerated() {
                let path = files[i]
                let (entry, article) = parsed[k]
                let isNew = new[i]
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
                update.files.append(IndexUpdate.Entry(file: entry, article: article))
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

    /// The indices of `paths` in byte order of the paths. That is the walk's order but where
    /// a name has a byte below `/` (`a.txt` comes before `a/b.txt` bytewise, after it in the
    /// walk), so the check costs one comparison per path and the sort is mostly not needed.
    static func byteOrder(_ paths: [String]) -> [Int] {
        var order = Array(paths.indices)
        if zip(paths, paths.dropFirst()).allSatisfy({ compare($0, $1) <= 0 }) { return order }
        order.sort { compare(paths[$0], paths[$1]) < 0 }
        return order
    }

    /// Compares the UTF-8 bytes of two paths: negative, zero or positive as `a` sorts before,
    /// with or after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        var b = b
        return b.withUTF8 { compare(a, UnsafeRawBufferPointer($0)) }
    }

    static func compare(_ a: String, _ b: UnsafeRawBufferPointer) -> Int {
        var a = a
        return a.withUTF8 { x in
            let n = min(x.count, b.count)
            if n > 0 {
                let c = memcmp(x.baseAddress!, b.baseAddress!, n)
                if c != 0 { return Int(c) }
            }
            return x.count - b.count
        }
    }

    /// Reads and parses `paths` on all cores: each file's row and its article. Only that: the
    /// text for search is folded, packed and tokenized in a second pass (the list is ready
    /// first; see `LibraryIndex.completeFullText`).
    static func readConcurrently(_ paths: [String]) -> [(IndexedFile, Article?)] {
        var out = [(IndexedFile, Article?)?](repeating: nil, count: paths.count)
        guard !paths.isEmpty else { return [] }
        let chunks = min(paths.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in (chunk * paths.count / chunks)..<((chunk + 1) * paths.count / chunks) {
                    slots[i] = entry(for: paths[i])
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
            var length = scalarCount(article.title) + (article.lead.map(scalarCount) ?? 0)
            for block in article.body { length += scalarCount(block.text) }
            file.length = length
            return (file, article)
        case .failure(let problem):
            file.skipReason = problem.reason
            return (file, nil)
        }
    }
}

/// The code points of `text` (`unicodeScalars.count`), counted as the UTF-8 bytes that do
/// not continue a sequence: a few times faster over a whole library's text.
func scalarCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
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
