import ReaderCore
import Grid

extension Screen {
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
        for character in text {
            var shown = character
            if let first = character.unicodeScalars.first, first.value < 0x20 || (0x7F...0x9F).contains(first.value) {
                shown = "\u{FFFD}"
            }
            let w = DisplayWidth.of(shown, ambiguousIsWide: ambiguousIsWide)
            if w == 0 { continue }
            if used + w > limit { break }
            put(String(shown), cellWidth: w, x: x + used, y: y, style: style)
            used += w
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
