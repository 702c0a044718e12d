import ReaderCore
import Grid

/// The related list drawn in a box over the reading pane, for when the sidebar is folded
/// away (a narrow terminal or fullscreen reading). `r` shows it, Esc closes it.
enum RelatedOverlayView {
    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let pane = state.panes.reading
        let width = min(pane.width - 2, 60)
        guard width >= 8, pane.height >= 4 else { return }
        let box = Rect(x: pane.x + (pane.width - width) / 2, y: pane.y, width: width, height: pane.height)
        let border = theme.style("ui.border")
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: theme.style("ui"))
        let bottom = box.y + box.height - 1
        screen.frame(box, style: border)
        screen.write(" 相关 Related ", x: box.x + 2, y: box.y, maxWidth: box.width - 4, style: theme.style("ui.sidebar.part"))
        let footer = Keymap.join([state.keymap.hint([.open], "open"), state.keymap.hint([.cancel, .related], "close")])
        screen.write(" \(footer) ", x: box.x + 2, y: bottom, maxWidth: box.width - 4, style: border, ellipsis: true)
        SidebarView.renderEntries(state, into: &screen, rect: Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2),
                                  selecting: true, theme: theme)
    }
}
