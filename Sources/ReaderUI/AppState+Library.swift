import Grid
import ReaderCore

/// The library arriving in the background: how far a load or a reload has got.
public struct LibraryLoading: Hashable, Sendable {
    /// Files read so far and files found (0 of 0 while the folders are still being listed).
    public var filesRead = 0
    public var filesTotal = 0
    /// A reload (`R`) rather than the first load.
    public var reloading = false

    public init(filesRead: Int = 0, filesTotal: Int = 0, reloading: Bool = false) {
        self.filesRead = filesRead
        self.filesTotal = filesTotal
        self.reloading = reloading
    }
}

extension AppState {
    // MARK: - Loading in batches

    /// Marks the library as loading in the background: the status bar shows the progress
    /// until `finishLoading()`.
    public mutating func beginLoading() {
        loading = LibraryLoading()
    }

    /// Adds a batch of articles as the library loads. `batch` is in library order (newest
    /// first) without copies of articles already here (`LoadProgress.shown`). The open article,
    /// the selected one and the selected row's place on screen stay as they were, by identity:
    /// articles arriving before them push their indices down, not them.
    public mutating func addArticles(_ batch: [Article], skipped more: [SkippedFile] = [],
                                     filesRead: Int, filesTotal: Int) {
        skipped += more
        if loading != nil {
            loading?.filesRead = filesRead
            loading?.filesTotal = filesTotal
        }
        guard !batch.isEmpty else { return }
        let wasEmpty = articles.isEmpty
        let selectedRow = selection - listTop
        let selectedIndex = libraryIndex(ofRow: selection)
        var merged: [Article] = []
        merged.reserveCapacity(articles.count + batch.count)
        var newCurrent = 0, newSelection = 0
        var moved = [Int](repeating: 0, count: articles.count)
        var i = 0, j = 0
        while i < articles.count || j < batch.count {
            if j < batch.count, i == articles.count || ArticleStore.areInLibraryOrder(batch[j], articles[i]) {
                merged.append(batch[j])
                j += 1
            } else {
                if i == current { newCurrent = merged.count }
                if i == selectedIndex { newSelection = merged.count }
                moved[i] = merged.count
                merged.append(articles[i])
                i += 1
            }
        }
        articles = merged
        if wasEmpty {
            current = 0
            selection = 0
            readingTop = 0
            listTop = 0
            libraryChanged(moved: moved)
        } else {
            current = newCurrent
            libraryChanged(moved: moved)
            remapHistory { moved[$0] }
            selection = row(of: newSelection) ?? row(of: current) ?? 0
            keepSelection(onRow: selectedRow)
        }
        if wasEmpty { restorePosition() }
    }

    /// The library changed: a new generation, so that nothing remembered by index (layouts,
    /// search indexes, the title lookup, the similarity index) is taken for another article.
    /// Keys of articles that only moved (`moved[old] = new`) follow them instead.
    private mutating func libraryChanged(moved: [Int]?) {
        let old = libraryGeneration
        libraryGeneration += 1
        if let moved {
            // Only the indices moved: what is cached for an article's text follows it.
            keys.remap(moved, count: articles.count, from: old, to: libraryGeneration)
            layouts.remap(moved, from: old, to: libraryGeneration)
            searchIndexes.remap(moved, from: old, to: libraryGeneration)
            if related.lookupGeneration == old {
                var kept = [Bool](repeating: false, count: articles.count)
                for index in moved { kept[index] = true }
                let added = articles.indices.filter { !kept[$0] }.map { (index: $0, title: articles[$0].title) }
                related.lookup.remap(moved, adding: added)
                related.lookupGeneration = libraryGeneration
            }
        }
        related.dropSimilarity()
        if !bookmarks.isEmpty { adoptBookmarks(bookmarks) }
        refreshRelated()
    }

    /// Back/forward history names articles by index: follow them to where they moved, and
    /// forget those that are gone.
    private mutating func remapHistory(_ newIndex: (Int) -> Int?) {
        func remap(_ stack: [HistoryEntry]) -> [HistoryEntry] {
            stack.compactMap { entry in
                guard let index = newIndex(entry.article) else { return nil }
                var moved = entry
                moved.article = index
                return moved
            }
        }
        related.backStack = remap(related.backStack)
        related.forwardStack = remap(related.forwardStack)
    }

    /// The background load is done: the status bar stops showing progress.
    public mutating func finishLoading() {
        loading = nil
    }

    // MARK: - Reloading

    /// `R`: asks the executable to read the library again, unless it is still being read.
    mutating func requestReload() -> [Effect] {
        if let loading {
            message = loading.reloading ? "already reloading" : "still loading — reload when it is done"
            return []
        }
        loading = LibraryLoading(reloading: true)
        message = "reloading…"
        return [.reload]
    }

