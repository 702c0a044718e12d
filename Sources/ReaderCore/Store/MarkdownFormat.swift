import Foundation

/// Parses articles kept as Markdown with a front-matter block:
///
///     ---
///     title: 标题
///     date: 2023-01-16
///     source: 某报
///     author: 张三
///     tags: [甲, 乙]
///     related:
///       - 另一篇文章的标题
///     ---
///     # Heading
///
///     A paragraph with *emphasis* and a [link](https://example.com).
///
/// Headings become heading blocks and paragraphs paragraph blocks; emphasis, code and links are
/// shown as their text, with link targets kept in `Block.links`. Without a `title` the first
/// heading is the title.
public enum MarkdownFormat {
    /// Reads an article from Markdown text. Returns nil when there is no title: no `title`
    /// field, no heading and no text.
    public static func parse(_ text: String, path: String? = nil) -> Article? {
        let lines = TextLines.trimmedLines(text)
        var article = Article(title: "", path: path)
        var cursor = 0
        if let (fields, end) = frontMatter(lines) {
            apply(fields, to: &article)
            cursor = end
        }
        // Reference definitions, `[id]: target`, are read first and left out of the body.
        var references: [String: String] = [:]
        var bodyLines: [String] = []
        bodyLines.reserveCapacity(lines.count - cursor)
        for line in lines[cursor...] {
            if let (id, target) = referenceDefinition(line) {
                references[id.lowercased()] = target
            } else {
                bodyLines.append(line)
            }
        }
        var blocks = blocks(of: bodyLines, references: references, related: &article.related)
        if article.title.isEmpty {
            if let i = blocks.firstIndex(where: { $0.kind == .heading }) {
                article.title = blocks.remove(at: i).text
            } else if let first = blocks.first {
                article.title = first.text
                blocks.removeFirst()
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
                    .map { unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            }
        }
    }

    /// The fields of a `---` … `---` block at the top, and the line after it; nil without one.
    static func frontMatter(_ lines: [String]) -> ([(String, Value)], Int)? {
        guard let first = lines.firstIndex(where: { !$0.isEmpty }), lines[first] == "---",
              let close = lines[(first + 1)...].firstIndex(where: { $0 == "---" || $0 == "..." }) else { return nil }
        var fields: [(String, Value)] = []
        for line in lines[(first + 1)..<close] where !line.isEmpty && !line.hasPrefix("#") {
            if line.hasPrefix("- "), let last = fields.indices.last {
                let item = unquote(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
                switch fields[last].1 {
                case .list(let items): fields[last].1 = .list(items + [item])
                case .text(let s) where s.isEmpty: fields[last].1 = .list([item])
                case .text: break
                }
                continue
            }
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let raw = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if raw.hasPrefix("["), raw.hasSuffix("]") {
                let inner = raw.dropFirst().dropLast()
                let items = inner.split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }
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

    /// `[id]: https://…` → (id, target).
    static func referenceDefinition(_ line: String) -> (String, String)? {
        guard line.hasPrefix("["), let close = line.range(of: "]:") else { return nil }
        let id = line[line.index(after: line.startIndex)..<close.lowerBound]
        let target = line[close.upperBound...].trimmingCharacters(in: .whitespaces)
            .split(separator: " ").first.map(String.init) ?? ""
        guard !id.isEmpty, !target.isEmpty else { return nil }
        return (String(id), target.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
    }

    // MARK: - Blocks

    static func blocks(of lines: [String], references: [String: String], related: inout [RelatedItem]) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var inRelated = false
        var fence: String? = nil
        var code: [String] = []

        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            blocks.append(inline(joinLines(paragraph), references: references))
            paragraph = []
        }

        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if let open = fence {
                if line.hasPrefix(open) {
                    blocks.append(Block(.paragraph, code.joined(separator: "\n")))
                    code = []
                    fence = nil
                } else {
                    code.append(line)
                }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                endParagraph()
                fence = String(line.prefix(3))
                continue
            }
            if line.isEmpty || line.hasPrefix("<!--") {
                endParagraph()
                continue
            }
            if let (level, text) = atxHeading(line) {
                endParagraph()
                _ = level
                let block = inline(text, references: references)
                inRelated = ["相关信息", "相关阅读", "相关文章", "Related"].contains(block.text)
                if !inRelated { blocks.append(Block(.heading, block.text, links: block.links)) }
                continue
            }
            if isThematicBreak(line) {
                // `Title` over `---` or `===` is a heading; otherwise a rule, not shown.
                if paragraph.count == 1, line.first == "-" || line.first == "=" {
                    let block = inline(paragraph[0], references: references)
                    blocks.append(Block(.heading, block.text, links: block.links))
                    paragraph = []
                } else {
                    endParagraph()
                }
                continue
            }
            if let item = listItem(line) {
                endParagraph()
                let block = inline(item.text, references: references)
                if inRelated {
                    related.append(RelatedItem(title: block.text))
                } else {
                    let marker = item.marker
                    blocks.append(Block(.paragraph, marker + block.text,
                                        links: block.links.map { link in
                                            var moved = link
                                            moved.offset += marker.count
                                            return moved
                                        }))
                }
                continue
            }
            if line.hasPrefix(">") {
                let quoted = line.drop(while: { $0 == ">" || $0 == " " })
                if quoted.isEmpty { endParagraph() } else { paragraph.append(String(quoted)) }
                continue
            }
            paragraph.append(line)
        }
        if fence != nil, !code.isEmpty { blocks.append(Block(.paragraph, code.joined(separator: "\n"))) }
        endParagraph()
        return blocks
    }

    static func atxHeading(_ line: String) -> (Int, String)? {
        guard line.hasPrefix("#") else { return nil }
        let level = line.prefix(while: { $0 == "#" }).count
        guard level <= 6 else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (level, text.trimmingCharacters(in: .whitespaces))
    }

    static func isThematicBreak(_ line: String) -> Bool {
        guard let c = line.first, "-*_=".contains(c) else { return false }
        let marks = line.filter { $0 != " " }
        return marks.count >= 3 && marks.allSatisfy { $0 == c }
    }

    /// `- item`, `* item`, `+ item`, `1. item` → the marker to show and the item's text.
    static func listItem(_ line: String) -> (marker: String, text: String)? {
        if let c = line.first, "-*+".contains(c), line.dropFirst().first == " " {
            return ("• ", String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let dot = rest.first, dot == "." || dot == ")", rest.dropFirst().first == " " {
                return ("\(digits). ", String(rest.dropFirst(2)))
            }
        }
        return nil
    }

    /// Lines of one paragraph joined: with a space between Latin words, nothing between CJK.
    static func joinLines(_ lines: [String]) -> String {
        var out = lines[0]
        for line in lines.dropFirst() {
            if let last = out.last, let next = line.first, last.isASCII || next.isASCII { out += " " }
            out += line
        }
        return out
    }

    // MARK: - Inline

    /// Emphasis, code spans, links and images as plain text; link targets kept.
    static func inline(_ text: String, references: [String: String]) -> Block {
        let chars = Array(text)
        var out = ""
        var count = 0
        var links: [InlineLink] = []
        var i = 0

        func emit(_ s: String) {
            out += s
            count += s.count
        }
        /// The index of `close` at or after `from`, on the same text.
        func find(_ close: Character, from: Int) -> Int? {
            var j = from
            while j < chars.count {
                if chars[j] == "\\" { j += 2; continue }
                if chars[j] == close { return j }
                j += 1
            }
            return nil
        }

        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && (chars[i + 1].isPunctuation || chars[i + 1].isSymbol):
                emit(String(chars[i + 1]))
                i += 2
            case "`":
                let ticks = chars[i...].prefix(while: { $0 == "`" }).count
                var j = i + ticks
                var found: Int? = nil
                while j + ticks <= chars.count {
                    if chars[j..<(j + ticks)].allSatisfy({ $0 == "`" }) { found = j; break }
                    j += 1
                }
                if let close = found {
                    emit(String(chars[(i + ticks)..<close]).trimmingCharacters(in: .whitespaces))
                    i = close + ticks
                } else {
                    emit(String(chars[i..<(i + ticks)]))
                    i += ticks
                }
            case "*", "_":
                // Emphasis markers vanish; a lone `_` inside a word (snake_case) stays.
                let run = chars[i...].prefix(while: { $0 == c }).count
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + run < chars.count ? chars[i + run] : " "
                if c == "_" && before.isLetter && after.isLetter && before.isASCII && after.isASCII {
                    emit(String(repeating: "_", count: run))
                } else if before == " " && after == " " {
                    emit(String(repeating: String(c), count: run))
                }
                i += run
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let (label, target, next) = link(in: chars, at: i + 1, references: references) {
                    let alt = inline(label, references: references).text
                    if !alt.isEmpty {
                        links.append(InlineLink(offset: count, text: alt, target: target))
                        emit(alt)
                    }
                    i = next
                } else {
                    emit("!")
                    i += 1
                }
            case "[":
                if let (label, target, next) = link(in: chars, at: i, references: references) {
                    let inner = inline(label, references: references)
                    links.append(InlineLink(offset: count, text: inner.text, target: target))
                    emit(inner.text)
                    i = next
                } else {
                    emit("[")
                    i += 1
                }
            case "<":
                if let close = find(">", from: i + 1) {
                    let inside = String(chars[(i + 1)..<close])
                    if inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:") {
                        links.append(InlineLink(offset: count, text: inside, target: inside))
                        emit(inside)
                        i = close + 1
                        continue
                    }
                    if let f = inside.first, f.isASCII && f.isLetter || f == "/", !inside.contains(" ") || inside.contains("=") {
                        i = close + 1 // an HTML tag: not shown
                        continue
                    }
                }
                emit("<")
                i += 1
            default:
                emit(String(c))
                i += 1
            }
        }

        return Block(.paragraph, out, links: links)    }

