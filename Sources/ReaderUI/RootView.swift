import ReaderCore
import Grid

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
        if let item = state.preview {
            PreviewView.render(state, item: item, into: &screen, theme: theme)
        } else {
            ReadingView.render(state, into: &screen, theme: theme)
            SearchView.highlight(state, into: &screen, theme: theme)
        }
        if let sidebar = panes.sidebar {
            drawBorder(&screen, x: sidebar.x - 1, height: sidebar.height, theme: theme)
            SidebarView.render(state, into: &screen, rect: sidebar, theme: theme)
        }
        StatusBar.render(state, into: &screen, rect: panes.statusBar, theme: theme)
        // The layers, bottom first (the prompt draws itself on the status bar).
        for layer in state.layers {
            switch layer {
            case .help: HelpView.render(state, into: &screen, theme: theme)
            case .skipped: SkippedView.render(state, into: &screen, theme: theme)
            case .related: RelatedOverlayView.render(state, into: &screen, theme: theme)
            case .list:
                if let rect = state.listRect {
                    screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme.style("ui"))
                    ListView.render(state, into: &screen, rect: rect, theme: theme)
                }
            case .links(let list): LinksView.render(state, list: list, into: &screen, theme: theme)
            case .preview, .prompt, .find: break
            }
        }
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
