import Grid

/// The panes a user can focus.
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case list, reading, sidebar
}

/// Where each pane goes for a screen size: all three at 100 columns or more, the sidebar
/// folded away below that, and the reading pane alone below 60 columns or in fullscreen.
/// The reading column is at most 88 cells wide, so on a wide terminal the list takes the
/// room the text does not need.
public struct PaneLayout: Hashable, Sendable {
    public var list: Rect?
    public var reading: Rect
    public var sidebar: Rect?
    public var statusBar: Rect

    public static let sidebarMinimumWidth = 100
    public static let listMinimumWidth = 60
    /// The widest list: past it, titles are long enough.
    public static let listMaximumWidth = 100
    /// The reading pane at its widest: the 88-cell column and a margin each side.
    public static let readingPaneMaximumWidth = 90

    public init(width: Int, height: Int, fullscreen: Bool) {
        let body = max(0, height - 1)
        statusBar = Rect(x: 0, y: body, width: width, height: height > 0 ? 1 : 0)
        if fullscreen || width < Self.listMinimumWidth {
            list = nil
            sidebar = nil
            reading = Rect(x: 0, y: 0, width: width, height: body)
            return
        }
        let sidebarWidth = width >= Self.sidebarMinimumWidth ? min(40, max(26, width * 22 / 100)) : 0
        let besides = sidebarWidth > 0 ? sidebarWidth + 1 : 0
        // The reading pane needs the widest column plus its margins; what is left is the list's.
        let spare = width - besides - 1 - Self.readingPaneMaximumWidth
        let listWidth = min(Self.listMaximumWidth, max(min(40, max(24, width * 27 / 100)), spare))
        list = Rect(x: 0, y: 0, width: listWidth, height: body)
        let readingX = listWidth + 1
        let readingWidth = width - readingX - besides
        sidebar = sidebarWidth > 0 ? Rect(x: width - sidebarWidth, y: 0, width: sidebarWidth, height: body) : nil
        reading = Rect(x: readingX, y: 0, width: readingWidth, height: body)
    }

    /// The panes shown, left to right.
    public var visiblePanes: [Pane] {
        [list.map { _ in Pane.list }, Pane.reading, sidebar.map { _ in Pane.sidebar }].compactMap { $0 }
    }
}
