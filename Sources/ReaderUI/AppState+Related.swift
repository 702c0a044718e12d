import Grid
import ReaderCore

/// A place in the library to come back to: an article and the text at the top of the pane.
public struct HistoryEntry: Hashable, Sendable {
    public var article: ArticleID
    /// The reading block at the top of the pane, and the UTF-8 offset in it; -1 when the top
    /// row is the blank line before `block`.
    public var block: Int
    public var offset: Int
}

/// One selectable entry of the related-articles sidebar.
public enum SidebarEntry: Hashable, Sendable {
    /// An item of the article's own related list, with its article when the library has it.
    case fromArticle(RelatedItem, id: ArticleID?)
    /// An article of the library that is like the one being read.
    case similar(ArticleID)

    /// The entry's article, if the library has it.
    public var id: ArticleID? {
        switch self {
        case .fromArticle(_, let id): return id
        case .similar(let id): return id
        }
    }
}

/// The similarity index of a library, with the identity of each article it ranks. Built
/// away from the main thread from a snapshot of the library; articles that arrived since
/// are simply not ranked until the next build.
public struct SimilarArticles: Sendable {
    public let index: SimilarityIndex
    public let ids: [ArticleID]
    private let position: [ArticleID: Int]

    /// `index` built from articles whose identities are `ids`, in the same order.
    public init?(index: SimilarityIndex, ids: [ArticleID]) {
        guard index.count == ids.count else { return nil }
        self.index = index
        self.ids = ids
        position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Builds the index of `articles` (call it away from the main thread).
    public static func build(_ articles: [Article]) -> SimilarArticles {
        SimilarArticles(index: SimilarityIndex.build(articles), ids: articles.map(\.id))!
    }

    /// The articles most like `id`, most alike first; nil when the index does not know it.
    public func similar(to id: ArticleID, limit: Int, excluding: Set<ArticleID>) -> [ArticleID]? {
        guard let i = position[id] else { return nil }
        let skip = Set(excluding.compactMap { position[$0] })
        return index.similar(to: i, limit: limit, excluding: skip).map { ids[$0] }
    }
}

/// The state of the related-articles sidebar: the open article's two lists, the similarity
/// index (once a background build has delivered it) and the history.
///
/// Both lists are computed once when an article opens (and again when the library or the
/// similarity index changes) and kept here, so moving through the sidebar costs no ranking
/// work.
public struct RelatedState {
    /// How many similar articles part 2 lists.
    public static let similarLimit = 8
    /// How many places `back` remembers.
    public static let historyLimit = 200
    /// Entries a page key moves in the sidebar, in the pane or in the overlay alike.
    public static let pageSize = 5

    var lookup: TitleLookup
    /// The similarity index of the library; nil until it is built.
    public private(set) var similarity: SimilarArticles?
    /// Part 1: the open article's own related list, matched to the library by title.
    public internal(set) var fromArticle: [(item: RelatedItem, id: ArticleID?)] = []
    /// Part 2: the articles most like the open one, most alike first; nil while the
    /// similarity index is being built.
    public internal(set) var similar: [ArticleID]?
    /// The library is too large for the reader to rank: a missing similar list waits for
    /// `yuedu index` (the sidebar says so instead of `…`).
    public internal(set) var leftToIndex = false
    /// How many times a similar list has been ranked (once per opened article).
    public internal(set) var rankings = 0
    /// Places to go back to, the latest last; and to go forward to again.
    public internal(set) var backStack: [HistoryEntry] = []
    public internal(set) var forwardStack: [HistoryEntry] = []

    init(library: Library) {
        lookup = TitleLookup(articles: library.articles)
    }

    mutating func setSimilarity(_ index: SimilarArticles) { similarity = index }
}

extension AppState {
    /// The sidebar's entries in order: part 1, then part 2 (empty while it is computing).
    public var sidebarEntries: [SidebarEntry] {
        related.fromArticle.map { SidebarEntry.fromArticle($0.item, id: $0.id) }
            + (related.similar ?? []).map { SidebarEntry.similar($0) }
    }

