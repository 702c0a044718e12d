import ReaderCore
import Grid

/// A count or key prefix typed so far (`5`, `g`, `12g`), at the right end of the status bar.
enum PendingKeys {
    static func render(_ pending: String, into screen: inout Screen, rect: Rect, theme: Theme) {
        let text = " " + pending + " "
        let width = DisplayWidth.of(text)
        guard width < rect.width / 2 else { return }
        screen.write(text, x: rect.x + rect.width - width, y: rect.y, maxWidth: width, style: theme.style("ui.statusbar.mode"))
    }
}
