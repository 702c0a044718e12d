import Grid
import ReaderCore
import TextSafety

/// One link of the open article as the link list shows it: its text as the reading pane
/// shows it, and its target, safe to hand to a terminal (no control, no space).
public struct LinkEntry: Hashable, Sendable {
    public var text: String
    public var target: String

    public init(text: String, target: String) {
        self.text = text
        self.target = target
    }
}

/// The link list (`u`): the open article's links in reading order, the one selected and the
/// first one shown.
public struct LinkList: Hashable, Sendable {
    public var entries: [LinkEntry]
    public var selection = 0
    public var top = 0

    public init(entries: [LinkEntry]) {
        self.entries = entries
    }

    public var selected: LinkEntry? { entries.indices.contains(selection) ? entries[selection] : nil }
}

extension AppState {
    // MARK: - The link list

    /// The link list while it is open.
    public var linkList: LinkList? {
        for case .links(let list) in layers.reversed() { return list }
        return nil
    }

    /// The open article's links in reading order (its text's, then its own addresses in the
    /// trailer), each with the text that shows it.
    public var articleLinks: [LinkEntry] {
        guard let layout else { return [] }
        var entries: [LinkEntry] = []
        for block in layout.blocks {
            let utf8 = block.text.utf8
            for link in block.links where link.range.upperBound <= utf8.count && link.range.lowerBound >= 0 {
                let target = Links.safeTarget(link.target)
                guard !target.isEmpty else { continue }
                let start = utf8.index(utf8.startIndex, offsetBy: link.range.lowerBound)
                let end = utf8.index(utf8.startIndex, offsetBy: link.range.upperBound)
                entries.append(LinkEntry(text: String(decoding: utf8[start..<end], as: UTF8.self), target: target))
            }
        }
        return entries
    }

    /// `u`: opens the link list, or says the article has none.
    mutating func openLinkList() {
        let entries = articleLinks
        guard !entries.isEmpty else {
            message = layout == nil ? "no article open" : "this article has no links"
            return
        }
        push(.links(LinkList(entries: entries)))
    }

    /// A command given while the link list is on top: it takes them all.
    mutating func applyInLinkList(_ command: Command, at depth: Int) -> [Effect] {
        guard case .links(var list) = layers[depth] else { return [] }
        switch command {
        case .cancel, .links:
            setLayer(at: depth, nil)
        case .open, .copy:
            guard let entry = list.selected else { return [] }
            return copy(entry.target, what: "link \(list.selection + 1)")
        case .openLink:
            guard let entry = list.selected else { return [] }
            return openInBrowser(entry.target)
        default:
            let perPage = LinksView.entriesPerPage(height: height)
            if let motion = command.motion(page: perPage) {
                list.selection = motion.applied(to: list.selection, count: list.entries.count)
                list.top = LinksView.top(keeping: list.selection, from: list.top, perPage: perPage, count: list.entries.count)
                setLayer(at: depth, .links(list))
            }
        }
        return []
    }

    /// `o`: the link opened with `$BROWSER` by the executable, or why it cannot be.
    mutating func openInBrowser(_ target: String) -> [Effect] {
        guard let browser, !browser.isEmpty else {
            let copyKey = keymap.label(for: .copy).map { ": \($0) copies it" } ?? ""
            message = "BROWSER is not set\(copyKey)"
            return []
        }
        message = "opening \(Sanitizer.displayable(target))"
        return [.openLink(target, browser: browser)]
    }

    // MARK: - Copies

    /// `y` in the panes: the current paragraph: the current search match's, or else the one
    /// at the top of the reading pane (a code block whole).
    mutating func copyParagraph() -> [Effect] {
        guard let layout, !layout.lines.isEmpty else {
            message = "nothing to copy"
            return []
        }
        var index: Int
        if let search, let current = search.current, search.results.matches.indices.contains(current) {
            index = search.results[current].block
        } else {
            index = layout.lines[clamp(readingTop, 0, layout.lines.count - 1)].block
        }
        guard layout.blocks.indices.contains(index) else { return [] }
        let blocks = layout.blocks
        var what = "the paragraph"
        var text = blocks[index].text
        if blocks[index].role == .code {
            // A code block is one block per line: copy its lines together.
            var first = index, last = index
            while first > 0, blocks[first].continues, blocks[first - 1].role == .code { first -= 1 }
            while last + 1 < blocks.count, blocks[last + 1].continues, blocks[last + 1].role == .code { last += 1 }
            text = blocks[first...last].map(\.text).joined(separator: "\n")
            what = "the code block"
        } else if blocks[index].role == .title {
            what = "the title"
        }
        guard !text.isEmpty else {
            message = "nothing to copy here"
            return []
        }
        return copy(text, what: what)
    }

    /// `Y`: the open article as Markdown (title, date, source and its links), every control
    /// character but the line breaks replaced as the screen would show it.
    mutating func copyArticle() -> [Effect] {
        guard let article = currentArticle else {
            message = "no article open"
            return []
        }
        let lines = article.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        return copy(lines.map { ControlPolicy.apply(String($0)) }.joined(separator: "\n"), what: "the article as Markdown")
    }

    /// Puts `text` on the clipboard (OSC 52, by the executable) and says what was copied and
    /// how many characters; a text over the limit is cut, and the message says so.
    mutating func copy(_ text: String, what: String) -> [Effect] {
        let (sent, cut) = TerminalSequences.clipped(text)
        let count = sent.count
        if cut {
            let limit = TerminalSequences.clipboardLimit / 1000
            message = "copied \(what), cut to its first \(count) of \(text.count) characters (\(limit) KB at most)"
        } else {
            message = "copied \(what) (\(count) character\(count == 1 ? "" : "s"))"
        }
        return [.copyToClipboard(sent)]
    }
}
