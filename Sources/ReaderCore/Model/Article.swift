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

/// A block of an article's body.
public struct Block: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case paragraph
        case heading
    }

    public var kind: Kind
    public var text: String
    /// Links inside `text` (from Markdown): shown as their text, their targets kept.
    public var links: [InlineLink] = []

    public init(_ kind: Kind = .paragraph, _ text: String, links: [InlineLink] = []) {
        self.kind = kind
        self.text = text
        self.links = links
    }
}

/// A link inside a block's text: `text` starts at character `offset` of the block and leads to `target`.
public struct InlineLink: Hashable, Sendable {
    public var offset: Int
    public var text: String
    public var target: String

    public init(offset: Int, text: String, target: String) {
        self.offset = offset
        self.text = text
        self.target = target
    }
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
    /// Site furniture kept apart from the body: promotion lines, bare URLs, footers.
    public var boilerplate: [String]
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

    /// The metadata line of the reading pane: date · site · source · editor, without blanks
    /// or repeats (a source that is the site is said once).
    public var metadataLine: String {
        var parts: [String] = []
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let shownSource = source == site ? nil : given(source)
        for part in [date?.description, given(site), shownSource.map { "来源 \($0)" }, given(editor).map { "编辑 \($0)" }] {
            guard let part, !part.isEmpty, !parts.contains(part) else { continue }
            parts.append(part)
        }
        return parts.joined(separator: " · ")
    }
}
