import Grid
import ReaderCore

/// What the executable must do after a command: the side effects `apply` never does itself.
public enum Effect: Hashable, Sendable {
    case quit
    case suspend
    case redraw
    /// Read the library again in the background, then `replaceLibrary(...)`.
    case reload
    /// Bookmark the article, or remove its bookmark (see `AppState+Bookmarks.swift`).
    case toggleBookmark(Article)
    /// Remember where the article with this key is being read.
    case savePosition(ArticleKey, ReadingPosition)
}

/// The whole application as a value. `apply(_:)` is the one place state changes.
public struct AppState {
    public internal(set) var articles: [Article]
    public internal(set) var skipped: [SkippedFile]
    /// Goes up whenever the library changes (a batch arrives, a reload): anything remembered
    /// by library index belongs to one generation.
    public internal(set) var libraryGeneration = 0
    /// The row selected in the article list.
    public internal(set) var selection = 0
    /// The article open in the reading pane.
    public internal(set) var current = 0
    public internal(set) var focus: Pane = .reading
    public private(set) var fullscreen = false
    public private(set) var showingHelp = false
    public private(set) var width: Int
    public private(set) var height: Int
    /// First row of the reading pane's layout on screen.
    public internal(set) var readingTop = 0
    public internal(set) var listTop = 0
    public internal(set) var sidebarSelection = 0
    /// A one-off line for the status bar.
    public internal(set) var message: String?
    /// The installed themes, in the order `t` cycles them, and the one in use.
    public var themes: [Theme] = [.defaultDark]
    public internal(set) var themeIndex = 0
    /// First row of the help screen's list (it scrolls when the terminal is short).
    public internal(set) var helpTop = 0
    /// A count or key prefix typed so far (`5`, `g`), for the status bar.
    public var pendingKeys: String?
    /// The library loading or reloading in the background, nil when it is all here.
    public internal(set) var loading: LibraryLoading?
    /// The overlay listing skipped files is open; `skippedTop` is its first file shown.
    public internal(set) var showingSkipped = false
    public internal(set) var skippedTop = 0
    public var wrapOptions = WrapOptions()
    /// The kinds of match the in-article search adds (`[search]` in the configuration).
    public var matchOptions = MatchOptions()
    public let keymap: Keymap
    /// The search prompt on the bottom line while the reader types a query; keys go to it.
    public internal(set) var prompt: SearchPrompt?
    /// The search whose matches are highlighted in the open article.
    public internal(set) var search: ArticleSearch?
    /// The queries searched for in this session, oldest first (↑/↓ in the prompt).
    public internal(set) var searchHistory: [String] = []
    /// The related-articles sidebar: its lists, the similarity index once built, the history.
    public internal(set) var related: RelatedState
    /// Bookmarked articles, newest bookmark first, as the stores last reported them.
    public internal(set) var bookmarks: [ArticleKey] = []
    /// Where each article was left (its `fraction` is the list's "35%").
    public internal(set) var positions: [ArticleKey: ReadingPosition] = [:]
    /// Whether the list shows bookmarked articles only.
    public internal(set) var bookmarksOnly = false
    /// The library indices the list shows when `bookmarksOnly`, in its order.
    var bookmarkRows: [Int] = []
    var bookmarkSet: Set<ArticleKey> = []

    let layouts = LayoutCache()
    let searchIndexes = SearchIndexCache()
    let keys = ArticleKeyCache()

    public init(articles: [Article], skipped: [SkippedFile] = [], width: Int, height: Int, keymap: Keymap = Keymap()) {
        self.articles = articles
        self.skipped = skipped
        self.width = width
        self.height = height
        self.keymap = keymap
        related = RelatedState(articles: articles)
        refreshRelated()
    }

    // MARK: - Derived

    public var panes: PaneLayout { PaneLayout(width: width, height: height, fullscreen: fullscreen) }

    /// The reading column inside the reading pane: a comfortable measure, centred when the
    /// pane is much wider.
    public var readingColumn: Rect {
        let pane = panes.reading
        let margin = pane.width >= 20 ? 1 : 0
        let textWidth = min(max(1, pane.width - 2 * margin), 88)
        let x = pane.x + max(margin, (pane.width - textWidth) / 2)
        return Rect(x: x, y: pane.y, width: textWidth, height: pane.height)
    }

    /// Whether an overlay covers the panes (help, skipped files, the related list): keys go to
    /// it, and clicks do nothing.
    public var overlayOpen: Bool { showingHelp || showingSkipped || related.overlay }

    public var currentArticle: Article? { articles.indices.contains(current) ? articles[current] : nil }

    /// The open article laid out for the reading column.
    public var layout: ArticleLayout? {
        guard let article = currentArticle else { return nil }
        return layouts.layout(of: article, index: current, generation: libraryGeneration,
                              width: readingColumn.width, options: wrapOptions)
    }

    /// How many layouts have been computed: a resize makes one, scrolling none.
    public var layoutBuilds: Int { layouts.builds }

    public var maxReadingTop: Int { max(0, (layout?.lines.count ?? 0) - readingColumn.height) }

    /// How far into the article the bottom of the pane is, 0–100.
    public var readingPercent: Int {
        guard let count = layout?.lines.count, count > 0 else { return 100 }
        return min(100, (readingTop + readingColumn.height) * 100 / count)
    }

