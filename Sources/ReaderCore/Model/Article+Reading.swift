/// What a block of the reading pane is, for styling.
public enum ReadingRole: Hashable, Sendable {
    case title, metadata, lead, heading, paragraph, trailer
    /// A line of a code block: verbatim, cut at the pane's edge instead of wrapped.
    case code
    /// A row of a table: cells laid out in columns.
    case tableRow
}

/// One block of an article's text as the reader shows and searches it: sanitized, in
/// reading order. Reading positions and search matches are offsets into these blocks.
public struct ReadingBlock: Hashable, Sendable {
    public var role: ReadingRole
    public var text: String
    /// A heading's level (1–6).
    public var level: Int = 0
    /// List nesting and block-quote nesting, for indents and bars.
    public var listDepth: Int = 0
    public var quoteDepth: Int = 0
    /// A list item's marker, drawn before the first line; the other lines hang after it.
    public var marker: String = ""
    /// Styles and links: UTF-8 ranges of `text`.
    public var spans: [InlineSpan] = []
    /// Which table a row belongs to (its index among the article's tables), and the UTF-8
    /// ranges of its cells in `text`; whether it is the header row.
    public var table: Int? = nil
    public var cells: [Range<Int>] = []
    public var isHeader = false
    /// Column alignments of the row's table.
    public var alignments: [Table.Alignment] = []
    /// A code block's lines, a table's rows and a list's items are blocks of their own that
    /// belong together: no blank line between them.
    public var continues = false

    public init(role: ReadingRole, text: String) {
        self.role = role
        self.text = text
    }

    /// The block's links: UTF-8 ranges of `text` and their targets.
    public var links: [(range: Range<Int>, target: String)] {
        spans.compactMap { span in
            if case .link(let target) = span.kind { return (span.range, target) }
            return nil
        }
    }
}

extension Article {
    /// The article's text in reading order: title, metadata line, lead, body, links.
    public var readingBlocks: [ReadingBlock] {
        var blocks = [ReadingBlock(role: .title, text: Sanitizer.displayable(title))]
        let meta = metadataLine
        if !meta.isEmpty { blocks.append(ReadingBlock(role: .metadata, text: Sanitizer.displayable(meta))) }
        if let lead, !lead.isEmpty { blocks.append(ReadingBlock(role: .lead, text: Sanitizer.displayable(lead))) }
        var tables = 0
        var previousListDepth = 0
        for block in body {
            var shown = ReadingBlock(role: .paragraph, text: "")
            shown.listDepth = block.listDepth
            shown.quoteDepth = block.quoteDepth
            // The items of a list follow one another without a blank line.
            shown.continues = block.listDepth > 0 && previousListDepth > 0
            previousListDepth = block.listDepth
            switch block.kind {
            case .code:
                // One block per line, spaces kept.
                for (n, line) in block.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    var code = shown
                    code.role = .code
                    code.text = Sanitizer.verbatim(String(line))
                    code.continues = n > 0 || shown.continues
                    blocks.append(code)
                }
                continue
            case .table:
                guard let table = block.table else { continue }
                for (n, row) in table.rows.enumerated() {
                    var line = shown
                    line.role = .tableRow
                    line.table = tables
                    line.isHeader = n == 0
                    line.continues = n > 0 || shown.continues
                    line.alignments = table.alignments
                    var text = ""
                    for (k, cell) in row.enumerated() {
                        if k > 0 { text += " " }
                        let clean = Sanitizer.displayable(cell)
                        let start = text.utf8.count
                        text += clean
                        line.cells.append(start..<text.utf8.count)
                    }
                    line.text = text
                    blocks.append(line)
                }
                tables += 1
                continue
            case .heading:
                shown.role = .heading
                shown.level = block.level
            case .listItem:
                shown.marker = block.marker
            case .paragraph:
                break
            }
            // Spans count bytes of the text as parsed: moved with what sanitizing changed.
            (shown.text, shown.spans) = Sanitizer.displayable(block.text, spans: block.spans)
            blocks.append(shown)
        }
        if !urls.isEmpty {
            let label = ArticleLabels.of(language).link
            for url in urls {
                let clean = Sanitizer.displayable(url)
                var block = ReadingBlock(role: .trailer, text: "\(label) \(clean)")
                let start = label.utf8.count + 1
                block.spans = [InlineSpan(.link(Links.safeTarget(url)), start..<(start + clean.utf8.count))]
                blocks.append(block)
            }
        }
        return blocks
    }
}
