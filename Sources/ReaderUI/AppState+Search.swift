import ReaderCore
import Grid

// MARK: - Search in the open article

extension AppState {
    /// Where the prompt's cursor is on screen while a prompt is open; nil hides the cursor.
    public var cursor: (x: Int, y: Int)? {
        guard prompt != nil || findPrompt != nil, !showingHelp, width >= 20, height >= 3 else { return nil }
        let bar = panes.statusBar
        guard bar.height > 0 else { return nil }
        return (SearchView.promptLine(self, width: bar.width).cursorX + bar.x, bar.y)
    }

    /// A command while the prompt is on top: editing, history, Enter and Esc. The prompt
    /// takes every command (keys that are not its commands are text).
    mutating func applyInPrompt(_ command: Command) -> [Effect] {
        guard var edited = prompt else { return [] }
        switch command {
        case .promptDelete:
            edited.deleteBackward()
        case .promptClear:
            edited.clear()
        case .promptOlder:
            guard edited.recallOlder(from: searchHistory) else { return [] }
        case .promptNewer:
            guard edited.recallNewer(from: searchHistory) else { return [] }
        case .promptAccept:
            // `/` then Enter: the last search again.
            if edited.text.isEmpty, let last = searchHistory.last {
                for character in last { edited.insert(character) }
                setPrompt(edited)
                searchAsTyped()
            }
            // The view stays where the search took it: that is a place to remember.
            let place = (article: currentID, top: layout.map { originTop(of: edited, in: $0) } ?? readingTop)
            let history = searchHistory
            confirmPrompt()
            return positionEffects(since: place) + (searchHistory != history ? [.saveSearchHistory(searchHistory)] : [])
        case .promptCancel:
            cancelPrompt()
            return []
        default:
            return []
        }
        setPrompt(edited)
        searchAsTyped()
        return []
    }

    /// Typed text goes into the prompt (an input method may commit several characters).
    mutating func insertInPrompt(_ character: Character) -> [Effect] {
        guard var edited = prompt else { return [] }
        message = nil
        edited.insert(character)
        setPrompt(edited)
        searchAsTyped()
        return []
    }

    private mutating func setPrompt(_ edited: SearchPrompt?) {
        guard let depth = layers.lastIndex(where: { if case .prompt = $0 { return true } else { return false } }) else {
            if let edited { push(.prompt(edited)) }
            return
        }
        setLayer(at: depth, edited.map { .prompt($0) })
    }

    /// The history of earlier runs, read at start (oldest first).
    public mutating func adoptSearchHistory(_ history: [String]) {
        searchHistory = history
    }

    /// `/`: opens the prompt and gets the article's search index ready (built once per article).
    mutating func openPrompt() {
        guard currentArticle != nil, let layout else {
            message = "no article to search"
            return
        }
        _ = currentSearchIndex()
        if matchOptions.variants, case .failure(let error) = ChineseVariants.shared, !toldVariantsMissing {
            // Said once, in the prompt's counter place until the first key.
            message = "繁简 matching off: \(error)"
            toldVariantsMissing = true
        }
        setPrompt(SearchPrompt(originTop: readingTop, origin: topPosition(in: layout), originGeometry: geometry))
        search = nil
    }

    /// `n` / `N`: the next or previous match, coming round at the end with a notice. From the
    /// current match while it is on screen, otherwise from where the reader has scrolled to.
    mutating func stepSearch(forward: Bool) {
        guard let search else {
            message = "no search" + (keymap.hint([.search], "to search").map { ": press " + $0 } ?? "")
            return
        }
        let results = search.results
        guard !results.isEmpty, let layout else {
            message = search.counter
            return
        }
        let step: SearchResults.Step?
        if let current = search.current, isVisible(results[current], in: layout) {
            step = forward ? results.step(after: current) : results.step(before: current)
        } else if let first = results.firstIndex(atOrAfter: topPosition(in: layout)) {
            if forward {
                step = first
            } else if first.wrapped {
                step = .init(index: results.count - 1, wrapped: false)
            } else {
                step = results.step(before: first.index)
            }
        } else {
            step = nil
        }
        guard let step else { return }
        self.search?.current = step.index
        reveal(results[step.index], in: layout)
        if step.wrapped { message = forward ? "search wrapped to the top" : "search wrapped to the bottom" }
    }

    /// Drops the search and its highlights (Esc, or another article opened).
    mutating func clearSearch() {
        search = nil
        setPrompt(nil)
    }