    /// The related entries of the open article, with the library index of each one's article.
    public var relatedEntries: [(item: RelatedItem, index: Int?)] {
        related.fromArticle.map { ($0.item, $0.index) }
    }

    // MARK: - Apply

    /// Applies a command and returns the effects for the executable to run.
    public mutating func apply(_ command: Command) -> [Effect] {
        message = nil
        // The overlays in the order they cover each other: help, skipped files, then the
        // related overlay or preview; the panes get what none of them takes.
        if showingHelp {
            switch command {
            case .help, .cancel, .quit: showingHelp = false
            case .lineDown, .lineUp, .pageDown, .pageUp, .top, .bottom: scrollHelp(command)
            case .redraw: return [.redraw]
            default: break
            }
            return []
        }
        if showingSkipped { return applyInSkipped(command) }
        if let effects = interceptRelated(command) { return effects }
        let place = (article: current, top: readingTop)
        switch command {
        case .lineDown: move(by: 1)
        case .lineUp: move(by: -1)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .focusNext: cycleFocus(by: 1)
        case .focusPrevious: cycleFocus(by: -1)
        case .open: openSelected()
        case .nextArticle: openArticle(neighbour(of: current, by: 1))
        case .previousArticle: openArticle(neighbour(of: current, by: -1))
        case .toggleFullscreen: setFullscreen(!fullscreen)
        case .help: showingHelp = true; helpTop = 0
        case .cycleTheme: cycleTheme()
        case .showSkipped: showSkipped()
        case .reload: return requestReload()
        case .cancel: cancelRelated()
        case .search: openPrompt()
        case .searchNext: stepSearch(forward: true)
        case .searchPrevious: stepSearch(forward: false)
        case .related: toggleRelated()
        case .back: goBack()
        case .forward: goForward()
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit: return [.quit]
        case .toggleBookmark: return toggleBookmarkEffects()
        case .toggleBookmarksOnly: toggleBookmarksOnly()
        }
        return positionEffects(since: place)
    }

    /// The terminal has a new size: re-wrap once, keeping the same text at the top.
    public mutating func resize(width: Int, height: Int) {
        setGeometry(width: max(0, width), height: max(0, height), fullscreen: fullscreen)
        clampFocus()
        scrollListToSelection()
        relatedDidResize()
    }

    // MARK: - Commands

    private var pageSize: Int {
        switch focus {
        case .reading: return max(1, readingColumn.height - 2)
        case .list: return max(1, (panes.list?.height ?? 2) - 2)
        case .sidebar: return 5
        }
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .reading:
            readingTop = clamp(readingTop.addingReportingOverflow(delta).partialValue, 0, maxReadingTop)
        case .list:
            guard !articles.isEmpty else { return }
            selection = clamp(selection.addingReportingOverflow(delta).partialValue, 0, max(0, listCount - 1))
            scrollListToSelection()
        case .sidebar:
            let count = sidebarEntries.count
            guard count > 0 else { return }
            let step = delta > 1 ? 1 : (delta < -1 ? -1 : delta)
            sidebarSelection = clamp(abs(delta) > 1000 ? (delta > 0 ? count - 1 : 0) : sidebarSelection + step, 0, count - 1)
        }
    }

    private mutating func cycleFocus(by step: Int) {
        let visible = panes.visiblePanes
        guard let i = visible.firstIndex(of: focus) else { focus = .reading; return }
        focus = visible[(i + step + visible.count) % visible.count]
    }

    private mutating func openSelected() {
        switch focus {
        case .list:
            if let index = libraryIndex(ofRow: selection) { openArticle(index) }
        case .sidebar:
            openSidebarEntry()
        case .reading:
            break
        }
    }

    mutating func openArticle(_ index: Int, recording: Bool = true) {
        guard articles.indices.contains(index) else {
            message = index < 0 ? "first article" : "last article"
            return
        }
        if recording { recordVisit() }
        current = index
        selection = row(of: index) ?? selection
        readingTop = 0
        sidebarSelection = 0
        related.preview = nil
        clearSearch()
        restorePosition()
        scrollListToSelection()
        refreshRelated()
    }

    mutating func setFullscreen(_ on: Bool) {
        setGeometry(width: width, height: height, fullscreen: on)
        clampFocus()
    }

    mutating func clampFocus() {
        if !panes.visiblePanes.contains(focus) { focus = .reading }
    }

    mutating func scrollListToSelection() {
        let rows = max(1, (panes.list?.height ?? 1) - 1)
        if selection < listTop { listTop = selection }
        if selection >= listTop + rows { listTop = selection - rows + 1 }
        listTop = clamp(listTop, 0, max(0, listCount - rows))
    }

    /// Changes the geometry, then puts the text that was at the top back at the top.
    private mutating func setGeometry(width: Int, height: Int, fullscreen: Bool) {
        let anchor = layout.flatMap { l in l.lines.indices.contains(readingTop) ? l.lines[readingTop] : nil }
        self.width = width
        self.height = height
        self.fullscreen = fullscreen
        if let anchor, let layout {
            readingTop = layout.line(containing: anchor.block, offset: anchor.start)
        }
        readingTop = clamp(readingTop, 0, maxReadingTop)
        keepSearchMatchInView()
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
