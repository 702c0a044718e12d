import Foundation

/// Parses the plain-text layout that news sites' saved articles use (the seed's layout):
///
///     title
///     2023-01-16
///     site
///     导语:lead
///     body paragraphs…
///     编辑:editor / 来源:source / 标签:tags
///     相关信息
///     MORE >>-
///     related title / its summary, items separated by "-" lines
///     site footer
///
/// Every part but the title may be missing; half- and full-width colons both occur. The
/// labelled lines also come as 责任编辑, 作者, 关键词, 网站 and in English (Editor, Source, Author,
/// Tags, Site).
public enum PlainTextFormat {
    /// Reads an article from its text. Returns nil when the text has no title line at all.
    public static func parse(_ text: String, path: String? = nil) -> Article? {
        // Body paragraphs keep a Chinese first-line indent (U+3000); everything else is read
        // without it.
        let indented = TextLines.trimmedLines(text, keepingIndent: true)
        let lines = indented.map(TextLines.withoutIndent)
        var cursor = 0
        func skipBlank() { while cursor < lines.count, lines[cursor].isEmpty { cursor += 1 } }

        // The first three lines that are not blank: title, date, site (`top`).
        var first: [Int] = []
        while first.count < 3 {
            skipBlank()
            guard cursor < lines.count else { break }
            first.append(cursor)
            cursor += 1
        }
        guard let (top, taken) = Self.top(first.map { lines[$0] }) else { return nil }
        var article = top
        article.path = path
        if lines[first[0]].utf8.count > maximumTitleBytes {
            // A first line this long is a paragraph that lost its line breaks, not a title:
            // its opening sentence names the article, and it is kept whole in the body.
            article.body.append(Block(.paragraph, lines[first[0]]))
        }
        cursor = first[taken - 1] + 1

        var inRelated = false
        var afterRelated = false
        var pendingTitle: String? = nil
        for index in lines.indices.dropFirst(cursor) {
            let line = lines[index]
            if afterRelated {
                if !line.isEmpty { article.boilerplate.append(line) }
                continue
            }
            if inRelated {
                if line.hasBytePrefix("MORE") { continue }
                if line == "-" || line.isEmpty && pendingTitle == nil {
                    if line.isEmpty, !article.related.isEmpty { afterRelated = true }
                    continue
                }
                if line.isEmpty { continue }
                if let title = pendingTitle {
                    article.related.append(RelatedItem(title: title, summary: line))
                    pendingTitle = nil
                } else if isFooter(line) {
                    afterRelated = true
                    article.boilerplate.append(line)
                } else {
                    pendingTitle = line
                }
                continue
            }
            if line.isEmpty { continue }
            if let lead = field(line, "导语") {
                article.lead = lead
            } else if let editor = field(line, anyOf: Self.editorLabels) {
                article.editor = editor.isEmpty ? nil : editor
            } else if let source = field(line, anyOf: Self.sourceLabels) {
                article.source = source.isEmpty ? nil : source
            } else if let author = field(line, anyOf: Self.authorLabels) {
                article.author = author.isEmpty ? nil : author
            } else if let tags = field(line, anyOf: Self.tagLabels) {
                article.tags = tags.split(whereSeparator: { " ,，、;；".contains($0) }).map(String.init)
            } else if line == "相关信息" || line == "相关阅读" || line == "相关文章" {
                inRelated = true
            } else if isBareURL(line) {
                let url = Links.safeTarget(line)
                if !article.urls.contains(url) { article.urls.append(url) }
            } else if isBoilerplate(line) {
                article.boilerplate.append(line)
            } else {
                article.body.append(Block(.paragraph, indented[index], spans: Links.bareURLSpans(in: indented[index])))
            }
        }
        if let title = pendingTitle { article.related.append(RelatedItem(title: title)) }
        // Sites repeat the lead as the first paragraph: show it once.
        if let lead = article.lead, let first = article.body.first, sameIgnoringBlanks(first.text, lead) {
            article.body.removeFirst()
        }
        markSubheadings(&article.body)
        return article
    }

