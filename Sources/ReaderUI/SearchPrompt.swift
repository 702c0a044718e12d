import Grid
import ReaderCore

/// The search prompt on the bottom line: the query being typed and where the reader was when
/// it opened, so that Esc can go back there exactly.
public struct SearchPrompt: Hashable, Sendable {
    /// The query as typed so far; the cursor is always at its end.
    public internal(set) var text = ""
    /// The reading pane's top row when the prompt opened.
    var originTop: Int
    /// The text at that row: where a new search starts looking.
    var origin: SearchPosition
    /// The column width and wrap options `originTop` is a row of.
    var originGeometry: LayoutGeometry
    /// Which entry of the history ↑/↓ is showing; nil while editing the reader's own text.
    var historyIndex: Int?
    /// What the reader had typed before recalling history, given back by ↓ past the newest.
    var draft = ""

    init(originTop: Int, origin: SearchPosition, originGeometry: LayoutGeometry) {
        self.originTop = originTop
        self.origin = origin
        self.originGeometry = originGeometry
    }

    /// Removes the last grapheme cluster (Backspace): `é` written as `e` + U+0301 goes at once,
    /// as does a flag or a family emoji.
    mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
        historyIndex = nil
    }

    /// Appends typed text (an input method may commit several characters at once).
    mutating func insert(_ character: Character) {
        text.append(character)
        historyIndex = nil
    }

    /// Empties the prompt (Ctrl-U).
    mutating func clear() {
        text = ""
        historyIndex = nil
    }

    /// Shows the entry before the one showing (↑): the newest first. Returns false at the oldest.
    mutating func recallOlder(from history: [String]) -> Bool {
        guard !history.isEmpty else { return false }
        let index: Int
        if let current = historyIndex {
            guard current > 0 else { return false }
            index = current - 1
        } else {
            draft = text
            index = history.count - 1
        }
        historyIndex = index
        text = history[index]
        return true
    }

    /// Shows the entry after the one showing (↓); past the newest, what was typed before ↑.
    mutating func recallNewer(from history: [String]) -> Bool {
        guard let current = historyIndex else { return false }
        if current + 1 < history.count {
            historyIndex = current + 1
            text = history[current + 1]
        } else {
            historyIndex = nil
            text = draft
        }
        return true
    }
}

/// The width and wrap options a layout was made for: rows of one are rows of another only
/// when these agree.
struct LayoutGeometry: Hashable, Sendable {
    var width: Int
    var options: WrapOptions
}

/// A search in the open article: its query, every match, and the one the reader is on.
public struct ArticleSearch: Hashable, Sendable {
    public var query: String
    public var results: SearchResults
    /// The index of the current match in `results`; nil when there are none.
    public var current: Int?

    /// `[3/12]`, with the current match's kind when it is not the text as written
    /// (`[3/12 拼音]`, `[3/12 繁简]`), or a plain `no match for 'xyz'`.
    public var counter: String {
        guard let current, !results.isEmpty else { return "no match for '\(query)'" }
        let kind = results.matches.indices.contains(current) ? results[current].kind.label.map { " " + $0 } ?? "" : ""
        return "[\(current + 1)/\(results.count)\(kind)]"
    }
}
