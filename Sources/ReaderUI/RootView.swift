import ReaderCore
import Terminal

/// Renders the whole state into a screen: panes, borders, status bar and the help overlay.
/// Views read the state; they never change it.
public enum RootView {
    public static func render(_ state: AppState, theme: Theme = .defaultDark) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        if state.width < 20 || state.height < 3 {
            screen.write("too small", x: 0, y: 0, maxWidth: state.width, style: theme.style("ui"))
            return screen
        }
        let panes = state.panes
        if let list = panes.list {
            ListView.render(state, into: &screen, rect: list, theme: theme)
            drawBorder(&screen, x: list.x + list.width, height: list.height, theme: theme)
        }
        ReadingView.render(state, into: &screen, theme: theme)
        if let sidebar = panes.sidebar {
            drawBorder(&screen, x: sidebar.x - 1, height: sidebar.height, theme: theme)
            SidebarView.render(state, into: &screen, rect: sidebar, theme: theme)
        }
        StatusBar.render(state, into: &screen, rect: panes.statusBar, theme: theme)
        if state.showingHelp { HelpView.render(state, into: &screen, theme: theme) }
        return screen
    }

    static func drawBorder(_ screen: inout Screen, x: Int, height: Int, theme: Theme) {
        for y in 0..<height { screen.put("│", cellWidth: 1, x: x, y: y, style: theme.style("ui.border")) }
    }

    /// A pane's header row: its name, highlighted when focused.
    static func header(_ title: String, focused: Bool, into screen: inout Screen, rect: Rect, theme: Theme) {
        let style = theme.style(focused ? "ui.statusbar.mode" : "ui.header")
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        screen.write(" " + title, x: rect.x, y: rect.y, maxWidth: rect.width, style: style, ellipsis: true)
    }
}

/// The article list: date and title, the selected row highlighted.
enum ListView {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        RootView.header("文章 Articles (\(state.articles.count))", focused: state.focus == .list,
                        into: &screen, rect: rect, theme: theme)
        let rows = rect.height - 1
        for row in 0..<max(0, rows) {
            let index = state.listTop + row
            guard state.articles.indices.contains(index) else { break }
            let article = state.articles[index]
            let y = rect.y + 1 + row
            let selected = index == state.selection
            let base: Style
            if selected {
                base = theme.style(state.focus == .list ? "ui.list.selected" : "ui.list.selected.unfocused")
                screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: base)
            } else {
                base = theme.style(index == state.current ? "ui.list.current" : "ui.list")
            }
            var x = rect.x
            let marker = index == state.current ? "▸" : " "
            x += screen.write(marker, x: x, y: y, maxWidth: rect.width, style: base)
            if let date = article.date, rect.width >= 30 {
                let d = date.description.dropFirst(2)
                x += screen.write(String(d) + " ", x: x, y: y, maxWidth: rect.x + rect.width - x,
                                  style: selected ? base : theme.style("ui.list.date"))
            }
            screen.write(Sanitizer.displayable(article.title), x: x, y: y, maxWidth: rect.x + rect.width - x,
                         style: base, ellipsis: true)
        }
    }
}

/// The reading pane: the open article's layout from `readingTop`.
enum ReadingView {
    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let column = state.readingColumn
        guard let layout = state.layout else {
            screen.write("No articles.", x: column.x, y: column.y, maxWidth: column.width, style: theme.style("ui"))
            return
        }
        for row in 0..<column.height {
            let index = state.readingTop + row
            guard layout.lines.indices.contains(index) else { break }
            let line = layout.lines[index]
            guard let role = line.role else { continue }
            let y = column.y + row
            if role == .lead, line.indent > 0 {
                screen.put("┃", cellWidth: 1, x: column.x, y: y, style: theme.style("ui.reading.lead.bar"))
            }
            screen.write(line.text, x: column.x + line.indent, y: y, maxWidth: column.width - line.indent,
                         style: theme.style(scope(role)), ambiguousIsWide: state.wrapOptions.ambiguousIsWide)
        }
    }

    static func scope(_ role: ReadingRole) -> String {
        switch role {
        case .title: return "ui.reading.title"
        case .metadata: return "ui.reading.meta"
        case .lead: return "ui.reading.lead"
        case .heading: return "ui.reading.heading"
        case .paragraph: return "ui.reading.body"
        case .trailer: return "ui.reading.trailer"
        }
    }
}

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

/// The bottom line: focus, article position, percentage and the most useful keys, or a message.
enum StatusBar {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        guard rect.height > 0 else { return }
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
        let rest = rect.x + rect.width - x
        if let message = state.message {
            screen.write(" " + message, x: x, y: rect.y, maxWidth: rest, style: theme.style("ui.statusbar.message"), ellipsis: true)
        } else {
            let hint = " j/k scroll · Space page · Tab pane · J/K article · f full · ? help · q quit"
            screen.write(hint, x: x, y: rect.y, maxWidth: rest, style: style, ellipsis: true)
        }
    }
}

/// The help screen, generated from the command table and the keys actually bound.
enum HelpView {
    static func rows(_ state: AppState) -> [(keys: String, help: String)] {
        Command.table.map { row in
            (state.keymap.keys(for: row.command).map(\.name).joined(separator: " "), row.help)
        }
    }

    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let rows = rows(state)
        let keyWidth = min(16, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8)
        let width = min(screen.width - 2, keyWidth + 44)
        let height = min(screen.height - 1, rows.count + 4)
        let x = (screen.width - width) / 2
        let y = max(0, (screen.height - 1 - height) / 2)
        let style = theme.style("ui.help")
        screen.fill(x: x, y: y, width: width, height: height, style: style)
        screen.write(" 帮助 Help — keys", x: x + 1, y: y + 1, maxWidth: width - 2, style: theme.style("ui.help.title"))
        for (i, row) in rows.enumerated() where y + 2 + i < y + height - 1 {
            let ry = y + 2 + i
            screen.write(row.keys, x: x + 2, y: ry, maxWidth: keyWidth, style: theme.style("ui.help.key"), ellipsis: true)
            screen.write(row.help, x: x + 3 + keyWidth, y: ry, maxWidth: width - keyWidth - 4, style: style, ellipsis: true)
        }
        screen.write("Esc or ? closes", x: x + 2, y: y + height - 1, maxWidth: width - 3, style: theme.style("ui.header"))
    }
}