    /// The top of the layout, from its first lines that are not blank (trimmed, without
    /// their indent; up to three): the title, the date on the next line (with a source named
    /// on it: `2023-01-16 10:20 来源:新华网`), and the site on the line after that (a short line
    /// that is not the lead, another labelled line or a body paragraph; `网站：` or `Site:`
    /// before the name is left out). With how many of the lines it took (1–3); nil when there
    /// are none. The listing's fast path reads the same lines (`ArticleFile.head(ofText:)`).
    static func top(_ lines: [String]) -> (Article, taken: Int)? {
        guard let first = lines.first else { return nil }
        var article = Article(title: title(ofFirstLine: first))
        var taken = 1
        if taken < lines.count, let date = date(ofLine: lines[taken]) {
            article.date = date
            let line = lines[taken]
            if TextLines.contains(line, "来源"), let range = line.range(of: "来源") {
                if let source = field(String(line[range.lowerBound...]), "来源"), !source.isEmpty { article.source = source }
            }
            taken += 1
        }
        if taken < lines.count {
            let line = lines[taken]
            if field(line, "导语") == nil, line.count <= 30, !isSentence(line), !isLabelled(line) {
                article.site = field(line, anyOf: Self.siteLabels) ?? line
                taken += 1
            }
        }
        return (article, taken)
    }

    // MARK: - Subheadings

    /// Widest a subheading can be, in cells (40 Chinese characters).
    static let maximumHeadingWidth = 80

    /// Turns the body's subheadings into heading blocks (level 2, without their indent).
    ///
    /// A subheading is a short line (at most 80 cells wide, 40 Chinese characters) that is
    /// followed by a wider paragraph and either
    /// - ends with `——`, `――` (the dash Chinese and Japanese papers put after a section's
    ///   title), `：` or `:`; or
    /// - holds no sentence punctuation: no `。．！？；` anywhere, and no `.!?;,，、` or closing
    ///   quote at its end (English section titles such as "Why it matters").
    /// The last block of the body is never a subheading: nothing follows it.
    static func markSubheadings(_ body: inout [Block]) {
        guard body.count > 1 else { return }
        for i in 0..<(body.count - 1) where body[i].kind == .paragraph {
            let line = TextLines.withoutIndent(body[i].text)
            let next = TextLines.withoutIndent(body[i + 1].text)
            if isSubheading(line, before: next) {
                body[i] = Block(.heading, line, level: 2, spans: body[i].spans.isEmpty ? [] : Links.bareURLSpans(in: line))
            }
        }
    }

    /// Whether `line` is a subheading when `next` is the paragraph after it.
    static func isSubheading(_ line: String, before next: String) -> Bool {
        // Widths counted only as far as the comparisons need: most lines are paragraphs.
        let width = DisplayWidth.of(line, upTo: maximumHeadingWidth)
        guard width > 0, width <= maximumHeadingWidth, DisplayWidth.of(next, upTo: width) > width else { return false }
        // Each test on characters is asked first of the code points, which rule most lines
        // out at a fraction of the cost (a character equal to one of these marks is that
        // one code point: none of them has a decomposition).
        if let end = line.unicodeScalars.last, "—―：:".unicodeScalars.contains(end),
           line.hasSuffix("——") || line.hasSuffix("――") || line.hasSuffix("：") || line.hasSuffix(":") {
            return line.count > 2
        }
        if line.unicodeScalars.contains(where: { "。．！？；".unicodeScalars.contains($0) }),
           line.contains(where: { "。．！？；".contains($0) }) { return false }
        // Nor is a character one of the closing marks below unless the last code point is.
        guard let end = line.unicodeScalars.last else { return false }
        if !".!?;,，、…”’\"'」』）)".unicodeScalars.contains(end) { return true }
        guard let last = line.last else { return false }
        return !".!?;,，、…”’\"'」』）)".contains(last)
    }

    /// The title an article whose first line (trimmed, not blank) is `line` has.
    static func title(ofFirstLine line: String) -> String {
        line.utf8.count > maximumTitleBytes ? openingSentence(line) : line
    }

    /// The date that `line`, the line after the title, gives, nil when it is not a date line.
    static func date(ofLine line: String) -> ArticleDate? {
        parseDate(dateText(line))
    }

    /// A first line longer than this (in UTF-8 bytes) is not a title.
    static let maximumTitleBytes = 600

    /// The first sentence of `line`, at most 60 characters (cut with `…`).
    static func openingSentence(_ line: String) -> String {
        var title = ""
        for (n, c) in line.enumerated() {
            if n == 60 { return title + "…" }
            if "。！？!?".contains(c) { return title }
            title.append(c)
        }
        return title
    }

