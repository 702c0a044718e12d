import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// The loop: read key → keymap → command → apply → run effects → render → flush.
struct ReaderLoop {
    let terminal: TerminalSession
    /// The library arriving in the background, if it is loaded that way.
    var library: LibraryLoader? = nil
    /// Run on the main thread on each `.wake` (see `TerminalSession.wakeUp()`): they take
    /// what background work has finished into the state.
    var onWake: [(inout AppState) -> Void] = []
    var persistence = Persistence(paths: PersistencePaths(environment: ProcessInfo.processInfo.environment))
    /// Library searches (`s`), run off the main thread.
    let finder = LibraryFinder()

    /// Runs until the user quits or the terminal goes away; returns the exit code. What is
    /// not yet saved is saved on every way out.
    func run(_ state: inout AppState) -> Int32 {
        persistence.load(into: &state)
        let code = loop(&state)
        persistence.exitMessages = persistence.flush()
        return code
    }

    /// Prints what went wrong saving on the way out; call once the terminal is restored.
    func reportExitMessages() {
        for message in persistence.exitMessages {
            Printing.warn(message)
        }
    }

    private func loop(_ state: inout AppState) -> Int32 {
        // Benchmark hooks: leave after the first frame that shows articles (times the first
        // screen), or once the whole library is in (times the load, measures its memory).
        let exitAfterFirstFrame = ProcessInfo.processInfo.environment["YUEDU_EXIT_AFTER_FIRST_FRAME"] == "1"
        let exitAfterLoad = ProcessInfo.processInfo.environment["YUEDU_EXIT_AFTER_LOAD"] == "1"
        // Leave once the list holds the whole library as last known (from the index, before
        // the files are checked): times a start from the index.
        let exitAfterList = ProcessInfo.processInfo.environment["YUEDU_EXIT_AFTER_LIST"] == "1"
        terminal.draw(RootView.render(state, theme: state.theme), cursor: state.cursor)
        CrashTrigger.fireIfRequested()
        if exitAfterList, library?.listed == true { return 0 }
        library?.firstFrameDrawn()
        while true {
            for event in terminal.events(timeout: persistence.timeout()) {
                switch event {
                case .key(let key):
                    if perform(state.press(key), on: &state) { return 0 }
                case .mouse(let event):
                    state.resetPendingKeys()
                    if perform(state.mouse(event), on: &state) { return 0 }
                case .resize(let width, let height):
                    state.resize(width: width, height: height)
                case .hangup:
                    return 129
                case .terminate(let signal):
                    return 128 + signal
                case .wake:
                    if let effects = library?.deliver(into: &state), perform(effects, on: &state) { return 0 }
                    persistence.deliver(into: &state)
                    persistence.deliverReadMarks(into: &state)
                    finder.deliver(into: &state)
                    for handler in onWake { handler(&state) }
                }
            }
            persistence.saveIfDue(&state)
            finder.requestSnippets(state, source: findSource(state))
            terminal.draw(RootView.render(state, theme: state.theme), cursor: state.cursor)
            // Opening an article may have found its file changed or gone: say so at once.
            if library?.takeBodyNotices(into: &state) == true {
                terminal.draw(RootView.render(state, theme: state.theme), cursor: state.cursor)
            }
            if exitAfterList, library?.listed == true { return 0 }
            if exitAfterFirstFrame, !state.articles.isEmpty || library?.finished == true { return 0 }
            if exitAfterLoad, library?.finished == true { return 0 }
        }
    }

    /// Runs the effects a command returned; true when one of them is to quit.
    private func perform(_ effects: [Effect], on state: inout AppState) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .suspend: terminal.suspend()
            case .redraw: terminal.repaint()
            case .reload: library?.reload()
            case .findInLibrary(let query, let generation):
                finder.search(.init(text: query, generation: generation, source: findSource(state),
                                    bookmarked: state.bookmarkSet, read: state.readKeys))
            case .copyToClipboard(let text): terminal.copyToClipboard(text)
            case .openLink(let url, let browser):
                state.show(message: LinkOpener.open(url, browser: browser, terminal: terminal))
            default: _ = persistence.run(effect, on: &state)
            }
        }
        return false
    }

    /// Where library searches look: the index, or the articles in memory without one.
    private func findSource(_ state: AppState) -> LibraryFinding.Source {
        if let index = library?.index { return .index(index) }
        return .memory(state.articles)
    }
}
