import Foundation

/// A bookmarked article: its key (date and path hint included), the title as shown, and
/// when it was bookmarked.
public struct Bookmark: Hashable, Codable, Sendable {
    public var key: ArticleKey
    /// The title as the article states it (the key holds the normalized one).
    public var title: String
    /// When the bookmark was made.
    public var added: Date

    public init(key: ArticleKey, title: String, added: Date) {
        self.key = key
        self.title = title
        self.added = added
    }

    /// The article's date, from the key.
    public var date: ArticleDate? { key.date }
    /// Where the article was read from when bookmarked; only a hint.
    public var path: String? { key.pathHint }
}

/// `bookmarks.json`: `{"bookmarks": [...], "version": 1}`, oldest first, so that a new
/// bookmark is a diff at the end.
struct BookmarksDocument: DurableDocument {
    static let currentVersion = 1
    static let noun = "bookmarks"
    var version = BookmarksDocument.currentVersion
    var bookmarks: [Bookmark] = []

    init() {}

    /// The bookmarks that could be read from a damaged file, each key once.
    init(recovered entries: [Bookmark]) {
        var seen = Set<ArticleKey>()
        bookmarks = entries.filter { seen.insert($0.key).inserted }
    }

    /// Applies one change; returns whether the document changed.
    mutating func apply(_ operation: BookmarkStore.Operation) -> Bool {
        switch operation {
        case .add(let bookmark):
            if let i = bookmarks.firstIndex(where: { $0.key == bookmark.key }) {
                // Already there (another instance, or a retry): keep its time, refresh the hint.
                guard let hint = bookmark.key.pathHint, bookmarks[i].key.pathHint != hint else { return false }
                bookmarks[i].key.pathHint = hint
                return true
            }
            bookmarks.append(bookmark)
            return true
        case .remove(let key):
            let before = bookmarks.count
            bookmarks.removeAll { $0.key == key }
            return bookmarks.count != before
        }
    }
}

/// What a bookmark toggle came to.
public struct BookmarkChange: Hashable, Sendable {
    /// Whether the article is bookmarked now (in this session, saved or not).
    public var isBookmarked: Bool
    /// Whether the change is on disk.
    public var saved: Bool
    /// Messages for the status line; empty when all went well.
    public var messages: [String]
}

/// The bookmarks, kept in `bookmarks.json` and never lost.
///
/// Every change is written at once, as an operation ("add this key", "remove this key")
/// applied under a lock to the file as it is on disk now, not by writing out the copy in
/// memory: two yuedu processes bookmarking at once both keep their bookmarks. A change that
/// cannot be written (unwritable directory, lock held too long) stays in memory, shows in
/// `bookmarks`, and is written with the next change or `save()`.
///
/// Nothing here throws; problems come back as messages for the status line. The store is a
/// value: keep one, on one thread; every call that touches the disk blocks for one small
/// read and write (an fsync).
public struct BookmarkStore: Sendable {
    /// A change to apply to the file as found.
    enum Operation: Hashable, Sendable {
        case add(Bookmark)
        case remove(ArticleKey)
    }

    /// The file, `…/yuedu/bookmarks.json`.
    public let file: String
    private var durable: DurableFile<BookmarksDocument>
    private var document = BookmarksDocument()
    private var pending: [Operation] = []
    private var keys: Set<ArticleKey> = []

    /// A store on `$XDG_DATA_HOME/yuedu/bookmarks.json`. Reads nothing yet: call `reload()`.
    public init(paths: PersistencePaths) {
        self.init(file: paths.bookmarksFile)
    }

    /// A store on `file`. Reads nothing yet: call `reload()`.
    public init(file: String) {
        self.file = file
        self.durable = DurableFile(path: file)
    }

    /// The bookmarks, newest first.
    public var bookmarks: [Bookmark] {
        document.bookmarks.enumerated()
            .sorted { a, b in a.element.added != b.element.added ? a.element.added > b.element.added : a.offset > b.offset }
            .map(\.element)
    }

    /// Whether the article with `key` is bookmarked.
    public func isBookmarked(_ key: ArticleKey) -> Bool { keys.contains(key) }

    /// Whether `article` is bookmarked.
    public func isBookmarked(_ article: Article) -> Bool { keys.contains(ArticleKey(article)) }

    /// Whether some change is only in memory (its write failed; it is retried with the next).
    public var hasUnsavedChanges: Bool { !pending.isEmpty }

    /// Reads the file again (picking up other processes' bookmarks); changes not yet saved
    /// stay on top. Returns messages (a damaged file moved aside, and so on).
    @discardableResult
    public mutating func reload() -> [String] {
        let outcome = durable.transaction(write: false)
        adopt(outcome.read ? outcome.document : document)
        return outcome.messages
    }

    /// Bookmarks `article` if it is not bookmarked, else removes its bookmark, and saves.
    /// Which of the two is decided by what this store shows (what the user sees); the
    /// change is then applied to the file as it is now.
    @discardableResult
    public mutating func toggle(_ article: Article, now: Date = Date()) -> BookmarkChange {
        isBookmarked(article) ? remove(ArticleKey(article)) : add(article, now: now)
    }

    /// Bookmarks `article` (keeping the first time if it already is), and saves.
    @discardableResult
    public mutating func add(_ article: Article, now: Date = Date()) -> BookmarkChange {
        let key = ArticleKey(article)
        return perform(.add(Bookmark(key: key, title: article.title, added: now)), key: key)
    }

    /// Removes the bookmark of the article with `key`, if any, and saves.
    @discardableResult
    public mutating func remove(_ key: ArticleKey) -> BookmarkChange {
        perform(.remove(key), key: key)
    }

    /// Writes the changes kept in memory, if any (call on exit). Returns messages.
    @discardableResult
    public mutating func save() -> [String] {
        guard !pending.isEmpty else { return [] }
        return write().messages
    }

    // MARK: - Private

    private mutating func perform(_ operation: Operation, key: ArticleKey) -> BookmarkChange {
        pending.append(operation)
        let (saved, messages) = write()
        return BookmarkChange(isBookmarked: keys.contains(key), saved: saved, messages: messages)
    }

    private mutating func write() -> (saved: Bool, messages: [String]) {
        let operations = pending
        let outcome = durable.transaction { document in
            var changed = false
            for op in operations where document.apply(op) { changed = true }
            return changed
        }
        if outcome.saved { pending.removeAll() }
        // The outcome's document has the pending operations applied. When the file could not
        // be read, keep this store's copy instead and apply them to it (they are idempotent).
        adopt(outcome.read ? outcome.document : document)
        return (outcome.saved, outcome.messages)
    }

    private mutating func adopt(_ read: BookmarksDocument) {
        var merged = read
        for op in pending { _ = merged.apply(op) }
        document = merged
        keys = Set(merged.bookmarks.map(\.key))
    }
}
