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
/// Every part but the title may be missing; half- and full-width colons both occur.
public enum PlainTextFormat {
    /// Reads an article from its text. Returns nil when the text has no title line at all.
    public static func parse(_ text: String, path: String? = nil) -> Article? {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var cursor = 0
        func skipBlank() { while cursor < lines.count, lines[cursor].isEmpty { cursor += 1 } }

        skipBlank()
        guard cursor < lines.count else { return nil }
        var article = Article(title: lines[cursor], path: path)
        cursor += 1
        skipBlank()
        if cursor < lines.count, let date = parseDate(lines[cursor]) {
            article.date = date
            cursor += 1
            skipBlank()
        }
        // The site line: a short line that is not the lead and not a body paragraph.
        if cursor < lines.count, field(lines[cursor], "导语") == nil, lines[cursor].count <= 30,
           !isSentence(lines[cursor]) {
            article.site = lines[cursor]
            cursor += 1
        }

        var inRelated = false
        var afterRelated = false
        var pendingTitle: String? = nil
        for line in lines[cursor...] {
            if afterRelated {
                if !line.isEmpty { article.boilerplate.append(line) }
                continue
            }
            if inRelated {
                if line.hasPrefix("MORE") { continue }
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
            } else if let editor = field(line, "编辑") {
                article.editor = editor.isEmpty ? nil : editor
            } else if let source = field(line, "来源") {
                article.source = source.isEmpty ? nil : source
            } else if let tags = field(line, "标签") {
                article.tags = tags.split(whereSeparator: { " ,，、;；".contains($0) }).map(String.init)
            } else if line == "相关信息" || line == "相关阅读" || line == "相关文章" {
                inRelated = true
            } else if isBoilerplate(line) {
                article.boilerplate.append(line)
            } else {
                article.body.append(Block(.paragraph, line))
            }
        }
        if let title = pendingTitle { article.related.append(RelatedItem(title: title)) }
        // Sites repeat the lead as the first paragraph: show it once.
        if let lead = article.lead, let first = article.body.first, normalized(first.text) == normalized(lead) {
            article.body.removeFirst()
        }
        return article
    }

    /// `导语:x` or `导语：x` → `x`.
    static func field(_ line: String, _ name: String) -> String? {
        for colon in [":", "："] where line.hasPrefix(name + colon) {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// `2023-01-16`, `2023/01/16`, `2023.1.16`, `2023年1月16日`, optionally followed by a time.
    public static func parseDate(_ line: String) -> ArticleDate? {
        let digits = line.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).prefix(3).compactMap { Int($0) }
        guard digits.count == 3, line.first?.isNumber == true else { return nil }
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
        (line.hasPrefix("http://") || line.hasPrefix("https://") || line.hasPrefix("www."))
            && !line.contains(" ")
    }

    static func isFooter(_ line: String) -> Bool {
        line.contains("交流群") || line.contains("版权所有") || line.hasPrefix("Copyright")
    }

    /// Site furniture inside the body: bare URLs, numbered promotion lines, footers.
    static func isBoilerplate(_ line: String) -> Bool {
        if isBareURL(line) || isFooter(line) { return true }
        let promo = ["转发", "关注", "扫码", "加入", "二维码", "公众号"]
        if line.hasPrefix("(1)") || line.hasPrefix("（1）") || line.hasPrefix("(2)") || line.hasPrefix("（2）") {
            return promo.contains { line.contains($0) }
        }
        return false
    }

    static func normalized(_ s: String) -> String {
        s.filter { !$0.isWhitespace }
    }
}
