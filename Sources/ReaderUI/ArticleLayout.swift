import Grid
import ReaderCore

/// A piece of a block's text placed on a row: UTF-8 offsets `start..<end` of the block's
/// text, drawn `x` cells from the pane's left edge.
public struct LayoutPiece: Hashable, Sendable {
    public var x: Int
    public var start: Int
    public var end: Int
    public var text: String
}

/// Something drawn on a row that is not the article's text: a quote's or the lead's bar, a
/// list marker, a table's rule. `scope` is the theme scope it is drawn in.
public struct LayoutDecoration: Hashable, Sendable {
    public var x: Int
    public var text: String
    public var scope: String
}

/// One row of the reading pane: a wrapped line of a block, or a blank between blocks.
public struct LayoutLine: Hashable, Sendable {
    public var role: ReadingRole?
    /// Index into the article's `readingBlocks`; for a blank, the block that follows.
    public var block: Int
    /// UTF-8 offsets of the line in its block's text.
    public var start: Int
    public var end: Int
    public var text: String
    /// Cells of indent before the text (the lead's bar, quotes, lists).
    public var indent: Int
    /// A table row's cells, each at its column (then `text` is empty).
    public var cells: [LayoutPiece] = []
    public var decorations: [LayoutDecoration] = []

    public var isBlank: Bool { role == nil }

    /// The text pieces of the row: the table cells, or the line's text at its indent.
    public var pieces: [LayoutPiece] {
        cells.isEmpty ? [LayoutPiece(x: indent, start: start, end: end, text: text)] : cells
    }

    /// The row as plain text: decorations and text at their columns (for `yuedu render`).
    public func plainText(ambiguousIsWide: Bool = false) -> String {
        var items: [(x: Int, text: String)] = decorations.map { ($0.x, $0.text) }
        items += pieces.filter { !$0.text.isEmpty }.map { ($0.x, $0.text) }
        items.sort { $0.x < $1.x }
        var out = ""
        var used = 0
        for item in items where item.x >= used {
            out += String(repeating: " ", count: item.x - used) + item.text
            used = item.x + DisplayWidth.of(item.text, ambiguousIsWide: ambiguousIsWide)
        }
        return out
    }
}

/// An article laid out for a text width: the rows of the reading pane.
public struct ArticleLayout: Sendable {
    /// The article laid out, the width and the options: a layout is right for these only.
    public var articleID: ArticleID
    public var width: Int
    public var options: WrapOptions
    public var blocks: [ReadingBlock]
    public var lines: [LayoutLine]

    /// Lays `article` out in lines of at most `width` cells.
    public init(article: Article, width: Int, options: WrapOptions = WrapOptions()) {
        articleID = article.id
        self.width = width
        self.options = options
        blocks = article.readingBlocks
        lines = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if index > 0, block.role != .metadata, !block.continues {
                lines.append(LayoutLine(role: nil, block: index, start: 0, end: 0, text: "", indent: 0))
            }
            if block.role == .tableRow {
                var end = index + 1
                while end < blocks.count, blocks[end].role == .tableRow, blocks[end].continues { end += 1 }
                lines += TableLayout.lines(of: blocks, rows: index..<end, width: width, options: options)
                index = end
                continue
            }
            lines += Self.lines(of: block, at: index, width: width, options: options)
            index += 1
        }
    }

    /// The rows of one block that is not a table.
    static func lines(of block: ReadingBlock, at index: Int, width: Int, options: WrapOptions) -> [LayoutLine] {
        var decorations = quoteBars(block.quoteDepth, width: width)
        var indent = decorations.count * 2
        var firstLine: [LayoutDecoration] = []
        switch block.role {
        case .lead where width >= 12:
            decorations.append(LayoutDecoration(x: 0, text: "┃", scope: "ui.reading.lead.bar"))
            indent = 2
        case .code:
            indent += block.listDepth * 3 + 2
        default:
            if block.listDepth > 0 {
                indent += block.listDepth * 3
                if !block.marker.isEmpty {
                    let markerWidth = DisplayWidth.of(block.marker)
                    firstLine.append(LayoutDecoration(x: max(0, indent - 1 - markerWidth), text: block.marker,
                                                      scope: ReadingScopes.scope(of: block)))
                }
            }
        }
        // A narrow pane keeps at least half its width for the text.
        if indent > width / 2 {
            indent = width / 2
            decorations = decorations.filter { $0.x < indent }
            firstLine = firstLine.map { var d = $0; d.x = min(d.x, max(0, indent - 1 - DisplayWidth.of(d.text))); return d }
        }
        let lineWidth = max(1, width - indent)
        let wrapped: [WrappedLine]
        switch block.role {
        case .metadata, .trailer: wrapped = wrapFields(block.text, width: lineWidth, options: options)
        case .code: wrapped = cut(block.text, width: lineWidth, options: options)
        default: wrapped = wrap(block.text, width: lineWidth, options: options, balanced: block.role == .title)
        }
        return wrapped.enumerated().map { n, line in
            LayoutLine(role: block.role, block: index, start: line.start, end: line.end, text: line.text, indent: indent,
                       decorations: n == 0 ? decorations + firstLine : decorations)
        }
    }

    /// A bar for each block quote holding a block: `│` every two cells.
    static func quoteBars(_ depth: Int, width: Int) -> [LayoutDecoration] {
        (0..<depth).map { LayoutDecoration(x: 2 * $0, text: "│", scope: "ui.reading.quote.bar") }
    }

    /// The row that shows the text at (`block`, `offset`): used to keep the same text in view
    /// when the width changes. An offset at the end of a block's text means the blank row after
    /// the block (see `place(ofLine:)`).
    public func line(containing block: Int, offset: Int) -> Int {
        let endOfBlock = blocks.indices.contains(block) && !blocks[block].text.isEmpty
            && offset >= blocks[block].text.utf8.count
        var best = 0
        for (i, line) in lines.enumerated() {
            if endOfBlock, line.isBlank, line.block == block + 1 { return i }
            if line.block < block || (line.block == block && line.start <= offset && !line.isBlank) { best = i }
            if line.block > block { break }
        }
        return best
    }

    /// The place in the text that row `index` shows, as `line(containing:offset:)` finds it
    /// again at any width: a text row is its block and the offset where it starts; a blank row
    /// is the end of the block before it (so a blank at the top comes back as that blank).
    public func place(ofLine index: Int) -> (block: Int, offset: Int) {
        guard lines.indices.contains(index) else { return (0, 0) }
        let line = lines[index]
        if line.isBlank, line.block > 0, blocks.indices.contains(line.block - 1),
           !blocks[line.block - 1].text.isEmpty {
            return (line.block - 1, blocks[line.block - 1].text.utf8.count)
        }
        return (line.block, line.start)
    }
}

