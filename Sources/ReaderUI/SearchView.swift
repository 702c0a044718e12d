import ReaderCore
import Grid

/// The search on screen: match highlights over the reading pane, the prompt on the bottom
/// line, and the `[i/N]` counter in the status bar.
enum SearchView {
    // MARK: - Highlights

    /// Restyles the cells of every visible match: `ui.search.current` for the one the reader
    /// is on, `ui.search.match` for the others. Matches are text ranges, mapped onto the rows
    /// here, so a match a soft wrap cuts is lit on both rows, and a resize needs nothing.
    /// Cost: a binary search, then only the matches and rows on screen.
    static func highlight(_ state: AppState, into screen: inout Screen, theme: Theme) {
        guard let search = state.search, !search.results.isEmpty, let layout = state.layout else { return }
        let column = state.readingColumn
        let top = state.readingTop
        let bottom = min(layout.lines.count, top + column.height)
        guard top < bottom else { return }
        let matches = search.results.matches
        let matchStyle = theme.style("ui.search.match")
        let currentStyle = theme.style("ui.search.current")

        // The first match that can reach the first visible row.
        var next = firstMatch(in: matches, atOrAfterBlock: layout.lines[top].block)
        for row in top..<bottom {
            let line = layout.lines[row]
            if line.isBlank { continue }
            while next < matches.count,
                  matches[next].block < line.block
                  || (matches[next].block == line.block && matches[next].range.upperBound <= line.start)
            {
                next += 1
            }
            var i = next
            var cells: [(piece: LayoutPiece, placements: [(range: Range<Int>, x: Int, width: Int)])]? = nil
            while i < matches.count, matches[i].block == line.block, matches[i].range.lowerBound < line.end {
                if cells == nil {
                    cells = line.pieces.filter { $0.x < column.width }.map { piece in
                        (piece, piece.placements(maxWidth: column.width - piece.x,
                                                 ambiguousIsWide: state.wrapOptions.ambiguousIsWide))
                    }
                }
                let range = matches[i].range
                let style = i == search.current ? currentStyle : matchStyle
                for (piece, placements) in cells! {
                    for cell in placements where cell.range.lowerBound >= range.lowerBound && cell.range.upperBound <= range.upperBound {
                        for dx in 0..<cell.width {
                            screen[column.x + piece.x + cell.x + dx, column.y + row - top].style = style
                        }
                    }
                }
                i += 1
            }
        }
    }

    /// The index of the first match in `block` or after it.
    private static func firstMatch(in matches: [SearchMatch], atOrAfterBlock block: Int) -> Int {
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].block < block { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Status bar

    /// The prompt as the bottom line shows it: `/` and the query (its tail when long), the
    /// cursor's column after it, and the counter or "no match" on the right.
    static func promptLine(_ state: AppState, width: Int) -> (text: String, cursorX: Int, counter: String?) {
        let prompt: SearchPrompt
        let lead: String
        var counter: String?
        if let find = state.findPrompt {
            // The library search (`s`): its own sign, and how many articles match.
            prompt = find
            lead = "找 "
            counter = prompt.text.isEmpty ? state.message : findCounter(state)
        } else if let search = state.prompt {
            prompt = search
            lead = "/"
            // With nothing typed yet, a message (OpenCC missing, say) has the counter's place.
            counter = prompt.text.isEmpty ? state.message : state.search?.counter
        } else {
            return ("", 0, nil)
        }
        var counterWidth = counter.map { DisplayWidth.of($0) + 2 } ?? 0
        if counterWidth > width / 2 { counter = nil; counterWidth = 0 }
        // Room for the text and the cursor cell after it.
        let room = max(1, width - counterWidth - 1)
        let leadWidth = DisplayWidth.of(lead)
        var text = lead + prompt.text
        var used = DisplayWidth.of(text)
        if used > room {
            var tail = Substring(prompt.text)
            while !tail.isEmpty, leadWidth + DisplayWidth.of(String(tail)) > room - 1 { tail = tail.dropFirst() }
            text = lead + "…" + tail
            used = DisplayWidth.of(text)
        }
        return (text, min(used, max(0, width - 1)), counter)
    }

    /// Draws the prompt over the whole bottom line.
    static func renderPrompt(_ state: AppState, into screen: inout Screen, rect: Rect, theme: Theme) {
        let style = theme.style("ui.statusbar")
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        let line = promptLine(state, width: rect.width)
        screen.write(line.text, x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        if let counter = line.counter {
            let w = DisplayWidth.of(counter)
            let found = state.findPrompt != nil ? !(state.find?.hits.isEmpty ?? true) : state.search?.current != nil
            screen.write(counter, x: rect.x + rect.width - w - 1, y: rect.y, maxWidth: w,
                         style: theme.style(found ? "ui.statusbar" : "ui.statusbar.message"))
        }
    }

    /// The library search's counter: `12 found`, `searching…`, `no match`, or why the query
    /// cannot be run.
    static func findCounter(_ state: AppState) -> String? {
        guard let find = state.find else { return nil }
        if let problem = find.problem { return problem }
        if find.searching { return "searching…" }
        if find.hits.isEmpty { return "no match" }
        return StatusBar.grouped(state.listCount) + (find.truncated ? "+" : "") + " found"
    }

    /// Writes ` [i/N] ` after the position while a confirmed search is on; returns the cells used.
    static func renderCounter(_ state: AppState, into screen: inout Screen, x: Int, rect: Rect, theme: Theme) -> Int {
        guard state.prompt == nil, let search = state.search, search.current != nil else { return 0 }
        return screen.write(" \(search.counter)", x: x, y: rect.y, maxWidth: rect.x + rect.width - x,
                            style: theme.style("ui.statusbar"))
    }
}
