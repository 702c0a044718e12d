import ReaderCore
import Grid

/// The link list (`u`): the open article's links in a box over the panes, two rows each (the
/// number and the link's text, then its target, indented), the selected one highlighted.
/// The targets are links themselves, so a terminal that shows hyperlinks opens them on a click.
enum LinksView {
    /// The box: two cells in from the sides, one row from the top, above the status bar (the
    /// status bar stays in view, for what a copy says).
    static func frame(width: Int, height: Int) -> Rect {
        Rect(x: 2, y: 1, width: max(0, width - 4), height: max(0, height - 3))
    }

    /// How many links the box shows at once.
    static func entriesPerPage(height: Int) -> Int {
        max(1, (frame(width: 0, height: height).height - 3) / 2)
    }

    /// The first entry shown so that `selection` is in view, moving as little as it can from `top`.
    static func top(keeping selection: Int, from top: Int, perPage: Int, count: Int) -> Int {
        var top = top
        if selection < top { top = selection }
        if selection >= top + perPage { top = selection - perPage + 1 }
        return clamp(top, 0, max(0, count - perPage))
    }

    static func render(_ state: AppState, list: LinkList, into screen: inout Screen, theme: Theme) {
        let box = frame(width: screen.width, height: screen.height)
        guard box.width >= 12, box.height >= 5 else { return }
        let style = theme.style("ui.help")
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: style)
        screen.frame(box, style: style)
        let count = list.entries.count
        let perPage = entriesPerPage(height: screen.height)
        let first = top(keeping: list.selection, from: list.top, perPage: perPage, count: count)
        let last = min(count, first + perPage)
        let range = count > perPage ? " (\(first + 1)–\(last) of \(count))" : ""
        let title = " 链接 Links — \(count) link\(count == 1 ? "" : "s") in this article\(range)"
        screen.write(title, x: box.x + 1, y: box.y + 1, maxWidth: box.width - 2,
                     style: theme.style("ui.help.title"), ellipsis: true)
        let numberWidth = String(count).count + 2
        for (row, index) in (first..<last).enumerated() {
            let entry = list.entries[index]
            let y = box.y + 2 + 2 * row
            let selected = index == list.selection
            let textStyle = theme.style(selected ? "ui.sidebar.selected" : "ui.help.key")
            let targetStyle = selected ? textStyle : style
            if selected { screen.fill(x: box.x + 1, y: y, width: box.width - 2, height: 2, style: textStyle) }
            let number = String(repeating: " ", count: max(0, numberWidth - 2 - String(index + 1).count)) + "\(index + 1). "
            let x = box.x + 2
            let used = screen.write(number, x: x, y: y, maxWidth: box.width - 4, style: textStyle)
            // A bare address is its own text: shown once, on the first row.
            let bare = entry.text.isEmpty || entry.text == entry.target
            let textX = x + used
            let textShown = screen.write(Sanitizer.displayable(bare ? entry.target : entry.text), x: textX, y: y,
                                         maxWidth: box.width - 4 - used, style: textStyle, ellipsis: true)
            var targetX = textX, targetY = y, shown = textShown
            if !bare {
                targetX = x + numberWidth
                targetY = y + 1
                shown = screen.write(Sanitizer.displayable(entry.target), x: targetX, y: targetY,
                                     maxWidth: box.width - 4 - numberWidth, style: targetStyle, ellipsis: true)
            }
            // The target's cells lead to it (the terminal may make them a hyperlink).
            let target = Links.safeTarget(entry.target)
            if !target.isEmpty {
                for dx in 0..<shown { screen[targetX + dx, targetY].link = target }
            }
        }
        let keymap = state.keymap
        let footer = Keymap.join([keymap.hint([.lineDown, .lineUp], "move", joinedBy: "/"),
                                  keymap.hint([.open, .copy], "copies"),
                                  keymap.hint([.openLink], "opens"),
                                  keymap.hint([.cancel, .links], "closes")])
        screen.write(" \(footer) ", x: box.x + 2, y: box.y + box.height - 1,
                     maxWidth: box.width - 4, style: style, ellipsis: true)
    }
}
