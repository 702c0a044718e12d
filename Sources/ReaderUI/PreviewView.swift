import ReaderCore
import Grid

/// A related item the library does not have, shown in the reading pane in place of the
/// article: a banner that says so, then its title and summary as the listing gave them.
enum PreviewView {
    static let banner = "预览 Preview — not in your library"

    static func render(_ state: AppState, item: RelatedItem, into screen: inout Screen, theme: Theme) {
        let column = state.readingColumn
        var lines: [(text: String, scope: String)] = [(banner, "ui.reading.preview"), ("", "ui")]
        for line in wrap(Sanitizer.displayable(item.title), width: column.width) { lines.append((line.text, "ui.reading.title")) }
        lines.append(("", "ui"))
        for line in wrap(Sanitizer.displayable(item.summary), width: column.width) { lines.append((line.text, "ui.reading.body")) }
        lines.append(("", "ui"))
        if let article = state.currentArticle {
            for line in wrap("Listed as related by: " + Sanitizer.displayable(article.title), width: column.width) {
                lines.append((line.text, "ui.reading.meta"))
            }
        }
        if let keys = state.keymap.labels(for: [.back, .cancel]) { lines.append(("\(keys): back to the article", "ui.reading.meta")) }
        for (line, y) in zip(lines, column.y..<(column.y + column.height)) {
            if line.scope == "ui.reading.preview" {
                screen.fill(x: column.x, y: y, width: column.width, height: 1, style: theme.style(line.scope))
            }
            screen.write(line.text, x: column.x, y: y, maxWidth: column.width, style: theme.style(line.scope), ellipsis: true)
        }
    }
}
