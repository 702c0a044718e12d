import Grid
import ReaderCore

/// Something drawn over the panes that takes keys first. The layers form a stack
/// (`AppState.layers`, bottom first): the top one is offered each command and takes it or
/// passes it down; what none takes goes to the panes. Global commands (quit, suspend,
/// redraw) never reach a layer: they act the same whatever is open.
public enum Layer: Hashable, Sendable {
    /// The help screen, scrolled to `top`.
    case help(top: Int)
    /// The list of skipped files, its first file shown.
    case skipped(top: Int)
    /// The related list in a box over the reading pane (the sidebar is folded away).
    case related
    /// A related item the library lacks, shown in place of the article.
    case preview(RelatedItem)
    /// The search prompt on the bottom line; keys go to it as text or prompt commands.
    case prompt(SearchPrompt)
    /// The article list over the text, for a terminal too narrow for the list pane.
    case list
    /// The library-wide search prompt on the bottom line (`s`): the list shows the matches
    /// as it is typed (see `AppState+Find.swift`).
    case find(SearchPrompt)
    /// The open article's links, numbered (see `AppState+Links.swift`).
    case links(LinkList)

    /// Whether the layer covers the panes, so that it takes every command it is given (a
    /// mouse click does nothing under it).
    public var isModal: Bool {
        switch self {
        case .help, .skipped, .related, .prompt, .list, .find, .links: return true
        case .preview: return false
        }
    }

    /// The keymap context keys are read in while this layer is on top.
    public var keyContext: KeyContext {
        switch self {
        case .prompt, .find: return .prompt
        default: return .reader
        }
    }
}

extension AppState {
    // MARK: - The stack

    public var topLayer: Layer? { layers.last }

    /// Whether a modal layer (help, skipped files, the related overlay) covers the panes:
    /// clicks do nothing and the wheel scrolls it.
    public var overlayOpen: Bool {
        layers.contains {
            switch $0 {
            case .prompt, .find: return false
            default: return $0.isModal
            }
        }
    }

    public var showingHelp: Bool { layers.contains { if case .help = $0 { return true } else { return false } } }
    public var showingSkipped: Bool { layers.contains { if case .skipped = $0 { return true } else { return false } } }
    public var showingRelatedOverlay: Bool { layers.contains(.related) }
    public var showingListOverlay: Bool { layers.contains(.list) }

    /// The help screen's first row shown.
    public var helpTop: Int {
        for case .help(let top) in layers.reversed() { return top }
        return 0
    }

    /// The skipped-files overlay's first file shown.
    public var skippedTop: Int {
        for case .skipped(let top) in layers.reversed() { return top }
        return 0
    }

    /// The related item previewed in place of the article, if any.
    public var preview: RelatedItem? {
        for case .preview(let item) in layers.reversed() { return item }
        return nil
    }

    /// The search prompt while the reader types a query.
    public var prompt: SearchPrompt? {
        for case .prompt(let prompt) in layers.reversed() { return prompt }
        return nil
    }

    /// The library-wide search prompt while the reader types a query.
    public var findPrompt: SearchPrompt? {
        for case .find(let prompt) in layers.reversed() { return prompt }
        return nil
    }

    /// The context the next key is read in: the top layer's.
    public var keyContext: KeyContext { topLayer?.keyContext ?? .reader }

    mutating func push(_ layer: Layer) {
        layers.append(layer)
    }

    mutating func removeLayers(where shouldRemove: (Layer) -> Bool) {
        layers.removeAll(where: shouldRemove)
    }

    /// Replaces the layer at `depth`, or removes it with nil.
    mutating func setLayer(at depth: Int, _ layer: Layer?) {
        if let layer { layers[depth] = layer } else { layers.remove(at: depth) }
    }

    // MARK: - Keys

    /// A count or key prefix typed so far (`5`, `g`), for the status bar.
    public var pendingKeys: String? { interpreter.pending }

    /// Handles a key from the terminal: read in the top layer's context (text and editing
    /// keys in the prompt; counts, sequences and commands elsewhere), then applied.
    public mutating func press(_ key: Key) -> [Effect] {
        if keyContext == .prompt {
            interpreter.reset()
            if let command = keymap.command(for: [key], in: .prompt) { return apply(command) }
            if case .character(let character) = key {
                if case .find = topLayer { return insertInFind(character) }
                return insertInPrompt(character)
            }
            return []
        }
        switch interpreter.feed(key, keymap: keymap) {
        case .command(let command, let count, let counted): return apply(command, count: counted ? count : nil)
        case .pending, .unbound: return []
        }
    }

    /// Forgets a count or prefix typed so far (a mouse action came in between).
    public mutating func resetPendingKeys() {
        interpreter.reset()
    }

    // MARK: - Commands per layer

    /// Offers `command` to the layer at `depth`: the effects when it takes the command, nil
    /// when it passes it down.
    mutating func apply(_ command: Command, toLayerAt depth: Int) -> [Effect]? {
        switch layers[depth] {
        case .help(let top):
            switch command {
            case .help, .cancel: setLayer(at: depth, nil)
            default:
                if let motion = command.motion(page: max(1, HelpView.visibleRows(self) - 1)) {
                    setLayer(at: depth, .help(top: motion.applied(to: top, count: HelpView.maxTop(self) + 1)))
                }
            }
            return []
        case .skipped(let top):
            switch command {
            case .cancel, .showSkipped: setLayer(at: depth, nil)
            default:
                if let motion = command.motion(page: skippedPageSize) {
                    setLayer(at: depth, .skipped(top: motion.applied(to: top, count: max(0, skipped.count - skippedPageSize) + 1)))
                }
            }
            return []
        case .related:
            switch command {
            case .open:
                setLayer(at: depth, nil)
                openSidebarEntry()
            case .cancel, .related:
                setLayer(at: depth, nil)
            default:
                if let motion = command.motion(page: RelatedState.pageSize) { moveSidebarSelection(motion) }
            }
            return []
        case .preview:
            switch command {
            case .cancel, .back:
                setLayer(at: depth, nil)
                return []
            case .search, .searchNext, .searchPrevious:
                // Search is in the article: show it again, then search.
                setLayer(at: depth, nil)
                return nil
            case .lineDown, .lineUp, .pageDown, .pageUp, .top, .bottom:
                // Moving in the reading pane closes the preview; in the sidebar it moves on.
                guard focus == .reading else { return nil }
                setLayer(at: depth, nil)
                return []
            default:
                return nil
            }
        case .prompt:
            return applyInPrompt(command)
        case .find:
            return applyInFind(command, depth: depth)
        case .links:
            return applyInLinkList(command, at: depth)
        case .list:
            switch command {
            case .open:
                setLayer(at: depth, nil)
                if let index = libraryIndex(ofRow: selection) { openListed(index) }
            case .cancel where find != nil:
                endFind()
            case .cancel, .focusNext, .focusPrevious:
                setLayer(at: depth, nil)
            case .toggleBookmark:
                guard let index = libraryIndex(ofRow: selection) else { return [] }
                return [.toggleBookmark(articles[index])]
            case .toggleBookmarksOnly:
                toggleBookmarksOnly()
            case .find:
                openFind()
            case .cycleOrder:
                return cycleOrder()
            case .toggleRead:
                return toggleReadEffects()
            default:
                if let motion = command.motion(page: max(1, listVisibleItems - 1)) {
                    selection = motion.applied(to: selection, count: listCount)
                    scrollListToSelection()
                }
            }
            return []
        }
    }
}
