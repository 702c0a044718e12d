import Grid
import ReaderCore

/// A place in the library to come back to: an article and the text at the top of the pane.
public struct HistoryEntry: Hashable, Sendable {
    /// The article's index in the library.
    public var article: Int
    /// The reading block at the top of the pane, and the UTF-8 offset in it; -1 when the top
    /// row is the blank line before `block`.
    public var block: Int
    public var offset: Int
}

/// One selectable entry of the related-articles sidebar.
public enum SidebarEntry: Hashable, Sendable {
    /// An item of the article's own related list, with its article's library index when the
    /// library has it.
    case fromArticle(RelatedItem, index: Int?)
    /// An article of the library that is like the one being read.
    case similar(Int)

    /// The library index of the entry's article, if the library has it.
    public var index: Int? {
        switch self {
        case .fromArticle(_, let index): return index
        case .similar(let index): return index
        }
    }
}

/// The state of the related-articles sidebar: the open article's two lists, the similarity
/// index (once a background build has delivered it), the preview and the history.
///
/// Both lists are computed once when an article opens (and again when the similarity index
/// arrives) and kept here, so moving through the sidebar costs no ranking work.
public struct RelatedState {
    /// How many similar articles part 2 lists.
    public static let similarLimit = 8
    /// How many places `back` remembers.
    public static let historyLimit = 200

    var lookup: TitleLookup
    /// The library generation `lookup` was made for.
    var lookupGeneration = 0
    /// Each article's library index by identity (for kept similar lists), and the library
    /// generation it was made for.
    var positions: [ArticleID: Int] = [:]
    var positionsGeneration = -1
    /// The similarity index of the library; nil until it is built.
    public private(set) var similarity: SimilarityIndex?
    /// Part 1: the open article's own related list, matched to the library by title.
    public internal(set) var fromArticle: [(item: RelatedItem, index: Int?)] = []
    /// Part 2: the library indices of the articles most like the open one, most alike first;
    /// nil while the similarity index is being built.
    public internal(set) var similar: [Int]?
    /// How many times a similar list has been ranked (once per opened article).
    public internal(set) var rankings = 0
    /// A related item that is not in the library, shown in the reading pane instead of the article.
    public internal(set) var preview: RelatedItem?
    /// The related list is shown over the reading pane (the sidebar is folded away).
    public internal(set) var overlay = false
    /// Places to go back to, the latest last; and to go forward to again.
    public internal(set) var backStack: [HistoryEntry] = []
    public internal(set) var forwardStack: [HistoryEntry] = []

    init(articles: [Article]) {
        lookup = TitleLookup(articles: articles)
    }

    mutating func setSimilarity(_ index: SimilarityIndex) { similarity = index }

    /// The library changed: the index speaks of articles by their old indices.
    mutating func dropSimilarity() { similarity = nil }
}

extension AppState {
    /// The sidebar's entries in order: part 1, then part 2 (empty while it is computing).
    public var sidebarEntries: [SidebarEntry] {
        related.fromArticle.map { SidebarEntry.fromArticle($0.item, index: $0.index) }
            + (related.similar ?? []).map { SidebarEntry.similar($0) }
    }

    /// The similarity index built away from the main thread has arrived: rank the open
    /// article's similar list. `generation` is the `libraryGeneration` of the articles it was
    /// built from; an index of another library (an older generation) is ignored.
    public mutating func setSimilarityIndex(_ index: SimilarityIndex, generation: Int) {
        guard generation == libraryGeneration, index.count == articles.count else { return }
        related.setSimilarity(index)
        refreshRelated()
    }

    /// The kept similar lists (`keptSimilar`) have more in them: list the open article's again.
    public mutating func keptSimilarChanged() {
        refreshRelated()
    }

