import Grid
import ReaderCore

/// What the executable must do after a command: the side effects `apply` never does itself.
public enum Effect: Hashable, Sendable {
    case quit
    case suspend
    /// Repaint the whole terminal: forget what it is believed to show and draw every cell.
    case redraw
    /// Read the library again in the background, then `replaceLibrary(...)`.
    case reload
    /// Bookmark the article, or remove its bookmark (see `AppState+Bookmarks.swift`).
    case toggleBookmark(Article)
    /// Remember where the article with this key is being read.
    case savePosition(ArticleKey, ReadingPosition)
    /// Keep the search history (newest last) for the next run.
    case saveSearchHistory([String])
    /// Search the whole library for `query` in the background, then `adoptFindResults(_:)`
    /// with this `generation` (a newer one supersedes it).
    case findInLibrary(query: String, generation: Int)
    /// Mark the article with this key read or unread.
    case setRead(ArticleKey, Bool)
    /// Keep the list's order for the next run.
    case saveListOrder(ListOrder)
    /// Put the text on the clipboard of the reader's own terminal (OSC 52); already cut to
    /// `TerminalSequences.clipboardLimit`.
    case copyToClipboard(String)
    /// Open the link (a safe target) with the browser command `$BROWSER` names.
    case openLink(String, browser: String)
}

/// The whole application as a value. `apply(_:)` is the one place commands change it.
///
/// A real value: nothing mutable is shared between copies. The open article's layout and
/// search index are stored here (values too), computed when the article, the width or the
/// wrap options change, never while scrolling. Articles are known by `ArticleID`; list rows
/// and library indices are derived from it and never remembered across a library change.
public struct AppState {
    /// The articles, in library order, with their identities and bookmark keys.
    public internal(set) var library: Library
    public internal(set) var skipped: [SkippedFile]
    /// The row selected in the article list.
    public internal(set) var selection = 0
    /// The article open in the reading pane.
    public internal(set) var currentID: ArticleID?
    public internal(set) var focus: Pane = .reading
    public private(set) var fullscreen = false
    public private(set) var width: Int
    public private(set) var height: Int
    /// First row of the reading pane's layout on screen.
    public internal(set) var readingTop = 0
    /// The text resizes keep at the top (see `setGeometry`).
    var readingAnchor: ReadingAnchor?
    public internal(set) var listTop = 0
    public internal(set) var sidebarSelection = 0
    /// A one-off line for the status bar.
    public internal(set) var message: String?
    /// The installed themes, in the order `t` cycles them, and the one in use.
    public var themes: [Theme] = [.defaultDark]
    public internal(set) var themeIndex = 0
    /// What covers the panes, bottom first: each layer takes a command or passes it down
    /// (see `AppState+Layers.swift`).
    public internal(set) var layers: [Layer] = []
    /// Turns keys into commands (counts, sequences); what it holds shows in the status bar.
    var interpreter = KeyInterpreter()
    /// The library loading or reloading in the background, nil when it is all here.
    public internal(set) var loading: LibraryLoading?
    public var wrapOptions = WrapOptions() {
        didSet { if wrapOptions != oldValue { relayout() } }
    }
    /// The kinds of match the in-article search adds (`[search]` in the configuration); the
    /// indexes built for other options are dropped when they change.
    public var matchOptions = MatchOptions() {
        didSet { if matchOptions != oldValue { searchIndexes.removeAll() } }
    }
    public let keymap: Keymap
    /// The search whose matches are highlighted in the open article.
    public internal(set) var search: ArticleSearch?
    /// Search indexes of the last few articles searched, built when each is first searched,
    /// so that a keystroke in the prompt is one scan and not a rebuild.
    var searchIndexes: [ArticleID: SearchIndex] = [:]
    /// How many search indexes have been built.
    public private(set) var searchIndexBuilds = 0
    /// Whether the reader has been told that OpenCC's data is missing (it is told once).
    var toldVariantsMissing = false
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
    /// The library indices the list shows when `bookmarksOnly`, in its order (derived from
    /// `bookmarks` whenever either changes).
    var bookmarkRows: [Int] = []
    public internal(set) var bookmarkSet: Set<ArticleKey> = []
    /// The library indices the list shows, in its order (bookmarks only, the matches of a
    /// library search, another sort); nil for every article in library order. Derived by
    /// `deriveListRows()` whenever what it is made from changes, with `listRowOf` its inverse.
    var listRows: [Int]?
    var listRowOf: [Int: Int] = [:]
    /// The order the list is sorted in (`O`), outside a library search.
    public internal(set) var listOrder: ListOrder = .date
    /// The order during a library search: by relevance unless the reader picks another.
    public internal(set) var findOrder: ListOrder = .relevance
    /// The library search the list shows, nil for the whole list (see `AppState+Find.swift`).
    public internal(set) var find: LibraryFind?
    /// The last generation handed out to a library search.
    var findGeneration = 0
    /// The articles read (opened, or marked with `U`), as the store reported them plus the
    /// changes made since; and how many of the library's articles are not.
    public internal(set) var readKeys: Set<ArticleKey> = []
    public internal(set) var unreadCount = 0
    /// Set when `addArticles` counted the unread of its batch (the library change then does
    /// not count them all again).
    var unreadKnown = false
    /// Set when a command opened an article (`apply` then marks it read).
    var opened = false

