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
        guard line.hasBytePrefix("["), let close = line.range(of: "]:") else { return nil }
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
                if line.hasBytePrefix(open) {
                    blocks.append(Block(.paragraph, code.joined(separator: "\n")))
                    code = []
                    fence = nil
                } else {
                    code.append(line)
                }
                continue
            }
            if line.hasBytePrefix("```") || line.hasBytePrefix("~~~") {
                endParagraph()
                fence = String(line.prefix(3))
                continue
            }
            if line.isEmpty || line.hasBytePrefix("<!--") {
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
            if line.hasBytePrefix(">") {
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
        guard line.hasBytePrefix("#") else { return nil }
        let level = line.prefix(while: { $0 == "#" }).count
        guard level <= 6 else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = TextLines.trimmed(rest)
        while text.hasByteSuffix("#") { text.removeLast() }
        return (level, TextLines.trimmed(Substring(text)))
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
    ///
    /// Works on UTF-8 bytes: every piece of Markdown syntax is ASCII, and no byte of a
    /// multi-byte character is.
    static func inline(_ text: String, references: [String: String]) -> Block {
        // Most paragraphs have no Markdown syntax at all.
        if !text.utf8.contains(where: { $0 == 0x5C || $0 == 0x60 || $0 == 0x2A || $0 == 0x5F || $0 == 0x5B || $0 == 0x21 || $0 == 0x3C }) {
            return Block(.paragraph, text)
        }
        let (bytes, byteLinks) = inlineBytes(Array(text.utf8), references: references)
        let result = String(decoding: bytes, as: UTF8.self)
        // Offsets were counted in bytes; links want characters.
        let links = byteLinks.map { link -> InlineLink in
            let index = result.utf8.index(result.utf8.startIndex, offsetBy: link.offset)
            return InlineLink(offset: result.distance(from: result.startIndex, to: index), text: link.text, target: link.target)
        }
        return Block(.paragraph, result, links: links)
    }

    /// The most nested links or images a paragraph is parsed into; deeper ones show their text.
    static let maximumLinkDepth = 32

    /// The inline Markdown of one paragraph, in work linear in its length: every step of every
    /// scan (for a closing bracket, parenthesis, backtick run or `>`) spends from a budget of
    /// a few steps per byte, and once it is spent the rest of the paragraph is taken as plain
    /// text. Without it, nested links (`[[[…x](u)](u)](u)`) and unclosed brackets or
    /// backticks made each opening scan to the end: quadratic time, and a stack overflow
    /// at half a megabyte of nesting.
    static func inlineBytes(_ chars: [UInt8], references: [String: String]) -> ([UInt8], [(offset: Int, text: String, target: String)]) {
        var budget = 8 * chars.count + 1024
        return inlineBytes(chars, references: references, budget: &budget, depth: 0)
    }

    static func inlineBytes(_ chars: [UInt8], references: [String: String], budget: inout Int,
                            depth: Int) -> ([UInt8], [(offset: Int, text: String, target: String)]) {
        var out: [UInt8] = []
        out.reserveCapacity(chars.count)
        var links: [(offset: Int, text: String, target: String)] = []
        var i = 0
        let backslash = UInt8(ascii: "\\"), tick = UInt8(ascii: "`"), space = UInt8(ascii: " ")
        func isWord(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 }
        func isASCIIPunctuation(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F && !isWord(b) }

        while i < chars.count {
            budget -= 1
            if budget <= 0 {
                out += chars[i...]
                break
            }
            let c = chars[i]
            switch c {
            case backslash where i + 1 < chars.count && isASCIIPunctuation(chars[i + 1]):
                out.append(chars[i + 1])
                i += 2
            case tick:
                var ticks = 0
                while i + ticks < chars.count, chars[i + ticks] == tick { ticks += 1 }
                var j = i + ticks
                var found: Int? = nil
                while j + ticks <= chars.count, budget > 0 {
                    budget -= 1
                    if chars[j] == tick, chars[j..<(j + ticks)].allSatisfy({ $0 == tick }) { found = j; break }
                    j += 1
                }
                if let close = found {
                    var inner = chars[(i + ticks)..<close]
                    while inner.first == space { inner = inner.dropFirst() }
                    while inner.last == space { inner = inner.dropLast() }
                    out += inner
                    i = close + ticks
                } else {
                    out += chars[i..<(i + ticks)]
                    i += ticks
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                // Emphasis markers vanish; `_` inside a word (snake_case) and lone markers stay.
                var run = 0
                while i + run < chars.count, chars[i + run] == c { run += 1 }
                let before = i > 0 ? chars[i - 1] : space
                let after = i + run < chars.count ? chars[i + run] : space
                if c == UInt8(ascii: "_") && isWord(before) && isWord(after) || before == space && after == space {
                    out += chars[i..<(i + run)]
                }
                i += run
            case UInt8(ascii: "!") where i + 1 < chars.count && chars[i + 1] == UInt8(ascii: "["):
                if let (label, target, next) = link(in: chars, at: i + 1, references: references, budget: &budget) {
                    let alt = depth < maximumLinkDepth
                        ? inlineBytes(label, references: references, budget: &budget, depth: depth + 1).0 : label
                    if !alt.isEmpty {
                        links.append((out.count, String(decoding: alt, as: UTF8.self), target))
                        out += alt
                    }
                    i = next
                } else {
                    out.append(c)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let (label, target, next) = link(in: chars, at: i, references: references, budget: &budget) {
                    let inner = depth < maximumLinkDepth
                        ? inlineBytes(label, references: references, budget: &budget, depth: depth + 1).0 : label
                    links.append((out.count, String(decoding: inner, as: UTF8.self), target))
                    out += inner
                    i = next
                } else {
                    out.append(c)
                    i += 1
                }
            case UInt8(ascii: "<"):
                var scan = i + 1
                while scan < chars.count, chars[scan] != UInt8(ascii: ">"), budget > 0 {
                    budget -= 1
                    scan += 1
                }
                if scan < chars.count, chars[scan] == UInt8(ascii: ">") {
                    let close = scan
                    let inside = chars[(i + 1)..<close]
                    let text = String(decoding: inside, as: UTF8.self)
                    if text.hasBytePrefix("http://") || text.hasBytePrefix("https://") || text.hasBytePrefix("mailto:") {
                        links.append((out.count, text, text))
                        out += inside
                        i = close + 1
                        continue
                    }
                    if let f = inside.first, isWord(f) && f > 0x40 || f == UInt8(ascii: "/"),
                       !inside.contains(space) || inside.contains(UInt8(ascii: "=")) {
                        i = close + 1 // an HTML tag: not shown
                        continue
                    }
                }
                out.append(c)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return (out, links)
    }

    /// `[label](target "title")`, `[label][id]` or `[label]` (a defined id) at `start`:
    /// the label's bytes, the target and the index after the link; nil when it is not a link.
    static func link(in chars: [UInt8], at start: Int, references: [String: String]) -> ([UInt8], String, Int)? {
        var budget = Int.max
        return link(in: chars, at: start, references: references, budget: &budget)
    }

    /// `link(in:at:references:)`, each step of its scans spent from `budget`; nil when it runs out.
    static func link(in chars: [UInt8], at start: Int, references: [String: String],
                     budget: inout Int) -> ([UInt8], String, Int)? {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        var depth = 0
        var j = start
        var end: Int? = nil
        while j < chars.count {
            budget -= 1
            if budget <= 0 { return nil }
            if chars[j] == UInt8(ascii: "\\") { j += 2; continue }
            if chars[j] == open { depth += 1 }
            if chars[j] == close { depth -= 1; if depth == 0 { end = j; break } }
            j += 1
        }
        guard let end else { return nil }
        let label = Array(chars[(start + 1)..<end])
        func string(_ range: Range<Int>) -> String { String(decoding: chars[range], as: UTF8.self) }
        if end + 1 < chars.count, chars[end + 1] == UInt8(ascii: "(") {
            var k = end + 2
            var parens = 1
            while k < chars.count {
                budget -= 1
                if budget <= 0 { return nil }
                if chars[k] == UInt8(ascii: "(") { parens += 1 }
                if chars[k] == UInt8(ascii: ")") { parens -= 1; if parens == 0 { break } }
                k += 1
            }
            guard k < chars.count else { return nil }
            let inside = TextLines.trimmed(Substring(string((end + 2)..<k)))
            var target = inside.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            if target.hasBytePrefix("<"), target.hasByteSuffix(">") { target = String(target.dropFirst().dropLast()) }
            return (label, target, k + 1)
        }
        if end + 1 < chars.count, chars[end + 1] == open {
            var k = end + 2
            while k < chars.count, chars[k] != close {
                budget -= 1
                if budget <= 0 { return nil }
                k += 1
            }
            guard k < chars.count else { return nil }
            var id = string((end + 2)..<k)
            if id.isEmpty { id = String(decoding: label, as: UTF8.self) }
            guard let target = references[id.lowercased()] else { return nil }
            return (label, target, k + 1)
        }
        guard let target = references[String(decoding: label, as: UTF8.self).lowercased()] else { return nil }
        return (label, target, end + 1)
    }
}
