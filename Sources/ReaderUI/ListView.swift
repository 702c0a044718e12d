import ReaderCore
import Grid

/// The article list: date and title, the selected row highlighted; at the right end how far
/// the article was read and its bookmark mark.
enum ListView {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        RootView.header(title(state), focused: state.focus == .list || state.showingListOverlay,
                        into: &screen, rect: rect, theme: theme)
        let rows = rect.height - 1
        for row in 0..<max(0, rows) {
            guard let index = state.libraryIndex(ofRow: state.listTop + row) else { break }
            let article = state.articles[index]
            let y = rect.y + 1 + row
            let selected = state.listTop + row == state.selection
            let base: Style
            if selected {
                base = theme.style(state.focus == .list || state.showingListOverlay ? "ui.list.selected" : "ui.list.selected.unfocused")
                screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: base)
            } else {
                base = theme.style(index == state.current ? "ui.list.current" : "ui.list")
            }
            var x = rect.x
            let marker = index == state.current ? "▸" : " "
            x += screen.write(marker, x: x, y: y, maxWidth: rect.width, style: base)
            if rect.width >= 30 {
                // `23-01-16 `, or as many blanks for an undated article, so titles line up.
                let d = article.date.map { String($0.description.dropFirst(2)) } ?? String(repeating: " ", count: 8)
                x += screen.write(d + (article.decodingNote == nil ? " " : "!"), x: x, y: y, maxWidth: rect.x + rect.width - x,
                                  style: selected ? base : theme.style("ui.list.date"))
            }
            // Without the date column the mark goes before the title (with it, after the date).
            if article.decodingNote != nil, rect.width < 30 {
                x += screen.write("!", x: x, y: y, maxWidth: rect.x + rect.width - x, style: base)
            }
            let marks = renderMarks(state, index: index, into: &screen, rect: rect, y: y, base: base, selected: selected, theme: theme)
            screen.write(Sanitizer.displayable(article.title), x: x, y: y, maxWidth: rect.x + rect.width - x - marks,
                         style: base, ellipsis: true)
        }
        if state.bookmarksOnly, state.listCount == 0, rows > 0 {
            let hint = state.keymap.hint([.toggleBookmark], "bookmarks one").map { ": " + $0 } ?? ""
            screen.write(" (none\(hint))", x: rect.x, y: rect.y + 1, maxWidth: rect.width, style: theme.style("ui.list.date"))
        }
    }
}