    /// Puts a reloaded library in place, keeping the open article (by path) and the place in
    /// it, and the selection; the status bar says what changed.
    public mutating func replaceLibrary(articles new: [Article], skipped newSkipped: [SkippedFile],
                                        changes: LibraryChanges) {
        let open = currentArticle
        // The text at the top of the pane, to find again in the reloaded (maybe edited) article.
        let anchor = readingPosition
        let selected = libraryIndex(ofRow: selection).map { articles[$0] }
        let selectedRow = selection - listTop
        let oldCurrent = current
        let old = articles
        articles = new
        skipped = newSkipped
        skippedTop = min(skippedTop, max(0, skipped.count - 1))
        loading = nil
        var note = Self.describe(changes)
        var edited = false
        if let open, let index = new.firstIndex(where: { Self.isSame($0, open) }) {
            current = index
            edited = currentArticle != open
            // A search or preview of the text as it was means nothing in the text as it is.
            if edited {
                if search != nil { note += "; the open article changed: search cleared" }
                dropArticleOverlays()
            }
        } else if open != nil {
            dropArticleOverlays()
            current = clamp(oldCurrent, 0, max(0, new.count - 1))
            readingTop = 0
            note += "; the open article is gone"
        } else {
            current = 0
            readingTop = 0
        }
        // Layouts are looked up by index and generation: only now do they describe `new`.
        libraryChanged(moved: nil)
        if edited, let anchor, readingTop > 0, let layout {
            readingTop = layout.line(containing: anchor.block, offset: anchor.offset)
        }
        readingTop = clamp(readingTop, 0, maxReadingTop)
        remapHistory { index in new.firstIndex { Self.isSame($0, old[index]) } }
        if let selected, let index = new.firstIndex(where: { Self.isSame($0, selected) }) {
            selection = row(of: index) ?? row(of: current) ?? 0
        } else {
            selection = row(of: current) ?? 0
        }
        keepSelection(onRow: selectedRow)
        message = note
    }

    /// The open article is gone or changed: its search (prompt included) and the preview
    /// over it go.
    private mutating func dropArticleOverlays() {
        clearSearch()
        related.preview = nil
    }

    /// "2 new, 1 changed, 1 removed", or "no changes".
    static func describe(_ changes: LibraryChanges) -> String {
        var parts: [String] = []
        if !changes.added.isEmpty { parts.append("\(changes.added.count) new") }
        if !changes.changed.isEmpty { parts.append("\(changes.changed.count) changed") }
        if !changes.removed.isEmpty { parts.append("\(changes.removed.count) removed") }
        return parts.isEmpty ? "reloaded: no changes" : "reloaded: " + parts.joined(separator: ", ")
    }

    /// The same article, as far as the reader is concerned: the same file, or for articles
    /// without a file, the same title and date.
    static func isSame(_ a: Article, _ b: Article) -> Bool {
        if let p = a.path, let q = b.path { return p == q }
        return a.path == nil && b.path == nil && a.date == b.date && a.title == b.title
    }

    /// Scrolls the list so that the selection shows on `row` (as before a change), or as near
    /// to it as the list allows.
    private mutating func keepSelection(onRow row: Int) {
        let rows = max(1, (panes.list?.height ?? 1) - 1)
        listTop = clamp(selection - clamp(row, 0, rows - 1), 0, max(0, listCount - rows))
        if selection < listTop { listTop = selection }
        if selection >= listTop + rows { listTop = selection - rows + 1 }
    }

    // MARK: - Skipped files

    /// Files per page of the skipped-files overlay.
    var skippedPageSize: Int { SkippedView.filesPerPage(height: height) }

    mutating func showSkipped() {
        guard !skipped.isEmpty else {
            message = loading == nil ? "no files skipped" : "no files skipped so far"
            return
        }
        showingSkipped = true
        skippedTop = clamp(skippedTop, 0, max(0, skipped.count - skippedPageSize))
    }

    /// Commands while the skipped-files overlay is open: scroll it, or close it.
    mutating func applyInSkipped(_ command: Command) -> [Effect] {
        let last = max(0, skipped.count - skippedPageSize)
        switch command {
        case .lineDown: skippedTop = clamp(skippedTop + 1, 0, last)
        case .lineUp: skippedTop = clamp(skippedTop - 1, 0, last)
        case .pageDown: skippedTop = clamp(skippedTop + skippedPageSize, 0, last)
        case .pageUp: skippedTop = clamp(skippedTop - skippedPageSize, 0, last)
        case .top: skippedTop = 0
        case .bottom: skippedTop = last
        case .cancel, .showSkipped, .quit: showingSkipped = false
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        default: break
        }
        return []
    }
}
