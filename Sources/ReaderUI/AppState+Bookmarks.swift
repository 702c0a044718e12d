import Grid
import ReaderCore

// MARK: - Bookmarks and reading positions
//
// The state only holds what the views need (which articles are bookmarked, where each was
// left); the stores live in the executable, which runs the effects `apply` returns and then
// reports back with `adoptBookmarks(_:)`, `adoptPositions(_:)` and `show(message:)`.

extension AppState {
    /// The stable key of the article at library index `index`.
    public func key(ofArticle index: Int) -> ArticleKey {
        library.key(at: index)
    }

    /// Whether the article at library index `index` is bookmarked.
    public func isBookmarked(_ index: Int) -> Bool {
        articles.indices.contains(index) && !bookmarkSet.isEmpty && bookmarkSet.contains(key(ofArticle: index))
    }

    /// Where the article at library index `index` was left, if known.
    public func position(ofArticle index: Int) -> ReadingPosition? {
        articles.indices.contains(index) && !positions.isEmpty ? positions[key(ofArticle: index)] : nil
    }

    // MARK: List rows

    /// How many rows the list has: every article, the bookmarked ones, or the matches.
    public var listCount: Int { listRows?.count ?? articles.count }

    /// The library index of the article on list row `row`.
    public func libraryIndex(ofRow row: Int) -> Int? {
        if let listRows { return listRows.indices.contains(row) ? listRows[row] : nil }
        return articles.indices.contains(row) ? row : nil
    }

    /// The list row of the article at library index `index`, when the list shows it.
    public func row(of index: Int) -> Int? {
        if listRows != nil { return listRowOf[index] }
        return articles.indices.contains(index) ? index : nil
    }

    /// The article `step` rows away from `index` in the list as shown; an index outside the
    /// library (so `openArticle` says "first/last article") when there is none.
    func neighbour(of index: Int, by step: Int) -> Int {
        guard let listRows else { return index + step }
        guard let row = row(of: index) else { return listRows.first ?? (step < 0 ? -1 : articles.count) }
        let next = row + step
        if next < 0 { return -1 }
        return next < listRows.count ? listRows[next] : articles.count
    }

    // MARK: Commands

    /// `m`: the list's selected article when the list has focus, else the open one.
    func toggleBookmarkEffects() -> [Effect] {
        let index = focus == .list ? libraryIndex(ofRow: selection) : (articles.indices.contains(current) ? current : nil)
        guard let index else { return [] }
        return [.toggleBookmark(articles[index])]
    }

    /// `B`: the list shows bookmarks only, newest first, or every article again; the
    /// selection stays on the same article where it can.
    mutating func toggleBookmarksOnly() {
        let selected = libraryIndex(ofRow: selection) ?? current
        bookmarksOnly.toggle()
        deriveListRows()
        if bookmarksOnly {
            if fullscreen { setFullscreen(false) }
            if panes.list != nil { focus = .list } else if !showingListOverlay { push(.list) }
            if bookmarkRows.isEmpty { message = "no bookmarks yet" + (keymap.hint([.toggleBookmark], "bookmarks an article").map { ": " + $0 } ?? "") }
        }
        selection = row(of: selected) ?? row(of: current) ?? 0
        listTop = 0
        scrollListToSelection()
    }

    /// After a command: when it scrolled the open article, remember the place (here, so that
    /// reopening it in this run finds it) and ask for it to be saved.
    mutating func positionEffects(since place: (article: ArticleID?, top: Int)) -> [Effect] {
        guard place.article == currentID, place.top != readingTop, let position = readingPosition else { return [] }
        let key = key(ofArticle: current)
        positions[key] = position
        return [.savePosition(key, position)]
    }

    /// Where the open article is being read: the top line of the reading pane as a place in
    /// the text (block, UTF-8 offset), and how much of it has been on screen.
    public var readingPosition: ReadingPosition? {
        guard let layout, layout.lines.indices.contains(readingTop) else { return nil }
        let place = layout.place(ofLine: readingTop)
        let count = layout.lines.count
        let seen = count == 0 ? 1 : Double(min(count, readingTop + readingColumn.height)) / Double(count)
        return ReadingPosition(block: place.block, offset: place.offset, fraction: seen)
    }

    /// Puts the open article's remembered place at the top of the reading pane, in the
    /// layout for the present width.
    mutating func restorePosition() {
        guard articles.indices.contains(current), let saved = positions[key(ofArticle: current)],
              let layout, let place = saved.clamped(to: layout.blocks.map(\.text)) else { return }
        readingTop = clamp(layout.line(containing: place.block, offset: place.offset), 0, maxReadingTop)
    }

    // MARK: Reports from the executable

    /// The bookmarks as the store has them now, newest first.
    public mutating func adoptBookmarks(_ keys: [ArticleKey]) {
        let selected = libraryIndex(ofRow: selection)
        bookmarks = keys
        bookmarkSet = Set(keys)
        bookmarkRows = []
        if !keys.isEmpty {
            let rowOf = library.indices(of: bookmarkSet)
            bookmarkRows = keys.compactMap { rowOf[$0] }
        }
        if bookmarksOnly {
            deriveListRows()
            selection = selected.flatMap { row(of: $0) } ?? clamp(selection, 0, max(0, listCount - 1))
            scrollListToSelection()
        }
    }

    /// One bookmark made or removed, as the user just did: the same as `adoptBookmarks` with
    /// the list changed by that one key, in time independent of the number of bookmarks (a
    /// key press must not wait on 100,000 of them).
    public mutating func adoptBookmark(_ key: ArticleKey, isBookmarked: Bool) {
        let selected = libraryIndex(ofRow: selection)
        let row = library.indices(of: [key])[key]
        if isBookmarked {
            guard bookmarkSet.insert(key).inserted else { return }
            bookmarks.insert(key, at: 0)
            if let row { bookmarkRows.insert(row, at: 0) }
        } else {
            guard bookmarkSet.remove(key) != nil else { return }
            if let i = bookmarks.firstIndex(of: key) { bookmarks.remove(at: i) }
            if let row, let i = bookmarkRows.firstIndex(of: row) { bookmarkRows.remove(at: i) }
        }
        if bookmarksOnly {
            deriveListRows()
            selection = selected.flatMap { self.row(of: $0) } ?? clamp(selection, 0, max(0, listCount - 1))
            scrollListToSelection()
        }
    }

    /// The reading positions as the store has them (at start, or after another process
    /// saved some); the open article moves to its place if it has one and is still at the top.
    public mutating func adoptPositions(_ saved: [ArticleKey: ReadingPosition]) {
        positions = saved
        if readingTop == 0 { restorePosition() }
    }

    /// A line for the status bar until the next command.
    public mutating func show(message text: String) {
        message = text
    }
}
