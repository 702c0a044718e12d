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

    /// What the files found and the stored stamps say is to be done: the files to read (new
    /// or changed) and the rows to drop.
    public struct Check: Sendable {
        /// New or changed files, in the walk's order (`FileWalk`); `isNew` when the store
        /// has no row for the path.
        public var toRead: [(path: String, isNew: Bool)] = []
        /// Stored paths whose file is gone, in path order.
        public var gone: [ArticleID] = []
        public var unchanged = 0
        /// Files found.
        public var found = 0
        /// What the walk of the folders could not read.
        public var walkSkipped: [SkippedFile] = []

        /// Whether the store is up to date: a refresh would write nothing.
        public var isEmpty: Bool { toRead.isEmpty && gone.isEmpty }
    }

    /// Refreshes `store` from `roots`, calling `progress` after each step (on this thread);
    /// without `indexingText` the search tables are left out (see `IndexUpdate.indexesText`).
    @discardableResult
    public static func run(store: LibraryStore, roots: [String], stepSize: Int = stepSize, indexingText: Bool = true,
                           progress: ((IndexProgress) -> Void)? = nil) throws -> Result {
        var files = FilesInOrder(roots: roots)
        let found = try check(&files, stamps: store.forEachStamp)
        return try write(found, store: store, stepSize: stepSize, indexingText: indexingText, progress: progress)
    }

    /// Merges `files` (in byte order of their paths) with the stamps `stamps` gives (in the
    /// same order): a path found and not stored is new, a path stored and not found is gone,
    /// a path in both is changed when its stamp is. Nothing but the files to read and the
    /// paths gone is held.
    public static func check<Files: FoundFiles>(_ files: inout Files,
                                                stamps: ((UnsafeRawBufferPointer, FileStamp) throws -> Void) throws -> Void) throws -> Check {
        var result = Check()
        var have = files.next()
        try stamps { path, before in
            while have {
                let c = compare(files.path, path)
                if c > 0 { break }
                if c < 0 {
                    result.toRead.append((files.pathString, true))
                } else if files.stamp == before {
                    result.unchanged += 1
                } else {
                    result.toRead.append((files.pathString, false))
                }
                have = files.next()
                if c == 0 { return }
            }
            result.gone.append(ArticleID(path: String(decoding: path, as: UTF8.self)))
        }
        while have {
            result.toRead.append((files.pathString, true))
            have = files.next()
        }
        result.found = files.count
        result.walkSkipped = files.skipped
        // Read in walk order: byte order with `/` first.
        let keys = result.toRead.map { Array($0.path.utf8).map { $0 == UInt8(ascii: "/") ? 1 : $0 } }
        if zip(keys, keys.dropFirst()).contains(where: { $1.lexicographicallyPrecedes($0) }) {
            let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) || (keys[$0] == keys[$1] && $0 < $1) }
            result.toRead = order.map { result.toRead[$0] }
        }
        return result
    }

    /// Reads the files `found` names and writes them and the rows of the files gone to
    /// `store`, in steps (see `run`).
    public static func write(_ found: Check, store: LibraryStore, stepSize: Int = stepSize, indexingText: Bool = true,
                             progress: ((IndexProgress) -> Void)? = nil) throws -> Result {
        var result = Result()
        result.walkSkipped = found.walkSkipped
        result.counts.unchanged = found.unchanged
        let toRead = found.toRead
        var update = IndexUpdate()
        for id in found.gone {
            update.removed.append(id)
            result.changes.removed.append(id.rawValue)
        }
        result.counts.removed = update.removed.count
        progress?(IndexProgress(done: found.found - toRead.count, total: found.found, written: [],
                                skipped: result.walkSkipped))
        // Each step is parsed on other threads while the one before is written.
        func parse(from start: Int) -> ParallelWork.Started<[(IndexedFile, Article?)]> {
            let paths = toRead[start..<min(toRead.count, start + stepSize)].map(\.path)
            return ParallelWork.start { readConcurrently(paths, whole: !indexingText) }
        }
        var start = 0
        var parsing = parse(from: 0)
        repeat {
            let end = min(toRead.count, start + stepSize)
            let chunk = toRead[start..<end]
            let parsed = parsing.wait()
            if end < toRead.count { parsing = parse(from: end) }
            var written: [Article] = []
            var skipped: [SkippedFile] = []
            for (k, (path, isNew)) in chunk.enumerated() {
                let (entry, article) = parsed[k]
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
            progress?(IndexProgress(done: found.found - toRead.count + end, total: found.found, written: written,
                                    skipped: skipped))
            start = end
        } while start < toRead.count
        try store.finish(written: toRead.count)
        return result
    }

    /// Compares two paths' bytes: negative, zero or positive as `a` sorts before, with or
    /// after `b`.
    static func compare(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Int {
        a.withUnsafeBytes { x in
            let n = min(x.count, b.count)
            if n > 0 {
                let c = memcmp(x.baseAddress!, b.baseAddress!, n)
                if c != 0 { return Int(c) }
            }
            return x.count - b.count
        }
    }

    /// Reads `paths` on all cores: each file's row and, read `whole`, its article.
    ///
    /// Not `whole` (a build that writes the search rows after), only the top of each file is
    /// read (`ArticleFile.readTop`): the row has the title, date and site the list needs, and
    /// the article is left pending; the second pass (`LibraryIndex.completeFullText`) reads
    /// it whole, writes the rest of the row (editor, source, tags, lead, related list, length)
    /// and its search rows. `whole`, the row is written complete at once.
    static func readConcurrently(_ paths: [String], whole: Bool) -> [(IndexedFile, Article?)] {
        var out = [(IndexedFile, Article?)?](repeating: nil, count: paths.count)
        guard !paths.isEmpty else { return [] }
        let chunks = min(paths.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                let reader = ReadBuffer()
                for i in (chunk * paths.count / chunks)..<((chunk + 1) * paths.count / chunks) {
                    slots[i] = whole ? entry(for: paths[i]) : topEntry(for: paths[i], into: reader)
                }
            }
        }
        return out.map { $0! }
    }

    static let noStamp = FileStamp(device: 0, inode: 0, size: -1, modified: 0, modifiedNanoseconds: 0)

    /// Reads one file whole for the index: its complete row and its article.
    static func entry(for path: String) -> (IndexedFile, Article?) {
        let (parsed, stamp) = ArticleFile.readParsed(path: path)
        var file = IndexedFile(id: ArticleID(path: path), stamp: stamp ?? noStamp, format: parsed.format,
                               encoding: parsed.encoding, head: nil, length: 0, skipReason: nil, order: 0)
        switch parsed.result {
        case .success(let article):
            file.head = article.head
            file.length = length(of: article)
            return (file, article)
        case .failure(let problem):
            file.skipReason = problem.reason
            return (file, nil)
        }
    }

    /// Reads the top of one file for the index: its row as far as the list needs it.
    static func topEntry(for path: String, into buffer: ReadBuffer) -> (IndexedFile, Article?) {
        let (parsed, stamp) = ArticleFile.readTop(path: path, into: buffer)
        var file = IndexedFile(id: ArticleID(path: path), stamp: stamp ?? noStamp, format: parsed.format,
                               encoding: parsed.encoding, head: nil, length: 0, skipReason: nil, order: 0)
        switch parsed.result {
        case .success(let head): file.head = head
        case .failure(let problem): file.skipReason = problem.reason
        }
        return (file, nil)
    }

    /// Characters in the title, lead and body of `article` (the row's `length`).
    static func length(of article: Article) -> Int {
        var length = scalarCount(article.title) + (article.lead.map(scalarCount) ?? 0)
        for block in article.body { length += scalarCount(block.text) }
        return length
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