    /// `导语:x` or `导语：x` → `x`.
    /// The labels of the lines that name the article's editor, source, writer, tags and site,
    /// as Chinese sites and English ones write them.
    static let editorLabels = ["编辑", "责任编辑", "责编", "Editor"]
    static let sourceLabels = ["来源", "Source"]
    static let authorLabels = ["作者", "Author"]
    static let tagLabels = ["标签", "关键词", "Tags", "Keywords"]
    static let siteLabels = ["网站", "Site"]

    /// Whether `line` is an editor, source, writer or tags line.
    static func isLabelled(_ line: String) -> Bool {
        [editorLabels, sourceLabels, authorLabels, tagLabels].contains { field(line, anyOf: $0) != nil }
    }

    /// The value of the first of `names` that labels `line`.
    static func field(_ line: String, anyOf names: [String]) -> String? {
        for name in names {
            if let value = field(line, name) { return value }
        }
        return nil
    }

    static func field(_ line: String, _ name: String) -> String? {
        let utf8 = line.utf8
        guard utf8.starts(with: name.utf8) else { return nil }
        let rest = utf8.dropFirst(name.utf8.count)
        let value: Substring.UTF8View
        if rest.first == UInt8(ascii: ":") {
            value = rest.dropFirst()
        } else if rest.starts(with: "：".utf8) {
            value = rest.dropFirst(3)
        } else {
            return nil
        }
        return TextLines.trimmed(Substring(value))
    }

    /// The date part of a date line: `发布时间:2023-01-16` → `2023-01-16`.
    static func dateText(_ line: String) -> String {
        for label in ["发布时间", "发布日期", "日期", "时间", "Date", "date"] {
            if let value = field(line, label) { return value }
        }
        return line
    }

    /// `2023-01-16`, `2023/01/16`, `2023.1.16`, `2023年1月16日`, optionally followed by a time.
    public static func parseDate(_ line: String) -> ArticleDate? {
        // The cheap test first: most lines that are not dates do not open with a digit.
        guard line.first?.isNumber == true else { return nil }
        let digits = line.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).prefix(3).compactMap { Int($0) }
        guard digits.count == 3 else { return nil }
        let head = line.prefix(while: { $0.isNumber || "-/.年月日 ".contains($0) })
        guard head.count >= 8 else { return nil }
        let (y, m, d) = (digits[0], digits[1], digits[2])
        guard (1000...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return ArticleDate(year: y, month: m, day: d)
    }

    static func isSentence(_ line: String) -> Bool {
        line.contains { "。，,.!！?？;；".contains($0) }
    }

    static func isBareURL(_ line: String) -> Bool {
        (line.hasBytePrefix("http://") || line.hasBytePrefix("https://") || line.hasBytePrefix("www."))
            && !line.utf8.contains(0x20)
    }

    static func isFooter(_ line: String) -> Bool {
        // Footers are short lines; body paragraphs that mention these words are not footers.
        guard line.utf8.count <= 240 else { return false }
        return TextLines.contains(line, "交流群") || TextLines.contains(line, "版权所有") || line.hasBytePrefix("Copyright")
    }

    /// Site furniture inside the body: bare URLs, numbered promotion lines, footers.
    static func isBoilerplate(_ line: String) -> Bool {
        if isBareURL(line) || isFooter(line) { return true }
        let promo = ["转发", "关注", "扫码", "加入", "二维码", "公众号"]
        if line.hasBytePrefix("(1)") || line.hasBytePrefix("（1）") || line.hasBytePrefix("(2)") || line.hasBytePrefix("（2）") {
            return promo.contains { TextLines.contains(line, $0) }
        }
        return false
    }

    /// Whether `a` and `b` are the same text but for blanks (spaces, tabs, U+3000),
    /// compared byte by byte.
    static func sameIgnoringBlanks(_ a: String, _ b: String) -> Bool {
        var x = a.utf8.makeIterator()
        var y = b.utf8.makeIterator()
        func next(_ it: inout String.UTF8View.Iterator) -> UInt8? {
            while let byte = it.next() {
                if byte == 0x20 || byte == 0x09 { continue }
                if byte == 0xE3 {
                    // U+3000 is E3 80 80: look ahead two bytes.
                    var probe = it
                    if probe.next() == 0x80, probe.next() == 0x80 { it = probe; continue }
                }
                return byte
            }
            return nil
        }
        while true {
            let (p, q) = (next(&x), next(&y))
            if p != q { return false }
            if p == nil { return true }
        }
    }
}
