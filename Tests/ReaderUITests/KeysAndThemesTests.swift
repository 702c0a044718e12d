import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

@Suite struct KeyInterpreterTests {
    func feed(_ keys: [Key], _ keymap: Keymap = Keymap()) -> (outcomes: [KeyInterpreter.Outcome], pending: String?) {
        var interpreter = KeyInterpreter()
        let outcomes = keys.map { interpreter.feed($0, keymap: keymap) }
        return (outcomes, interpreter.pending)
    }

    @Test func countsAndSequences() {
        #expect(feed([.character("5"), .character("j")]).outcomes.last == .command(.lineDown, count: 5, counted: true))
        #expect(feed([.character("1"), .character("2"), .character("J")]).outcomes.last == .command(.nextArticle, count: 12, counted: true))
        #expect(feed([.character("g")]).outcomes == [.command(.top, count: 1)], "g alone by default")
        // A sequence, as a configuration binds it (it takes the place of g alone).
        var sequences = Keymap()
        sequences.bind([.character("g"), .character("g")], to: .top)
        #expect(feed([.character("g"), .character("g")], sequences).outcomes == [.pending, .command(.top, count: 1)])
        #expect(feed([.character("3"), .character("g")], sequences).pending == "3g")
        #expect(feed([.character("g"), .character("z")], sequences).outcomes.last == .unbound([.character("g"), .character("z")]))
        // Esc drops a pending count or prefix; on its own it is the cancel command.
        #expect(feed([.character("4"), .escape, .character("j")]).outcomes.last == .command(.lineDown, count: 1))
        #expect(feed([.escape]).outcomes == [.command(.cancel, count: 1)])
        // A lone 0 is no count.
        #expect(feed([.character("0")]).outcomes == [.unbound([.character("0")])])
        #expect(feed([.character("9"), .character("9"), .character("9"), .character("9"), .character("9")]).pending == "9999")
    }

    @Test func aBoundDigitIsACommand() {
        var keymap = Keymap()
        keymap.bind([.character("1")], to: .help)
        #expect(feed([.character("1")], keymap).outcomes == [.command(.help, count: 1)])
    }
}

@Suite struct KeymapConfigurationTests {
    func entries(_ text: String) -> Configuration { Configuration.parse(text, file: "config.toml") }

    @Test func remappedKeysTakeEffectAndBadOnesAreReported() {
        let config = entries("""
            [keys]
            line-down = ["x", "C-n"]
            jump-around = ["z"]
            page-up = ["Shift-Up", "PgUp"]
            top = ["g g", "Home", "F5"]
            quit = ["Q"]
            """)
        var keymap = Keymap()
        let issues = keymap.apply(config.keys, file: config.file)
        #expect(keymap.command(for: .character("x")) == .lineDown)
        #expect(keymap.command(for: .control("n")) == .lineDown)
        #expect(keymap.command(for: .character("j")) == nil, "the listed keys replace the defaults")
        #expect(keymap.command(for: [.character("g"), .character("g")]) == .top)
        #expect(keymap.command(for: .function(5)) == .top)
        #expect(keymap.command(for: .pageUp) == .pageUp)
        #expect(keymap.command(for: .character("b")) == nil)
        #expect(keymap.command(for: .character("q")) == nil && keymap.command(for: .character("Q")) == .quit)
        #expect(issues.map(\.line) == [3, 4], "\(issues)")
        #expect(issues[0].description.hasPrefix("config.toml line 3: unknown command \"jump-around\""))
        #expect(issues[1].message.hasPrefix("unknown key \"Shift-Up\" for page-up"))
    }

    @Test func aKeyTakenFromAnotherCommandLeavesIt() {
        var keymap = Keymap()
        _ = keymap.apply(entries("[keys]\nhelp = [\"j\"]\n").keys)
        #expect(keymap.command(for: .character("j")) == .help)
        #expect(keymap.keys(for: .lineDown) == [.down])
        // A prefix binding replaces the single key it starts with, and the other way round.
        keymap.bind([.character("?"), .character("?")], to: .quit)
        #expect(keymap.command(for: .character("?")) == nil)
        #expect(keymap.isPrefix([.character("?")]))
    }

    @Test func keyNames() {
        let names = ["j", "J", "Space", "Enter", "Tab", "S-Tab", "Esc", "Backspace", "Up", "Down", "Left", "Right",
                     "PgUp", "PgDn", "Home", "End", "F1", "F12", "C-x", "?", "中"]
        let keys: [Key] = [.character("j"), .character("J"), .character(" "), .enter, .tab, .backTab, .escape, .backspace,
                           .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .function(1), .function(12),
                           .control("x"), .character("?"), .character("中")]
        #expect(names.map { Key(configName: $0) } == keys)
        for bad in ["", "jj", "C-", "C-1", "F0", "F99", "Hyper-x", " "] { #expect(Key(configName: bad) == nil, "\(bad)") }
        #expect(Key.sequence(configName: "g g") == [.character("g"), .character("g")])
        #expect(Key.sequence(configName: "g  x") == [.character("g"), .character("x")])
        #expect(Key.sequence(configName: "g nope") == nil)
    }
}

@Suite struct CountAndThemeCommandTests {
    @Test func aCountMovesThatManyLinesAndArticles() throws {
        var one = try state(width: 80, height: 24, [.nextArticle])
        var five = one
        for _ in 0..<5 { _ = one.apply(.lineDown) }
        _ = five.apply(.lineDown, count: 5)
        #expect(five.readingTop == 5 && five.readingTop == one.readingTop)
        var s = try state(width: 80, height: 24)
        _ = s.apply(.nextArticle, count: 2)
        #expect(s.current == 2)
        _ = s.apply(.previousArticle, count: 50)
        #expect(s.current == 0)
        // Commands that a count does not repeat run once.
        _ = s.apply(.toggleFullscreen, count: 2)
        #expect(s.fullscreen)
    }

