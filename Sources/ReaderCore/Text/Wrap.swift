/// Options of text layout.
public struct WrapOptions: Hashable, Sendable {
    /// East Asian Ambiguous characters (`“ ” — …`) take two cells.
    public var ambiguousIsWide: Bool
    /// Keep a paragraph's leading U+3000 indent (dropped anyway when the pane is too narrow).
    public var keepIndent: Bool
    /// Take one more character down when a paragraph's last line would hold a lone one (孤字).
    public var avoidLoneCharacter: Bool

    public init(ambiguousIsWide: Bool = false, keepIndent: Bool = true, avoidLoneCharacter: Bool = true) {
        self.ambiguousIsWide = ambiguousIsWide
        self.keepIndent = keepIndent
        self.avoidLoneCharacter = avoidLoneCharacter
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
/// `width` cells, the way a Chinese typesetter would (see docs/typography.md).
///
/// Lines break at UAX #14 opportunities with the strict CJK tailoring and the Chinese rules,
/// filled greedily; spaces at a break hang (no line starts or ends with one). A run with no
/// opportunity that is wider than the line breaks where the Chinese rules took opportunities
/// away, then between words, then between grapheme clusters. Only a single cluster wider than
/// the whole line (e.g. an emoji sequence in a 2-cell pane) can make a line wider than `width`.
/// An empty or all-blank paragraph gives one empty line. The last line never holds a lone
/// character when the line above can give it one more; `balanced` (for titles) evens the
/// lines out, keeping their number.
public func wrap(_ paragraph: String, width: Int, options: WrapOptions = WrapOptions(),
                 balanced: Bool = false) -> [WrappedLine] {
    var paragraph = paragraph
    paragraph.makeContiguousUTF8()
    return paragraph.utf8.withContiguousStorageIfAvailable { bytes in
        let layout = LineLayout(utf8: bytes, width: width, options: options, balanced: balanced)
        return layout.lines.map { line in
            let start = layout.text.offsets[line.start]
            let end = layout.text.offsets[line.end]
            return WrappedLine(start: start, end: end,
                               text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                               width: line.width)
        }
    }!
}
