import Foundation
import GRDB

/// An article's text as the full-text table takes it: folded, as tokens, and packed. Made
/// while the files are parsed (on all cores), so that the one writing thread only writes.
public struct IndexedText: Sendable {
    /// The folded, lower-cased title.
    var title: String
    /// The tokens of the title and of the text (`SearchTokens.tokens`).
    var titleTokens: String
    var bodyTokens: String
    /// The folded, lower-cased text, packed (`PackedText`).
    var packed: Data
}

extension LibraryIndex {
    /// The text of `article` for the full-text table, folded with `folding` and lower-cased.
    static func prepare(_ article: Article, folding: SearchFolding) -> IndexedText {
        let title = folding.fold(article.title).lowercased()
        let body = folding.fold(searchText(article)).lowercased()
        return IndexedText(title: title, titleTokens: SearchTokens.tokens(of: title),
                           bodyTokens: SearchTokens.tokens(of: body), packed: PackedText.pack(body))
    }

    /// Fills in `entry.text`, safe on any thread.
    public func prepare(_ entry: inout IndexUpdate.Entry) {
        if let article = entry.article, entry.text == nil { entry.text = Self.prepare(article, folding: folding) }
    }

    /// Refreshes that write at least this many articles merge the full-text table after.
    static let optimizeAfter = 1000

    /// After a large refresh, merges the full-text table's segments into one (FTS5's
    /// `optimize`): a first build leaves dozens, and every lookup seeks in each (on 10,000
    /// articles: 1.1 s once, and a search by date three times faster after).
    public func finish(written: Int) throws {
        guard written >= Self.optimizeAfter else { return }
        try execute("INSERT INTO fts(fts) VALUES ('optimize')")
    }

    /// Removes an article's rows from the full-text table, told by its kept text which
    /// tokens they were (a contentless table cannot find them itself).
    static func removeText(_ db: Database, docid: Int64) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, body FROM fts_text WHERE docid = ?"),
                                         arguments: [docid]) else { return }
        let title: String = row[0]
        let body = PackedText.unpack(row[1]) ?? ""
        try db.cachedStatement(sql: "INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)")
            .execute(arguments: [docid, SearchTokens.tokens(of: title), SearchTokens.tokens(of: body)])
        try db.cachedStatement(sql: "DELETE FROM fts_text WHERE docid = ?").execute(arguments: [docid])
    }
}
