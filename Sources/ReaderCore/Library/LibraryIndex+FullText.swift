import Foundation
import GRDB

/// An article's text as search reads it: the title and the text (lead, body), folded and
/// lower-cased. The second phase of a build makes it from the file, packs the text into
/// `fts_text` and tokenizes it; a search makes it for an article still pending.
struct IndexedText: Sendable {
    /// The folded, lower-cased title.
    var title: String
    /// The folded, lower-cased text.
    var body: String
}

/// How far the full-text table is: articles whose tokens are in it, of all with text.
public struct FullTextProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var pending: Int { total - done }
    public var isComplete: Bool { done >= total }
    /// Whole per cent done (100 when there is nothing to do).
    public var percent: Int { total == 0 ? 100 : done * 100 / total }

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

extension LibraryIndex {
    /// The text of `article` for search, folded with `folding` and lower-cased.
    static func searchText(_ article: Article, folding: SearchFolding) -> IndexedText {
        IndexedText(title: folding.fold(article.title).lowercased(), body: folding.fold(searchText(article)).lowercased())
    }

    /// The text for search of the file at `path` as it is now, and the article's head; nil
    /// when it is not an article (any more).
    static func searchText(ofFileAt path: String, folding: SearchFolding) -> (text: IndexedText, head: Article)? {
        guard case .success(let article) = ArticleFile.readParsed(path: path).parsed.result else { return nil }
        return (searchText(article, folding: folding), article.head)
    }

    /// Passes that write at least this many articles merge the full-text table after.
    static let optimizeAfter = 1000

    /// Articles tokenized and written per step of `completeFullText` (one transaction each;
    /// two steps are in memory at once, one written while the next is made).
    public static let fullTextStep = 1024

    /// How many articles with text are in the full-text table, of how many; 0 of 0 when none
    /// is pending (counting the kept texts reads all their pages, a search need not pay that).
    public func fullTextProgress() throws -> FullTextProgress {
        try read { db in
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_pending") ?? 0
            guard pending > 0 else { return FullTextProgress(done: 0, total: 0) }
            let done = try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_text") ?? 0
            return FullTextProgress(done: done, total: done + pending)
        }
    }

