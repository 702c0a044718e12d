import TextSafety

/// One cell of the grid: a grapheme cluster and its style. A wide character occupies its
/// cell and the next, which holds the empty string (a continuation cell).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    /// Where the cell's text links to, when it is part of a link: the terminal may wrap it
    /// in an OSC 8 hyperlink. Never holds a control character or a space.
    public var link: String? = nil

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that views render into and the terminal flushes: the whole picture of a
/// frame, independent of any terminal.
public struct Screen: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Puts one grapheme cluster of `cellWidth` cells at (x, y); the cells after the first
    /// become continuation cells. A cluster that would cross the right edge is not drawn;
    /// returns the cells used. The text is kept as `ControlPolicy` says it may be shown, so
    /// no cell holds a control character.
    @discardableResult
    public mutating func put(_ text: String, cellWidth: Int, x: Int, y: Int, style: Style) -> Int {
        guard y >= 0, y < height, x >= 0, cellWidth > 0, x + cellWidth <= width else { return 0 }
        clearWide(x: x, y: y)
        var shown = ControlPolicy.apply(text)
        if shown.isEmpty { shown = " " }
        self[x, y] = Cell(shown, style: style)
        for extra in 1..<cellWidth {
            clearWide(x: x + extra, y: y)
            self[x + extra, y] = Cell("", style: style)
        }
        if x + cellWidth < width, self[x + cellWidth, y].isContinuation {
            self[x + cellWidth, y] = Cell(" ", style: self[x + cellWidth, y].style)
        }
        return cellWidth
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                clearWide(x: col, y: row)
                self[col, row] = Cell(" ", style: style)
            }
        }
    }

    /// Overwriting part of a wide character blanks the rest of it.
    private mutating func clearWide(x: Int, y: Int) {
        var left = x
        while left > 0, self[left, y].isContinuation { left -= 1 }
        var right = x + 1
        while right < width, self[right, y].isContinuation { right += 1 }
        guard right - left > 1 else { return }
        for col in left..<right where col != x { self[col, y] = Cell(" ", style: self[col, y].style) }
    }

    /// The text of row `y`, continuation cells left out: what a person reads on that row.
    public func text(row y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
        return line
    }

    /// Every row as text, trailing blanks trimmed: the readable form golden tests compare.
    public var textLines: [String] {
        (0..<height).map { y in
            var line = text(row: y)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The rows whose cells differ from `old`'s; all rows when the sizes differ.
    public func changedRows(since old: Screen?) -> [Int] {
        guard let old, old.width == width, old.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            let range = (y * width)..<((y + 1) * width)
            return cells[range] != old.cells[range]
        }
    }
}
