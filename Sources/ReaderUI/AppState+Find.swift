import Grid
import ReaderCore

/// A line of an article around the first place a library search found in it.
public struct FindSnippet: Hashable, Sendable {
    /// One line of text (no newlines), as `SearchSnippet.make` cut it.
    public var text: String
    /// Where the hit is in `text`, in characters; nil when the hit is not in the text.
    public var hit: Range<Int>?

    public init(text: String, hit: Range<Int>?) {
        self.text = text
        self.hit = hit
    }
}

/// What a library search found, as the background search reports it.
public struct FindResults: Sendable {
    /// The search this answers (`Effect.findInLibrary`).
    public var generation: Int
    /// The matching articles, best first.
    public var hits: [ArticleID]
    /// Context lines for some of them (the first ones; others are asked for as they show).
    public var snippets: [ArticleID: FindSnippet]
    /// Why the query could not be run (`titel:x` is not a field), if so.
    public var problem: String?
    /// Whether there were more matches than `hits` holds.
    public var truncated: Bool
    /// The first matches only: the whole answer follows, in the same order, `hits` its start.
    public var partial: Bool

    public init(generation: Int, hits: [ArticleID], snippets: [ArticleID: FindSnippet] = [:],
                problem: String? = nil, truncated: Bool = false, partial: Bool = false) {
        self.generation = generation
        self.hits = hits
        self.snippets = snippets
        self.problem = problem
        self.truncated = truncated
        self.partial = partial
    }
}

/// The library search the list shows: the query, its generation, and what it found so far.
public struct LibraryFind: Hashable, Sendable {
    /// The query as typed.
    public var query: String
    /// The newest search asked for; results of an older one are dropped.
    public var generation: Int
    /// The matches of the last search that reported, best first (kept while a newer one runs,
    /// so the list does not blink empty between keys).
    public var hits: [ArticleID] = []
    public var snippets: [ArticleID: FindSnippet] = [:]
    /// A search for `generation` is still running (or has shown its first matches only).
    public var searching = true
    /// The generation whose matches `hits` holds, if any.
    public var answered: Int?
    public var problem: String?
    public var truncated = false
    /// The same query asked again because the library changed: its results keep the
    /// selected article selected, where it is on screen, instead of going to the top.
    public var again = false

    /// The words the in-article search looks for when a match is opened: the first word or
    /// phrase of the query (a title word if it has no other).
    public var articleQuery: String? {
        guard let parsed = try? SearchQuery(parsing: query) else { return nil }
        return parsed.textTerms.first
    }
}

extension AppState {
    /// How many screen rows one list item takes: two during a library search (the title and
    /// a line of context), else one.
    public var listItemHeight: Int { find != nil ? 2 : 1 }

    /// How many items the list shows at once.
    public var listVisibleItems: Int { max(1, ((listRect?.height ?? 1) - 1) / listItemHeight) }

    /// `s`: opens the library search prompt over the list (the list comes first: its pane, or
    /// the overlay when the terminal is narrow), with the query of the search on, if any.
    mutating func openFind() {
        guard !library.isEmpty else {
            message = "no articles to search"
            return
        }
        if fullscreen { setFullscreen(false) }
        if panes.list != nil { focus = .list } else if !showingListOverlay { push(.list) }
        var prompt = SearchPrompt(originTop: readingTop, origin: SearchPosition(block: 0, offset: 0), originGeometry: geometry)
        for character in find?.query ?? "" { prompt.insert(character) }
        removeLayers { if case .find = $0 { return true } else { return false } }
        push(.find(prompt))
    }

    /// Typed text goes into the library search prompt, and the search starts over.
    mutating func insertInFind(_ character: Character) -> [Effect] {
        guard var edited = findPrompt else { return [] }
        message = nil
        edited.insert(character)
        setFindPrompt(edited)
        return findTyped()
    }

    /// A command while the library search prompt is on top: editing and history start the
    /// search again; Enter opens the selected match; Esc goes back to the whole list.
    mutating func applyInFind(_ command: Command, depth: Int) -> [Effect] {
        guard var edited = findPrompt else { return [] }
        switch command {
        case .promptDelete: edited.deleteBackward()
        case .promptClear: edited.clear()
        case .promptOlder:
            guard edited.recallOlder(from: searchHistory) else { return [] }
        case .promptNewer:
            guard edited.recallNewer(from: searchHistory) else { return [] }
        case .promptAccept:
            return acceptFind(edited)
        case .promptCancel:
            endFind()
            return []
        default:
            return []
        }
        setFindPrompt(edited)
        return findTyped()
    }

