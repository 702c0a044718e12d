/// Options of text layout.
public struct WrapOptions: Hashable, Sendable {
    /// East Asian Ambiguous characters (`“ ” — …`) take two cells.
    public var ambiguousIsWide: Bool
    /// Keep a paragraph's leading U+3000 indent.
    public var keepIndent: Bool

    public init(ambiguousIsWide: Bool = false, keepIndent: Bool = true) {
        self.ambiguousIsWide = ambiguousIsWide
        self.keepIndent = keepIndent
    }
}

/// One line of a wrapped paragraph: a slice of the paragraph, spaces at the break hung.
public struct WrappedLine: Hashable, Sendable {
    /// UTF-8 offset in the paragraph where the line starts.
    public var start: Int
    /// UTF-8 offset in the paragraph where the line ends (exclusive).
    public var end: Int
    /// The line's text: exactly the paragraph's UTF-8 bytes `start..<end`.
    public var text: String
    /// Display width in cells.
    public var width: Int

    public init(start: Int, end: Int, text: String, width: Int) {
        self.start = start
        self.end = end
        self.text = text
        self.width = width
    }
}

/// Wraps one paragraph (no hard breaks inside; already sanitized) into lines of at most
/// `width` cells.
public func wrap(_ paragraph: String, width: Int, options: WrapOptions = WrapOptions()) -> [WrappedLine] {
    let width = max(width, 2)
    var lines: [WrappedLine] = []
    let utf8 = paragraph.utf8
    var lineStart = paragraph.startIndex
    var lineWidth = 0
    var lastBreak: String.Index? = nil  // index where a new line may start
    var widthAtBreak = 0
    var index = paragraph.startIndex

    func emit(_ from: String.Index, _ to: String.Index) {
        var end = to
        while end > from, paragraph[paragraph.index(before: end)] == " " { end = paragraph.index(before: end) }
        var start = from
        while start < end, paragraph[start] == " " { start = paragraph.index(after: start) }
        let text = String(paragraph[start..<end])
        lines.append(WrappedLine(
            start: utf8.distance(from: utf8.startIndex, to: start),
            end: utf8.distance(from: utf8.startIndex, to: end),
            text: text, width: DisplayWidth.of(text, ambiguousIsWide: options.ambiguousIsWide)))
    }

    var previous: Character? = nil
    while index < paragraph.endIndex {
        let c = paragraph[index]
        let w = DisplayWidth.of(c, ambiguousIsWide: options.ambiguousIsWide)
        if let p = previous, p == " " || (DisplayWidth.of(p) == 2 && c != " ") || (DisplayWidth.of(c) == 2) {
            lastBreak = index
            widthAtBreak = lineWidth
        }
        if lineWidth + w > width, c != " " {
            if let b = lastBreak, b > lineStart {
                emit(lineStart, b)
                lineStart = b
                lineWidth -= widthAtBreak
            } else {
                emit(lineStart, index)
                lineStart = index
                lineWidth = 0
            }
            while lineStart < paragraph.endIndex, paragraph[lineStart] == " ", lineStart < index {
                lineStart = paragraph.index(after: lineStart)
            }
            lineWidth = DisplayWidth.of(paragraph[lineStart..<index], ambiguousIsWide: options.ambiguousIsWide)
            lastBreak = nil
        }
        lineWidth += w
        previous = c
        index = paragraph.index(after: index)
    }
    if lineStart < paragraph.endIndex || lines.isEmpty { emit(lineStart, paragraph.endIndex) }
    return lines
}
