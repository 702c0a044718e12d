import Grid
extension AppState {
    /// Applies a command with the count typed before it, if any, where a count means
    /// something: `5j` five lines, `3n` the third match on; `3J` is one jump three articles on
    /// (one place in the back history); `50G` goes to line 50 and `50%` halfway; other
    /// commands run once.
    public mutating func apply(_ command: Command, count: Int?) -> [Effect] {
        if let count, let effects = applyCounted(command, count: count) { return effects }
        let n = min(max(1, count ?? 1), KeyInterpreter.maxCount)
        guard n > 1 else { return apply(command) }
        if !overlayOpen, let step = command.articleStep {
            message = nil
            return jumpArticles(by: step * n)
        }
        guard command.repeats else { return apply(command) }
        var effects: [Effect] = []
        for _ in 0..<n {
            let before = (places, focus, layers)
            effects += apply(command)
            // Nothing moved: the rest would do nothing either.
            if before == (places, focus, layers) { break }
        }
        return effects
    }

    /// Every place a repeated command can move.
    private var places: [Int] { [readingTop, selection, current, sidebarSelection, search?.current ?? -1] }

    /// `50G` (line 50 of the article, or row 50 of the list) and `50%` (that far into the
    /// article): commands whose count is a place, not a repeat. Nil for the others.
    private mutating func applyCounted(_ command: Command, count: Int) -> [Effect]? {
        guard topLayer == nil || preview != nil else { return nil }
        let place = (article: currentID, top: readingTop)
        switch (command, focus) {
        case (.bottom, .reading):
            message = nil
            readingTop = clamp(count - 1, 0, maxReadingTop)
        case (.bottom, .list):
            message = nil
            selection = clamp(count - 1, 0, max(0, listCount - 1))
            scrollListToSelection()
        case (.percent, _):
            message = nil
            let lines = layout?.lines.count ?? 0
            readingTop = clamp(lines * min(count, 100) / 100, 0, maxReadingTop)
        default:
            return nil
        }
        return positionEffects(since: place)
    }

    /// Opens the article `steps` rows away in the list as shown, or the last one there is
    /// that way; at the end already, says so.
    private mutating func jumpArticles(by steps: Int) -> [Effect] {
        var target = current
        for _ in 0..<abs(steps) {
            let next = neighbour(of: target, by: steps.signum())
            guard articles.indices.contains(next) else { break }
            target = next
        }
        openArticle(target == current ? neighbour(of: current, by: steps.signum()) : target)
        return []
    }
}

extension Command {
    /// Whether a count repeats this command.
    var repeats: Bool {
        switch self {
        case .lineDown, .lineUp, .pageDown, .pageUp, .focusNext, .focusPrevious, .searchNext, .searchPrevious:
            return true
        default:
            return false
        }
    }

    /// Articles `J`/`K` move by (a count multiplies it); nil for other commands.
    var articleStep: Int? {
        switch self {
        case .nextArticle: return 1
        case .previousArticle: return -1
        default: return nil
        }
    }
}
