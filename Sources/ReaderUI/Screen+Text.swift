import ReaderCore
import Grid
import TextSafety

/// Where one grapheme cluster of a text lands on a row, and what is drawn for it.
struct CellPlacement {
    /// The cluster's UTF-8 range in the text.
    var range: Range<Int>
    /// The first cell, counted from where the text starts.
    var x: Int
    /// The cells it takes: the sum of its pieces' widths.
    var width: Int
    /// What goes into the cells: one spacing character each, with at most
    /// `Screen.maximumMarks` zero-width marks after it.
    var pieces: [(text: String, width: Int)]
}

extension Screen {
    /// The zero-width marks one cell can carry: ncurses keeps a spacing character and at most
    /// four more (`CCHARW_MAX` is 5) and drops the whole cell when given more.
    static let maximumMarks = 4

    /// The placement of each cluster of `text` in at most `limit` cells: the one routine that
    /// writing and search highlighting both follow, so a highlight lands on what was drawn.
    ///
    /// A cluster is drawn the way a terminal draws it: the control policy applied, then split
    /// into its spacing characters, each in cells of its own, with the zero-width marks that
    /// follow it (at most `maximumMarks`). Joiners and variation selectors (U+200D, U+FE0E,
    /// U+FE0F) are left out, and so are marks with no character before them: terminals
    /// disagree on how they join and widen clusters (tmux draws `a`+ZWJ+`b` in one cell), and
    /// the layout counted the sum of the code points' widths. The width is unchanged: what is
    /// left out has none. A cluster with nothing to draw takes no cell.
    static func placements(of text: String, limit: Int, ambiguousIsWide: Bool = false) -> [CellPlacement] {
        var result: [CellPlacement] = []
        var offset = 0
        var x = 0
        for character in text {
            let length = character.utf8.count
            defer { offset += length }
            let pieces = drawnPieces(of: character, ambiguousIsWide: ambiguousIsWide)
            let w = pieces.reduce(0) { $0 + $1.width }
            if w == 0 { continue }
            if x + w > limit { break }
            result.append(CellPlacement(range: offset..<(offset + length), x: x, width: w, pieces: pieces))
            x += w
        }
        return result
    }

    /// One cluster as the terminal will draw it (see `placements`).
    static func drawnPieces(of character: Character, ambiguousIsWide: Bool) -> [(text: String, width: Int)] {
        let scalars = character.unicodeScalars
        // The common case: one printable code point.
        if scalars.count == 1, let only = scalars.first, ControlPolicy.isSafe(only) {
            let w = DisplayWidth.of(scalar: only, ambiguousIsWide: ambiguousIsWide)
            return w > 0 ? [(String(character), w)] : []
        }
        var pieces: [(text: String, width: Int)] = []
        var marks = 0
        for original in scalars {
            let scalar: Unicode.Scalar
            switch ControlPolicy.treatment(of: original) {
            case .keep: scalar = original
            case .replace(let shown): scalar = shown
            case .drop: continue
            }
            if scalar.value == 0x200D || scalar.value == 0xFE0E || scalar.value == 0xFE0F { continue }
            let w = DisplayWidth.of(scalar: scalar, ambiguousIsWide: ambiguousIsWide)
            if w > 0 {
                pieces.append((String(scalar), w))
                marks = 0
            } else if !pieces.isEmpty, marks < maximumMarks {
                pieces[pieces.count - 1].text.unicodeScalars.append(scalar)
                marks += 1
            }
        }
        return pieces
    }

    /// Writes `text` at (x, y) in at most `maxWidth` cells, measured by display width; a wide
    /// character never straddles the limit. With `ellipsis`, text that does not fit ends in
    /// `…`. Control characters never reach the grid. Returns the cells used.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int, style: Style,
                        ellipsis: Bool = false, ambiguousIsWide: Bool = false) -> Int {
        guard maxWidth > 0, y >= 0, y < height else { return 0 }
        let total = ellipsis ? DisplayWidth.of(text, ambiguousIsWide: ambiguousIsWide) : 0
        let limit = ellipsis && total > maxWidth ? maxWidth - 1 : maxWidth
        var used = 0
        for placement in Self.placements(of: text, limit: limit, ambiguousIsWide: ambiguousIsWide) {
            var cell = x + placement.x
            for piece in placement.pieces {
                put(piece.text, cellWidth: piece.width, x: cell, y: y, style: style)
                cell += piece.width
            }
            used = placement.x + placement.width
        }
        if ellipsis, total > maxWidth, used < maxWidth {
            put("…", cellWidth: 1, x: x + used, y: y, style: style)
            used += 1
        }
        return used
    }

    /// Draws a box's border on the edge cells of `rect` (an overlay's frame, so that what it
    /// covers is clearly underneath).
    mutating func frame(_ rect: Rect, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let bottom = rect.y + rect.height - 1
        let right = rect.x + rect.width - 1
        for x in rect.x...right {
            put("─", cellWidth: 1, x: x, y: rect.y, style: style)
            put("─", cellWidth: 1, x: x, y: bottom, style: style)
        }
        for y in rect.y...bottom {
            put(y == rect.y ? "┌" : (y == bottom ? "└" : "│"), cellWidth: 1, x: rect.x, y: y, style: style)
            put(y == rect.y ? "┐" : (y == bottom ? "┘" : "│"), cellWidth: 1, x: right, y: y, style: style)
        }
    }
}
