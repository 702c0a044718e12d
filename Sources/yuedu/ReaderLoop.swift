import Foundation
import ReaderCore
import ReaderUI
import Terminal

/// The loop: read key → keymap → command → apply → run effects → render → flush.
struct ReaderLoop {
    let terminal: TerminalSession

    /// Runs until the user quits or the terminal goes away; returns the exit code.
    func run(_ state: inout AppState) -> Int32 {
        var interpreter = KeyInterpreter()
        terminal.draw(RootView.render(state, theme: state.theme), cursor: state.cursor)
        while true {
            for event in terminal.events(timeout: -1) {
                switch event {
                case .key(let key):
                    let effects: [Effect]
                    if state.prompt != nil {
                        effects = state.input(key)
                    } else {
                        let outcome = interpreter.feed(key, keymap: state.keymap)
                        state.pendingKeys = interpreter.pending
                        guard case .command(let command, let count) = outcome else { continue }
                        effects = state.apply(command, count: count)
                    }
                    for effect in effects {
                        switch effect {
                        case .quit: return 0
                        case .suspend: terminal.suspend()
                        case .redraw: terminal.draw(Screen(width: 0, height: 0))
                        }
                    }
                case .mouse(let event):
                    interpreter.reset()
                    state.pendingKeys = nil
                    for effect in state.mouse(event) where effect == .quit { return 0 }
                case .resize(let width, let height):
                    state.resize(width: width, height: height)
                case .hangup:
                    return 129
                case .terminate(let signal):
                    return 128 + signal
                }
            }
            terminal.draw(RootView.render(state, theme: state.theme), cursor: state.cursor)
        }
    }
}
