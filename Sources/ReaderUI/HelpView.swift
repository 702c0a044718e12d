import ReaderCore
import Terminal

/// The help screen, generated from the command table and the keys actually bound.
enum HelpView {
    static func rows(_ state: AppState) -> [(keys: String, help: String)] {
        Command.table.map { row in
            (state.keymap.keys(for: row.command).map(\.name).joined(separator: " "), row.help)
        }
    }

    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let rows = rows(state)
        let keyWidth = min(16, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8)
        let width = min(screen.width - 2, keyWidth + 44)
        let height = min(screen.height - 1, rows.count + 4)
        let x = (screen.width - width) / 2
        let y = max(0, (screen.height - 1 - height) / 2)
        let style = theme.style("ui.help")
        screen.fill(x: x, y: y, width: width, height: height, style: style)
        screen.write(" 帮助 Help — keys", x: x + 1, y: y + 1, maxWidth: width - 2, style: theme.style("ui.help.title"))
        for (i, row) in rows.enumerated() where y + 2 + i < y + height - 1 {
            let ry = y + 2 + i
            screen.write(row.keys, x: x + 2, y: ry, maxWidth: keyWidth, style: theme.style("ui.help.key"), ellipsis: true)
            screen.write(row.help, x: x + 3 + keyWidth, y: ry, maxWidth: width - keyWidth - 4, style: style, ellipsis: true)
        }
        screen.write("Esc or ? closes", x: x + 2, y: y + height - 1, maxWidth: width - 3, style: theme.style("ui.header"))
    }
}