    /// Writes the search rows of every article still in `fts_pending`: `step` articles at a
    /// time, each read from its file again (in the page cache after a first build), folded,
    /// packed and tokenized on all cores, each step one transaction that writes its kept text
    /// (`fts_text`) and its full-text rows and takes it off `fts_pending` (so a killed pass
    /// goes on where it stopped). An article whose file is no longer one gets empty text (the
    /// next refresh sees the file changed). Calls `progress` after each step; returns how
    /// many articles it wrote. After a large pass, merges the table's segments (FTS5's
    /// `optimize`: a first build leaves dozens, and every lookup seeks in each; on 10,000
    /// articles 1.1 s once, and a search by date three times faster after).
    /// Safe against another process doing the same: an article is written by whichever step
    /// takes it off `fts_pending` first. `steps` stops it early (as a killed pass would).
    @discardableResult
    public func completeFullText(step: Int = fullTextStep, steps: Int = .max,
                                 progress: ((FullTextProgress) -> Void)? = nil) throws -> Int {
        // The table of what folding changes, for queries (made here, off the screen's
        // thread: a new index's costs loading OpenCC; until then queries fold by OpenCC).
        try writeInTransaction { db in try Self.keepFoldChanges(db, folding: folding) }
        var written = 0
        var shown = progress == nil ? FullTextProgress(done: 0, total: 0) : try fullTextProgress()
        /// The next `step` pending articles after `after`, their rows made on other threads
        /// (while the step before is written).
        func next(after: Int64) throws -> (docids: [Int64], rows: ParallelWork.Started<[FullTextRow]>)? {
            let batch = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT p.docid, f.path FROM fts_pending p JOIN file f ON f.docid = p.docid
                    WHERE p.docid > ? ORDER BY p.docid LIMIT ?
                    """, arguments: [after, step])
                    .map { (docid: $0[0] as Int64, path: $0[1] as String) }
            }
            guard !batch.isEmpty else { return nil }
            let paths = batch.map(\.path), folding = folding
            return (batch.map(\.docid), ParallelWork.start { Self.prepareConcurrently(paths, folding: folding) })
        }
        var batch = steps > 0 ? try next(after: 0) : nil
        var done = 0
        while let current = batch {
            let rows = current.rows.wait()
            done += 1
            batch = done < steps ? try next(after: current.docids.last!) : nil
            written += try writeFullText(zip(current.docids, rows).map { (docid: $0, row: $1) })
            shown.done += current.docids.count
            progress?(FullTextProgress(done: min(shown.done, shown.total), total: shown.total))
        }
        // Rows pending without a file (none are left so) would never be taken off.
        try execute("DELETE FROM fts_pending WHERE docid NOT IN (SELECT docid FROM file)")
        if written >= Self.optimizeAfter { try execute("INSERT INTO fts(fts) VALUES ('optimize')") }
        return written
    }

    /// One article's search rows: its kept title and packed text, and their tokens; and what
    /// its row lacks until it is read whole.
    struct FullTextRow: Sendable {
        var title: String
        var packed: Data
        var titleTokens: String
        var bodyTokens: String
        /// The article's head with its lead and related list (no body); nil when the file is
        /// no longer an article.
        var head: Article?
        /// Characters in its title, lead and body.
        var length = 0

        init(_ text: IndexedText) {
            title = text.title
            packed = PackedText.pack(text.body)
            titleTokens = SearchTokens.tokens(of: text.title)
            bodyTokens = SearchTokens.tokens(of: text.body)
        }

        /// The rows of the file at `path` as it is now, read whole.
        init(fileAt path: String, folding: SearchFolding) {
            guard case .success(let article) = ArticleFile.readParsed(path: path).parsed.result else {
                self.init(IndexedText(title: "", body: ""))
                return
            }
            self.init(LibraryIndex.searchText(article, folding: folding))
            var head = article
            head.body = []
            head.boilerplate = []
            self.head = head
            length = LibraryRefresh.length(of: article)
        }
    }

    /// Writes one step's rows, for the articles still pending; how many it wrote. The file
    /// rows get what only the whole article says (`LibraryRefresh.readConcurrently`).
    func writeFullText(_ rows: [(docid: Int64, row: FullTextRow)]) throws -> Int {
        try writeInTransaction { db in
            let take = try db.cachedStatement(sql: "DELETE FROM fts_pending WHERE docid = ?")
            let kept = try db.cachedStatement(sql: "INSERT INTO fts_text(docid, title, body) VALUES (?, ?, ?)")
            let insert = try db.cachedStatement(sql: "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)")
            let before = try db.cachedStatement(sql: "SELECT title, date, ident FROM file WHERE docid = ?")
            let complete = try db.cachedStatement(sql: """
                UPDATE file SET site = ?, source = ?, editor = ?, author = ?, tags = ?, related = ?, lead = ?,
                    length = ?, note = ? WHERE docid = ?
                """)
            let retitle = try db.cachedStatement(sql: "UPDATE file SET title = ?, date = ?, ident = ? WHERE docid = ?")
            var written = 0
            var idents = Set<Int64>()
            for (docid, row) in rows {
                try take.execute(arguments: [docid])
                // Already written by another process, or the article changed or went since.
                guard db.changesCount == 1 else { continue }
                try kept.execute(arguments: [docid, row.title, row.packed])
                try insert.execute(arguments: [docid, row.titleTokens, row.bodyTokens])
                written += 1
                guard let head = row.head, let was = try Row.fetchOne(before, arguments: [docid]) else { continue }
                let values = Self.headValues(head, article: head, length: row.length)
                try complete.execute(arguments: StatementArguments(Array(values[2...]) + [docid]))
                // The top of the file named the title and date the whole article does; were
                // they ever to differ, the whole article's are kept.
                let day = head.date.map(Self.dayNumber) ?? 0
                if was[0] as String? != head.title || was[1] as Int != day {
                    let ident = Self.ident(title: head.title, date: head.date)
                    try retitle.execute(arguments: [head.title, day, ident, docid])
                    idents.insert(was[2])
                    idents.insert(ident)
                }
            }
            try Self.markCopies(db, idents: idents)
            return written
        }
    }

    /// The search rows of the files at `paths`, read, folded, packed and tokenized on all cores.
    static func prepareConcurrently(_ paths: [String], folding: SearchFolding) -> [FullTextRow] {
        guard !paths.isEmpty else { return [] }
        var out = [FullTextRow?](repeating: nil, count: paths.count)
        let chunks = min(paths.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in (chunk * paths.count / chunks)..<((chunk + 1) * paths.count / chunks) {
                    slots[i] = FullTextRow(fileAt: paths[i], folding: folding)
                }
            }
        }
        return out.map { $0! }
    }

    /// Removes an article's rows from the full-text table, told by its kept text which
    /// tokens they were (a contentless table cannot find them itself); an article still
    /// pending has neither.
    static func removeText(_ db: Database, docid: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM fts_pending WHERE docid = ?").execute(arguments: [docid])
        if db.changesCount == 1 { return }
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, body FROM fts_text WHERE docid = ?"),
                                      arguments: [docid]) {
            let title: String = row[0]
            let body = PackedText.unpack(row[1]) ?? ""
            try db.cachedStatement(sql: "INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)")
                .execute(arguments: [docid, SearchTokens.tokens(of: title), SearchTokens.tokens(of: body)])
        }
        try db.cachedStatement(sql: "DELETE FROM fts_text WHERE docid = ?").execute(arguments: [docid])
    }
}
