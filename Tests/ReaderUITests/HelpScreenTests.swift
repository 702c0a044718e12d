import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

@Suite struct HelpScreenTests {
    func remapped(width: Int, height: Int) throws -> AppState {
        let config = Configuration.parse("[keys]\nline-down = [\"x\", \"Down\"]\ntop = [\"g g\", \"Home\", \"F5\"]\n")
        var s = AppState(articles: try goldenLibrary(), width: width, height: height, keymap: Keymap(configuration: config))
        _ = s.apply(.help)
        return s
    }

    @Test func helpShowsTheKeysActuallyBound() throws {
        let s = try remapped(width: 120, height: 40)
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "help-remapped-120x40")
        let lines = screen.textLines
        #expect(lines.contains { $0.contains("x ↓") && $0.contains("Scroll down a line") })
        #expect(lines.contains { $0.contains("g g Home F5") && $0.contains("Go to the top") })
        #expect(!lines.contains { $0.contains("j ↓") })
        // Every command of the table is listed.
        for row in Command.table { #expect(lines.contains { $0.contains(row.help) }, "\(row.help)") }
    }

    @Test func helpScrollsWhenItDoesNotFit() throws {
        var s = try remapped(width: 60, height: 12)
        var screen = RootView.render(s)
        assertSnapshot(screen, named: "help-scroll-top-60x12")
        #expect(screen.textLines.contains { $0.contains("Scroll down a line") })
        #expect(screen.textLines.contains { $0.contains("x/k scroll") })
        _ = s.apply(.bottom)
        screen = RootView.render(s)
        assertSnapshot(screen, named: "help-scroll-bottom-60x12")
        #expect(screen.textLines.contains { $0.contains("Quit") })
        #expect(!screen.textLines.contains { $0.contains("Scroll down a line") })
        let bottom = s.helpTop
        _ = s.apply(.lineDown)
        #expect(s.helpTop == bottom, "no scrolling past the end")
        _ = s.apply(.top)
        #expect(s.helpTop == 0)
        _ = s.apply(.lineDown, count: 2)
        #expect(s.helpTop == 2)
        _ = s.apply(.help)
        #expect(!s.showingHelp)
    }

    @Test func twoColumnsWhenWideAndShort() throws {
        let s = try remapped(width: 140, height: 26)
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "help-two-columns-140x26")
        #expect(screen.textLines.contains { $0.contains("Scroll down a line") && $0.contains("Quit") == false })
        for row in Command.table { #expect(screen.textLines.contains { $0.contains(row.help) }, "\(row.help)") }
    }

    @Test func pendingKeysShowInTheStatusBar() throws {
        let seeded = try state(width: 80, height: 24)
        var keymap = Keymap()
        keymap.bind([.character("g"), .character("x")], to: .bottom)
        var s = AppState(articles: seeded.articles, width: 80, height: 24, keymap: keymap)
        _ = s.press(.character("5"))
        _ = s.press(.character("g"))
        #expect(s.pendingKeys == "5g")
        let bar = RootView.render(s).text(row: 23)
        #expect(bar.hasSuffix(" 5g "))
    }
}