    /// Where the open article's body comes from when the library holds heads only (read from
    /// its index); nil when the library holds whole articles.
    public var bodies: ArticleBodies?
    /// The similar-article lists kept in the library's index, used while no similarity
    /// index is in memory; nil when there are none.
    public var keptSimilar: (@Sendable (ArticleID) -> [ArticleID]?)?
    /// The browser command (`$BROWSER`) the link list's `o` opens a link with; nil when unset.
    public var browser: String?
    /// The open article laid out for the reading column.
    public private(set) var layout: ArticleLayout?
    /// How many layouts have been computed: a resize makes one, scrolling none.
    public private(set) var layoutBuilds = 0

    public init(articles: [Article], skipped: [SkippedFile] = [], width: Int, height: Int, keymap: Keymap = Keymap()) {
        library = Library(articles)
        self.skipped = skipped
        self.width = width
        self.height = height
        self.keymap = keymap
        currentID = library.ids.first
        related = RelatedState(library: library)
        unreadCount = library.count
        relayout()
        refreshRelated()
    }

    // MARK: - Derived

    public var articles: [Article] { library.articles }

    /// The library index of the open article (0 when there is none).
    public var current: Int { currentID.flatMap { library.index(of: $0) } ?? 0 }

    public var panes: PaneLayout { PaneLayout(width: width, height: height, fullscreen: fullscreen) }

    /// Where the article list is drawn: its pane, or the box over the text when the terminal
    /// is too narrow for the pane and the list is open over it; nil when it is not shown.
    public var listRect: Rect? {
        if let list = panes.list { return list }
        guard showingListOverlay else { return nil }
        return Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
    }

    /// The reading column inside the reading pane: a comfortable measure, centred when the
    /// pane is much wider.
    public var readingColumn: Rect {
        let pane = panes.reading
        let margin = pane.width >= 20 ? 1 : 0
        let textWidth = min(max(1, pane.width - 2 * margin), 88)
        let x = pane.x + max(margin, (pane.width - textWidth) / 2)
        return Rect(x: x, y: pane.y, width: textWidth, height: pane.height)
    }

    /// The open article, whole (its body read through `bodies` when the library holds heads).
    public var currentArticle: Article? {
        guard let head = currentID.flatMap({ library.article($0) }) else { return nil }
        return bodies?.full(head) ?? head
    }

    public var maxReadingTop: Int { max(0, (layout?.lines.count ?? 0) - readingColumn.height) }

    /// How far into the article the bottom of the pane is, 0–100.
    public var readingPercent: Int {
        guard let count = layout?.lines.count, count > 0 else { return 100 }
        return min(100, (readingTop + readingColumn.height) * 100 / count)
    }