/// A line of code cut into rows of at most `width` cells at cluster boundaries: no
/// typographic rules, spaces kept. An empty line gives one empty row.
func cut(_ text: String, width: Int, options: WrapOptions) -> [WrappedLine] {
    var lines: [WrappedLine] = []
    var start = 0, offset = 0, used = 0
    var current = ""
    for character in text {
        let w = DisplayWidth.of(character, ambiguousIsWide: options.ambiguousIsWide)
        if used + w > width, used > 0 {
            lines.append(WrappedLine(start: start, end: offset, text: current, width: used))
            start = offset
            current = ""
            used = 0
        }
        current.append(character)
        used += w
        offset += character.utf8.count
    }
    lines.append(WrappedLine(start: start, end: offset, text: current, width: used))
    return lines
}

/// Wraps a line of fields joined by ` · ` (date · site · source · editor; tags) so that it
/// breaks between fields, never inside a name: fields are packed greedily, the separator
/// where a line ends is dropped, and only a field wider than the line is wrapped on its own.
func wrapFields(_ text: String, width: Int, options: WrapOptions) -> [WrappedLine] {
    let bytes = Array(text.utf8)
    let separator = Array(" · ".utf8)
    var fields: [Range<Int>] = []
    var start = 0, i = 0
    while i + separator.count <= bytes.count {
        if bytes[i..<(i + separator.count)].elementsEqual(separator) {
            fields.append(start..<i)
            i += separator.count
            start = i
        } else {
            i += 1
        }
    }
    fields.append(start..<bytes.count)
    func slice(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
    let separatorWidth = DisplayWidth.of(" · ", ambiguousIsWide: options.ambiguousIsWide)
    var lines: [WrappedLine] = []
    var current: (start: Int, end: Int, width: Int)? = nil
    func flush() {
        if let c = current { lines.append(WrappedLine(start: c.start, end: c.end, text: slice(c.start..<c.end), width: c.width)) }
        current = nil
    }
    for field in fields where !field.isEmpty {
        let fieldWidth = DisplayWidth.of(slice(field), ambiguousIsWide: options.ambiguousIsWide)
        if let c = current, c.width + separatorWidth + fieldWidth <= width {
            current = (c.start, field.upperBound, c.width + separatorWidth + fieldWidth)
            continue
        }
        flush()
        if fieldWidth <= width {
            current = (field.lowerBound, field.upperBound, fieldWidth)
        } else {
            for line in wrap(slice(field), width: width, options: options) {
                lines.append(WrappedLine(start: field.lowerBound + line.start, end: field.lowerBound + line.end,
                                         text: line.text, width: line.width))
            }
        }
    }
    flush()
    return lines.isEmpty ? wrap(text, width: width, options: options) : lines
}
