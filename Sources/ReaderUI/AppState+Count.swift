extension AppState {
    /// Applies a command `count` times where a count means something (`5j`: five lines,
    /// `3J`: three articles on); other commands run once.
    public mutating func apply(_ command: Command, count: Int) -> [Effect] {
        let n = min(max(1, count), KeyInterpreter.maxCount)
        guard n > 1, command.repeats else { return apply(command) }
        var effects: [Effect] = []
        for _ in 0..<n {
            let before = (readingTop, selection, current, sidebarSelection, helpTop, focus)
            effects += apply(command)
            // Nothing moved: the rest would do nothing either.
            if before == (readingTop, selection, current, sidebarSelection, helpTop, focus) { break }
        }
        return effects
    }
}

extension Command {
    /// Whether a count repeats this command.
    var repeats: Bool {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .nextArticle, .previousArticle, .focusNext, .focusPrevious:
            return true
        default:
            return false
        }
    }
}
