import Foundation

/// Where the library's index is kept: the one interface the reader, `yuedu list`, `yuedu
/// index` and `yuedu search` use, whatever holds the rows.
///
/// `LibraryIndex` keeps them in an SQLite file in the user's cache. The walk of the folders,
/// the parsing and the similar-article ranking (`LibraryRefresh`, `LibrarySimilarity`) are
/// written against this protocol only, so another store (a team archive in a server
/// database) implements these calls and nothing else changes.
public protocol LibraryStore: AnyObject, Sendable {
    /// Calls `body` with the path (its UTF-8 bytes, valid only during the call) and stamp of
    /// every file the store holds, in byte order of the paths: a refresh merges them with
    /// the files found, without a table of every path.
    func forEachStamp(_ body: (UnsafeRawBufferPointer, FileStamp) throws -> Void) throws
    /// Writes one step of a refresh, all of it or nothing: `files` replace the rows of the
    /// same identity, `removed` go. The search rows of what it wrote may come later (the
    /// store says how: `LibraryIndex.completeFullText`).
    func apply(_ update: IndexUpdate) throws
    /// Tidies the store after a refresh that wrote `written` articles (merging the search
    /// index's pieces after a large one).
    func finish(written: Int) throws
    /// The articles, in library order (newest first, undated last, then title and path in
    /// byte order), copies of the same article left out; and the skipped files in path order.
    /// The heads have no tags (the open article's are read from its file, with its body).
    func listing() throws -> StoredListing
    /// One file's row.
    func file(_ id: ArticleID) throws -> IndexedFile?
    /// The articles that match `query` (without `is:` filters, which the caller knows), in
    /// its order, at most `limit`.
    func search(_ query: SearchQuery, folding: SearchFolding, limit: Int?) throws -> [SearchHit]
    /// The similar-article list kept for `id`, most alike first; nil when none is kept yet.
    func similar(to id: ArticleID) throws -> [ArticleID]?
    /// Articles without a kept similar list, at most `limit` of them (nil: all).
    func lackingSimilar(limit: Int?) throws -> [ArticleID]
    /// Keeps similar lists (replacing those of the same articles).
    func setSimilar(_ lists: [ArticleID: [ArticleID]]) throws
}

extension LibraryStore {
    public func finish(written: Int) throws {}
    /// Every article without a kept similar list.
    public func lackingSimilar() throws -> [ArticleID] { try lackingSimilar(limit: nil) }
}

/// One step of a refresh.
public struct IndexUpdate: Sendable {
    public struct Entry: Sendable {
        public var file: IndexedFile
        /// The full article, for the lead and related list; nil for a skipped file.
        public var article: Article?

        public init(file: IndexedFile, article: Article?) {
            self.file = file
            self.article = article
        }
    }

    public var files: [Entry] = []
    public var removed: [ArticleID] = []
    /// False to leave the articles' text out of the search tables (benchmarks that need a
    /// large list quickly; such an index finds nothing by its text).
    public var indexesText = true

    public init() {}
    public var isEmpty: Bool { files.isEmpty && removed.isEmpty }
}

/// What the list shows, from the store.
public struct StoredListing: Sendable {
    /// Heads in library order (bodies not loaded).
    public var articles: [Article]
    /// Files that are not articles, in path order.
    public var skipped: [SkippedFile]
}

/// One article a search found.
public struct SearchHit: Sendable, Hashable {
    /// The article's head (no body).
    public var article: Article
    /// Higher is better; only comparable within one search.
    public var score: Double
}
