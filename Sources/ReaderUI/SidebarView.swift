import ReaderCore
import Terminal

/// The related-articles sidebar: the article's own list, each title with its summary.
enum SidebarView {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        RootView.header("相关 Related", focused: state.focus == .sidebar, into: &screen, rect: rect, theme: theme)
        let entries = state.relatedEntries
        var y = rect.y + 1
        let bottom = rect.y + rect.height
        let inner = rect.width - 2
        if entries.isEmpty {
            screen.write("(none)", x: rect.x + 1, y: y, maxWidth: inner, style: theme.style("ui.sidebar.summary"))
            return
        }
        for (i, entry) in entries.enumerated() {
            guard y < bottom else { break }
            let selected = state.focus == .sidebar && i == state.sidebarSelection
            let titleStyle = selected ? theme.style("ui.sidebar.selected")
                : theme.style(entry.index != nil ? "ui.sidebar.title.in-library" : "ui.sidebar.title")
            for (n, line) in clipped(entry.item.title, width: inner - 2, lines: 2).enumerated() where y < bottom {
                if selected { screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: titleStyle) }
                let mark = n == 0 ? (entry.index != nil ? "▸ " : "· ") : "  "
                screen.write(mark + line, x: rect.x + 1, y: y, maxWidth: inner, style: titleStyle)
                y += 1
            }
            for line in clipped(entry.item.summary, width: inner - 2, lines: 3) where y < bottom {
                screen.write("  " + line, x: rect.x + 1, y: y, maxWidth: inner, style: theme.style("ui.sidebar.summary"))
                y += 1
            }
            y += 1
        }
    }
}

/// `text` wrapped to `width` in at most `lines` lines, the last ending in `…` when cut.
func clipped(_ text: String, width: Int, lines: Int) -> [String] {
    guard width > 1, !text.isEmpty else { return [] }
    let wrapped = wrap(Sanitizer.displayable(text), width: width)
    guard wrapped.count > lines else { return wrapped.map(\.text) }
    var kept = wrapped.prefix(lines).map(\.text)
    var last = kept[lines - 1]
    while DisplayWidth.of(last) > width - 1, !last.isEmpty { last.removeLast() }
    kept[lines - 1] = last + "…"
    return kept
}
