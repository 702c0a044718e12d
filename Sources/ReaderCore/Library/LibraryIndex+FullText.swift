import Foundation
import GRDB

/// An article's text as the index keeps it for search: folded and packed. Made while the
/// files are parsed (on all cores), so that the one writing thread only writes.
public struct IndexedText: Sendable {
    /// The folded, lower-cased title.
    var title: String
    /// The folded, lower-cased text, packed (`PackedText`).
    var packed: Data
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
    static func prepare(_ article: Article, folding: SearchFolding) -> IndexedText {
        let title = folding.fold(article.title).lowercased()
        let body = folding.fold(searchText(article)).lowercased()
        return IndexedText(title: title, packed: PackedText.pack(body))
    }

    /// Fills in `entry.text`, safe on any thread.
    public func prepare(_ entry: inout IndexUpdate.Entry) {
        if let article = entry.article, entry.text == nil { entry.text = Self.prepare(article, folding: folding) }
    }

    /// Passes that write at least this many articles merge the full-text table after.
    static let optimizeAfter = 1000

    /// Articles tokenized and written per step of `completeFullText` (one transaction each).
    public static let fullTextStep = 2048

    /// How many articles with text are in the full-text table, of how many; 0 of 0 when none
    /// is pending (counting the kept texts reads all their pages, a search need not pay that).
    public func fullTextProgress() throws -> FullTextProgress {
        try read { db in
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_pending") ?? 0
            guard pending > 0 else { return FullTextProgress(done: 0, total: 0) }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_text") ?? 0
            return FullTextProgress(done: total - pending, total: total)
        }
    }

    /// Writes the full-text rows of every article still in `fts_pending`, from its kept text
    /// (the files are not read again): `step` articles at a time, tokenized on all cores, each
    /// step one transaction that also takes them off `fts_pending`. Calls `progress` after
    /// each step; returns how many articles it wrote. After a large pass, merges the table's
    /// segments (FTS5's `optimize`: a first build leaves dozens, and every lookup seeks in
    /// each; on 10,000 articles 1.1 s once, and a search by date three times faster after).
    /// Safe against another process doing the same: an article is written by whichever step
    /// takes it off `fts_pending` first. `steps` stops it early (as a killed pass would).
    @discardableResult
    public func completeFullText(step: Int = fullTextStep, steps: Int = .max,
                                 progress: ((FullTextProgress) -> Void)? = nil) throws -> Int {
        var written = 0
        var after: Int64 = 0
        var shown = progress == nil ? FullTextProgress(done: 0, total: 0) : try fullTextProgress()
        for _ in 0..<steps {
            let batch = try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT p.docid, t.title, t.body FROM fts_pending p JOIN fts_text t ON t.docid = p.docid
                    WHERE p.docid > ? ORDER BY p.docid LIMIT ?
                    """, arguments: [after, step])
                    .map { (docid: $0[0] as Int64, title: $0[1] as String, body: $0[2] as Data) }
            }
            guard let last = batch.last else { break }
            after = last.docid
            let tokens = Self.tokenizeConcurrently(batch.map { ($0.title, $0.body) })
            written += try writeFullText(zip(batch.map(\.docid), tokens).map { ($0, $1.title, $1.body) })
            shown.done += batch.count
            progress?(FullTextProgress(done: min(shown.done, shown.total), total: shown.total))
        }
        // Rows pending without kept text (none are written so) would never be taken off.
        try execute("DELETE FROM fts_pending WHERE docid NOT IN (SELECT docid FROM fts_text)")
        if written >= Self.optimizeAfter { try execute("INSERT INTO fts(fts) VALUES ('optimize')") }
        return written
    }

    /// Writes one step's tokens, for the articles still pending; how many it wrote.
    func writeFullText(_ rows: [(docid: Int64, title: String, body: String)]) throws -> Int {
        try writeInTransaction { db in
            let take = try db.cachedStatement(sql: "DELETE FROM fts_pending WHERE docid = ?")
            let insert = try db.cachedStatement(sql: "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)")
            var written = 0
            for row in rows {
                try take.execute(arguments: [row.docid])
                // Already written by another process, or the article changed or went since.
                guard db.changesCount == 1 else { continue }
                try insert.execute(arguments: [row.docid, row.title, row.body])
                written += 1
            }
            return written
        }
    }

    /// The tokens (`SearchTokens.tokens`) of each kept title and packed text, on all cores.
    static func tokenizeConcurrently(_ texts: [(title: String, packed: Data)]) -> [(title: String, body: String)] {
        var out = [(title: String, body: String)](repeating: ("", ""), count: texts.count)
        guard !texts.isEmpty else { return out }
        let chunks = min(texts.count, 64)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            ParallelWork.perform(iterations: chunks) { chunk in
                for i in (chunk * texts.count / chunks)..<((chunk + 1) * texts.count / chunks) {
                    let body = PackedText.unpack(texts[i].packed) ?? ""
                    slots[i] = (SearchTokens.tokens(of: texts[i].title), SearchTokens.tokens(of: body))
                }
            }
        }
        return out
    }

    /// Removes an article's rows from the full-text table, told by its kept text which
    /// tokens they were (a contentless table cannot find them itself); an article still
    /// pending has none there.
    static func removeText(_ db: Database, docid: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM fts_pending WHERE docid = ?").execute(arguments: [docid])
        let wasPending = db.changesCount == 1
        if !wasPending, let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, body FROM fts_text WHERE docid = ?"),
                                                   arguments: [docid]) {
            let title: String = row[0]
            let body = PackedText.unpack(row[1]) ?? ""
            try db.cachedStatement(sql: "INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)")
                .execute(arguments: [docid, SearchTokens.tokens(of: title), SearchTokens.tokens(of: body)])
        }
        try db.cachedStatement(sql: "DELETE FROM fts_text WHERE docid = ?").execute(arguments: [docid])
    }
}