    /// Enter in the prompt: the prompt closes, the list keeps the matches, and the selected
    /// one opens at its first hit. With nothing typed: the last query again.
    private mutating func acceptFind(_ prompt: SearchPrompt) -> [Effect] {
        var effects: [Effect] = []
        var prompt = prompt
        if prompt.text.isEmpty, let last = searchHistory.last {
            for character in last { prompt.insert(character) }
            setFindPrompt(prompt)
            effects = findTyped()
        }
        setFindPrompt(nil)
        guard !prompt.text.isEmpty, let find else {
            endFind()
            return effects
        }
        let history = searchHistory
        searchHistory = SearchHistoryStore.adding(prompt.text, to: searchHistory)
        if searchHistory != history { effects.append(.saveSearchHistory(searchHistory)) }
        if find.searching && find.hits.isEmpty {
            message = "searching…"
        } else if let index = libraryIndex(ofRow: selection) {
            removeLayers { $0 == .list }
            openListed(index)
            focus = .reading
        } else {
            message = find.problem ?? "no match for '\(find.query)'"
        }
        return effects
    }

    private mutating func setFindPrompt(_ edited: SearchPrompt?) {
        guard let depth = layers.lastIndex(where: { if case .find = $0 { return true } else { return false } }) else {
            if let edited { push(.find(edited)) }
            return
        }
        setLayer(at: depth, edited.map { .find($0) })
    }

    /// The query changed: a new generation is searched for in the background (the list keeps
    /// the last results until it reports); an empty query shows the whole list.
    private mutating func findTyped() -> [Effect] {
        let text = findPrompt?.text ?? ""
        guard !text.isEmpty else {
            if find != nil {
                find = nil
                findOrder = .relevance
                deriveListRows()
                selection = row(of: current) ?? 0
                scrollListToSelection()
            }
            return []
        }
        findGeneration += 1
        if find == nil {
            find = LibraryFind(query: text, generation: findGeneration)
            deriveListRows()
            selection = 0
            listTop = 0
        } else {
            find?.query = text
            find?.generation = findGeneration
            find?.searching = true
            find?.again = false
        }
        return [.findInLibrary(query: text, generation: findGeneration)]
    }

    /// The library changed under a search: the same query runs again, as a new generation
    /// (results of the old library are dropped), so the list shows what matches now.
    mutating func findAgain() -> [Effect] {
        guard var shown = find else { return [] }
        findGeneration += 1
        shown.generation = findGeneration
        shown.searching = true
        shown.again = true
        find = shown
        return [.findInLibrary(query: shown.query, generation: findGeneration)]
    }

    /// The background search reports: results of the newest search replace the list's;
    /// those of an older one (the reader typed on) are dropped.
    /// The first matches of a search come first and the rest follow in the same order: the
    /// rest keeps the selection where the reader moved it.
    public mutating func adoptFindResults(_ results: FindResults) {
        guard var shown = find, shown.generation == results.generation else { return }
        let rest = shown.answered == results.generation
        // The rest of a search, or a search run again over a reloaded library: the selected
        // article stays selected, where it was on screen.
        let selectedID = rest || shown.again ? libraryIndex(ofRow: selection).map { library.ids[$0] } : nil
        let selectedRow = selection - listTop
        shown.hits = results.hits
        if rest {
            shown.snippets.merge(results.snippets) { kept, _ in kept }
        } else {
            shown.snippets = results.snippets
        }
        shown.searching = results.partial
        shown.answered = results.generation
        shown.problem = results.problem
        shown.truncated = results.truncated
        find = shown
        deriveListRows()
        if let selectedID, let index = library.index(of: selectedID), let row = row(of: index) {
            selection = row
            keepSelection(onRow: selectedRow)
        } else {
            selection = 0
            listTop = 0
        }
    }

    /// More context lines, for matches that came into view.
    public mutating func adoptFindSnippets(_ snippets: [ArticleID: FindSnippet], generation: Int) {
        guard find?.generation == generation else { return }
        find?.snippets.merge(snippets) { _, new in new }
    }

    /// The matches on screen that have no context line yet (the executable makes them).
    public var snippetsWanted: [ArticleID] {
        guard let find, !find.searching || !find.hits.isEmpty, listRect != nil else { return [] }
        var wanted: [ArticleID] = []
        for row in listTop..<(listTop + listVisibleItems) {
            guard let index = libraryIndex(ofRow: row) else { break }
            let id = library.ids[index]
            if find.snippets[id] == nil { wanted.append(id) }
        }
        return wanted
    }

    /// Esc: the search ends and the list shows every article again, the open one selected.
    mutating func endFind() {
        removeLayers { if case .find = $0 { return true } else { return false } }
        guard find != nil else { return }
        find = nil
        findOrder = .relevance
        deriveListRows()
        selection = row(of: current) ?? 0
        scrollListToSelection()
    }

    /// `J`/`K`: the next or previous article of the list as shown; during a library search,
    /// at its first hit like `Enter`.
    mutating func openNeighbour(_ index: Int) {
        if library.indices.contains(index) { openListed(index) } else { openArticle(index) }
    }

    /// Opens the article at library index `index` from the list: during a library search at
    /// its first hit, with the in-article search set to the query so that `n`/`N` go on.
    mutating func openListed(_ index: Int) {
        openArticle(index)
        guard let query = find?.articleQuery else { return }
        searchFromTop(query)
    }
}
