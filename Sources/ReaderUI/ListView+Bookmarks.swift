import ReaderCore
import Grid

extension ListView {
    /// The bookmark mark: one cell in every terminal (not East Asian Ambiguous, not emoji).
    static let bookmarkMark = "✦"

    /// The list header: all articles (and how many are unread), the bookmarks only, or the
    /// query and the number of matches of a library search; then the order, unless by date.
    /// The longest form that fits in `width` cells.
    static func title(_ state: AppState, width: Int = .max) -> String {
        var names: [String]
        var extras: [String] = []
        if let find = state.find {
            let count = find.searching && find.hits.isEmpty ? "…"
                : StatusBar.grouped(state.listCount) + (find.truncated ? "+" : "") + (find.searching ? "…" : "")
            let query = "“\(Sanitizer.displayable(find.query))” (\(count))"
            names = ["找 Find " + query, "找 " + query]
        } else if state.bookmarksOnly {
            names = ["书签 Bookmarks (\(state.listCount))", "书签 (\(state.listCount))"]
        } else {
            names = ["文章 Articles (\(state.articles.count))", "文章 (\(state.articles.count))"]
            if state.unreadCount > 0 { extras.append("\(StatusBar.grouped(state.unreadCount)) unread") }
        }
        let order = state.effectiveOrder
        if order != .date || state.find != nil { extras.append(order.label) }
        // The name and count stay whole (`文章 Articles (11)` is what a reader looks for); the
        // unread count and the order come after it when there is room, the short name last.
        var forms: [String] = []
        for count in stride(from: extras.count, through: 0, by: -1) {
            forms.append(([names[0]] + extras.prefix(count)).joined(separator: " · "))
        }
        if extras.count > 1 { forms.insert(([names[0]] + extras.suffix(1)).joined(separator: " · "), at: forms.count - 1) }
        forms.append(names[1])
        return forms.first { DisplayWidth.of(" " + $0) <= width } ?? forms[forms.count - 2]
    }

    /// Draws ` 35% ✦` at the right end of a row (each part only when it applies); returns the
    /// cells used, which the title must leave free.
    static func renderMarks(_ state: AppState, index: Int, into screen: inout Screen, rect: Rect, y: Int,
                            base: Style, selected: Bool, theme: Theme) -> Int {
        let bookmarked = state.isBookmarked(index)
        let percent: String
        if index == state.current, state.readingTop > 0 || state.position(ofArticle: index) != nil {
            // The open article: the status bar's figure, live, not the last one saved.
            percent = " \(state.readingPercent)%"
        } else {
            percent = state.position(ofArticle: index).map { " \(Int(($0.fraction * 100).rounded(.down)))%" } ?? ""
        }
        guard bookmarked || !percent.isEmpty, rect.width >= 24 else { return 0 }
        let used = percent.count + 2
        var x = rect.x + rect.width - used
        x += screen.write(percent, x: x, y: y, maxWidth: percent.count, style: selected ? base : theme.style("ui.list.date"))
        x += screen.write(" ", x: x, y: y, maxWidth: 1, style: base)
        if bookmarked {
            screen.write(bookmarkMark, x: x, y: y, maxWidth: 1, style: selected ? base : theme.style("ui.bookmark"))
        } else {
            screen.write(" ", x: x, y: y, maxWidth: 1, style: base)
        }
        return used
    }
}