    /// After the layout changed (resize, fullscreen): the current match stays on screen.
    mutating func keepSearchMatchInView() {
        guard let search, let current = search.current, search.results.count > current, let layout else { return }
        let match = search.results[current]
        if !isVisible(match, in: layout) { reveal(match, in: layout) }
    }

    // MARK: - Prompt

    /// Runs the query as typed: every match highlighted, the view on the first one at or after
    /// where the reader was; with no match (or no query), back where the reader was.
    private mutating func searchAsTyped() {
        guard let prompt, currentArticle != nil, let layout else { return }
        readingTop = originTop(of: prompt, in: layout)
        guard !prompt.text.isEmpty else {
            search = nil
            return
        }
        let results = currentSearchIndex()?.search(prompt.text) ?? SearchResults(matches: [])
        let first = results.firstIndex(atOrAfter: prompt.origin)
        search = ArticleSearch(query: prompt.text, results: results, current: first?.index)
        if let first { reveal(results[first.index], in: layout) }
    }

    /// Enter: keeps the highlights and the place; remembers the query for ↑.
    private mutating func confirmPrompt() {
        guard let prompt else { return }
        setPrompt(nil)
        guard !prompt.text.isEmpty else {
            restoreOrigin(of: prompt)
            search = nil
            return
        }
        searchHistory = SearchHistoryStore.adding(prompt.text, to: searchHistory)
        if let search, search.current == nil {
            message = search.counter
            self.search = nil
            restoreOrigin(of: prompt)
        }
    }

    /// Esc: back to the exact place the prompt opened at, highlights gone.
    private mutating func cancelPrompt() {
        guard let prompt else { return }
        restoreOrigin(of: prompt)
        clearSearch()
    }

    private mutating func restoreOrigin(of prompt: SearchPrompt) {
        guard let layout else { return }
        readingTop = originTop(of: prompt, in: layout)
    }

    /// The prompt's starting row in today's layout: the very row if the layout is the same,
    /// else the row now showing the same text.
    private func originTop(of prompt: SearchPrompt, in layout: ArticleLayout) -> Int {
        let row = prompt.originGeometry == geometry
            ? prompt.originTop
            : layout.lineIndex(block: prompt.origin.block, offset: prompt.origin.offset)
        return clamp(row, 0, maxReadingTop)
    }

    // MARK: - Geometry

    var geometry: LayoutGeometry { LayoutGeometry(width: readingColumn.width, options: wrapOptions) }

    /// The text at the top of the reading pane.
    private func topPosition(in layout: ArticleLayout) -> SearchPosition {
        guard layout.lines.indices.contains(readingTop) else { return SearchPosition(block: 0, offset: 0) }
        let line = layout.lines[readingTop]
        return SearchPosition(block: line.block, offset: line.start)
    }

    /// The rows a match covers (more than one when a soft wrap cuts it).
    private func rows(of match: SearchMatch, in layout: ArticleLayout) -> ClosedRange<Int> {
        let first = layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        let last = layout.lineIndex(block: match.block, offset: max(match.range.lowerBound, match.range.upperBound - 1))
        return first...max(first, last)
    }

    private func isVisible(_ match: SearchMatch, in layout: ArticleLayout) -> Bool {
        let rows = rows(of: match, in: layout)
        return rows.lowerBound >= readingTop && rows.upperBound < readingTop + readingColumn.height
    }

    /// Scrolls so that `match` is on screen: nothing moves if it already is; otherwise its first
    /// row goes near the top, under a little of the text before it.
    private mutating func reveal(_ match: SearchMatch, in layout: ArticleLayout) {
        guard !isVisible(match, in: layout) else { return }
        let context = min(2, readingColumn.height / 4)
        readingTop = clamp(rows(of: match, in: layout).lowerBound - context, 0, maxReadingTop)
    }
}

extension ArticleLayout {
    /// The row showing the byte at `offset` of `block` (binary search; rows are in text order).
    public func lineIndex(block: Int, offset: Int) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            let line = lines[mid]
            if line.block < block || (line.block == block && line.start <= offset) { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }
}

extension AppState {
    /// Sets the in-article search to `query` and shows its first match (from the top of the
    /// article), as if it had been typed at `/` at the top: `n`/`N` go on from there.
    mutating func searchFromTop(_ query: String) {
        guard let layout, let index = currentSearchIndex() else { return }
        let results = index.search(query)
        guard !results.isEmpty else { return }
        search = ArticleSearch(query: query, results: results, current: 0)
        readingTop = 0
        let match = results[0]
        let first = layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        if first >= readingColumn.height - 1 {
            readingTop = clamp(first - min(2, readingColumn.height / 4), 0, maxReadingTop)
        }
    }
}
