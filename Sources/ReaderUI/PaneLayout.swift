import Grid

/// The panes a user can focus.
public enum Pane: String, Hashable, Sendable, CaseIterable {
    case list, reading, sidebar
}

/// Where each pane goes for a screen size: all three at 100 columns or more, the sidebar
/// folded away below that, and the reading pane alone below 60 columns or in fullscreen.
public struct PaneLayout: Hashable, Sendable {
    public var list: Rect?
    public var reading: Rect
    public var sidebar: Rect?
    public var statusBar: Rect

    public static let sidebarMinimumWidth = 100
    public static let listMinimumWidth = 60

    public init(width: Int, height: Int, fullscreen: Bool) {
        let body = max(0, height - 1)
        statusBar = Rect(x: 0, y: body, width: width, height: height > 0 ? 1 : 0)
        if fullscreen || width < Self.listMinimumWidth {
            list = nil
            sidebar = nil
            reading = Rect(x: 0, y: 0, width: width, height: body)
            return
        }
        let listWidth = min(40, max(24, width * 27 / 100))
        list = Rect(x: 0, y: 0, width: listWidth, height: body)
        var readingX = listWidth + 1
        var readingWidth = width - readingX
        if width >= Self.sidebarMinimumWidth {
            let sidebarWidth = min(40, max(26, width * 22 / 100))
            sidebar = Rect(x: width - sidebarWidth, y: 0, width: sidebarWidth, height: body)
            readingWidth = width - sidebarWidth - 1 - readingX
        } else {
            sidebar = nil
        }
        readingX = listWidth + 1
        reading = Rect(x: readingX, y: 0, width: readingWidth, height: body)
    }

    /// The panes shown, left to right.
    public var visiblePanes: [Pane] {
        [list.map { _ in Pane.list }, Pane.reading, sidebar.map { _ in Pane.sidebar }].compactMap { $0 }
    }
}
