import Foundation
import GRDB
import GRDBSQLite

/// The library's index in an SQLite file (through GRDB): one row per file with its stamp and
/// the article's head, full-text search tables, and the similar-article lists.
///
/// It is a cache: the files stay the truth, and deleting the index loses nothing. The file is
/// in WAL mode, so several readers (and one writer at a time, across processes) share it; a
/// refresh writes in steps, each one transaction, so a reader never sees half a step and a
/// killed writer loses only the step it was in. An index that is corrupt, of another schema
/// version or unreadable is moved aside (`NAME.broken`) and made again; `notice` says so.
///
/// Search uses one FTS5 table without a copy of its text (contentless, `fts`): the tokens of
/// `SearchTokens` (CJK bigrams, words) and the column each is in, by `docid`; a word of one or
/// two CJK characters is found exactly, a longer one is checked against the folded text.
/// `fts_text` keeps each article's folded text, packed (`PackedText`): what a changed or
/// deleted article's old rows were, to remove them (a contentless table cannot find them on
/// this SQLite), and what a longer word or a query's punctuation is checked against.
///
/// A refresh writes the file rows only (what the list needs: the first build's list is ready
/// after reading and parsing the files) and lists the new articles in `fts_pending`;
/// `completeFullText` then reads those files again and writes their `fts_text` and full-text
/// rows, in steps, each removing its articles from `fts_pending` (so a killed pass goes on
/// where it stopped). An article has both or neither. Search checks the articles still
/// pending in their files.
///
/// `fold_change` keeps the characters the folding changes, so that a query is folded without
/// loading the folding's own table (`LibraryIndex+QueryFolding.swift`).
public final class LibraryIndex: LibraryStore, @unchecked Sendable {
    /// The schema this code reads and writes; another version is rebuilt.
    public static let schemaVersion = 4
    /// `PRAGMA application_id`: "yudu".
    static let applicationID: Int32 = 0x7975_6475

    /// The index file.
    public let path: String
    /// What happened on opening (moved aside and rebuilt), to be said once; nil when nothing.
    public private(set) var notice: String?
    private var pool: DatabasePool
    /// How text and queries are folded for search (kept in the index).
    public let folding: SearchFolding
    /// The matches a ranked search with a limit weighs (`LibraryIndex.rankedCandidates`;
    /// smaller in tests).
    var rankedCandidates = LibraryIndex.rankedCandidates
    /// Whether a query of CJK words checks the newest kept texts before asking the full-text
    /// table for a one-character word (`FullTextPlan.cjkOnly`, `prefixed`); off in tests, to
    /// compare with the table's answers.
    var textWalks = true

    /// Opens (or makes) the index at `path` for text folded with `folding`.
    public init(path: String, folding: SearchFolding = .variants) throws {
        self.path = path
        self.folding = folding
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        do {
            pool = try Self.openChecked(path: path, folding: folding)
        } catch let problem as Unusable {
            let aside = path + ".broken"
            Self.moveAside(path, to: aside)
            pool = try Self.openChecked(path: path, folding: folding)
            notice = "the library index \(problem.reason); it was moved aside to \((aside as NSString).lastPathComponent) and is being rebuilt"
        }
    }

    /// Why an existing index cannot be used.
    struct Unusable: Error { var reason: String }

