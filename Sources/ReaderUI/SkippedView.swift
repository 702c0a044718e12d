import ReaderCore
import Grid

/// The overlay listing the files that are not in the library and why: two rows per file
/// (the path, then the reason, indented), scrolled with j/k, closed with Esc.
enum SkippedView {
    /// The box: two cells in from the sides, one row from the top, above the status bar.
    static func frame(width: Int, height: Int) -> Rect {
        Rect(x: 2, y: 1, width: max(0, width - 4), height: max(0, height - 3))
    }

    /// How many files the box shows at once.
    static func filesPerPage(height: Int) -> Int {
        max(1, (frame(width: 0, height: height).height - 3) / 2)
    }

    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let box = frame(width: screen.width, height: screen.height)
        guard box.width >= 10, box.height >= 5 else { return }
        let style = theme.style("ui.help")
        screen.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: style)
        screen.frame(box, style: style)
        let count = state.skipped.count
        let perPage = filesPerPage(height: screen.height)
        let first = min(state.skippedTop, max(0, count - 1))
        let last = min(count, first + perPage)
        let range = count > perPage ? " (\(first + 1)–\(last) of \(count))" : ""
        let title = " 跳过 Skipped — \(count) file\(count == 1 ? "" : "s") not in the library\(range)"
        screen.write(title, x: box.x + 1, y: box.y + 1, maxWidth: box.width - 2,
                     style: theme.style("ui.help.title"), ellipsis: true)
        for (row, file) in state.skipped[first..<last].enumerated() {
            let y = box.y + 2 + 2 * row
            screen.write(Sanitizer.displayable(file.path), x: box.x + 2, y: y, maxWidth: box.width - 4,
                         style: theme.style("ui.help.key"), ellipsis: true)
            screen.write(Sanitizer.displayable(file.reason), x: box.x + 4, y: y + 1, maxWidth: box.width - 6,
                         style: style, ellipsis: true)
        }
        let keymap = state.keymap
        let footer = Keymap.join([keymap.hint([.lineDown, .lineUp], "scroll", joinedBy: "/"),
                                  keymap.hint([.pageDown, .pageUp], "page", joinedBy: "/"),
                                  keymap.hint([.cancel, .showSkipped], "closes")])
        screen.write(" \(footer) ", x: box.x + 2, y: box.y + box.height - 1,
                     maxWidth: box.width - 4, style: style, ellipsis: true)
    }
}
