import CCmarkGFM
import Foundation

/// Parses articles kept as Markdown with a front-matter block:
///
///     ---
///     title: 标题
///     date: 2023-01-16
///     source: 某报
///     author: 张三
///     url: https://example.com/a
///     tags: [甲, 乙]
///     related:
///       - 另一篇文章的标题
///     ---
///     # Heading
///
///     A paragraph with *emphasis* and a [link](https://example.com).
///
/// The body goes through cmark-gfm (CommonMark with GitHub's tables, strikethrough and
/// autolinks) and comes out as blocks: headings with their level, paragraphs, list items
/// with their depth and marker, code blocks verbatim, tables, each with how many block quotes
/// hold it. Emphasis, code, strikethrough and links are spans of the text; images are shown
/// as `[图 alt]`. Without a `title` the first heading is the title (or the first paragraph).
public enum MarkdownFormat {
    /// Reads an article from Markdown text. Returns nil when there is no title: no `title`
    /// field, no heading and no text.
    public static func parse(_ text: String, path: String? = nil) -> Article? {
        var article = Article(title: "", path: path)
        var body = Substring(text)
        if let (fields, end) = frontMatter(TextLines.trimmedLines(text)) {
            apply(fields, to: &article)
            body = text.dropFirstLines(end)
        }
        let language = ArticleLanguage.guess(body.prefix(2000))
        var blocks = MarkdownBlocks.parse(String(body), language: language, related: &article.related)
        if article.title.isEmpty {
            if let i = blocks.firstIndex(where: { $0.kind == .heading }) {
                article.title = blocks.remove(at: i).text
            } else if let i = blocks.firstIndex(where: { !$0.text.isEmpty }) {
                article.title = blocks.remove(at: i).text
            } else {
                return nil
            }
        }
        article.body = blocks
        return article
    }

    // MARK: - Front matter

    /// A front-matter value: a scalar or a list.
    enum Value: Equatable {
        case text(String)
        case list([String])

        var text: String {
            switch self {
            case .text(let s): return s
            case .list(let items): return items.joined(separator: ", ")
            }
        }

        var list: [String] {
            switch self {
            case .list(let items): return items
            case .text(let s):
                return s.split(whereSeparator: { ",，、;；".contains($0) })
                    .map { unquote(TextLines.trimmed($0)) }.filter { !$0.isEmpty }
            }
        }
    }

    /// The fields of a `---` … `---` block at the top, and the line after it; nil without one.
    static func frontMatter(_ lines: [String]) -> ([(String, Value)], Int)? {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), lines[first] == "---",
              let close = lines[(first + 1)...].firstIndex(where: { $0 == "---" || $0 == "..." }) else { return nil }
        var fields: [(String, Value)] = []
        for line in lines[(first + 1)..<close] where !line.isEmpty && !line.hasBytePrefix("#") {
            if line.hasBytePrefix("- "), let last = fields.indices.last {
                let item = unquote(TextLines.trimmed(line.dropFirst(2)))
                switch fields[last].1 {
                case .list(let items): fields[last].1 = .list(items + [item])
                case .text(let s) where s.isEmpty: fields[last].1 = .list([item])
                case .text: break
                }
                continue
            }
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let key = TextLines.trimmed(line[..<colon]).lowercased()
            let raw = TextLines.trimmed(line[line.index(after: colon)...])
            if raw.hasBytePrefix("["), raw.hasByteSuffix("]") {
                let inner = raw.dropFirst().dropLast()
                let items = inner.split(separator: ",").map { unquote(TextLines.trimmed(Substring($0))) }
                fields.append((key, .list(items.filter { !$0.isEmpty })))
            } else {
                fields.append((key, .text(unquote(raw))))
            }
        }
        return (fields, close + 1)
    }

    static func apply(_ fields: [(String, Value)], to article: inout Article) {
        for (key, value) in fields {
            let text = value.text
            switch key {
            case "title", "标题": article.title = text
            case "date", "published", "日期": article.date = PlainTextFormat.parseDate(text)
            case "source", "来源": article.source = text.isEmpty ? nil : text
            case "url", "link", "链接", "原文":
                let url = Links.safeTarget(text)
                if !url.isEmpty, !article.urls.contains(url) { article.urls.append(url) }
            case "author", "作者": article.author = text.isEmpty ? nil : text
            case "editor", "编辑": article.editor = text.isEmpty ? nil : text
            case "site", "网站": article.site = text.isEmpty ? nil : text
            case "lead", "summary", "description", "导语": article.lead = text.isEmpty ? nil : text
            case "tags", "标签", "keywords": article.tags = value.list
            case "related", "相关", "相关信息":
                article.related += value.list.map { RelatedItem(title: $0) }
            default: break
            }
        }
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

extension String {
    /// The text after its first `count` lines (ended by LF, CRLF or CR).
    func dropFirstLines(_ count: Int) -> Substring {
        var lines = 0
        var index = utf8.startIndex
        while lines < count, index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            if byte == 0x0A {
                lines += 1
            } else if byte == 0x0D {
                if index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
                lines += 1
            }
        }
        return self[index...]
    }
}
