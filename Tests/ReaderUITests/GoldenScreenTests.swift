import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// A fixed library for golden screens: the seed article plus two written here, so that new
/// articles in seeds/ do not change these screens.
func goldenLibrary() throws -> [Article] {
    let seed = try ArticleFile.read(path: repositoryRoot.appendingPathComponent("seeds/000_179341d704dc42fe.txt").path).get()
    let english = Article(
        title: "Reading on Small Screens", date: ArticleDate(year: 2024, month: 5, day: 2), site: "Example Weekly",
        lead: "Terminals are still where many people read.",
        body: [Block(.paragraph, "A terminal reader must wrap text by display width, never cut a character in half, and keep the reader's place.")],
        related: [RelatedItem(title: "【新视点】基层党建如何推进乡村振兴战略深度融合?", summary: "The seed article.")])
    let short = Article(title: "短讯：终端阅读", date: ArticleDate(year: 2022, month: 12, day: 1), site: "测试",
                        body: [Block(.paragraph, "这是一篇很短的文章。")])
    return ArticleStore(articles: [seed, english, short]).articles
}

func state(width: Int, height: Int, _ commands: [Command] = []) throws -> AppState {
    var s = AppState(articles: try goldenLibrary(), width: width, height: height)
    for c in commands { _ = s.apply(c) }
    return s
}

@Suite struct GoldenScreenTests {
    @Test func startAt80x24() throws {
        // Below 100 columns: list and reading pane, no sidebar.
        let screen = RootView.render(try state(width: 80, height: 24))
        assertSnapshot(screen, named: "start-80x24")
        #expect(screen.text(row: 0).contains("文章 Articles (3)"))
    }

    @Test func threePanesAt120x40() throws {
        let s = try state(width: 120, height: 40, [.nextArticle])
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "seed-120x40")
        #expect(screen.textLines.contains { $0.contains("相关 Related") })
        #expect(screen.textLines.contains { $0.contains("深入学习贯彻习近平总书") })
    }

    @Test func scrolledAndFullscreenAt80x24() throws {
        let s = try state(width: 80, height: 24, [.nextArticle, .toggleFullscreen, .pageDown, .lineDown])
        assertSnapshot(RootView.render(s), named: "seed-fullscreen-paged-80x24")
    }

    @Test func helpScreenAt80x24() throws {
        let s = try state(width: 80, height: 24, [.help])
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "help-80x24")
        // What does not fit is a scroll away.
        let paged = RootView.render(try state(width: 80, height: 24, [.help, .pageDown]))
        let scrolled = RootView.render(try state(width: 80, height: 24, [.help, .bottom]))
        for row in Command.table {
            #expect((screen.textLines + paged.textLines + scrolled.textLines).contains { $0.contains(row.help) }, "help lists \(row.command)")
        }
    }

    @Test func sidebarFocusedAt120x40() throws {
        let s = try state(width: 120, height: 40, [.focusNext, .lineDown])
        // From reading, Tab goes to the sidebar; j selects its second entry... the English
        // article has one entry, so the selection stays on it.
        #expect(s.focus == .sidebar)
        assertSnapshot(RootView.render(s), named: "sidebar-focused-120x40")
    }
}
