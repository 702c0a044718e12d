import Grid

extension AppState {
    /// Lines the wheel moves per notch.
    static let wheelStep = 3

    /// A mouse action: the wheel scrolls the pane under the pointer (focus stays where it
    /// was); a click focuses the pane, and in the list selects the row (a click on the row
    /// already selected opens it). While an overlay is open the wheel scrolls it and a click
    /// does nothing: the click would land on what the overlay hides, or on the overlay's own
    /// rows, and pick something the reader cannot see under the pointer; Esc closes it.
    public mutating func mouse(_ event: MouseEvent) -> [Effect] {
        if overlayOpen {
            switch event.kind {
            case .wheelUp: return apply(.lineUp, count: Self.wheelStep)
            case .wheelDown: return apply(.lineDown, count: Self.wheelStep)
            case .press: return []
            }
        }
        guard let pane = pane(at: event.x, event.y) else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let keep = focus
            focus = pane
            let effects = apply(event.kind == .wheelUp ? .lineUp : .lineDown, count: Self.wheelStep)
            focus = keep
            return effects
        case .press:
            focus = pane
            guard pane == .list, let rect = panes.list else { return [] }
            let index = listTop + (event.y - rect.y - 1) / listItemHeight
            guard event.y > rect.y, index >= 0, index < listCount else { return [] }
            if index == selection { return apply(.open) }
            selection = index
            return []
        }
    }

    /// The pane that covers a cell, if any.
    func pane(at x: Int, _ y: Int) -> Pane? {
        let layout = panes
        func contains(_ r: Rect) -> Bool { x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height }
        if let list = layout.list, contains(list) { return .list }
        if let sidebar = layout.sidebar, contains(sidebar) { return .sidebar }
        if contains(layout.reading) { return .reading }
        return nil
    }
}
