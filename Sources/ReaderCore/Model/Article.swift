import Foundation

/// A calendar date as articles state it: no time, no time zone.
public struct ArticleDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2023-01-16`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: ArticleDate, rhs: ArticleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// One entry of an article's own related list (相关信息): a title and its summary.
public struct RelatedItem: Hashable, Sendable {
    public var title: String
    public var summary: String

    public init(title: String, summary: String = "") {
        self.title = title
        self.summary = summary
    }
}

/// A block of an article's body: a paragraph, a heading, a list item, a code block or a
/// table, possibly inside block quotes and lists.
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case paragraph
        /// Level in `level` (1–6; 2 for a plain-text subheading).
        case heading
        /// The first paragraph of a list item: drawn after `marker`, with a hanging indent.
        case listItem
        /// Verbatim lines joined by `\n`: kept as written, never wrapped typographically.
        case code
        /// Cells in `table`; `text` is empty.
        case table
    }

    public var kind: Kind
    public var text: String
    /// A heading's level (1–6); 0 for other kinds.
    public var level: Int = 0
    /// How many lists hold the block (1: an item of a top-level list).
    public var listDepth: Int = 0
    /// How many block quotes hold the block.
    public var quoteDepth: Int = 0
    /// A list item's marker (`•`, `◦`, `3.`).
    public var marker: String = ""
    /// Emphasis, code, strikethrough and links inside `text`.
    public var spans: [InlineSpan] = []
    /// A table's rows of cells (the first row is the header) and column alignments.
    public var table: Table? = nil

    public init(_ kind: Kind = .paragraph, _ text: String, level: Int = 0, spans: [InlineSpan] = []) {
        self.kind = kind
        self.text = text
        self.level = kind == .heading && level == 0 ? 1 : level
        self.spans = spans
    }

    /// The links inside `text`: each span that leads somewhere, with its target.
    public var links: [(range: Range<Int>, target: String)] {
        spans.compactMap { span in
            if case .link(let target) = span.kind { return (span.range, target) }
            return nil
        }
    }
}

/// A styled or linked stretch of a block's text: UTF-8 offsets into the text.
public struct InlineSpan: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case emphasis, strong, code, strikethrough
        /// A link to its target (a URL or a path, never holding a control character or space).
        case link(String)
    }

    public var range: Range<Int>
    public var kind: Kind

    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A table: rows of cell texts, the first row its header, and each column's alignment.
public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, center, right }

    public var rows: [[String]]
    public var alignments: [Alignment]

    public init(rows: [[String]], alignments: [Alignment] = []) {
        self.rows = rows
        self.alignments = alignments
    }

    /// The number of columns: the widest row's.
    public var columns: Int { rows.map(\.count).max() ?? 0 }
}

/// An article as read from disk: everything the reader shows or ranks by.
public struct Article: Hashable, Sendable {
    public var title: String
    public var date: ArticleDate?
    public var site: String?
    public var lead: String?
    public var body: [Block]
    public var editor: String?
    public var source: String?
    /// The writer, when the file names one (Markdown front matter `author`).
    public var author: String? = nil
    public var tags: [String]
    public var related: [RelatedItem]
    /// Site furniture kept apart from the body: promotion lines, footers.
    public var boilerplate: [String]
    /// Addresses the article names apart from its text: the plain-text layout's URL lines,
    /// Markdown front matter's `url`. Shown in the trailer.
    public var urls: [String] = []
    /// Where it was read from, if from a file.
    public var path: String?
    /// Set when the file had bytes that are not text in its encoding (shown as U+FFFD):
    /// what was wrong, for a flag next to the article.
    public var decodingNote: String? = nil

    public init(
        title: String, date: ArticleDate? = nil, site: String? = nil, lead: String? = nil,
        body: [Block] = [], editor: String? = nil, source: String? = nil, tags: [String] = [],
        related: [RelatedItem] = [], boilerplate: [String] = [], path: String? = nil
    ) {
        self.title = title
        self.date = date
        self.site = site
        self.lead = lead
        self.body = body
        self.editor = editor
        self.source = source
        self.tags = tags
        self.related = related
        self.boilerplate = boilerplate
        self.path = path
    }

    /// The metadata line of the reading pane: date · site · source · author · editor · tags,
    /// labelled in the article's language, without blanks or repeats (a source that is the
    /// site is said once).
    public var metadataLine: String {
        var parts: [String] = []
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let labels = ArticleLabels.of(language)
        let shownSource = source == site ? nil : given(source)
        let shownTags = tags.filter { !$0.isEmpty }
        let fields = [
            date?.description, given(site),
            shownSource.map { "\(labels.source) \($0)" },
            given(author).map { "\(labels.author) \($0)" },
            given(editor).map { "\(labels.editor) \($0)" },
            shownTags.isEmpty ? nil : "\(labels.tags) " + shownTags.joined(separator: " "),
        ]
        for part in fields {
            guard let part, !part.isEmpty, !parts.contains(part) else { continue }
            parts.append(part)
        }
        return parts.joined(separator: " · ")
    }
}
