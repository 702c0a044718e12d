import ReaderCore
import Grid

/// The help screen, generated from the command table and the keys actually bound. In two
/// columns when the terminal is wide enough for them and one would not fit; it scrolls
/// (j/k, Space/b) when even that does not fit.
enum HelpView {
    static func rows(_ state: AppState) -> [(keys: String, help: String)] {
        state.keymap.helpRows().map { ($0.keys, $0.help) }
    }

    /// Where things go, from the state alone (apply uses it to clamp scrolling).
    struct Geometry {
        var x, y, width, height, keyWidth, columnWidth, columns, visibleRows, lines: Int
    }

    static func geometry(_ state: AppState) -> Geometry {
        let rows = rows(state)
        let keyWidth = min(16, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8)
        let columnWidth = keyWidth + 40
        let fitRows = max(1, state.height - 1 - 3)
        let columns = rows.count > fitRows && state.width >= 2 * columnWidth + 5 ? 2 : 1
        let lines = (rows.count + columns - 1) / columns
        let width = max(1, min(state.width - 2, columns * columnWidth + 3 + (columns - 1)))
        let height = max(1, min(state.height - 1, lines + 4))
        let x = max(0, (state.width - width) / 2)
        let y = max(0, (state.height - 1 - height) / 2)
        return Geometry(x: x, y: y, width: width, height: height, keyWidth: keyWidth, columnWidth: columnWidth,
                        columns: columns, visibleRows: max(0, height - 3), lines: lines)
    }

    static func visibleRows(_ state: AppState) -> Int { geometry(state).visibleRows }

    /// The largest `helpTop`: the last rows just fit.
    static func maxTop(_ state: AppState) -> Int {
        let g = geometry(state)
        return max(0, g.lines - g.visibleRows)
    }

    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let rows = rows(state)
        let g = geometry(state)
        let style = theme.style("ui.help")
        screen.fill(x: g.x, y: g.y, width: g.width, height: g.height, style: style)
        screen.frame(Rect(x: g.x, y: g.y, width: g.width, height: g.height), style: style)
        screen.write(" 帮助 Help — keys", x: g.x + 1, y: g.y + 1, maxWidth: g.width - 2, style: theme.style("ui.help.title"))
        let top = min(state.helpTop, maxTop(state))
        for line in 0..<g.visibleRows {
            for column in 0..<g.columns {
                let index = column * g.lines + top + line
                guard rows.indices.contains(index), top + line < g.lines else { continue }
                let row = rows[index]
                let x = g.x + 2 + column * (g.columnWidth + 1)
                let right = column == g.columns - 1 ? g.x + g.width - 1 : x + g.columnWidth
                let ry = g.y + 2 + line
                screen.write(row.keys, x: x, y: ry, maxWidth: g.keyWidth, style: theme.style("ui.help.key"), ellipsis: true)
                screen.write(row.help, x: x + 1 + g.keyWidth, y: ry, maxWidth: max(0, right - x - 1 - g.keyWidth), style: style, ellipsis: true)
            }
        }
        let keymap = state.keymap
        var footer = Keymap.join([keymap.hint([.cancel, .help], "closes")])
        if g.lines > g.visibleRows {
            footer = Keymap.join([keymap.hint([.lineDown, .lineUp], "scroll", joinedBy: "/"),
                                  "\(top + 1)–\(top + g.visibleRows) of \(g.lines)", footer.isEmpty ? nil : footer])
        }
        screen.write(" " + footer + " ", x: g.x + 2, y: g.y + g.height - 1, maxWidth: g.width - 4, style: style, ellipsis: true)
    }
}
