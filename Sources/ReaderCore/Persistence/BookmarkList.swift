/// The bookmarks as the reader shows them, newest first, with a set for look-ups: what the
/// key press changes at once, while the file is written on another thread.
public struct BookmarkList: Sendable {
    public private(set) var keys: [ArticleKey] = []
    private var set: Set<ArticleKey> = []

    public init(_ keys: [ArticleKey] = []) {
        replace(with: keys)
    }

    public func contains(_ key: ArticleKey) -> Bool { set.contains(key) }

    /// Adds `key` at the front, or removes it; returns whether it is bookmarked now.
    @discardableResult
    public mutating func toggle(_ key: ArticleKey) -> Bool {
        if set.remove(key) != nil {
            keys.removeAll { $0 == key }
            return false
        }
        set.insert(key)
        keys.insert(key, at: 0)
        return true
    }

    /// Takes the list the file has.
    public mutating func replace(with keys: [ArticleKey]) {
        self.keys = keys
        set = Set(keys)
    }
}
