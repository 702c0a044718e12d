import Foundation

/// `read.json`: `{"articles": [...], "version": 1}`, sorted by key. Each entry says whether
/// the article is read and when that was last set, so that an article marked unread again is
/// an entry too (with `read: false`) and wins a merge over an older "read".
struct ReadStateDocument: KeyedDocument {
    static let currentVersion = 1
    static let noun = "read marks"

    struct Entry: Hashable, Codable, Sendable {
        var key: ArticleKey
        var read: Bool
        var updated: Date
    }

    var version = ReadStateDocument.currentVersion
    var articles: [Entry] = []

    var entries: [Entry] { articles }
    static func key(of entry: Entry) -> ArticleKey { entry.key }

    init() {}

    /// The entries that could be read from a damaged file.
    init(recovered entries: [Entry]) {
        _ = merge(Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, b in a.updated >= b.updated ? a : b }))
    }

    /// Merges `entries` in, per key, the later `updated` winning; returns whether anything
    /// changed. Linear in the entries (plus the sort of the result).
    mutating func merge(_ entries: [ArticleKey: Entry]) -> Bool {
        var byKey = Dictionary(articles.map { ($0.key, $0) }, uniquingKeysWith: { a, b in a.updated >= b.updated ? a : b })
        var changed = byKey.count != articles.count
        for (key, entry) in entries {
            if let old = byKey[key], old.updated > entry.updated || (old.read == entry.read && old.updated == entry.updated) { continue }
            byKey[key] = entry
            changed = true
        }
        if changed { articles = byKey.values.sorted { $0.key < $1.key } }
        return changed
    }
}

/// Which articles have been read, kept in `read.json` in the state folder.
///
/// An article is read once the reader opens it, and the user may mark it unread again (or read
/// without opening it). `set` changes memory only; `save()` writes, merging per article with
/// what other yuedu processes saved (the mark set most recently wins), through `DurableFile`:
/// under a lock, written whole to a temporary file and renamed, a damaged file moved aside
/// (never overwritten) with what could be read from it kept. Articles are known by
/// `ArticleKey` (title and date), like bookmarks, so a mark survives a file's move.
///
/// Nothing here throws; problems come back as messages. The store is a value: keep one, on
/// one thread.
public struct ReadStateStore: Sendable {
    private var state: KeyedStateFile<ReadStateDocument>

    /// The file, `…/yuedu/read.json`.
    public var file: String { state.file }

    /// A store on `$XDG_STATE_HOME/yuedu/read.json`. Reads nothing yet: call `reload()`.
    public init(paths: PersistencePaths) {
        self.init(file: paths.readStateFile)
    }

    /// A store on `file`. Reads nothing yet: call `reload()`.
    public init(file: String) {
        state = KeyedStateFile(file: file)
    }

    /// Whether the file exists (false before the first mark was ever saved).
    public var fileExists: Bool { FileManager.default.fileExists(atPath: file) }

    /// Whether the article with `key` is read.
    public func isRead(_ key: ArticleKey) -> Bool { state.entries[key]?.read ?? false }

    /// Whether `article` is read.
    public func isRead(_ article: Article) -> Bool { isRead(ArticleKey(article)) }

    /// Every article marked read.
    public var readKeys: Set<ArticleKey> {
        var keys = Set<ArticleKey>(minimumCapacity: state.entries.count)
        for (key, entry) in state.entries where entry.read { keys.insert(key) }
        return keys
    }

    /// Whether some mark is set but not yet saved.
    public var hasUnsavedChanges: Bool { state.hasUnsavedChanges }

    /// Marks the article with `key` read or unread. Memory only: see `save()`.
    public mutating func set(_ key: ArticleKey, read: Bool, now: Date = Date()) {
        if let old = state.entries[key], old.read == read { return }
        if state.entries[key] == nil, !read { return }
        // The hint is not part of the identity; leaving it out keeps the file small.
        let bare = ArticleKey(title: key.title, date: key.date)
        state.set(ReadStateDocument.Entry(key: bare, read: read, updated: now), for: key)
    }

    /// Writes the marks set since the last save, merged into the file as it is now. Returns
    /// messages; nothing happens (and nothing is read) when nothing changed.
    @discardableResult
    public mutating func save() -> [String] { state.save() }

    /// Reads the file again (other processes' marks); unsaved ones stay on top.
    @discardableResult
    public mutating func reload() -> [String] { state.reload() }
}
