import Foundation

/// `positions.json`: `{"positions": [...], "version": 1}`, sorted by key.
struct PositionsDocument: KeyedDocument {
    static let currentVersion = 1
    static let noun = "reading positions"
    /// Positions kept at most; the least recently updated go first.
    static let capacity = 5_000

    struct Entry: Hashable, Codable, Sendable {
        var key: ArticleKey
        var position: ReadingPosition
        var updated: Date
    }

    var version = PositionsDocument.currentVersion
    var positions: [Entry] = []

    var entries: [Entry] { positions }
    static func key(of entry: Entry) -> ArticleKey { entry.key }

    init() {}

    /// The positions that could be read from a damaged file.
    init(recovered entries: [Entry]) {
        _ = merge(Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, b in a.updated >= b.updated ? a : b }))
    }

    /// Merges `entries` in, per key, the later `updated` winning; returns whether anything
    /// changed.
    mutating func merge(_ entries: [ArticleKey: Entry]) -> Bool {
        var byKey = Dictionary(positions.map { ($0.key, $0) }, uniquingKeysWith: { a, b in a.updated >= b.updated ? a : b })
        var changed = byKey.count != positions.count
        for (key, entry) in entries {
            if let old = byKey[key], old.updated > entry.updated || old == entry { continue }
            byKey[key] = entry
            changed = true
        }
        var all = Array(byKey.values)
        if all.count > Self.capacity {
            all.sort { $0.updated > $1.updated }
            all.removeLast(all.count - Self.capacity)
            changed = true
        }
        positions = all.sorted { $0.key < $1.key }
        return changed
    }
}

/// Reading positions, kept in `positions.json`.
///
/// `set` changes memory only; `save()` writes, merging per article with what other yuedu
/// processes saved (the position set most recently wins). Call `save()` about a second after
/// the reader stops scrolling and on exit; it does nothing when nothing changed. A failed
/// save keeps the changes to try again with the next one.
///
/// Nothing here throws; problems come back as messages. The store is a value: keep one, on
/// one thread.
public struct PositionStore: Sendable {
    private var state: KeyedStateFile<PositionsDocument>

    /// The file, `…/yuedu/positions.json`.
    public var file: String { state.file }

    /// A store on `$XDG_STATE_HOME/yuedu/positions.json`. Reads nothing yet: call `reload()`.
    public init(paths: PersistencePaths) {
        self.init(file: paths.positionsFile)
    }

    /// A store on `file`. Reads nothing yet: call `reload()`.
    public init(file: String) {
        state = KeyedStateFile(file: file)
    }

    /// Where the article with `key` was left, if known.
    public func position(for key: ArticleKey) -> ReadingPosition? { state.entries[key]?.position }

    /// Where `article` was left, if known.
    public func position(for article: Article) -> ReadingPosition? { position(for: ArticleKey(article)) }

    /// Every known position (for the list's "35%").
    public var positions: [ArticleKey: ReadingPosition] { state.entries.mapValues(\.position) }

    /// Whether some position is set but not yet saved.
    public var hasUnsavedChanges: Bool { state.hasUnsavedChanges }

    /// Records where the article with `key` is being read. Memory only: see `save()`.
    public mutating func set(_ position: ReadingPosition, for key: ArticleKey, now: Date = Date()) {
        if let old = state.entries[key], old.position == position, old.key.pathHint == key.pathHint { return }
        state.set(PositionsDocument.Entry(key: key, position: position, updated: now), for: key)
    }

    /// Records where `article` is being read. Memory only: see `save()`.
    public mutating func set(_ position: ReadingPosition, for article: Article, now: Date = Date()) {
        set(position, for: ArticleKey(article), now: now)
    }

    /// Writes the positions set since the last save, merged into the file as it is now.
    /// Returns messages; nothing happens (and nothing is read) when nothing changed.
    @discardableResult
    public mutating func save() -> [String] { state.save() }

    /// Reads the file again (other processes' positions); unsaved ones stay on top.
    @discardableResult
    public mutating func reload() -> [String] { state.reload() }
}
