/// Where a search match lies: a text block and a UTF-8 byte range inside it.
///
/// Blocks are numbered as the caller passed them to ``SearchIndex`` (title, lead, body
/// paragraphs, in reading order). The range is in the block's own UTF-8 bytes and always
/// starts and ends on grapheme-cluster boundaries, so it can be cut out of the block with
/// `String.Index(utf8Offset:)` or mapped onto wrapped lines by offset.
public struct SearchMatch: Hashable, Sendable {
    /// How a match matched the query.
    public enum Kind: UInt8, Hashable, Sendable {
        /// The text as written (after case and width folding).
        case literal
        /// Some character through its simplified or traditional variant (`乡` for `鄉`).
        case variant
        /// Han characters through their pinyin (`xczx` for `乡村振兴`).
        case pinyin

        /// What the status bar calls it: nothing for a literal match, `繁简` or `拼音`.
        public var label: String? {
            switch self {
            case .literal: nil
            case .variant: "繁简"
            case .pinyin: "拼音"
            }
        }
    }

    public var block: Int
    public var range: Range<Int>
    public var kind: Kind

    public init(block: Int, range: Range<Int>, kind: Kind = .literal) {
        self.block = block
        self.range = range
        self.kind = kind
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
