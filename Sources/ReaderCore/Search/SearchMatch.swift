/// Where a search match lies: a text block and a UTF-8 byte range inside it.
///
/// Blocks are numbered as the caller passed them to ``SearchIndex`` (title, lead, body
/// paragraphs, in reading order). The range is in the block's own UTF-8 bytes and always
/// starts and ends on grapheme-cluster boundaries, so it can be cut out of the block with
/// `String.Index(utf8Offset:)` or mapped onto wrapped lines by offset.
public struct SearchMatch: Hashable, Sendable {
    public var block: Int
    public var range: Range<Int>

    public init(block: Int, range: Range<Int>) {
        self.block = block
        self.range = range
    }

    /// Where the match starts.
    public var start: SearchPosition { SearchPosition(block: block, offset: range.lowerBound) }
}

/// A place in the searched text: a block and a UTF-8 offset inside it; ordered as read.
public struct SearchPosition: Hashable, Comparable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static func < (lhs: SearchPosition, rhs: SearchPosition) -> Bool {
        (lhs.block, lhs.offset) < (rhs.block, rhs.offset)
    }
}
