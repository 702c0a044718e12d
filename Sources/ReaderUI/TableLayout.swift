import Grid
import ReaderCore

/// Tables laid out by display width: each column as wide as its widest cell, narrowed when
/// the table is wider than the pane, cells wrapped inside their column, columns apart by
/// ` │ `, a rule under the header row.
enum TableLayout {
    /// Cells between columns.
    static let gap = 3

    /// The rows of the table whose rows are `blocks[rows]`.
    static func lines(of blocks: [ReadingBlock], rows: Range<Int>, width: Int, options: WrapOptions) -> [LayoutLine] {
        guard let first = rows.first else { return [] }
        let bars = ArticleLayout.quoteBars(blocks[first].quoteDepth, width: width)
        let indent = min(bars.count * 2 + blocks[first].listDepth * 3, width / 2)
        let columns = rows.map { blocks[$0].cells.count }.max() ?? 0
        guard columns > 0 else { return [] }
        func cellText(_ row: Int, _ column: Int) -> (String, Int)? {
            let block = blocks[row]
            guard column < block.cells.count else { return nil }
            let range = block.cells[column]
            let utf8 = Array(block.text.utf8)
            return (String(decoding: utf8[range], as: UTF8.self), range.lowerBound)
        }
        var natural = [Int](repeating: 1, count: columns)
        for row in rows {
            for column in 0..<columns {
                if let (text, _) = cellText(row, column) {
                    natural[column] = max(natural[column], DisplayWidth.of(text, ambiguousIsWide: options.ambiguousIsWide))
                }
            }
        }
        let widths = columnWidths(natural, available: width - indent - gap * (columns - 1))
        var xs: [Int] = []
        var x = indent
        for w in widths { xs.append(x); x += w + gap }
        let alignments = blocks[first].alignments

        var lines: [LayoutLine] = []
        for row in rows {
            var wrappedCells: [[WrappedLine]] = []
            var bases: [Int] = []
            for column in 0..<columns {
                if let (text, base) = cellText(row, column) {
                    wrappedCells.append(wrap(text, width: widths[column], options: options))
                    bases.append(base)
                } else {
                    wrappedCells.append([])
                    bases.append(blocks[row].text.utf8.count)
                }
            }
            let height = max(1, wrappedCells.map(\.count).max() ?? 1)
            var previousEnd = 0
            for k in 0..<height {
                var pieces: [LayoutPiece] = []
                for column in 0..<columns where k < wrappedCells[column].count {
                    let line = wrappedCells[column][k]
                    guard !line.text.isEmpty else { continue }
                    var offset = 0
                    switch column < alignments.count ? alignments[column] : .left {
                    case .left: offset = 0
                    case .center: offset = (widths[column] - line.width) / 2
                    case .right: offset = widths[column] - line.width
                    }
                    pieces.append(LayoutPiece(x: xs[column] + max(0, offset), start: bases[column] + line.start,
                                              end: bases[column] + line.end, text: line.text))
                }
                let start = pieces.first?.start ?? previousEnd
                let end = pieces.last?.end ?? start
                previousEnd = end
                var decorations = bars
                for column in 1..<max(columns, 1) {
                    decorations.append(LayoutDecoration(x: xs[column] - 2, text: "│", scope: "ui.reading.table.border"))
                }
                lines.append(LayoutLine(role: .tableRow, block: row, start: start, end: end, text: "", indent: indent,
                                        cells: pieces, decorations: decorations))
            }
            if blocks[row].isHeader {
                let end = blocks[row].text.utf8.count
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                lines.append(LayoutLine(role: .tableRow, block: row, start: end, end: end, text: "", indent: indent,
                                        decorations: bars + [LayoutDecoration(x: indent, text: rule, scope: "ui.reading.table.border")]))
            }
        }
        return lines
    }

    /// Column widths that fit `available` cells: the natural widths when they fit; otherwise
    /// every column is capped at the largest width that makes them fit (wide columns give
    /// way first), and no column is narrower than 2 cells (one wide character).
    static func columnWidths(_ natural: [Int], available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        func total(_ cap: Int) -> Int { natural.reduce(0) { $0 + min($1, max(cap, 2)) } }
        var low = 2, high = natural.max() ?? 2
        while low < high {
            let mid = (low + high + 1) / 2
            if total(mid) <= available { low = mid } else { high = mid - 1 }
        }
        var widths = natural.map { min($0, max(low, 2)) }
        // What is left goes to the columns that were cut, one cell each.
        var left = available - widths.reduce(0, +)
        for i in widths.indices where left > 0 && widths[i] < natural[i] {
            widths[i] += 1
            left -= 1
        }
        return widths
    }
}

/// The theme scopes the reading pane draws blocks and inline styles in.
enum ReadingScopes {
    static func scope(of block: ReadingBlock) -> String {
        switch block.role {
        case .title: return "ui.reading.title"
        case .metadata: return "ui.reading.meta"
        case .lead: return "ui.reading.lead"
        case .heading: return "ui.reading.heading.\(max(1, min(block.level, 6)))"
        case .paragraph: return block.quoteDepth > 0 ? "ui.reading.quote" : "ui.reading.body"
        case .trailer: return "ui.reading.trailer"
        case .code: return "ui.reading.code"
        case .tableRow: return block.isHeader ? "ui.reading.table.header" : "ui.reading.table"
        }
    }

    /// The scope of an inline style, and the attributes it adds when the theme does not set it.
    static func scope(of kind: InlineSpan.Kind) -> (scope: String, attributes: Attributes) {
        switch kind {
        case .emphasis: return ("ui.reading.emphasis", .italic)
        case .strong: return ("ui.reading.strong", .bold)
        case .code: return ("ui.reading.code", [])
        case .strikethrough: return ("ui.reading.strikethrough", .dim)
        case .link: return ("ui.reading.link", .underline)
        }
    }
}
