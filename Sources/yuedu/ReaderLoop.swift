import Foundation
import ReaderCore
import ReaderUI
import Terminal

/// The loop: read key → keymap → command → apply → run effects → render → flush.
struct ReaderLoop {
    let terminal: TerminalSession

    /// Runs until the user quits or the terminal goes away; returns the exit code.
    func run(_ state: inout AppState) -> Int32 {
        terminal.draw(RootView.render(state), cursor: state.cursor)
        CrashTrigger.fireIfRequested()
        while true {
            for event in terminal.events(timeout: -1) {
                switch event {
                case .key(let key):
                    let effects: [Effect]
                    if state.prompt != nil {
                        effects = state.input(key)
                    } else {
                        guard let command = state.keymap.command(for: key) else { continue }
                        effects = state.apply(command)
                    }
                    for effect in effects {
                        switch effect {
                        case .quit: return 0
                        case .suspend: terminal.suspend()
                        case .redraw: terminal.draw(Screen(width: 0, height: 0))
                        }
                    }
                case .resize(let width, let height):
                    state.resize(width: width, height: height)
                case .hangup:
                    return 129
                case .terminate(let signal):
                    return 128 + signal
                }
            }
            terminal.draw(RootView.render(state), cursor: state.cursor)
        }
    }
}
