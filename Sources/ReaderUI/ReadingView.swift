import ReaderCore
import Grid

/// The reading pane: the open article's layout from `readingTop`.
enum ReadingView {
    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let column = state.readingColumn
        guard let layout = state.layout else {
            screen.write(state.loading == nil ? "No articles." : "Loading…", x: column.x, y: column.y, maxWidth: column.width, style: theme.style("ui"))
            return
        }
        let ambiguousIsWide = state.wrapOptions.ambiguousIsWide
        for row in 0..<column.height {
            let index = state.readingTop + row
            guard layout.lines.indices.contains(index) else { break }
            let line = layout.lines[index]
            guard line.role != nil else { continue }
            let y = column.y + row
            let block = layout.blocks[line.block]
            for decoration in line.decorations where decoration.x < column.width {
                screen.write(decoration.text, x: column.x + decoration.x, y: y, maxWidth: column.width - decoration.x,
                             style: theme.style(decoration.scope))
            }
            let base = theme.style(ReadingScopes.scope(of: block))
            for piece in line.pieces where piece.x < column.width {
                screen.write(piece.text, x: column.x + piece.x, y: y, maxWidth: column.width - piece.x,
                             style: base, ambiguousIsWide: ambiguousIsWide)
                styleSpans(block.spans, of: piece, base: base, y: y, column: column, screen: &screen, theme: theme,
                           ambiguousIsWide: ambiguousIsWide)
            }
        }
    }

    /// Restyles the cells of `piece` that emphasis, code, strikethrough or links cover, and
    /// marks a link's cells with its target.
    static func styleSpans(_ spans: [InlineSpan], of piece: LayoutPiece, base: Style, y: Int, column: Rect,
                           screen: inout Screen, theme: Theme, ambiguousIsWide: Bool) {
        let covering = spans.filter { $0.range.lowerBound < piece.end && $0.range.upperBound > piece.start }
        guard !covering.isEmpty else { return }
        let cells = piece.placements(maxWidth: column.width - piece.x, ambiguousIsWide: ambiguousIsWide)
        for span in covering {
            let (scope, attributes) = ReadingScopes.scope(of: span.kind)
            let style = theme.inline(scope, over: base, defaultAttributes: attributes)
            var link: String? = nil
            if case .link(let target) = span.kind, !target.isEmpty { link = target }
            for cell in cells where cell.range.lowerBound >= span.range.lowerBound && cell.range.upperBound <= span.range.upperBound {
                for dx in 0..<cell.width {
                    screen[column.x + piece.x + cell.x + dx, y].style = style
                    if let link { screen[column.x + piece.x + cell.x + dx, y].link = link }
                }
            }
        }
    }
}

extension LayoutPiece {
    /// Where each drawn cluster of the piece is: its UTF-8 range in the block and its cells
    /// from the piece's start, as `Screen.write` places them (the same routine).
    func placements(maxWidth: Int, ambiguousIsWide: Bool) -> [(range: Range<Int>, x: Int, width: Int)] {
        Screen.placements(of: text, limit: maxWidth, ambiguousIsWide: ambiguousIsWide).map {
            ((start + $0.range.lowerBound)..<(start + $0.range.upperBound), $0.x, $0.width)
        }
    }
}

extension Theme {
    /// An inline style over the style of the text around it: the attributes of `scope` are
    /// added, and its colours replace the base's where it sets them. A theme that does not
    /// set `scope` gets `defaultAttributes` (italic emphasis, bold strong, underlined links).
    func inline(_ scope: String, over base: Style, defaultAttributes: Attributes) -> Style {
        var style = base
        guard let own = scopes[scope] else {
            style.attributes.formUnion(defaultAttributes)
            return style
        }
        style.attributes.formUnion(own.attributes)
        if own.foreground != .default { style.foreground = own.foreground }
        if own.background != .default { style.background = own.background }
        return style
    }
}
