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
    /// the selected one and the selected row's place on screen stay as they were: they are
    /// known by identity, so articles arriving before them only push their rows down.
    public mutating func addArticles(_ batch: [Article], skipped more: [SkippedFile] = [],
                                     filesRead: Int, filesTotal: Int) {
        skipped += more
        if loading != nil {
            loading?.filesRead = filesRead
            loading?.filesTotal = filesTotal
        }
        guard !batch.isEmpty else { return }
        let wasEmpty = library.isEmpty
        let selectedRow = selection - listTop
        let selectedID = libraryIndex(ofRow: selection).map { library.ids[$0] }
        let count = library.count
        if wasEmpty {
            // The first batch (from an index: the whole library) is the library as it comes;
            // its identities and its title lookup are made side by side, on two cores.
            var made = Library()
            related.lookup = TitleLookup.build(batch) { made = Library(batch) }
            library = made
        } else {
            library.merge(batch)
            related.lookup.add(batch, in: library)
        }
        // Only the batch is counted: a load in many batches is not counted again each time.
        if library.count - count == batch.count {
            if wasEmpty {
                countUnread()
            } else {
                let added = library
                countUnread(adding: batch.lazy.filter { added.index(of: $0.id) != nil }
                    .map { ArticleKey(title: $0.title, date: $0.date) })
            }
            unreadKnown = true
        }
        if wasEmpty {
            currentID = library.ids.first
            selection = 0
            readingTop = 0
            listTop = 0
            relayout()
        }
        libraryChanged()
        if wasEmpty {
            restorePosition()
        } else {
            selection = selectedID.flatMap { library.index(of: $0) }.flatMap { row(of: $0) } ?? row(of: current) ?? 0
            keepSelection(onRow: selectedRow)
        }
    }

    /// What is derived from the library's order is derived again: the bookmark rows and the
    /// related lists. Nothing is remembered by position, so nothing else moves.
    private mutating func libraryChanged() {
        if !bookmarks.isEmpty { adoptBookmarks(bookmarks) }
        if !unreadKnown { countUnread() }
        unreadKnown = false
        deriveListRows()
        refreshRelated()
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

    /// Puts a reloaded library in place, keeping the open article and the place in it, and
    /// the selection; the status bar says what changed. A library search on (its prompt or
    /// the list it filtered) runs again over the new library: the effect that asks for it.
    @discardableResult
    public mutating func replaceLibrary(articles new: [Article], skipped newSkipped: [SkippedFile],
                                        changes: LibraryChanges) -> [Effect] {
        let open = currentArticle
        // The text at the top of the pane, to find again in the reloaded (maybe edited) article.
        let anchor = readingPosition
        let selectedID = libraryIndex(ofRow: selection).map { library.ids[$0] }
        let selectedRow = selection - listTop
        let oldCurrent = current
        library.replace(with: new)
        related.lookup = TitleLookup(articles: new)
        skipped = newSkipped
        loading = nil
        if newSkipped.isEmpty { removeLayers { if case .skipped = $0 { return true } else { return false } } }
        var note = Self.describe(changes)
        var edited = false
        if let open, let id = currentID, library.article(id) != nil {
            // Whole articles compared (bodies read again when the library holds heads).
            edited = currentArticle != open
            // A search or preview of the text as it was means nothing in the text as it is.
            if edited {
                if search != nil { note += "; the open article changed: search cleared" }
                dropArticleOverlays()
            }
        } else if open != nil {
            dropArticleOverlays()
            currentID = library.isEmpty ? nil : library.ids[clamp(oldCurrent, 0, library.count - 1)]
            readingTop = 0
            note += "; the open article is gone"
        } else {
            currentID = library.ids.first
            readingTop = 0
        }
        relayout(force: true)
        libraryChanged()
        if edited, let anchor, readingTop > 0, let layout {
            readingTop = layout.line(containing: anchor.block, offset: anchor.offset)
        }
        readingTop = clamp(readingTop, 0, maxReadingTop)
        selection = selectedID.flatMap { library.index(of: $0) }.flatMap { row(of: $0) } ?? row(of: current) ?? 0
        keepSelection(onRow: selectedRow)
        message = note
        return findAgain()
    }

    /// The open article is gone or changed: its search (prompt included) and the preview
    /// over it go.
    private mutating func dropArticleOverlays() {
        clearSearch()
        removeLayers { if case .preview = $0 { return true } else { return false } }
    }

    /// "2 new, 1 changed, 1 removed", or "no changes".
    static func describe(_ changes: LibraryChanges) -> String {
        var parts: [String] = []
        if !changes.added.isEmpty { parts.append("\(changes.added.count) new") }
        if !changes.changed.isEmpty { parts.append("\(changes.changed.count) changed") }
        if !changes.removed.isEmpty { parts.append("\(changes.removed.count) removed") }
        return parts.isEmpty ? "reloaded: no changes" : "reloaded: " + parts.joined(separator: ", ")
    }

    /// Scrolls the list so that the selection shows on `row` (as before a change), or as near
    /// to it as the list allows.
    mutating func keepSelection(onRow row: Int) {
        let rows = listVisibleItems
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
        push(.skipped(top: 0))
    }
}
