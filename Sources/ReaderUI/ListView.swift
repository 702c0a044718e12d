import ReaderCore
import Grid

/// The article list: date and title, the selected row highlighted, unread titles in bold; at
/// the right end how far the article was read and its bookmark mark. During a library search
/// each match has a second row: a line of its text around the hit, the hit highlighted.
enum ListView {
    static func render(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        RootView.header(title(state, width: rect.width), focused: state.focus == .list || state.showingListOverlay,
                        into: &screen, rect: rect, theme: theme)
        let height = state.listItemHeight
        let items = (rect.height - 1) / height
        for item in 0..<max(0, items) {
            guard let index = state.libraryIndex(ofRow: state.listTop + item) else { break }
            let article = state.articles[index]
            let y = rect.y + 1 + item * height
            let selected = state.listTop + item == state.selection
            var base: Style
            if selected {
                base = theme.style(state.focus == .list || state.showingListOverlay ? "ui.list.selected" : "ui.list.selected.unfocused")
                screen.fill(x: rect.x, y: y, width: rect.width, height: height, style: base)
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
            // The selected row is highlighted already (and often bold): unread shows on the others.
            let titleStyle = state.isRead(index) || selected ? base : unread(base, theme: theme)
            screen.write(Sanitizer.displayable(article.title), x: x, y: y, maxWidth: rect.x + rect.width - x - marks,
                         style: titleStyle, ellipsis: true)
            if height > 1, let find = state.find {
                renderContext(find.snippets[state.library.ids[index]], into: &screen,
                              x: rect.x + 2, y: y + 1, width: rect.width - 3, base: selected ? base : nil, theme: theme)
            }
        }
        if state.listCount == 0, rect.height > 1 {
            screen.write(" " + emptyNote(state), x: rect.x, y: rect.y + 1, maxWidth: rect.width,
                         style: theme.style("ui.list.date"), ellipsis: true)
        }
    }

    /// An unread title: the theme's `ui.list.unread`, else the row's style in bold (which
    /// shows without colour too).
    static func unread(_ base: Style, theme: Theme) -> Style {
        if theme.scopes["ui.list.unread"] != nil { return theme.style("ui.list.unread") }
        var style = base
        style.attributes.insert(.bold)
        return style
    }

    /// What an empty list says.
    static func emptyNote(_ state: AppState) -> String {
        if let find = state.find {
            if let problem = find.problem { return "(\(problem))" }
            return find.searching ? "(searching…)" : "(no match)"
        }
        if state.bookmarksOnly {
            let hint = state.keymap.hint([.toggleBookmark], "bookmarks one").map { ": " + $0 } ?? ""
            return "(none\(hint))"
        }
        return ""
    }

    /// A match's line of context: the text in `ui.list.context`, the hit in `ui.list.hit`,
    /// cut at the front when the hit would not show (a `…` says so).
    static func renderContext(_ snippet: FindSnippet?, into screen: inout Screen, x: Int, y: Int, width: Int,
                              base: Style?, theme: Theme) {
        guard width > 2 else { return }
        let context = base ?? theme.style("ui.list.context")
        guard let snippet else {
            screen.write("…", x: x, y: y, maxWidth: width, style: context)
            return
        }
        let chars = Array(snippet.text)
        guard let hit = snippet.hit, hit.lowerBound >= 0, hit.upperBound <= chars.count else {
            screen.write(Sanitizer.displayable(snippet.text), x: x, y: y, maxWidth: width, style: context, ellipsis: true)
            return
        }
        var before = Sanitizer.displayable(String(chars[..<hit.lowerBound]))
        let match = Sanitizer.displayable(String(chars[hit]))
        let after = Sanitizer.displayable(String(chars[hit.upperBound...]))
        // Keep the hit in view: at most a third of the room before it.
        let room = max(0, (width - DisplayWidth.of(match)) / 3)
        if DisplayWidth.of(before) > room {
            while !before.isEmpty, DisplayWidth.of(before) > max(0, room - 1) { before.removeFirst() }
            before = "…" + before
        }
        var at = x
        at += screen.write(before, x: at, y: y, maxWidth: x + width - at, style: context)
        at += screen.write(match, x: at, y: y, maxWidth: x + width - at, style: theme.style("ui.list.hit"), ellipsis: true)
        screen.write(after, x: at, y: y, maxWidth: x + width - at, style: context, ellipsis: true)
    }
}
