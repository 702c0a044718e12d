extension Article {
    /// The article as Markdown, for taking it away (a copy to the clipboard): the title as a
    /// heading, the metadata line, the lead as a quote, the body with its headings, lists,
    /// quotes, code, tables and links, and the article's own links at the end.
    public var markdown: String {
        var parts: [String] = ["# " + escaped(title)]
        let meta = metadataLine
        if !meta.isEmpty { parts.append(escaped(meta)) }
        if let lead, !lead.isEmpty { parts.append("> " + escaped(lead)) }
        for block in body {
            let quote = String(repeating: "> ", count: block.quoteDepth)
            let indent = String(repeating: "   ", count: max(0, block.listDepth - 1))
            var text: String
            switch block.kind {
            case .heading:
                text = String(repeating: "#", count: min(max(block.level, 1) + 1, 6)) + " " + inline(block)
            case .listItem:
                let marker = block.marker.hasSuffix(".") || block.marker.hasSuffix(")") ? block.marker : "-"
                text = indent + marker + " " + inline(block)
            case .paragraph:
                text = (block.listDepth > 0 ? indent + "   " : "") + inline(block)
            case .code:
                let fence = block.text.contains("```") ? "~~~" : "```"
                text = fence + "\n" + block.text + "\n" + fence
            case .table:
                guard let table = block.table, let header = table.rows.first else { continue }
                func row(_ cells: [String]) -> String {
                    "| " + (0..<table.columns).map { $0 < cells.count ? escaped(cells[$0]).replacingOccurrences(of: "|", with: "\\|") : "" }
                        .joined(separator: " | ") + " |"
                }
                let rule = "|" + (0..<table.columns).map { k -> String in
                    switch k < table.alignments.count ? table.alignments[k] : .left {
                    case .left: return "---"
                    case .center: return ":-:"
                    case .right: return "--:"
                    }
                }.joined(separator: "|") + "|"
                text = ([row(header), rule] + table.rows.dropFirst().map(row)).joined(separator: "\n")
            }
            parts.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { quote + $0 }.joined(separator: "\n"))
        }
        for url in urls { parts.append("<\(Links.safeTarget(url))>") }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// A block's text with its links as `[text](target)` and its styles as Markdown marks.
    private func inline(_ block: Block) -> String {
        let utf8 = Array(block.text.utf8)
        // Where each mark opens and closes, by UTF-8 offset; spans that cross are kept as text.
        var opens: [Int: [String]] = [:], closes: [Int: [String]] = [:]
        for span in block.spans where span.range.upperBound <= utf8.count {
            let (open, close): (String, String)
            switch span.kind {
            case .emphasis: (open, close) = ("*", "*")
            case .strong: (open, close) = ("**", "**")
            case .code: (open, close) = ("`", "`")
            case .strikethrough: (open, close) = ("~~", "~~")
            case .link(let target): (open, close) = ("[", "](\(Links.safeTarget(target)))")
            }
            opens[span.range.lowerBound, default: []].append(open)
            closes[span.range.upperBound, default: []].insert(close, at: 0)
        }
        var out = ""
        var start = 0
        let boundaries = Set(opens.keys).union(closes.keys).sorted()
        for offset in boundaries {
            out += escaped(String(decoding: utf8[start..<offset], as: UTF8.self))
            out += (closes[offset] ?? []).joined() + (opens[offset] ?? []).joined()
            start = offset
        }
        out += escaped(String(decoding: utf8[start...], as: UTF8.self))
        return out
    }

    /// Text with the characters Markdown would read as syntax escaped.
    private func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
