import ReaderCore
import Grid

/// The related-articles sidebar in two parts: the article's own list (相关信息), each title
/// with its summary and marked `▸` when the library has it, and the library's articles most
/// like the open one (相似文章), most alike first.
enum SidebarView {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        RootView.header("相关 Related", focused: state.focus == .sidebar, into: &screen, rect: rect, theme: theme)
        renderEntries(state, into: &screen, rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1),
                      selecting: state.focus == .sidebar, theme: theme)
    }

    /// One row of the sidebar's content.
    struct Row {
        var text: String
        var scope: String
        /// The sidebar entry this row belongs to (titles only: the rows a selection fills).
        var entry: Int?
    }

    /// The two parts as rows `width` cells wide, titles and summaries cut with `…`.
    static func rows(_ state: AppState, width: Int) -> [Row] {
        let text = width - 2
        var rows: [Row] = []
        var entry = 0
        rows.append(Row(text: fitting(["相关信息 From the site", "相关信息"], width), scope: "ui.sidebar.part"))
        if state.related.fromArticle.isEmpty {
            rows.append(Row(text: "  (none)", scope: "ui.sidebar.summary"))
        }
        for item in state.related.fromArticle {
            for (n, line) in clipped(item.item.title, width: text, lines: 2).enumerated() {
                let mark = n > 0 ? "  " : (item.id != nil ? "▸ " : "· ")
                rows.append(Row(text: mark + line, scope: item.id != nil ? "ui.sidebar.title.in-library" : "ui.sidebar.title", entry: entry))
            }
            for line in clipped(item.item.summary, width: text, lines: 2) {
                rows.append(Row(text: "  " + line, scope: "ui.sidebar.summary"))
            }
            entry += 1
        }
        rows.append(Row(text: "", scope: "ui.sidebar.summary"))
        rows.append(Row(text: fitting(["相似文章 Similar in your library", "相似文章 Similar", "相似文章"], width), scope: "ui.sidebar.part"))
        switch state.related.similar {
        case nil where state.related.leftToIndex:
            for line in clipped("too many to rank here: `yuedu index` lists them", width: text, lines: 3) {
                rows.append(Row(text: "  " + line, scope: "ui.sidebar.summary"))
            }
        case nil:
            rows.append(Row(text: "  …", scope: "ui.sidebar.summary"))
        case let similar? where similar.isEmpty:
            rows.append(Row(text: "  (none)", scope: "ui.sidebar.summary"))
        case let similar?:
            for id in similar {
                guard let article = state.library.article(id) else { continue }
                for (n, line) in clipped(article.title, width: text, lines: 2).enumerated() {
                    rows.append(Row(text: (n == 0 ? "▸ " : "  ") + line, scope: "ui.sidebar.title.in-library", entry: entry))
                }
                let about = [article.date?.description, article.site].compactMap { $0 }.joined(separator: " · ")
                if let line = clipped(about, width: text, lines: 1).first {
                    rows.append(Row(text: "  " + line, scope: "ui.sidebar.summary"))
                }
                entry += 1
            }
        }
        return rows
    }

    /// The first of `choices` that fits in `width` cells, else the last.
    static func fitting(_ choices: [String], _ width: Int) -> String {
        choices.first { DisplayWidth.of($0) <= width } ?? choices.last!
    }

    /// Draws the rows into `rect`, scrolled so that the selected entry is in view; with
    /// `selecting`, the selected entry's title rows are highlighted.
    static func renderEntries(_ state: AppState, into screen: inout Screen, rect: Rect, selecting: Bool, theme: Theme) {
        guard rect.width > 3, rect.height > 0 else { return }
        let rows = rows(state, width: rect.width - 2)
        let selected = rows.indices.filter { rows[$0].entry == state.sidebarSelection }
        var top = 0
        if selecting, let first = selected.first, let last = selected.last {
            // Keep a summary row under the title in view too, and the part header above the first entry.
            let end = min(rows.count - 1, last + 1)
            top = max(0, end - rect.height + 1)
            if first - 1 < top { top = max(0, first - 1) }
        }
        for (row, y) in zip(rows[top...], rect.y..<(rect.y + rect.height)) {
            let highlighted = selecting && row.entry == state.sidebarSelection
            let style = theme.style(highlighted ? "ui.sidebar.selected" : row.scope)
            if highlighted { screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: style) }
            screen.write(row.text, x: rect.x + 1, y: y, maxWidth: rect.width - 2, style: style, ellipsis: true)
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