    /// The index file for the library under `roots`, in `$XDG_CACHE_HOME/yuedu/` (by default
    /// `~/.cache/yuedu/`): one file per library, named after its last folder and a hash of the
    /// roots.
    public static func defaultPath(roots: [String], environment: [String: String]) -> String {
        func absolute(_ name: String) -> String? {
            guard let value = environment[name], value.hasPrefix("/") else { return nil }
            return value
        }
        let home = absolute("HOME") ?? NSHomeDirectory()
        let cache = absolute("XDG_CACHE_HOME") ?? (home as NSString).appendingPathComponent(".cache")
        let canonical = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        var hash = Fingerprint()
        for root in canonical { hash.add(root); hash.add("\u{0}") }
        let last = canonical.first.map { ($0 as NSString).lastPathComponent } ?? "library"
        let name = String(last.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }.prefix(32))
        let file = (name.isEmpty ? "library" : name) + "-" + String(UInt64(bitPattern: hash.value), radix: 16) + ".sqlite"
        return ((cache as NSString).appendingPathComponent("yuedu") as NSString).appendingPathComponent(file)
    }

    // MARK: - Opening

    static func configuration() -> GRDB.Configuration {
        var config = GRDB.Configuration()
        config.busyMode = .timeout(30)
        config.label = "yuedu.index"
        config.prepareDatabase { db in
            // WAL with NORMAL: a commit survives a killed process; a cache may lose the last
            // commits to a power cut, which the next refresh reads again.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer's page cache (2 MB by default) holds the pages of the file table's
            // six SQL indexes that a step of 1,024 rows touches; readers keep the default.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -16384") }
            // A step of a first build changes pages all over the six SQL indexes (their orders
            // differ): the WAL is copied back into the file every 32 MB instead of every 4 MB,
            // so a page changed by several steps is copied (and synced) once. On 100,000
            // articles, with steps of 4,096: the list 1.5 times sooner (BENCHMARKS.md).
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192") }
        }
        return config
    }

    static func openChecked(path: String, folding: SearchFolding) throws -> DatabasePool {
        let pool: DatabasePool
        do {
            pool = try openPool(path: path)
        } catch let error as DatabaseError where isUnusable(error) {
            throw Unusable(reason: reason(error))
        }
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    if version == 0 && tables == 0 {
                        try createSchema(db, folding: folding)
                    } else if version != schemaVersion {
                        throw Unusable(reason: "is of another version (schema \(version); this yuedu reads \(schemaVersion))")
                    } else if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
                        throw Unusable(reason: "is not a yuedu index")
                    }
                    try createReadingIndexes(db)
                    // Reads every row's page: a truncated or garbled table says so here.
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM file")
                    return .commit
                }
            }
            let folded = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'folding'") }
            if folded != folding.name {
                throw Unusable(reason: "was made for other search folding (\(folded ?? "none"))")
            }
        } catch let error as DatabaseError where isUnusable(error) {
            try? pool.close()
            throw Unusable(reason: reason(error))
        } catch let error as Unusable {
            try? pool.close()
            throw error
        }
        return pool
    }

    /// Errors that mean the file is not a usable index (rather than, say, a full disk).
    /// Opens the pool, waiting while another process holds the lock that putting a new file
    /// in WAL mode takes (two indexers or readers starting on one new index at once): SQLite
    /// answers that at once with "database is locked", without its busy timeout.
    static func openPool(path: String) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration())
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    static func isUnusable(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_SCHEMA, .SQLITE_ERROR]
            .contains(error.resultCode)
    }

    static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "is damaged (\(error.message ?? "not a database"))"
        case .SQLITE_CANTOPEN, .SQLITE_IOERR: return "cannot be read (\(error.message ?? "I/O error"))"
        default: return "cannot be used (\(error.message ?? "\(error.resultCode)"))"
        }
    }

    /// Renames the index and its WAL files out of the way (the previous `.broken` goes).
    static func moveAside(_ path: String, to aside: String) {
        for suffix in ["", "-wal", "-shm"] {
            unlink(aside + suffix)
            if rename(path + suffix, aside + suffix) != 0 { unlink(path + suffix) }
        }
    }

    static func createSchema(_ db: Database, folding: SearchFolding) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE file (
                docid INTEGER PRIMARY KEY AUTOINCREMENT,
                path TEXT NOT NULL UNIQUE,
                okey BLOB NOT NULL,
                device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
                mtime INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                format TEXT, encoding TEXT,
                title TEXT, date INTEGER NOT NULL DEFAULT 0, site TEXT, source TEXT, editor TEXT,
                author TEXT, tags TEXT, related TEXT, lead TEXT, length INTEGER NOT NULL DEFAULT 0,
                note TEXT, skip TEXT,
                ident INTEGER NOT NULL DEFAULT 0, dup INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX file_list ON file(date DESC, title, path) WHERE skip IS NULL AND dup = 0;
            CREATE INDEX file_ident ON file(ident, okey);
            CREATE TABLE similar (docid INTEGER PRIMARY KEY, list TEXT NOT NULL);
            CREATE TABLE fts_text (docid INTEGER PRIMARY KEY, title TEXT NOT NULL, body BLOB NOT NULL);
            CREATE TABLE fts_pending (docid INTEGER PRIMARY KEY);
            CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0', content = '', detail = column, columnsize = 0);
            PRAGMA user_version = \(schemaVersion);
            """)
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('folding', ?)", arguments: [folding.name])
    }

    /// The SQL indexes a start and `yuedu list` read instead of the table, whose rows are
    /// large (lead, related list): the list's columns in library order, the files' stamps,
    /// and the skipped files. Read alone, each is a tenth of the table's pages. Made when missing, so that
    /// an index of this schema made before them gets them once (in about a second for
    /// 100,000 files) instead of being rebuilt; code that does not know them just keeps them
    /// up to date.
    static func createReadingIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS file_heads ON file(date DESC, title, path, site, source, editor, author, note)
                WHERE skip IS NULL AND dup = 0;
            CREATE INDEX IF NOT EXISTS file_stamps ON file(path, device, inode, size, mtime, mtime_ns);
            CREATE INDEX IF NOT EXISTS file_skipped ON file(okey, path, skip) WHERE skip IS NOT NULL;
            """)
    }

    // MARK: - LibraryStore

    public func forEachStamp(_ body: (UnsafeRawBufferPointer, FileStamp) throws -> Void) throws {
        try reading { try $0.forEachStamp(body) }
    }

    public func apply(_ update: IndexUpdate) throws {
        guard !update.isEmpty else { return }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                var idents = Set<Int64>()
                let find = try db.cachedStatement(sql: "SELECT docid, device, inode, size, mtime, mtime_ns, ident, date FROM file WHERE path = ?")
                let delete = try db.cachedStatement(sql: "DELETE FROM file WHERE docid = ?")
                let deleteSimilar = try db.cachedStatement(sql: "DELETE FROM similar WHERE docid = ?")
                func remove(_ row: Row) throws {
                    let docid: Int64 = row[0]
                    try delete.execute(arguments: [docid])
                    try deleteSimilar.execute(arguments: [docid])
                    try Self.removeText(db, docid: docid)
                    idents.insert(row[6])
                }
                for id in update.removed {
                    guard let row = try Row.fetchOne(find, arguments: [id.rawValue]) else { continue }
                    try remove(row)
                }
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO file(path, okey, device, inode, size, mtime, mtime_ns, format, encoding,
                        title, date, site, source, editor, author, tags, related, lead, length, note, skip, ident)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let pending = try db.cachedStatement(sql: "INSERT INTO fts_pending(docid) VALUES (?)")
                for entry in update.files {
                    let file = entry.file
                    if let row = try Row.fetchOne(find, arguments: [file.path]) {
                        let stamp = FileStamp(device: UInt64(bitPattern: row[1]), inode: UInt64(bitPattern: row[2]),
                                              size: row[3], modified: row[4], modifiedNanoseconds: row[5])
                        // Another process wrote this very version already.
                        if stamp == file.stamp { continue }
                        try remove(row)
                    }
                    let head = file.head
                    let ident = head.map { Self.ident(title: $0.title, date: $0.date) } ?? 0
                    let article = entry.article
                    let values: [(any DatabaseValueConvertible)?] = [
                        file.path, Self.orderKey(file.path),
                        Int64(bitPattern: file.stamp.device), Int64(bitPattern: file.stamp.inode),
                        file.stamp.size, file.stamp.modified, file.stamp.modifiedNanoseconds,
                        file.format, file.encoding,
                    ] + Self.headValues(head, article: article, length: file.length) + [file.skipReason, ident]
                    try insert.execute(arguments: StatementArguments(values))
                    let docid = db.lastInsertedRowID
                    if head != nil, update.indexesText { try pending.execute(arguments: [docid]) }
                    if head != nil { idents.insert(ident) }
                }
                try Self.markCopies(db, idents: idents)
                return .commit
            }
        }
    }

    /// The list as the index holds it. Read through SQLite's statement directly, as
    /// `Reading` reads: for 100,000 articles a `Row` per row and a `String` per column cost
    /// more than the reading, and the site, source and editor mostly repeat the row before.
    public func listing() throws -> StoredListing {
        try pool.read { db in
            // Room for every row, in the same read: counting only the listed ones would read
            // their SQL index once more, where the count of all is a count of pages.
            let capacity = try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0
            let statement = try db.makeStatement(sql: """
                SELECT \(Self.listColumns) FROM file INDEXED BY file_heads
                WHERE skip IS NULL AND dup = 0 ORDER BY date DESC, title, path
                """)
            let s = statement.sqliteStatement
            func step() throws -> Bool {
                switch sqlite3_step(s) {
                case SQLITE_ROW: return true
                case SQLITE_DONE: return false
                case let code:
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
            }
            var names = Interned()
            var more = false
            // Each head made in its place in the array: one made and then stored is copied
            // whole on its way in (a dozen strings retained, then released).
            var articles = try [Article](unsafeUninitializedCapacity: capacity) { buffer, count in
                while count < buffer.count {
                    guard try step() else { return }
                    Self.makeHead(s, names: &names, at: buffer.baseAddress! + count)
                    count += 1
                }
                more = try step()
            }
            if more {
                // More rows than the count said (not in one read; kept safe all the same).
                let head = UnsafeMutablePointer<Article>.allocate(capacity: 1)
                defer { head.deallocate() }
                repeat {
                    Self.makeHead(s, names: &names, at: head)
                    articles.append(head.move())
                } while try step()
            }
            return StoredListing(articles: articles, skipped: try Self.skippedFiles(db))
        }
    }

    /// The skipped files, in path order.
    static func skippedFiles(_ db: Database) throws -> [SkippedFile] {
        var skipped: [SkippedFile] = []
        let skips = try Row.fetchCursor(db, sql: "SELECT path, skip FROM file INDEXED BY file_skipped WHERE skip IS NOT NULL ORDER BY okey")
        while let row = try skips.next() { skipped.append(SkippedFile(path: row[0], reason: row[1])) }
        return skipped
    }

    public func file(_ id: ArticleID) throws -> IndexedFile? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(Self.headColumns), device, inode, size, mtime, mtime_ns, format, encoding, length, skip
                FROM file WHERE path = ?
                """, arguments: [id.rawValue]) else { return nil }
            let stamp = FileStamp(device: UInt64(bitPattern: row[9]), inode: UInt64(bitPattern: row[10]),
                                  size: row[11], modified: row[12], modifiedNanoseconds: row[13])
            let skip: String? = row[17]
            return IndexedFile(id: id, stamp: stamp, format: row[14], encoding: row[15],
                               head: skip == nil ? Self.head(row) : nil, length: row[16], skipReason: skip, order: 0)
        }
    }

    public func similar(to id: ArticleID) throws -> [ArticleID]? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT s.list FROM similar s JOIN file f ON f.docid = s.docid WHERE f.path = ?",
                                arguments: [id.rawValue])
        }.map { $0.isEmpty ? [] : $0.split(separator: "\n").map { ArticleID(path: String($0)) } }
    }

    public func lackingSimilar(limit: Int?) throws -> [ArticleID] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT path FROM file f INDEXED BY file_heads WHERE skip IS NULL AND dup = 0
                AND NOT EXISTS (SELECT 1 FROM similar s WHERE s.docid = f.docid) LIMIT ?
                """, arguments: [limit ?? -1]).map { ArticleID(path: $0) }
        }
    }

    public func setSimilar(_ lists: [ArticleID: [ArticleID]]) throws {
        guard !lists.isEmpty else { return }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let set = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO similar(docid, list) SELECT docid, ? FROM file WHERE path = ?
                    """)
                for (id, list) in lists {
                    try set.execute(arguments: [list.map(\.rawValue).joined(separator: "\n"), id.rawValue])
                }
                return .commit
            }
        }
    }

    // MARK: - Rows

    static let headColumns = "path, title, date, site, source, editor, author, tags, note"
    /// `headColumns` as the list reads them: without the tags, which only the open article
    /// shows (read from its file). A million articles' tag lists are 80 MB.
    static let listColumns = "path, title, date, site, source, editor, author, NULL, note"

    /// An article head from a row that starts with `headColumns`.
    static func head(_ row: Row) -> Article {
        var names = Interned()
        return head(row, names: &names)
    }

    /// An article head from a row that starts with `headColumns`, its site, source, editor,
    /// author and tags shared with the rows before it that name the same (a library has a
    /// few sites for many articles: one string each, not one per article).
    static func head(_ row: Row, names: inout Interned) -> Article {
        var article = Article(title: row[1], path: row[0])
        let day: Int = row[2]
        if day > 0 { article.date = ArticleDate(year: day / 10_000, month: day / 100 % 100, day: day % 100) }
        let site = names.shared(row[3] as String?)
        article.site = site
        // Most articles name their site again as source or editor: that string, once.
        func same(_ value: String?) -> String? {
            guard let value else { return nil }
            if let site, Interned.sameBytes(value, site) { return site }
            return names.shared(value)
        }
        article.source = same(row[4])
        article.editor = same(row[5])
        article.author = same(row[6])
        if let tags: String = row[7], !tags.isEmpty {
            article.tags = tags.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { names.shared(String($0)) }
        }
        article.decodingNote = row[8]
        return article
    }

    /// Makes the article head of the current row of a statement of `listColumns` at
    /// `article` (uninitialized memory), as `head(_:names:)` makes it from a `Row`; names
    /// equal to the site or to one read recently are not decoded again.
    static func makeHead(_ s: SQLiteStatement, names: inout Interned, at article: UnsafeMutablePointer<Article>) {
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let text = sqlite3_column_text(s, column) else { return nil }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, column)))
        }
        func text(_ column: Int32) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }
        let day = Int(sqlite3_column_int64(s, 2))
        let siteBytes = bytes(3)
        let site = siteBytes.map { names.shared($0) }
        // Most articles name their site again as source or editor: that string, once.
        func same(_ column: Int32) -> String? {
            guard let value = bytes(column) else { return nil }
            if let site, let siteBytes, Interned.sameBytes(value, siteBytes) { return site }
            return names.shared(value)
        }
        article.initialize(to: Article(title: text(1) ?? "",
                                       date: day > 0 ? ArticleDate(year: day / 10_000, month: day / 100 % 100, day: day % 100) : nil,
                                       site: site, editor: same(5), source: same(4), path: text(0)))
        if let author = same(6) { article.pointee.author = author }
        if let note = text(8) { article.pointee.decodingNote = note }
    }

    /// The names read last, to share one copy of each: a library has a few sites for many
    /// articles. Compared as bytes with the few kept, most recent first; a library of many
    /// different names just keeps its strings as read.
    struct Interned {
        private var recent: [String] = []

        mutating func shared(_ text: String?) -> String? {
            guard let text else { return nil }
            return shared(text)
        }

        mutating func shared(_ text: String) -> String {
            // Up to 15 bytes a string is held inline: nothing to share.
            let count = text.utf8.count
            guard count > 15, count <= 64 else { return text }
            for (i, kept) in recent.enumerated() where kept.utf8.count == count && Self.sameBytes(kept, text) {
                if i > 0 { recent.swapAt(i, i - 1) }
                return kept
            }
            if recent.count == 32 { recent.removeLast() }
            recent.append(text)
            return text
        }

        /// `bytes` as a string, the one kept when it is one of the few read last (a string
        /// of up to 15 bytes is held inline: then only its decoding is saved).
        mutating func shared(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let count = bytes.count
            guard count <= 64 else { return String(decoding: bytes, as: UTF8.self) }
            for i in recent.indices where recent[i].utf8.count == count {
                let same = recent[i].utf8.withContiguousStorageIfAvailable { Self.sameBytes($0, bytes) }
                    ?? recent[i].utf8.elementsEqual(bytes)
                guard same else { continue }
                if i > 0 { recent.swapAt(i, i - 1) }
                return recent[i > 0 ? i - 1 : 0]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if recent.count == 32 { recent.removeLast() }
            recent.append(text)
            return text
        }

        /// Whether two runs of bytes are the same (compared at once, not byte by byte).
        static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
        }

        /// Whether two strings have the same UTF-8 bytes (compared at once, not byte by byte).
        static func sameBytes(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
            }
        }
    }

    static func dayNumber(_ d: ArticleDate) -> Int { d.year * 10_000 + d.month * 100 + d.day }

    /// The key that sorts paths in the order the folders are walked: `/` before any other byte.
    static func orderKey(_ path: String) -> Data {
        Data(path.utf8.map { $0 == UInt8(ascii: "/") ? 1 : $0 })
    }

    /// A stable 64-bit number for an article's title and date as duplicates are told
    /// (`ArticleKey`'s normal form).
    static func ident(title: String, date: ArticleDate?) -> Int64 {
        var hash = Fingerprint()
        hash.add(ArticleKey.normalize(title))
        hash.add("\u{0}\(date.map(dayNumber) ?? 0)")
        let value = hash.value
        return value == 0 ? 1 : value
    }

    /// Marks which copy of an article the list shows, for the articles `idents` names: the
    /// first in path order. Only rows whose mark changes are written (a row written again
    /// moves in the list's SQL indexes too, and most articles have no copy).
    static func markCopies(_ db: Database, idents: Set<Int64>) throws {
        let dup = try db.cachedStatement(sql: """
            UPDATE file SET dup = NOT dup WHERE ident = ? AND skip IS NULL AND dup <> EXISTS (
                SELECT 1 FROM file g WHERE g.ident = file.ident AND g.skip IS NULL AND g.okey < file.okey)
            """)
        for ident in idents where ident != 0 { try dup.execute(arguments: [ident]) }
    }

    /// The row's columns from `title` to `note` (in the order of `apply`'s insert): from
    /// `head`, with the lead and related list of `article` when it was read whole.
    static func headValues(_ head: Article?, article: Article?, length: Int) -> [(any DatabaseValueConvertible)?] {
        [head?.title, head?.date.map(Self.dayNumber) ?? 0, head?.site, head?.source, head?.editor,
         head?.author, head.map { $0.tags.joined(separator: "\u{1F}") },
         article.map { Self.encodeRelated($0.related) },
         article?.lead.map { String($0.prefix(200)) }, length, head?.decodingNote]
    }

    static func encodeRelated(_ items: [RelatedItem]) -> String {
        items.map { $0.title + "\u{1F}" + $0.summary }.joined(separator: "\u{1E}")
    }

    /// What search reads of an article besides its title: lead, body, editor, source.
    static func searchText(_ article: Article) -> String {
        var parts: [String] = []
        if let lead = article.lead { parts.append(lead) }
        for block in article.body { parts.append(block.text) }
        return parts.joined(separator: "\n")
    }

    /// Runs `sql` as it is (tests and maintenance).
    func execute(_ sql: String) throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Runs `body` in one immediate transaction, committed when it returns.
    func writeInTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// The text values of a one-column query (tests and maintenance).
    func strings(_ sql: String) throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: sql) }
    }

    /// Reads rows on the caller's thread with `body` (for search).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}

/// FNV-1a over UTF-8 bytes: a hash that is the same in every run (Swift's `Hasher` is not).
struct Fingerprint {
    var value: Int64 = Int64(bitPattern: 0xCBF2_9CE4_8422_2325)
    mutating func add(_ s: String) {
        for b in s.utf8 { add(byte: b) }
    }

    @inline(__always)
    mutating func add(byte b: UInt8) {
        var h = UInt64(bitPattern: value)
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01B3
        value = Int64(bitPattern: h)
    }
}
