import Testing
@testable import ReaderUI
import ReaderCore
import Grid

/// A configuration may not leave the reader with no way out.
struct KeymapWayOutTests {
    @Test func unbindingQuitKeepsItsKeysWithAMessage() {
        let config = Configuration.parse("""
            [keys]
            quit = []
            cancel = []
            suspend = []
            """, file: "config.toml")
        var keymap = Keymap()
        let issues = keymap.apply(config.keys, file: config.file)
        #expect(keymap.command(for: .character("q")) == .quit)
        #expect(keymap.command(for: .control("c")) == .quit)
        #expect(issues.contains { $0.line == 2 && $0.message.contains("no key would quit") }, "\(issues)")
    }

    @Test func quitKeysTakenByOtherCommandsComeBack() {
        let config = Configuration.parse("""
            [keys]
            line-down = ["q", "C-c"]
            """)
        var keymap = Keymap()
        let issues = keymap.apply(config.keys)
        #expect(keymap.command(for: .character("q")) == .quit)
        #expect(issues.contains { $0.message.contains("no key would quit") })
    }

    @Test func quitOnOtherKeysIsFine() {
        let config = Configuration.parse("""
            [keys]
            quit = ["x"]
            """)
        var keymap = Keymap()
        let issues = keymap.apply(config.keys)
        #expect(keymap.command(for: .character("x")) == .quit)
        #expect(keymap.command(for: .character("q")) != .quit)
        #expect(issues.isEmpty)
    }
}