    /// The related entries of the open article, with the identity of each one's article.
    public var relatedEntries: [(item: RelatedItem, id: ArticleID?)] {
        related.fromArticle.map { ($0.item, $0.id) }
    }

    /// Lays the open article out again for the reading column, when the article, the width
    /// or the options differ from the layout's, or always with `force` (its text changed).
    mutating func relayout(force: Bool = false) {
        guard let article = currentArticle, let currentID else {
            layout = nil
            return
        }
        let width = readingColumn.width
        if !force, let layout, layout.articleID == currentID, layout.width == width, layout.options == wrapOptions { return }
        if force { searchIndexes[currentID] = nil }
        layout = ArticleLayout(article: article, width: width, options: wrapOptions)
        layoutBuilds += 1
    }

    /// The open article's search index, built the first time it is searched.
    mutating func currentSearchIndex() -> SearchIndex? {
        guard let currentID, let layout else { return nil }
        if let index = searchIndexes[currentID] { return index }
        if searchIndexes.count >= 4 { searchIndexes.removeAll() }
        let index = SearchIndex(blocks: layout.blocks.map(\.text), options: matchOptions)
        searchIndexBuilds += 1
        searchIndexes[currentID] = index
        return index
    }

    // MARK: - Apply

    /// Applies a command and returns the effects for the executable to run. Global commands
    /// (quit, suspend, redraw) act the same under every layer; any other goes to the top
    /// layer, which takes it or passes it down, and what no layer takes goes to the panes.
    public mutating func apply(_ command: Command) -> [Effect] {
        opened = false
        var effects = applyCommand(command)
        // An article opened, however it was (the one already shown too), is read.
        if opened, !effects.contains(.quit), let effect = markOpenedRead() { effects.append(effect) }
        return effects
    }

    private mutating func applyCommand(_ command: Command) -> [Effect] {
        message = nil
        switch command {
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        default: break
        }
        for depth in layers.indices.reversed() {
            if let effects = apply(command, toLayerAt: depth) { return effects }
        }
        return applyToPanes(command)
    }

    /// A command for the panes: no layer took it.
    private mutating func applyToPanes(_ command: Command) -> [Effect] {
        let place = (article: currentID, top: readingTop)
        if let motion = command.motion(page: pageSize) {
            // Scrolling, even where the top cannot move, makes the place the one on screen.
            if focus == .reading { readingAnchor = nil }
            move(motion)
            return positionEffects(since: place)
        }
        switch command {
        case .focusNext: cycleFocus(by: 1)
        case .focusPrevious: cycleFocus(by: -1)
        case .open: openSelected()
        case .nextArticle: openNeighbour(neighbour(of: current, by: 1))
        case .previousArticle: openNeighbour(neighbour(of: current, by: -1))
        case .toggleFullscreen: setFullscreen(!fullscreen)
        case .help: push(.help(top: 0))
        case .cycleTheme: cycleTheme()
        case .showSkipped: showSkipped()
        case .reload: return requestReload()
        case .cancel: cancelInPanes()
        case .search: openPrompt()
        case .searchNext: stepSearch(forward: true)
        case .searchPrevious: stepSearch(forward: false)
        case .percent: message = "type how far first: 50% goes halfway"
        case .related: toggleRelated()
        case .back: goBack()
        case .forward: goForward()
        case .toggleBookmark: return toggleBookmarkEffects()
        case .toggleBookmarksOnly: toggleBookmarksOnly()
        case .find: openFind()
        case .cycleOrder: return cycleOrder()
        case .toggleRead: return toggleReadEffects()
        case .links: openLinkList()
        case .copy: return copyParagraph()
        case .copyArticle: return copyArticle()
        case .openLink:
            message = keymap.label(for: .links).map { "\($0) lists the article's links to open" } ?? "open a link from the link list"
        default: break
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
        case .list: return max(1, listVisibleItems - 1)
        case .sidebar: return RelatedState.pageSize
        }
    }

