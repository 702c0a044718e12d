import Foundation
import ReaderCore
import ReaderUI
import Terminal

/// The loop: read key → keymap → command → apply → run effects → render → flush.
struct ReaderLoop {
    let terminal: TerminalSession
    /// The library arriving in the background, if it is loaded that way.
    var library: LibraryLoader? = nil

    /// Runs until the user quits or the terminal goes away; returns the exit code.
    func run(_ state: inout AppState) -> Int32 {
        terminal.draw(RootView.render(state))
        // Benchmark hooks: leave after the first frame that shows articles (times the first
        // screen), or once the whole library is in (times the load, measures its memory).
        let exitAfterFirstFrame = ProcessInfo.processInfo.environment["YUEDU_EXIT_AFTER_FIRST_FRAME"] == "1"
        let exitAfterLoad = ProcessInfo.processInfo.environment["YUEDU_EXIT_AFTER_LOAD"] == "1"
        while true {
            for event in terminal.events(timeout: -1) {
                switch event {
                case .key(let key):
                    guard let command = state.keymap.command(for: key) else { continue }
                    for effect in state.apply(command) {
                        switch effect {
                        case .quit: return 0
                        case .suspend: terminal.suspend()
                        case .redraw: terminal.draw(Screen(width: 0, height: 0))
                        case .reload: library?.reload()
                        }
                    }
                case .resize(let width, let height):
                    state.resize(width: width, height: height)
                case .hangup:
                    return 129
                case .terminate(let signal):
                    return 128 + signal
                case .wake:
                    library?.deliver(into: &state)
                }
            }
            terminal.draw(RootView.render(state))
            if exitAfterFirstFrame, !state.articles.isEmpty || library?.finished == true { return 0 }
            if exitAfterLoad, library?.finished == true { return 0 }
        }
    }
}