    /// The similarity index built away from the main thread has arrived: rank the open
    /// article's similar list.
    public mutating func setSimilarArticles(_ index: SimilarArticles) {
        related.setSimilarity(index)
        refreshRelated()
    }

    /// The kept similar lists (`keptSimilar`) have more in them: list the open article's again.
    public mutating func keptSimilarChanged() {
        refreshRelated()
    }

    /// The reader will not rank this library: similar lists not kept in the index are
    /// `yuedu index`'s to make.
    public mutating func similarLeftToIndex() {
        related.leftToIndex = true
        refreshRelated()
    }

    /// Recomputes both lists for the open article; called when an article opens and when the
    /// library or its similarity index changes (a preview stays: it is of the open article).
    mutating func refreshRelated() {
        guard let article = currentArticle, let id = currentID else {
            related.fromArticle = []
            related.similar = related.similarity == nil ? nil : []
            return
        }
        let ids = related.lookup.ids(of: article.related).map { $0.flatMap { library.index(of: $0) == nil ? nil : $0 } }
        related.fromArticle = zip(article.related, ids).map { ($0, $1) }
        if let similarity = related.similarity,
           let similar = similarity.similar(to: id, limit: RelatedState.similarLimit, excluding: Set(ids.compactMap { $0 })) {
            related.similar = similar.filter { library.index(of: $0) != nil }
            related.rankings += 1
        } else if let keptSimilar, let kept = keptSimilar(id) {
            let excluded = Set(ids.compactMap { $0 })
            related.similar = Array(kept.filter { $0 != id && !excluded.contains($0) && library.index(of: $0) != nil }
                .prefix(RelatedState.similarLimit))
        } else {
            related.similar = nil
        }
        sidebarSelection = min(sidebarSelection, max(0, sidebarEntries.count - 1))
    }

    // MARK: - Commands

    /// `r`: focus the sidebar (back to reading when it has the focus), or, when the sidebar
    /// is folded away, show the related list over the reading pane.
    mutating func toggleRelated() {
        if panes.sidebar != nil {
            focus = focus == .sidebar ? .reading : .sidebar
        } else if currentArticle != nil {
            push(.related)
        }
    }

    /// Esc in the panes: leaves the sidebar for the reading pane, else clears the search
    /// highlights.
    mutating func cancelInPanes() {
        if focus == .sidebar {
            focus = .reading
        } else if focus == .list, find != nil {
            endFind()
        } else {
            clearSearch()
        }
    }

    /// Enter on a sidebar entry: opens its article, or previews an item the library lacks.
    mutating func openSidebarEntry() {
        let entries = sidebarEntries
        guard entries.indices.contains(sidebarSelection) else { return }
        let entry = entries[sidebarSelection]
        if let id = entry.id, let index = library.index(of: id) {
            openArticle(index)
        } else if case .fromArticle(let item, _) = entry {
            push(.preview(item))
        }
    }

    mutating func moveSidebarSelection(_ motion: Motion) {
        let count = sidebarEntries.count
        guard count > 0 else { return }
        sidebarSelection = motion.applied(to: sidebarSelection, count: count)
    }

    /// The terminal grew wide enough for the sidebar: the overlay gives way to it.
    mutating func relatedDidResize() {
        if showingRelatedOverlay, panes.sidebar != nil {
            removeLayers { $0 == .related }
            focus = .sidebar
        }
    }

    // MARK: - History

    /// Where the reader is now: the open article and the text at the top of the pane.
    var here: HistoryEntry? {
        guard currentArticle != nil, let currentID else { return nil }
        if let layout, layout.lines.indices.contains(readingTop) {
            let line = layout.lines[readingTop]
            return HistoryEntry(article: currentID, block: line.block, offset: line.isBlank ? -1 : line.start)
        }
        return HistoryEntry(article: currentID, block: 0, offset: 0)
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
        guard let index = library.index(of: entry.article) else {
            message = "that article is gone"
            return
        }
        openArticle(index, recording: false)
        if let layout {
            var row = layout.line(containing: entry.block, offset: max(0, entry.offset))
            if entry.offset < 0, row > 0, layout.lines[row - 1].isBlank { row -= 1 }
            readingTop = clamp(row, 0, maxReadingTop)
        }
    }
}
