import CCmarkGFM
import TextSafety

/// The body of a Markdown article as blocks, read from cmark-gfm's syntax tree.
///
/// The tree is walked with cmark's iterator (no recursion, so nesting depth costs no stack),
/// and every node is visited once: linear in the size of the tree, which cmark builds in
/// linear time.
enum MarkdownBlocks {
    /// GitHub's extensions, registered once for all threads (immutable afterwards; parsers
    /// only read them).
    nonisolated(unsafe) private static let table = syntaxExtension("table")
    nonisolated(unsafe) private static let strikethrough = syntaxExtension("strikethrough")
    nonisolated(unsafe) private static let autolink = syntaxExtension("autolink")

    private static func syntaxExtension(_ name: String) -> OpaquePointer? {
        cmark_gfm_core_extensions_ensure_registered()
        return name.withCString { cmark_find_syntax_extension($0) }
    }

    /// Input shapes on which cmark-gfm's extensions stop being fast (measured, see
    /// docs/typography.md): the table extension is quadratic in a row's cells, and the
    /// autolink extension slow on very long lines full of `@`. A document with a line of more
    /// than `maximumTableCells` pipes is read without tables; one with a line longer than
    /// `maximumAutolinkLine` bytes finds its bare URLs with `Links.bareURLs` instead.
    static let maximumTableCells = 128
    static let maximumAutolinkLine = 16 * 1024

    /// Headings that open an article's own related list: its items become related articles.
    static let relatedHeadings: Set<String> = ["相关信息", "相关阅读", "相关文章", "関連記事", "Related", "Related articles"]

    static func parse(_ text: String, language: ArticleLanguage, related: inout [RelatedItem]) -> [Block] {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        var text = text
        let (longestLine, mostPipes) = text.withUTF8(lineShape)
        if mostPipes <= maximumTableCells, let table { cmark_parser_attach_syntax_extension(parser, table) }
        if let strikethrough { cmark_parser_attach_syntax_extension(parser, strikethrough) }
        let gfmAutolinks = longestLine <= maximumAutolinkLine
        if gfmAutolinks, let autolink { cmark_parser_attach_syntax_extension(parser, autolink) }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        var walker = Walker(labels: ArticleLabels.of(language), findsBareURLs: !gfmAutolinks)
        walker.walk(document)
        related += walker.related
        return walker.blocks
    }

    /// The longest line of `bytes` and the most `|` on one line: one pass.
    static func lineShape(_ bytes: UnsafeBufferPointer<UInt8>) -> (longest: Int, pipes: Int) {
        var longest = 0, mostPipes = 0, start = 0, pipes = 0
        for (i, b) in bytes.enumerated() {
            if b == 0x0A || b == 0x0D {
                longest = max(longest, i - start)
                mostPipes = max(mostPipes, pipes)
                start = i + 1
                pipes = 0
            } else if b == UInt8(ascii: "|") {
                pipes += 1
            }
        }
        return (max(longest, bytes.count - start), max(mostPipes, pipes))
    }

    /// The state of one walk over the tree.
    struct Walker {
        let labels: ArticleLabels
        /// Find bare URLs in paragraphs here (when cmark's autolink extension is off).
        let findsBareURLs: Bool
        var blocks: [Block] = []
        var related: [RelatedItem] = []
        var quoteDepth = 0
        /// Open lists: ordered or not, the next item's number, the delimiter after it.
        var lists: [(ordered: Bool, next: Int, delimiter: String)] = []
        /// The marker of an item whose first block has not come yet.
        var pendingMarker: String? = nil
        var inRelated = false
        var inline: InlineText? = nil
        /// The table being read: its rows of cells.
        var rows: [[String]] = []

        mutating func walk(_ root: OpaquePointer) {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                visit(node, entering: event == CMARK_EVENT_ENTER)
            }
        }

