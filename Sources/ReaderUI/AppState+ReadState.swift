import Grid
import ReaderCore

// MARK: - Read and unread
//
// An article the reader opens is read; `U` marks the selected (list) or open article read or
// unread. The state changes at once and asks the executable to keep the mark (`.setRead`);
// the store's marks arrive at start with `adoptReadState(_:)`.

extension AppState {
    /// Whether the article at library index `index` is read.
    public func isRead(_ index: Int) -> Bool {
        articles.indices.contains(index) && readKeys.contains(key(ofArticle: index))
    }

    /// The marks as the store has them (at start); the unread count follows.
    public mutating func adoptReadState(_ keys: Set<ArticleKey>) {
        readKeys = keys
        countUnread()
    }

    /// Counts the library's unread articles again (a new library, or new marks), not per
    /// frame: with no marks, every article is unread.
    mutating func countUnread() {
        guard !readKeys.isEmpty else {
            unreadCount = library.count
            return
        }
        unreadCount = library.count - library.count(of: readKeys)
    }

    /// Adds the unread among `keys`, articles just added to the library (a batch as it loads).
    mutating func countUnread(adding keys: some Sequence<ArticleKey>) {
        var count = 0
        if readKeys.isEmpty {
            for _ in keys { count += 1 }
            unreadCount += count
            return
        }
        for key in keys where !readKeys.contains(key) { count += 1 }
        unreadCount += count
    }

    /// After the open article changed: it is read now. Returns the effect that keeps it, or
    /// nil when it was read already.
    mutating func markOpenedRead() -> Effect? {
        guard let currentID, let index = library.index(of: currentID) else { return nil }
        return setRead(index, true)
    }

    /// `U`: the list's selected article when the list has focus (or is open over the text),
    /// else the open one, read becomes unread and unread read.
    mutating func toggleReadEffects() -> [Effect] {
        let listing = focus == .list || showingListOverlay
        let index = listing ? libraryIndex(ofRow: selection) : (articles.indices.contains(current) ? current : nil)
        guard let index else { return [] }
        let read = !isRead(index)
        message = (read ? "marked read: " : "marked unread: ") + articles[index].title
        return setRead(index, read).map { [$0] } ?? []
    }

    private mutating func setRead(_ index: Int, _ read: Bool) -> Effect? {
        let key = key(ofArticle: index)
        if read {
            guard readKeys.insert(key).inserted else { return nil }
        } else {
            guard readKeys.remove(key) != nil else { return nil }
        }
        // The library holds one copy of an article (copies are left out as it loads).
        unreadCount = clamp(unreadCount + (read ? -1 : 1), 0, library.count)
        return .setRead(key, read)
    }
}
