import ReaderCore
import Terminal

/// The bottom line: focus, article position, percentage and the most useful keys, or a message.
enum StatusBar {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        guard rect.height > 0 else { return }
        if state.prompt != nil { return SearchView.renderPrompt(state, into: &screen, rect: rect, theme: theme) }
        let style = theme.style("ui.statusbar")
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        let mode: String
        switch state.focus {
        case .list: mode = " 列表 LIST "
        case .reading: mode = state.fullscreen ? " 全屏 FULL " : " 阅读 READ "
        case .sidebar: mode = " 相关 RELATED "
        }
        var x = rect.x + screen.write(mode, x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.style("ui.statusbar.mode"))
        let position = state.articles.isEmpty ? "" : " \(state.current + 1)/\(state.articles.count) · \(state.readingPercent)% "
        x += screen.write(position, x: x, y: rect.y, maxWidth: rect.x + rect.width - x, style: style)
        x += screen.write(libraryNote(state), x: x, y: rect.y, maxWidth: rect.x + rect.width - x, style: theme.style("ui.statusbar.message"))
        x += SearchView.renderCounter(state, into: &screen, x: x, rect: rect, theme: theme)
        let rest = rect.x + rect.width - x
        if let message = state.message {
            screen.write(" " + message, x: x, y: rect.y, maxWidth: rest, style: theme.style("ui.statusbar.message"), ellipsis: true)
        } else {
            let hint = " j/k scroll · Space page · Tab pane · J/K article · f full · ? help · q quit"
            screen.write(hint, x: x, y: rect.y, maxWidth: rest, style: style, ellipsis: true)
        }
        if let pending = state.pendingKeys { PendingKeys.render(pending, into: &screen, rect: rect, theme: theme) }
    }
}
