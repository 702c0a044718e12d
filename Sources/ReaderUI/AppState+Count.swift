import Grid
extension AppState {
    /// Applies a command `count` times where a count means something (`5j`: five lines);
    /// `3J` is one jump three articles on (one place in the back history); other commands
    /// run once.
    public mutating func apply(_ command: Command, count: Int) -> [Effect] {
        let n = min(max(1, count), KeyInterpreter.maxCount)
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
    private var places: [Int] { [readingTop, selection, current, sidebarSelection] }

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
        case .lineDown, .lineUp, .pageDown, .pageUp, .focusNext, .focusPrevious:
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
