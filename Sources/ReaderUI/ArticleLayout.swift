import ReaderCore

/// One row of the reading pane: a wrapped line of a block, or a blank between blocks.
public struct LayoutLine: Hashable, Sendable {
    public var role: ReadingRole?
    /// Index into the article's `readingBlocks`; for a blank, the block that follows.
    public var block: Int
    /// UTF-8 offsets of the line in its block's text.
    public var start: Int
    public var end: Int
    public var text: String
    /// Cells of indent before the text (the lead's bar).
    public var indent: Int

    public var isBlank: Bool { role == nil }
}

/// An article laid out for a text width: the rows of the reading pane.
public struct ArticleLayout: Sendable {
    public var width: Int
    public var blocks: [ReadingBlock]
    public var lines: [LayoutLine]

    /// Lays `article` out in lines of at most `width` cells.
    public init(article: Article, width: Int, options: WrapOptions = WrapOptions()) {
        self.width = width
        blocks = article.readingBlocks
        lines = []
        let leadIndent = width >= 12 ? 2 : 0
        for (index, block) in blocks.enumerated() {
            if index > 0, block.role != .metadata {
                lines.append(LayoutLine(role: nil, block: index, start: 0, end: 0, text: "", indent: 0))
            }
            let indent = block.role == .lead ? leadIndent : 0
            for line in wrap(block.text, width: max(1, width - indent), options: options) {
                lines.append(LayoutLine(role: block.role, block: index, start: line.start, end: line.end,
                                        text: line.text, indent: indent))
            }
        }
    }

    /// The row that shows the text at (`block`, `offset`): used to keep the same text in view
    /// when the width changes.
    public func line(containing block: Int, offset: Int) -> Int {
        var best = 0
        for (i, line) in lines.enumerated() {
            if line.block < block || (line.block == block && line.start <= offset && !line.isBlank) { best = i }
            if line.block > block { break }
        }
        return best
    }
}

/// Layouts by (article, library generation, width, options), so that a keystroke that only scrolls does no text
/// work and a resize wraps once. A memo shared by copies of the state; main thread only.
public final class LayoutCache: @unchecked Sendable {
    private struct Key: Hashable {
        var article: Int
        var generation: Int
        var width: Int
        var options: WrapOptions
    }

    private var layouts: [Key: ArticleLayout] = [:]
    public private(set) var builds = 0

    public init() {}

    public func layout(of article: Article, index: Int, generation: Int, width: Int, options: WrapOptions) -> ArticleLayout {
        let key = Key(article: index, generation: generation, width: width, options: options)
        if let layout = layouts[key] { return layout }
        if layouts.count > 32 { layouts.removeAll(keepingCapacity: true) }
        let layout = ArticleLayout(article: article, width: width, options: options)
        builds += 1
        layouts[key] = layout
        return layout
    }

    public func removeAll() { layouts.removeAll() }
}