    /// Recomputes both lists for the open article; called when an article opens and when the
    /// library or its similarity index changes (a preview stays: it is of the open article).
    mutating func refreshRelated() {
        if related.lookupGeneration != libraryGeneration {
            related.lookup = TitleLookup(articles: articles)
            related.lookupGeneration = libraryGeneration
        }
        guard let article = currentArticle else {
            related.fromArticle = []
            related.similar = related.similarity == nil ? nil : []
            return
        }
        let indices = related.lookup.indices(of: article.related)
        related.fromArticle = zip(article.related, indices).map { ($0, $1) }
        if let index = related.similarity, index.count == articles.count {
            related.similar = index.similar(to: current, limit: RelatedState.similarLimit,
                                            excluding: Set(indices.compactMap { $0 }))
            related.rankings += 1
        } else if let keptSimilar, let ids = keptSimilar(article.id) {
            if related.positionsGeneration != libraryGeneration {
                related.positions = Dictionary(articles.indices.map { (articles[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
                related.positionsGeneration = libraryGeneration
            }
            let excluded = Set(indices.compactMap { $0 })
            related.similar = Array(ids.compactMap { related.positions[$0] }.filter { $0 != current && !excluded.contains($0) }
                .prefix(RelatedState.similarLimit))
        } else {
            related.similar = nil
        }
        sidebarSelection = min(sidebarSelection, max(0, sidebarEntries.count - 1))
    }

    // MARK: - Commands

    /// Handles a command while the overlay or the preview is up; nil lets `apply` go on.
    mutating func interceptRelated(_ command: Command) -> [Effect]? {
        if related.overlay {
            switch command {
            case .lineDown: moveSidebarSelection(by: 1)
            case .lineUp: moveSidebarSelection(by: -1)
            case .pageDown: moveSidebarSelection(by: 5)
            case .pageUp: moveSidebarSelection(by: -5)
            case .top: moveSidebarSelection(by: Int.min / 2)
            case .bottom: moveSidebarSelection(by: Int.max / 2)
            case .open:
                related.overlay = false
                openSidebarEntry()
            case .cancel, .related: related.overlay = false
            case .quit: return [.quit]
            case .suspend: return [.suspend]
            case .redraw: return [.redraw]
            default: break
            }
            return []
        }
        guard related.preview != nil else { return nil }
        switch command {
        case .cancel, .back:
            related.preview = nil
            return []
        case .search, .searchNext, .searchPrevious:
            // Search is in the article: show it again, then search.
            related.preview = nil
            return nil
        case .lineDown, .lineUp, .pageDown, .pageUp, .top, .bottom:
            // Moving in the reading pane closes the preview; in the sidebar it moves on.
            guard focus == .reading else { return nil }
            related.preview = nil
            return []
        default:
            return nil
        }
    }

    /// `r`: focus the sidebar (back to reading when it has the focus), or, when the sidebar
    /// is folded away, show the related list over the reading pane.
    mutating func toggleRelated() {
        if panes.sidebar != nil {
            focus = focus == .sidebar ? .reading : .sidebar
        } else if currentArticle != nil {
            related.overlay = true
        }
    }

    /// Esc: closes the preview, or leaves the sidebar for the reading pane.
    /// Esc: closes a preview, else leaves the sidebar, else clears the search highlights.
    mutating func cancelRelated() {
        if related.preview != nil {
            related.preview = nil
        } else if focus == .sidebar {
            focus = .reading
        } else {
            clearSearch()
        }
    }

    /// Enter on a sidebar entry: opens its article, or previews an item the library lacks.
    mutating func openSidebarEntry() {
        let entries = sidebarEntries
        guard entries.indices.contains(sidebarSelection) else { return }
        let entry = entries[sidebarSelection]
        if let index = entry.index {
            openArticle(index)
        } else if case .fromArticle(let item, _) = entry {
            related.preview = item
        }
    }

    mutating func moveSidebarSelection(by delta: Int) {
        let count = sidebarEntries.count
        guard count > 0 else { return }
        if abs(delta) > 1000 {
            sidebarSelection = delta > 0 ? count - 1 : 0
        } else {
            sidebarSelection = clamp(sidebarSelection + delta, 0, count - 1)
        }
    }

    /// The terminal grew wide enough for the sidebar: the overlay gives way to it.
    mutating func relatedDidResize() {
        if related.overlay, panes.sidebar != nil {
            related.overlay = false
            focus = .sidebar
        }
    }

    // MARK: - History

    /// Where the reader is now: the open article and the text at the top of the pane.
    var here: HistoryEntry? {
        guard currentArticle != nil else { return nil }
        if let layout, layout.lines.indices.contains(readingTop) {
            let line = layout.lines[readingTop]
            return HistoryEntry(article: current, block: line.block, offset: line.isBlank ? -1 : line.start)
        }
        return HistoryEntry(article: current, block: 0, offset: 0)
    }

    /// Remembers the current place before another article opens; a new visit ends the way forward.
    mutating func recordVisit() {
        guard let here else { return }
        related.backStack.append(here)
        if related.backStack.count > RelatedState.historyLimit { related.backStack.removeFirst() }
        related.forwardStack.removeAll()
    }

    /// `h`, Backspace: the previous article, at the place it was left.
    mutating func goBack() {
        guard let entry = related.backStack.popLast() else {
            message = "no earlier article"
            return
        }
        if let here { related.forwardStack.append(here) }
        go(to: entry)
    }

    /// `l`: forward again to where `back` came from.
    mutating func goForward() {
        guard let entry = related.forwardStack.popLast() else {
            message = "nothing ahead"
            return
        }
        if let here { related.backStack.append(here) }
        go(to: entry)
    }

    private mutating func go(to entry: HistoryEntry) {
        guard articles.indices.contains(entry.article) else {
            message = "that article is gone"
            return
        }
        openArticle(entry.article, recording: false)
        if let layout {
            var row = layout.line(containing: entry.block, offset: max(0, entry.offset))
            if entry.offset < 0, row > 0, layout.lines[row - 1].isBlank { row -= 1 }
            readingTop = clamp(row, 0, maxReadingTop)
        }
    }
}
