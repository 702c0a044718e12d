import Grid
import ReaderCore
import Testing
@testable import ReaderUI

/// The article list at every width: it grows on wide terminals, comes over the text on narrow
/// ones, and the selected article's whole title is always readable.
@Suite struct ListAtEveryWidthTests {
    @Test func enterFromTheListGivesTheReadingPaneTheFocus() throws {
        var s = try state(width: 120, height: 40, [.focusPrevious, .lineDown])
        #expect(s.focus == .list)
        _ = s.apply(.open)
        #expect(s.focus == .reading)
        let top = s.readingTop
        _ = s.apply(.pageDown)
        #expect(s.readingTop > top, "Space pages the article, not the list")
    }

    @Test func enterFromTheSidebarGivesTheReadingPaneTheFocus() throws {
        var s = try relatedState(width: 120, height: 40, [.related])
        #expect(s.focus == .sidebar)
        _ = s.apply(.open)
        #expect(s.focus == .reading)
    }

    @Test func theListTakesTheRoomTheTextDoesNotNeed() {
        for width in [100, 120, 160] {
            let narrow = PaneLayout(width: width, height: 40, fullscreen: false)
            #expect(narrow.list!.width <= 40, "\(width): the text needs the room")
        }
        let wide = PaneLayout(width: 220, height: 40, fullscreen: false)
        #expect(wide.list!.width > 60, "titles get the room on a wide terminal")
        #expect(wide.reading.width == PaneLayout.readingPaneMaximumWidth)
        let huge = PaneLayout(width: 400, height: 40, fullscreen: false)
        #expect(huge.list!.width == PaneLayout.listMaximumWidth)
        for width in stride(from: 60, through: 400, by: 7) {
            let p = PaneLayout(width: width, height: 30, fullscreen: false)
            let used = p.list!.width + 1 + p.reading.width + (p.sidebar.map { $0.width + 1 } ?? 0)
            #expect(used == width, "\(width): the panes fill the width exactly")
        }
    }

    @Test func wideTerminalShowsWholeTitles() throws {
        let screen = RootView.render(try state(width: 220, height: 20))
        #expect(screen.textLines.contains { $0.contains("【新视点】基层党建如何推进乡村振兴战略深度融合?") })
    }

    @Test func theSelectedTitleIsWholeInTheStatusBar() throws {
        var s = try state(width: 80, height: 24, [.focusPrevious])
        _ = s.apply(.lineDown)
        let bar = RootView.render(s).text(row: 23)
        #expect(bar.contains("【新视点】基层党建如何推进乡村振兴战略深度融合"), "\(bar)")
    }

    @Test func narrowTerminalsOpenTheListOverTheText() throws {
        var s = try state(width: 50, height: 16)
        #expect(s.panes.list == nil)
        _ = s.apply(.focusNext)
        #expect(s.showingListOverlay)
        assertSnapshot(RootView.render(s), named: "list-overlay-50x16")
        _ = s.apply(.lineDown)
        _ = s.apply(.lineDown)
        _ = s.apply(.open)
        #expect(!s.showingListOverlay)
        #expect(s.current == 2 && s.focus == .reading)
        _ = s.apply(.focusNext)
        _ = s.apply(.cancel)
        #expect(!s.showingListOverlay && s.current == 2, "Esc closes it and opens nothing")
        _ = s.apply(.toggleBookmarksOnly)
        #expect(s.showingListOverlay, "the bookmarks list shows over the text too")
    }
}
