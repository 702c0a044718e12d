import Grid
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
            let lineWidth = max(1, width - indent)
            let wrapped = block.role == .metadata || block.role == .trailer
                ? wrapFields(block.text, width: lineWidth, options: options)
                : wrap(block.text, width: lineWidth, options: options, balanced: block.role == .title)
            for line in wrapped {
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

    /// A batch moved the articles of generation `from` (`moved[old] == new`): their layouts,
    /// still right for their text, follow them into generation `to`.
    func remap(_ moved: [Int], from: Int, to: Int) {
        var next: [Key: ArticleLayout] = [:]
        for (key, layout) in layouts where key.generation == from && moved.indices.contains(key.article) {
            var newKey = key
            newKey.article = moved[key.article]
            newKey.generation = to
            next[newKey] = layout
        }
        layouts = next
    }
}
