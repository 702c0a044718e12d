import Foundation
import GRDB

extension LibraryIndex {
    /// Keeps the characters the index's folding changes (`SearchFolding.changes`) in the
    /// table `fold_change`, once: a search then folds its query by looking up its own few
    /// characters there instead of loading the folding's whole table (OpenCC's, for the
    /// standard folding: most of a one-off `yuedu search`). Made when missing, at the start of
    /// the pass that writes the search rows (`completeFullText`, a background thread in the
    /// reader: loading OpenCC takes a second or two, which the first frame of a first build
    /// used to wait for), so an index made before it gets it then instead of being rebuilt;
    /// code that does not know it has nothing to keep up to date in it. `meta.fold_changes` names the folding the
    /// rows are of; nothing is kept when the folding has no such table (or cannot load it),
    /// and queries are then folded by the folding itself.
    static func keepFoldChanges(_ db: Database, folding: SearchFolding) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS fold_change (code INTEGER PRIMARY KEY, folded INTEGER NOT NULL)")
        let kept = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fold_changes'")
        let folded = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'folding'")
        guard kept != folding.name, folded == folding.name, let changes = folding.changes?() else { return }
        try db.execute(sql: "DELETE FROM fold_change")
        let insert = try db.makeStatement(sql: "INSERT INTO fold_change(code, folded) VALUES (?, ?)")
        for change in changes { try insert.execute(arguments: [Int64(change.from), Int64(change.to)]) }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('fold_changes', ?)", arguments: [folding.name])
    }

    /// How to fold the text of `query`: `folding` as the index keeps its changes, looked up
    /// for the query's characters alone, when it keeps them; else `folding` itself.
    static func queryFolding(_ db: Database, for query: SearchQuery, folding: SearchFolding) throws -> SearchFolding {
        guard folding.changes != nil,
              try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'fold_changes'") == folding.name
        else { return folding }
        var codes = Set<UInt32>()
        for term in query.textTerms {
            for s in term.unicodeScalars where s.value >= 0x80 { codes.insert(s.value) }
        }
        var map: [UInt32: UInt32] = [:]
        if !codes.isEmpty {
            let list = codes.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT code, folded FROM fold_change WHERE code IN (\(list))") {
                map[UInt32(row[0] as Int64)] = UInt32(row[1] as Int64)
            }
        }
        return .mapping(folding.name, map)
    }
}
