import Grid

/// Everything a user can ask of the reader. Each command has a name, default keys and a help
/// line in `Command.table`; the keymap and the help screen are made from that table.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case lineDown = "line-down"
    case lineUp = "line-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case top
    case bottom
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    case open
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    case toggleFullscreen = "fullscreen"
    case cycleTheme = "next-theme"
    case showSkipped = "skipped"
    case reload
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case percent
    case related
    case back
    case forward
    case toggleBookmark = "bookmark"
    case toggleBookmarksOnly = "bookmarks-only"
    case find
    case cycleOrder = "sort"
    case toggleRead = "toggle-read"
    case links
    case copy
    case copyArticle = "copy-article"
    case openLink = "open-link"
    case help
    case cancel
    case redraw
    case suspend
    case quit
    case promptAccept = "prompt-accept"
    case promptCancel = "prompt-cancel"
    case promptDelete = "prompt-delete"
    case promptClear = "prompt-clear"
    case promptOlder = "prompt-older"
    case promptNewer = "prompt-newer"

    /// The name used in help and configuration.
    public var name: String { rawValue }
}

/// Where keys are read: the panes and their overlays (`[keys]` in the configuration), or
/// the search prompt (`[keys.prompt]`), where keys that are not commands are text.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case reader
    case prompt

    /// The configuration table that binds keys in this context.
    public var configTable: String { self == .reader ? "keys" : "keys.\(rawValue)" }
}

/// A row of the command table.
public struct CommandInfo: Sendable {
    public var command: Command
    public var keys: [Key]
    public var help: String
    /// The contexts the command is bound in by default (and may be bound in by a configuration).
    public var contexts: [KeyContext] = [.reader]
}

extension Command {
    /// The command table: default keys and help, in the order the help screen lists them.
    public static let table: [CommandInfo] = [
        CommandInfo(command: .lineDown, keys: [.character("j"), .down], help: "Scroll down a line / next item"),
        CommandInfo(command: .lineUp, keys: [.character("k"), .up], help: "Scroll up a line / previous item"),
        CommandInfo(command: .pageDown, keys: [.character(" "), .pageDown], help: "Page down"),
        CommandInfo(command: .pageUp, keys: [.character("b"), .pageUp], help: "Page up"),
        CommandInfo(command: .top, keys: [.character("g"), .home], help: "Go to the top"),
        CommandInfo(command: .bottom, keys: [.character("G"), .end], help: "Go to the bottom"),
        CommandInfo(command: .focusNext, keys: [.tab], help: "Focus the next pane"),
        CommandInfo(command: .focusPrevious, keys: [.backTab], help: "Focus the previous pane"),
        CommandInfo(command: .open, keys: [.enter], help: "Open the selected article"),
        CommandInfo(command: .nextArticle, keys: [.character("J")], help: "Next article in the list"),
        CommandInfo(command: .previousArticle, keys: [.character("K")], help: "Previous article in the list"),
        CommandInfo(command: .toggleFullscreen, keys: [.character("f")], help: "Fullscreen reading on/off"),
        CommandInfo(command: .cycleTheme, keys: [.character("t")], help: "Next colour theme"),
        CommandInfo(command: .showSkipped, keys: [.character("S")], help: "List the skipped files and why"),
        CommandInfo(command: .reload, keys: [.character("R")], help: "Reload the library from disk"),
        CommandInfo(command: .search, keys: [.character("/")], help: "Search in the article as you type"),
        CommandInfo(command: .searchNext, keys: [.character("n")], help: "Next search match"),
        CommandInfo(command: .searchPrevious, keys: [.character("N")], help: "Previous search match"),
        CommandInfo(command: .percent, keys: [.character("%")], help: "After a count: go that far in (50%)"),
        CommandInfo(command: .related, keys: [.character("r")], help: "Related articles (sidebar or overlay)"),
        CommandInfo(command: .back, keys: [.character("h"), .backspace], help: "Back to the previous article"),
        CommandInfo(command: .forward, keys: [.character("l")], help: "Forward again (after going back)"),
        CommandInfo(command: .toggleBookmark, keys: [.character("m")], help: "Bookmark / unbookmark the article"),
        CommandInfo(command: .toggleBookmarksOnly, keys: [.character("B"), .character("'")], help: "List bookmarks only / all articles"),
        CommandInfo(command: .find, keys: [.character("s")], help: "Search every article, list the matches"),
        CommandInfo(command: .cycleOrder, keys: [.character("O")], help: "Sort by date, title, site or progress"),
        CommandInfo(command: .toggleRead, keys: [.character("U")], help: "Mark the article read / unread"),
        CommandInfo(command: .links, keys: [.character("u")], help: "The article's links, numbered"),
        CommandInfo(command: .copy, keys: [.character("y")], help: "Copy the paragraph or the chosen link"),
        CommandInfo(command: .copyArticle, keys: [.character("Y")], help: "Copy the article as Markdown"),
        CommandInfo(command: .openLink, keys: [.character("o")], help: "Links: open one with $BROWSER"),
        CommandInfo(command: .help, keys: [.character("?")], help: "Show this help"),
        CommandInfo(command: .cancel, keys: [.escape], help: "Close help / cancel / clear the search"),
        CommandInfo(command: .redraw, keys: [.control("l")], help: "Repaint the whole screen", contexts: [.reader, .prompt]),
        CommandInfo(command: .suspend, keys: [.control("z")], help: "Suspend (resume with fg)", contexts: [.reader, .prompt]),
        CommandInfo(command: .quit, keys: [.character("q"), .control("c")], help: "Quit"),
        CommandInfo(command: .promptAccept, keys: [.enter], help: "Search: keep the matches", contexts: [.prompt]),
        CommandInfo(command: .promptCancel, keys: [.escape, .control("g"), .control("c")],
                    help: "Search: cancel, back where you were", contexts: [.prompt]),
        CommandInfo(command: .promptDelete, keys: [.backspace, .control("h")], help: "Search: delete a character", contexts: [.prompt]),
        CommandInfo(command: .promptClear, keys: [.control("u")], help: "Search: clear the query", contexts: [.prompt]),
        CommandInfo(command: .promptOlder, keys: [.up], help: "Search: older query from history", contexts: [.prompt]),
        CommandInfo(command: .promptNewer, keys: [.down], help: "Search: newer query from history", contexts: [.prompt]),
    ]

    /// This command's row of the table.
    public var info: CommandInfo { Command.table.first { $0.command == self }! }

    /// The table's rows of commands bound in `context`.
    public static func table(in context: KeyContext) -> [CommandInfo] {
        table.filter { $0.contexts.contains(context) }
    }
}
