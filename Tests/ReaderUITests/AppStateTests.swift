import ReaderCore
import Grid
import Testing
@testable import ReaderUI

@Suite struct AppStateTests {
    @Test func startsOnTheNewestArticleReading() throws {
        let s = try state(width: 120, height: 40)
        #expect(s.current == 0)
        #expect(s.currentArticle?.title == "Reading on Small Screens")
        #expect(s.focus == .reading)
    }

    @Test func scrollingClampsAndDoesNoTextWork() throws {
        var s = try state(width: 80, height: 24, [.nextArticle])
        _ = s.layout
        let builds = s.layoutBuilds
        _ = s.apply(.lineUp)
        #expect(s.readingTop == 0)
        for _ in 0..<5 { _ = s.apply(.lineDown) }
        #expect(s.readingTop == 5)
        _ = s.apply(.bottom)
        #expect(s.readingTop == s.maxReadingTop)
        #expect(s.readingPercent == 100)
        _ = s.apply(.lineDown)
        #expect(s.readingTop == s.maxReadingTop)
        _ = s.apply(.top)
        #expect(s.readingTop == 0)
        _ = s.layout
        #expect(s.layoutBuilds == builds, "scrolling must not re-wrap")
    }

    @Test func resizeRewrapsOnceAndKeepsTheTextInView() throws {
        var s = try state(width: 120, height: 40, [.nextArticle])
        for _ in 0..<20 { _ = s.apply(.lineDown) }
        let before = s.layout!.lines[s.readingTop]
        let builds = s.layoutBuilds
        s.resize(width: 70, height: 20)
        let after = s.layout!.lines[s.readingTop]
        #expect(after.block == before.block)
        #expect(after.start <= before.start && before.start < after.end, "the line at the top still shows the same text")
        _ = s.layout
        #expect(s.layoutBuilds == builds + 1)
    }

    @Test func focusCyclesOverVisiblePanesOnly() throws {
        var s = try state(width: 120, height: 40)
        _ = s.apply(.focusNext)
        #expect(s.focus == .sidebar)
        _ = s.apply(.focusNext)
        #expect(s.focus == .list)
        s.resize(width: 80, height: 24)
        _ = s.apply(.focusNext)
        #expect(s.focus == .reading)
        _ = s.apply(.focusNext)
        #expect(s.focus == .list)
        s.resize(width: 50, height: 20)
        #expect(s.focus == .reading, "a hidden pane loses focus")
        _ = s.apply(.focusNext)
        #expect(s.focus == .reading)
    }

    @Test func listSelectionOpensWithEnter() throws {
        var s = try state(width: 120, height: 40, [.focusPrevious])
        #expect(s.focus == .list)
        _ = s.apply(.lineDown)
        _ = s.apply(.lineDown)
        #expect(s.selection == 2 && s.current == 0)
        _ = s.apply(.open)
        #expect(s.current == 2)
        #expect(s.currentArticle?.title == "短讯：终端阅读")
        _ = s.apply(.lineDown)
        #expect(s.selection == 2)
    }

    @Test func nextAndPreviousArticleStopAtTheEnds() throws {
        var s = try state(width: 80, height: 24)
        _ = s.apply(.previousArticle)
        #expect(s.current == 0 && s.message == "first article")
        _ = s.apply(.nextArticle)
        _ = s.apply(.nextArticle)
        _ = s.apply(.nextArticle)
        #expect(s.current == 2 && s.message == "last article")
    }

    @Test func sidebarOpensAnArticleInTheLibrary() throws {
        var s = try state(width: 120, height: 40, [.focusNext])
        #expect(s.relatedEntries.count == 1)
        #expect(s.relatedEntries[0].id == s.library.ids[1])
        _ = s.apply(.open)
        #expect(s.current == 1)
        #expect(s.currentArticle?.title.hasPrefix("【新视点】") == true)
    }

    @Test func helpTakesKeysUntilClosed() throws {
        var s = try state(width: 80, height: 24, [.help])
        #expect(s.showingHelp)
        _ = s.apply(.lineDown)
        #expect(s.readingTop == 0)
        _ = s.apply(.nextArticle)
        #expect(s.current == 0, "help takes the keys it does not use")
        #expect(s.apply(.quit) == [.quit], "quit is global: it quits under help too")
        _ = s.apply(.cancel)
        #expect(!s.showingHelp)
    }

    @Test func keymapFollowsTheTable() {
        let keymap = Keymap()
        #expect(keymap.command(for: .character("j")) == .lineDown)
        #expect(keymap.command(for: .down) == .lineDown)
        #expect(keymap.command(for: .character(" ")) == .pageDown)
        #expect(keymap.command(for: .backTab) == .focusPrevious)
        #expect(keymap.command(for: .character("J")) == .nextArticle)
        #expect(keymap.keys(for: .quit).map(\.name) == ["q", "C-c"])
    }

    @Test func paneLayoutFoldsWithWidth() {
        #expect(PaneLayout(width: 160, height: 50, fullscreen: false).visiblePanes == [.list, .reading, .sidebar])
        #expect(PaneLayout(width: 100, height: 50, fullscreen: false).visiblePanes == [.list, .reading, .sidebar])
        #expect(PaneLayout(width: 99, height: 50, fullscreen: false).visiblePanes == [.list, .reading])
        #expect(PaneLayout(width: 59, height: 50, fullscreen: false).visiblePanes == [.reading])
        #expect(PaneLayout(width: 160, height: 50, fullscreen: true).visiblePanes == [.reading])
        let p = PaneLayout(width: 160, height: 50, fullscreen: false)
        #expect(p.list!.width + 1 + p.reading.width + 1 + p.sidebar!.width == 160)
    }

    @Test func tinyScreensRender() throws {
        for (w, h) in [(1, 1), (2, 5), (19, 3), (20, 3), (30, 2), (0, 0)] {
            var s = try state(width: 120, height: 40)
            s.resize(width: w, height: h)
            let screen = RootView.render(s)
            #expect(screen.width == w && screen.height == h)
        }
    }
}
