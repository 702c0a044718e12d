import Foundation

/// Where the reader stopped in an article: a place in its text, not a screen line, so that
/// it survives another terminal width.
///
/// `block` indexes the list of text blocks the caller lays the article out from (for the
/// reading pane: title, metadata line, lead, then the body blocks); `offset` is a UTF-8
/// offset into that block's text; `fraction` is how much of the article was read, 0...1
/// (the list shows it as "35%").
public struct ReadingPosition: Hashable, Sendable {
    public var block: Int
    public var offset: Int
    public var fraction: Double

    /// A position; negative numbers become 0, `fraction` is kept within 0...1 and rounded to
    /// four places (so the file does not churn on noise).
    public init(block: Int, offset: Int, fraction: Double) {
        self.block = max(0, block)
        self.offset = max(0, offset)
        self.fraction = fraction.isFinite ? (min(1, max(0, fraction)) * 10_000).rounded() / 10_000 : 0
    }

    /// The position of `index` in `blocks[block]`.
    public init(block: Int, index: String.Index, in blocks: [String], fraction: Double) {
        var offset = 0
        if blocks.indices.contains(block) {
            let text = blocks[block]
            let i = min(max(index, text.startIndex), text.endIndex)
            offset = text.utf8.distance(from: text.startIndex, to: i)
        }
        self.init(block: block, offset: offset, fraction: fraction)
    }

    /// This position made valid for `blocks` (the article may have changed since it was
    /// saved): the block index within range, the offset within that block and moved back to
    /// the start of the character it falls in. Nil when `blocks` is empty.
    public func clamped(to blocks: [String]) -> ReadingPosition? {
        guard !blocks.isEmpty else { return nil }
        let b = min(block, blocks.count - 1)
        let index = Self.characterStart(ofUTF8Offset: b == block ? offset : Int.max, in: blocks[b])
        return ReadingPosition(block: b, index: index, in: blocks, fraction: fraction)
    }

    /// The index in `blocks[block]` where reading resumes (see `clamped(to:)`).
    public func index(in blocks: [String]) -> (block: Int, index: String.Index)? {
        guard let c = clamped(to: blocks) else { return nil }
        return (c.block, Self.characterStart(ofUTF8Offset: c.offset, in: blocks[c.block]))
    }

    /// The start of the character (grapheme cluster) that holds UTF-8 offset `offset`;
    /// the end of `text` when the offset is at or past it.
    private static func characterStart(ofUTF8Offset offset: Int, in text: String) -> String.Index {
        var consumed = 0
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            consumed += text[i..<next].utf8.count
            if consumed > offset { return i }
            i = next
        }
        return text.endIndex
    }
}

extension ReadingPosition: Codable {
    private enum CodingKeys: String, CodingKey {
        case block, offset, fraction
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(block: try c.decode(Int.self, forKey: .block),
                  offset: try c.decode(Int.self, forKey: .offset),
                  fraction: try c.decode(Double.self, forKey: .fraction))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(block, forKey: .block)
        try c.encode(offset, forKey: .offset)
        try c.encode(fraction, forKey: .fraction)
    }
}