    mutating func move(_ motion: Motion) {
        switch focus {
        case .reading:
            readingTop = motion.applied(to: readingTop, count: maxReadingTop + 1)
        case .list:
            guard !articles.isEmpty else { return }
            selection = motion.applied(to: selection, count: listCount)
            scrollListToSelection()
        case .sidebar:
            moveSidebarSelection(motion)
        }
    }

    private mutating func cycleFocus(by step: Int) {
        // Too narrow for a list pane: the list comes over the text instead.
        if panes.list == nil, !fullscreen, !library.isEmpty {
            push(.list)
            scrollListToSelection()
            return
        }
        let visible = panes.visiblePanes
        guard let i = visible.firstIndex(of: focus) else { focus = .reading; return }
        focus = visible[(i + step + visible.count) % visible.count]
    }

    /// Enter: opens the article selected in the list or the sidebar, and gives the reading
    /// pane the focus, so that the next Space pages through it (a preview keeps the sidebar).
    private mutating func openSelected() {
        switch focus {
        case .list:
            guard let index = libraryIndex(ofRow: selection) else { return }
            openListed(index)
            focus = .reading
        case .sidebar:
            openSidebarEntry()
            if preview == nil { focus = .reading }
        case .reading:
            break
        }
    }

    mutating func openArticle(_ index: Int, recording: Bool = true) {
        guard library.indices.contains(index) else {
            message = index < 0 ? "first article" : "last article"
            return
        }
        if recording { recordVisit() }
        currentID = library.ids[index]
        opened = true
        selection = row(of: index) ?? selection
        readingTop = 0
        sidebarSelection = 0
        removeLayers { if case .preview = $0 { return true } else { return false } }
        clearSearch()
        relayout()
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
        let rows = listVisibleItems
        if selection < listTop { listTop = selection }
        if selection >= listTop + rows { listTop = selection - rows + 1 }
        listTop = clamp(listTop, 0, max(0, listCount - rows))
    }

    /// Changes the geometry, then puts the text that was at the top back at the top.
    ///
    /// The text is the anchor the last resize kept when the pane has not scrolled since, not
    /// what a clamped top shows: a round trip through a taller terminal (where the end of the
    /// article pulled the top up) comes back to the same text.
    private mutating func setGeometry(width: Int, height: Int, fullscreen: Bool) {
        var place: (block: Int, offset: Int)?
        if let kept = readingAnchor, kept.article == currentID, kept.top == readingTop {
            place = (kept.block, kept.offset)
        } else if let layout, layout.lines.indices.contains(readingTop) {
            place = layout.place(ofLine: readingTop)
        }
        self.width = width
        self.height = height
        self.fullscreen = fullscreen
        relayout()
        if let place, let layout {
            readingTop = layout.line(containing: place.block, offset: place.offset)
        }
        readingTop = clamp(readingTop, 0, maxReadingTop)
        readingAnchor = place.map { ReadingAnchor(article: currentID, top: readingTop, block: $0.block, offset: $0.offset) }
        keepSearchMatchInView()
    }
}

/// The text a resize put at the top of the reading pane (block, UTF-8 offset), and the row it
/// left the top on: valid while the pane stays there on the same article.
struct ReadingAnchor: Hashable, Sendable {
    var article: ArticleID?
    var top: Int
    var block: Int
    var offset: Int
}

/// A movement through a list or a text: by some rows, or to an end.
enum Motion: Hashable, Sendable {
    case by(Int)
    case top
    case bottom

    /// Where a position in `0..<count` goes.
    func applied(to position: Int, count: Int) -> Int {
        let last = max(0, count - 1)
        switch self {
        case .by(let delta): return clamp(position.addingReportingOverflow(delta).partialValue, 0, last)
        case .top: return 0
        case .bottom: return last
        }
    }
}

extension Command {
    /// The movement this command asks for, `page` rows being a page; nil for the others.
    func motion(page: Int) -> Motion? {
        switch self {
        case .lineDown: return .by(1)
        case .lineUp: return .by(-1)
        case .pageDown: return .by(page)
        case .pageUp: return .by(-page)
        case .top: return .top
        case .bottom: return .bottom
        default: return nil
        }
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