    /// `[label](target "title")`, `[label][id]` or `[label]` (a defined id) at `start`:
    /// the label, the target and the index after the link; nil when it is not a link.
    static func link(in chars: [Character], at start: Int, references: [String: String]) -> (String, String, Int)? {
        var depth = 0
        var j = start
        var close: Int? = nil
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { close = j; break } }
            j += 1
        }
        guard let end = close else { return nil }
        let label = String(chars[(start + 1)..<end])
        if end + 1 < chars.count, chars[end + 1] == "(" {
            var k = end + 2
            var parens = 1
            while k < chars.count {
                if chars[k] == "(" { parens += 1 }
                if chars[k] == ")" { parens -= 1; if parens == 0 { break } }
                k += 1
            }
            guard k < chars.count else { return nil }
            let inside = String(chars[(end + 2)..<k]).trimmingCharacters(in: .whitespaces)
            var target = inside.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
            return (label, target, k + 1)
        }
        if end + 1 < chars.count, chars[end + 1] == "[" {
            guard let k = chars[(end + 2)...].firstIndex(of: "]") else { return nil }
            var id = String(chars[(end + 2)..<k])
            if id.isEmpty { id = label }
            guard let target = references[id.lowercased()] else { return nil }
            return (label, target, k + 1)
        }
        guard let target = references[label.lowercased()] else { return nil }
        return (label, target, end + 1)
    }
}