    @Test func tCyclesTheInstalledThemes() throws {
        var s = try state(width: 80, height: 24)
        let catalog = ThemeCatalog(directories: [repositoryRoot.appendingPathComponent("themes").path])
        let (themes, issues) = Theme.installed(catalog)
        #expect(issues.isEmpty)
        s.themes = themes
        #expect(s.theme.name == "default")
        let order = (0..<themes.count).map { _ in
            let effects = s.apply(.cycleTheme)
            #expect(effects.isEmpty)
            return s.theme.name
        }
        #expect(order == ["high-contrast", "light", "monochrome", "default"])
        #expect(s.message == "theme: default (1/4)")
        // The theme changes what is drawn.
        _ = s.apply(.cycleTheme)
        let screen = RootView.render(s, theme: s.theme)
        #expect(screen[0, 0].style != RootView.render(s, theme: .defaultDark)[0, 0].style)
        #expect(s.keymap.command(for: .character("t")) == .cycleTheme)
    }

    @Test func mouseWheelScrollsThePaneUnderItAndAClickSelects() throws {
        var s = try state(width: 120, height: 40, [.nextArticle])
        let reading = s.readingColumn
        _ = s.mouse(MouseEvent(.wheelDown, x: reading.x + 2, y: reading.y + 3))
        #expect(s.readingTop == AppState.wheelStep && s.focus == .reading)
        let list = try #require(s.panes.list)
        _ = s.mouse(MouseEvent(.wheelDown, x: list.x + 1, y: list.y + 2))
        #expect(s.selection == 2 && s.focus == .reading, "the wheel moves the list, focus stays")
        _ = s.mouse(MouseEvent(.press, x: list.x + 3, y: list.y + 1))
        #expect(s.focus == .list && s.selection == 0 && s.current == 1)
        _ = s.mouse(MouseEvent(.press, x: list.x + 3, y: list.y + 1))
        #expect(s.current == 0, "a click on the selected row opens it")
        _ = s.mouse(MouseEvent(.press, x: list.x + 3, y: list.y + 30))
        #expect(s.selection == 0, "a click below the last article does nothing")
    }
}

@Suite struct ThemeRenderingTests {
    @Test func defaultDarkIsDefaultToml() throws {
        let spec = try #require(ThemeCatalog(directories: [repositoryRoot.appendingPathComponent("themes").path]).load("default").theme)
        #expect(Theme(spec: spec) == Theme.defaultDark)
        #expect(Theme.defaultDark.style("ui.list.selected") == Style(foreground: .indexed(230), background: .indexed(24), attributes: [.bold]))
    }

    @Test func missingScopesFallBackToTheirParent() {
        let theme = Theme(name: "t", scopes: ["ui": Style(foreground: .indexed(1)), "ui.list": Style(foreground: .indexed(2))])
        #expect(theme.style("ui.list.selected.unfocused") == Style(foreground: .indexed(2)))
        #expect(theme.style("ui.reading.title") == Style(foreground: .indexed(1)))
        #expect(theme.style("other") == .plain)
        #expect(Theme.defaultDark.style("ui.search.match.extra") == Theme.defaultDark.style("ui.search.match"))
    }

    /// `#rrggbb` stays RGB in the theme: as such on a direct-colour terminal, the nearest of
    /// the 256 on a 256-colour one.
    @Test func hexColoursGoToTheNearestOf256() {
        #expect(Theme.color(.rgb(0xFF, 0xD7, 0xAF)) == .rgb(0xFF, 0xD7, 0xAF))
        func at256(_ color: ThemeColor) -> Int32 {
            ColorMapping.resolve(Style(foreground: Theme.color(color)), depth: .indexed256, background: .dark).foreground
        }
        #expect(at256(.rgb(0xFF, 0xD7, 0xAF)) == 223)
        #expect(at256(.rgb(0x30, 0x30, 0x30)) == 236)
        #expect(at256(.rgb(255, 0, 0)) == 196)
        #expect(ColorMapping.resolve(Style(foreground: .rgb(0xFF, 0xD7, 0xAF)), depth: .direct, background: .dark).foreground == 0xFFD7AF)
        #expect(Theme.color(.default) == .default && Theme.color(nil) == .default)
    }
}
