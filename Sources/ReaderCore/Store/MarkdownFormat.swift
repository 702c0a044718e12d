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
        parse(text, path: path, titleFromHeadingOnly: false)
    }

    /// `parse(_:path:)`; with `titleFromHeadingOnly`, nil when neither the front matter nor a
    /// heading gives the title.
    static func parse(_ text: String, path: String?, titleFromHeadingOnly: Bool) -> Article? {
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
            } else if titleFromHeadingOnly {
                return nil
            } else if let i = blocks.firstIndex(where: { !$0.text.isEmpty }) {
                article.title = blocks.remove(at: i).text
            } else {
                return nil
            }
        }
        article.body = blocks
        return article
    }

    // MARK: - Head only

    /// How much of `text` (UTF-8, the body starting at byte `bodyStart`) a parse needs to find
    /// the title the whole text has, when there is no title in the front matter: the bytes up
    /// to the end of the first line that may be a heading (an ATX `#` line or a setext
    /// underline), or, when no line may be, up to the first blank line after text. Nil when a
    /// cut could change the answer, and the whole text must be parsed: a code fence, HTML or
    /// a `[` (a reference defined later) before the cut, or no heading where one was expected
    /// (the caller then parses all). One pass over the bytes, stopping at the cut.
    /// `heading`: the cut is after a line that may be a heading, and only a heading found
    /// before it may give the title (`parse(_:path:titleFromHeadingOnly:)`).
    static func headPrefix(_ text: UnsafeBufferPointer<UInt8>, from bodyStart: Int) -> (end: Int, heading: Bool)? {
        var start = bodyStart
        var sawText = false
        var lookedAhead = false
        var previousBlank = true
        let n = text.count
        while start < n {
            var end = start
            while end < n, text[end] != 0x0A, text[end] != 0x0D { end += 1 }
            var next = end
            if next < n { next += (text[next] == 0x0D && next + 1 < n && text[next + 1] == 0x0A) ? 2 : 1 }
            var i = start, spaces = 0
            while i < end, text[i] == 0x20, spaces < 4 { i += 1; spaces += 1 }
            let blank = !(start..<end).contains { text[$0] != 0x20 && text[$0] != 0x09 }
            if !blank {
                for k in start..<end where text[k] == UInt8(ascii: "[") || text[k] == UInt8(ascii: "<") { return nil }
                if spaces < 4, i + 2 < end, text[i] == UInt8(ascii: "`") || text[i] == UInt8(ascii: "~"),
                   text[i + 1] == text[i], text[i + 2] == text[i] {
                    return nil
                }
                if spaces < 4, i < end, text[i] == UInt8(ascii: "#") {
                    var hashes = 0
                    while i + hashes < end, text[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
                    if hashes <= 6, i + hashes == end || text[i + hashes] == 0x20 || text[i + hashes] == 0x09 { return (next, true) }
                }
                if spaces < 4, !previousBlank, i < end, text[i] == UInt8(ascii: "=") || text[i] == UInt8(ascii: "-") {
                    let mark = text[i]
                    if !(i..<end).contains(where: { text[$0] != mark && text[$0] != 0x20 && text[$0] != 0x09 }) { return (next, true) }
                }
                sawText = true
            } else if sawText, !lookedAhead {
                // The first block is complete: it is the title when no heading follows.
                if candidateFree(text, from: next) { return (next, false) }
                lookedAhead = true
            }
            previousBlank = blank
            start = next
        }
        return nil
    }

    /// Whether no line from `start` on may be a heading (so the first block is the title).
    private static func candidateFree(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var lineStart = true
        var spaces = 0
        var previousBlank = false
        var lineHasText = false
        var i = start
        let n = text.count
        while i < n {
            let b = text[i]
            if b == 0x0A || b == 0x0D {
                previousBlank = !lineHasText
                lineStart = true
                spaces = 0
                lineHasText = false
                i += 1
                continue
            }
            if lineStart {
                if b == 0x20, spaces < 4 { spaces += 1; i += 1; continue }
                lineStart = false
                if spaces < 4 {
                    if b == UInt8(ascii: "#") { return false }
                    if !previousBlank, b == UInt8(ascii: "=") || b == UInt8(ascii: "-") { return false }
                }
            }
            if b != 0x20 && b != 0x09 { lineHasText = true }
            i += 1
        }
        return true
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

    /// Takes the front matter's fields into `article`. Besides yuedu's own names, those web
    /// clippers write: `published` or else `created`/`clipped` (the day it was saved) for the
    /// date, `source` that is a web address as the article's link, `byline`, `excerpt`.
    static func apply(_ fields: [(String, Value)], to article: inout Article) {
        var savedOn: ArticleDate?
        func addLink(_ text: String) {
            let url = Links.safeTarget(text)
            if !url.isEmpty, !article.urls.contains(url) { article.urls.append(url) }
        }
        for (key, value) in fields {
            let text = value.text
            switch key {
            case "title", "标题": article.title = text
            case "date", "published", "日期", "发布时间": article.date = PlainTextFormat.parseDate(text)
            case "created", "clipped", "saved": savedOn = PlainTextFormat.parseDate(text)
            case "source", "来源":
                if PlainTextFormat.isBareURL(text) { addLink(text) } else { article.source = text.isEmpty ? nil : text }
            case "url", "link", "链接", "原文", "source_url", "original": addLink(text)
            case "author", "作者", "byline", "by": article.author = text.isEmpty ? nil : text
            case "editor", "编辑": article.editor = text.isEmpty ? nil : text
            case "site", "网站", "site_name", "publisher": article.site = text.isEmpty ? nil : text
            case "lead", "summary", "description", "excerpt", "导语": article.lead = text.isEmpty ? nil : text
            case "tags", "标签", "keywords": article.tags = value.list
            case "related", "相关", "相关信息":
                article.related += value.list.map { RelatedItem(title: $0) }
            default: break
            }
        }
        if article.date == nil { article.date = savedOn }
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