        private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }

        private mutating func visit(_ node: OpaquePointer, entering: Bool) {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_DOCUMENT:
                break
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_LIST:
                if entering {
                    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
                    lists.append((ordered, Int(cmark_node_get_list_start(node)), delimiter))
                } else {
                    lists.removeLast()
                }
            case CMARK_NODE_ITEM:
                if entering, let list = lists.last {
                    if list.ordered {
                        pendingMarker = "\(list.next)\(list.delimiter)"
                        lists[lists.count - 1].next += 1
                    } else {
                        pendingMarker = ["•", "◦", "▪"][(lists.count - 1) % 3]
                    }
                } else {
                    pendingMarker = nil
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    inline = InlineText(labels: labels)
                } else if var text = inline {
                    inline = nil
                    text.finish(findingBareURLs: findsBareURLs)
                    endTextBlock(text, heading: type == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : 0)
                }
            case CMARK_NODE_CODE_BLOCK:
                var literal = Walker.string(cmark_node_get_literal(node))
                if literal.hasSuffix("\n") { literal.removeLast() }
                var block = Block(.code, literal)
                place(&block)
                pendingMarker = nil
                blocks.append(block)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_DEFINITION:
                break
            case CMARK_NODE_TEXT:
                inline?.append(Walker.string(cmark_node_get_literal(node)))
            case CMARK_NODE_CODE:
                inline?.appendCode(Walker.string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                inline?.lineBreak()
            case CMARK_NODE_EMPH:
                inline?.mark(.emphasis, entering: entering)
            case CMARK_NODE_STRONG:
                inline?.mark(.strong, entering: entering)
            case CMARK_NODE_LINK:
                inline?.mark(.link(Links.safeTarget(Walker.string(cmark_node_get_url(node)))), entering: entering)
            case CMARK_NODE_IMAGE:
                inline?.image(target: Links.safeTarget(Walker.string(cmark_node_get_url(node))), entering: entering)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
                break
            default:
                extensionNode(node, entering: entering)
            }
        }

        /// Tables and strikethrough, whose node types the extensions register at run time.
        private mutating func extensionNode(_ node: OpaquePointer, entering: Bool) {
            switch Walker.string(cmark_node_get_type_string(node)) {
            case "strikethrough":
                inline?.mark(.strikethrough, entering: entering)
            case "table":
                if entering {
                    rows = []
                } else {
                    let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                    var alignments: [Table.Alignment] = []
                    if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                        for k in 0..<columns {
                            switch raw[k] {
                            case UInt8(ascii: "c"): alignments.append(.center)
                            case UInt8(ascii: "r"): alignments.append(.right)
                            default: alignments.append(.left)
                            }
                        }
                    }
                    var block = Block(.table, "")
                    block.table = Table(rows: rows, alignments: alignments)
                    place(&block)
                    pendingMarker = nil
                    blocks.append(block)
                    rows = []
                }
            case "table_row":
                if entering { rows.append([]) }
            case "table_cell":
                if entering {
                    inline = InlineText(labels: labels)
                } else if var text = inline {
                    inline = nil
                    text.finish()
                    if rows.isEmpty { rows.append([]) }
                    rows[rows.count - 1].append(text.text)
                }
            default:
                break
            }
        }

        /// Quote and list nesting of a block about to be added.
        private func place(_ block: inout Block) {
            block.quoteDepth = quoteDepth
            block.listDepth = lists.count
        }

        private mutating func endTextBlock(_ text: InlineText, heading level: Int) {
            if level > 0 {
                inRelated = MarkdownBlocks.relatedHeadings.contains(text.text)
                if inRelated { return }
                var block = Block(.heading, text.text, level: level, spans: text.spans)
                place(&block)
                blocks.append(block)
                return
            }
            if let marker = pendingMarker {
                pendingMarker = nil
                if inRelated {
                    if !text.text.isEmpty { related.append(RelatedItem(title: text.text)) }
                    return
                }
                var block = Block(.listItem, text.text, spans: text.spans)
                block.marker = marker
                place(&block)
                blocks.append(block)
                return
            }
            guard !text.text.isEmpty else { return }
            var block = Block(.paragraph, text.text, spans: text.spans)
            place(&block)
            blocks.append(block)
        }
    }
}

/// The text of one paragraph, heading or table cell as it is built from inline nodes:
/// sanitized as it grows (so that span offsets stay true), with its spans.
struct InlineText {
    let labels: ArticleLabels
    private var bytes: [UInt8] = []
    private(set) var spans: [InlineSpan] = []
    private var open: [(kind: InlineSpan.Kind, start: Int)] = []
    /// A line break inside the paragraph: a space between Latin words, nothing between CJK.
    private var pendingBreak = false
    /// A space before the next text whatever it is (after an image's label).
    private var pendingSpace = false

    init(labels: ArticleLabels) { self.labels = labels }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: String) {
        guard let first = literal.unicodeScalars.first else { return }
        if pendingSpace {
            pendingSpace = false
            pendingBreak = false
            appendScalar(" ")
        } else if pendingBreak {
            pendingBreak = false
            if let last = bytes.last, last < 0x80 || first.isASCII { appendScalar(" ") }
        }
        for scalar in literal.unicodeScalars { appendScalar(scalar) }
    }

    /// One scalar, made safe as `Sanitizer.displayable` would (`ControlPolicy`, then runs of
    /// spaces collapsed, none leading).
    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        var s = scalar
        switch ControlPolicy.treatment(of: scalar) {
        case .keep: break
        case .replace(let shown): s = shown
        case .drop: return
        }
        if s == " ", bytes.isEmpty || bytes.last == 0x20 { return }
        bytes.append(contentsOf: String(Character(s)).utf8)
    }

    mutating func appendCode(_ literal: String) {
        let start = bytes.count
        append(literal)
        if bytes.count > start { spans.append(InlineSpan(.code, start..<bytes.count)) }
    }

    mutating func lineBreak() { if !bytes.isEmpty { pendingBreak = true } }

    mutating func mark(_ kind: InlineSpan.Kind, entering: Bool) {
        if entering {
            open.append((kind, bytes.count))
        } else if let (kind, start) = open.popLast(), bytes.count > start {
            spans.append(InlineSpan(kind, start..<bytes.count))
        }
    }

    /// `[图 alt]`, linked to the image.
    mutating func image(target: String, entering: Bool) {
        if entering {
            append("[\(labels.image)")
            open.append((.link(target), bytes.count - labels.image.utf8.count - 1))
            pendingSpace = true
        } else {
            pendingSpace = false
            pendingBreak = false
            append("]")
            if let (kind, start) = open.popLast(), !target.isEmpty { spans.append(InlineSpan(kind, start..<bytes.count)) }
        }
    }

    /// Drops a trailing space and closes what is still open; with `findingBareURLs`, bare
    /// URLs outside links become links.
    mutating func finish(findingBareURLs: Bool = false) {
        while bytes.last == 0x20 { bytes.removeLast() }
        if findingBareURLs {
            let linked = spans.filter { if case .link = $0.kind { return true } else { return false } }.map(\.range)
            for span in Links.bareURLSpans(in: text) where !linked.contains(where: { $0.overlaps(span.range) }) {
                spans.append(span)
            }
        }
        spans = spans.compactMap { span in
            let upper = min(span.range.upperBound, bytes.count)
            return span.range.lowerBound < upper ? InlineSpan(span.kind, span.range.lowerBound..<upper) : nil
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
    }
}
