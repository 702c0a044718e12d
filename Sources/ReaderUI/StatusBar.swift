import ReaderCore
import Grid

/// The bottom line: focus, article position, percentage and the most useful keys, or a message.
enum StatusBar {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        guard rect.height > 0 else { return }
        if state.prompt != nil || state.findPrompt != nil { return SearchView.renderPrompt(state, into: &screen, rect: rect, theme: theme) }
        let style = theme.style("ui.statusbar")
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        let mode: String
        let listing = state.focus == .list || state.showingListOverlay
        switch listing ? .list : state.focus {
        case .list: mode = " 列表 LIST "
        case .reading: mode = state.fullscreen ? " 全屏 FULL " : " 阅读 READ "
        case .sidebar: mode = " 相关 RELATED "
        }
        var x = rect.x + screen.write(mode, x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.style("ui.statusbar.mode"))
        x += screen.write(position(state), x: x, y: rect.y, maxWidth: rect.x + rect.width - x, style: style)
        x += SearchView.renderCounter(state, into: &screen, x: x, rect: rect, theme: theme)
        // A message first (it is what just happened), then loading and skipped files, then keys.
        let reserved = state.pendingKeys.map { DisplayWidth.of($0) + 2 } ?? 0
        let end = rect.x + rect.width - reserved
        if let message = state.message {
            x += screen.write(" " + message, x: x, y: rect.y, maxWidth: end - x, style: theme.style("ui.statusbar.message"), ellipsis: true)
        }
        let separator = state.message == nil ? "" : " ·"
        var note = libraryNote(state, width: end - x - DisplayWidth.of(separator))
        if !note.isEmpty { note = separator + note }
        x += screen.write(note, x: x, y: rect.y, maxWidth: end - x, style: theme.style("ui.statusbar.message"))
        if state.message == nil, listing, let index = state.libraryIndex(ofRow: state.selection) {
            // Browsing the list: the selected article's whole title, which its row may cut.
            let title = " " + Sanitizer.displayable(state.articles[index].title)
            screen.write((note.isEmpty ? "" : " ·") + title, x: x, y: rect.y, maxWidth: end - x, style: style, ellipsis: true)
        } else if state.message == nil {
            let keys = hint(state, width: end - x - (note.isEmpty ? 0 : 2))
            if !keys.isEmpty {
                screen.write((note.isEmpty ? "" : " ·") + keys, x: x, y: rect.y, maxWidth: end - x, style: style)
            }
        }
        if let pending = state.pendingKeys { PendingKeys.render(pending, into: &screen, rect: rect, theme: theme) }
    }

    /// `3/11 · 35%`: which article of the list is open and how far it is read; in the
    /// bookmarks-only list, its place among the bookmarks; during a search, among the matches.
    static func position(_ state: AppState) -> String {
        guard !state.articles.isEmpty else { return "" }
        if state.bookmarksOnly {
            let row = state.row(of: state.current).map { "\($0 + 1)" } ?? "–"
            return " ✦ \(row)/\(state.listCount) · \(state.readingPercent)% "
        }
        // Its row in the list as shown (sorted, or the matches of a search).
        let row = state.row(of: state.current).map { "\($0 + 1)" } ?? "–"
        return " \(row)/\(state.listCount) · \(state.readingPercent)% "
    }

    /// The most useful keys for where the reader is, as many whole ones as fit in `width`:
    /// chosen by how much they help (help and quit first), shown in a fixed order, named by
    /// the keys actually bound (a command with no key is left out).
    static func hint(_ state: AppState, width: Int) -> String {
        func key(_ command: Command) -> String? { state.keymap.keys(for: command).first?.name }
        func pair(_ a: Command, _ b: Command) -> String? {
            guard let x = key(a), let y = key(b) else { return nil }
            return "\(x)/\(y)"
        }
        // (label, priority: lower is offered first), in the order they are shown.
        let entries: [(String?, String, Int)] = [
            (pair(.lineDown, .lineUp), "scroll", 3),
            (key(.pageDown), "page", 4),
            (state.panes.visiblePanes.count > 1 ? key(.focusNext) : nil, "pane", 7),
            (pair(.nextArticle, .previousArticle), "article", 5),
            (key(.search), "search", 6),
            (key(.find), "find", 6),
            (key(.toggleFullscreen), state.fullscreen ? "panes" : "full", 8),
            (key(.help), "help", 1),
            (key(.quit), "quit", 2),
        ]
        let shown = entries.compactMap { keys, label, priority in keys.map { ("\($0) \(label)", priority) } }
        var chosen: Set<String> = []
        var used = 0
        for (text, _) in shown.sorted(by: { $0.1 < $1.1 }) {
            let cost = DisplayWidth.of(text) + 3
            if used + cost > width { continue }
            chosen.insert(text)
            used += cost
        }
        let keys = shown.map(\.0).filter(chosen.contains)
        return keys.isEmpty ? "" : " " + keys.joined(separator: " · ")
    }
}
