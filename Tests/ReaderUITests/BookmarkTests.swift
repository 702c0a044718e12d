import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// Bookmarks and reading positions as the state sees them: the effects `apply` returns, the
/// bookmarks-only list, marks and percentages in the list, and a place kept across widths.
@Suite struct BookmarkTests {
    /// What the executable does with a toggle effect, without a disk: flip the key.
    func runToggle(_ effects: [Effect], on s: inout AppState) {
        for case .toggleBookmark(let article) in effects {
            let key = ArticleKey(article)
            s.adoptBookmarks(s.bookmarks.contains(key) ? s.bookmarks.filter { $0 != key } : [key] + s.bookmarks)
        }
    }

    @Test func toggleAsksForTheOpenArticleWhileReading() throws {
        var s = try state(width: 80, height: 24, [.nextArticle])
        let effects = s.apply(.toggleBookmark)
        #expect(effects == [.toggleBookmark(s.articles[1])])
        #expect(s.bookmarks.isEmpty, "apply never writes; the loop reports back")
        runToggle(effects, on: &s)
        #expect(s.isBookmarked(1))
        #expect(!s.isBookmarked(0))
    }

    @Test func toggleAsksForTheSelectedArticleInTheList() throws {
        var s = try state(width: 80, height: 24, [.focusPrevious, .lineDown, .lineDown])
        #expect(s.focus == .list)
        #expect(s.current == 0)
        #expect(s.apply(.toggleBookmark) == [.toggleBookmark(s.articles[2])])
    }

    @Test func bookmarksOnlyListNewestFirstAndBack() throws {
        var s = try state(width: 80, height: 24)
        // Bookmarked the seed, then the short one: the short one is the newest bookmark.
        s.adoptBookmarks([s.key(ofArticle: 2), s.key(ofArticle: 1)])
        _ = s.apply(.toggleBookmarksOnly)
        #expect(s.bookmarksOnly)
        #expect(s.focus == .list)
        #expect(s.listCount == 2)
        #expect(s.libraryIndex(ofRow: 0) == 2)
        #expect(s.libraryIndex(ofRow: 1) == 1)
        var screen = RootView.render(s)
        #expect(screen.text(row: 0).contains("书签 Bookmarks (2)"))
        assertSnapshot(screen, named: "bookmarks-only-80x24")

        _ = s.apply(.lineDown)
        _ = s.apply(.open)
        #expect(s.current == 1)
        // J walks the list as shown: after the seed there is no bookmark.
        _ = s.apply(.nextArticle)
        #expect(s.current == 1)
        #expect(s.message == "last article")
        _ = s.apply(.previousArticle)
        #expect(s.current == 2)

        _ = s.apply(.toggleBookmarksOnly)
        #expect(!s.bookmarksOnly)
        #expect(s.selection == 2, "the selection stays on the same article")
        screen = RootView.render(s)
        #expect(screen.text(row: 0).contains("文章 Articles (3)"))
    }

    @Test func removingABookmarkInTheBookmarksListKeepsTheSelectionValid() throws {
        var s = try state(width: 80, height: 24)
        s.adoptBookmarks([s.key(ofArticle: 2), s.key(ofArticle: 1)])
        _ = s.apply(.toggleBookmarksOnly)
        _ = s.apply(.lineDown)
        runToggle(s.apply(.toggleBookmark), on: &s)
        #expect(s.listCount == 1)
        #expect(s.selection == 0)
        runToggle(s.apply(.toggleBookmark), on: &s)
        #expect(s.listCount == 0)
        #expect(s.apply(.toggleBookmark).isEmpty, "nothing selected, nothing toggled")
        _ = s.apply(.open)
        #expect(RootView.render(s).textLines.contains { $0.contains("(none: m bookmarks one)") })
    }

    @Test func listShowsMarksAndPercentages() throws {
        var s = try state(width: 80, height: 24, [.nextArticle, .pageDown])
        s.adoptBookmarks([s.key(ofArticle: 1), s.key(ofArticle: 2)])
        s.adoptPositions(s.positions.merging([s.key(ofArticle: 0): ReadingPosition(block: 3, offset: 0, fraction: 0.35)]) { a, _ in a })
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "bookmarks-marks-80x24")
        let rows = screen.textLines
        let percent = Int((s.position(ofArticle: 1)!.fraction * 100).rounded(.down))
        #expect(rows[1].contains("35%"), "the English article was read to 35%")
        #expect(!rows[1].contains("✦"))
        #expect(rows[2].contains("\(percent)% ✦"), "the seed: scrolled and bookmarked")
        #expect(rows[3].contains("✦") && !rows[3].contains("%"), "the short one: bookmarked, never scrolled")
    }

    @Test func scrollingAsksToSaveThePlaceOpeningDoesNot() throws {
        var s = try state(width: 80, height: 24)
        // Opening marks the article read; it saves no place.
        #expect(s.apply(.nextArticle) == [.setRead(s.key(ofArticle: 1), true)])
        #expect(s.apply(.lineUp).isEmpty, "already at the top: nothing moved")
        let effects = s.apply(.pageDown)
        let place = s.layout!.place(ofLine: s.readingTop)
        let key = s.key(ofArticle: 1)
        #expect(effects.count == 1)
        guard case .savePosition(let k, let p)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(k == key)
        #expect(p.block == place.block && p.offset == place.offset)
        #expect(p.fraction > 0 && p.fraction < 1)
        #expect(s.positions[key] == p)
        // Open another article and come back: the place is restored in this run.
        let top = s.readingTop
        #expect(s.apply(.previousArticle) == [.setRead(s.key(ofArticle: 0), true)])
        #expect(s.readingTop == 0)
        _ = s.apply(.nextArticle)
        // A blank top row (between paragraphs) is kept as the start of the paragraph below it.
        #expect(s.readingTop == top || (s.layout!.lines[top].isBlank && s.readingTop == top + 1))
    }

    @Test func placeIsRestoredAtAnotherWidth() throws {
        var wide = try state(width: 120, height: 20, [.nextArticle])
        // Down to a line that starts inside a long paragraph.
        for _ in 0..<200 where wide.layout!.lines[wide.readingTop].start == 0 || wide.readingTop < 5 {
            _ = wide.apply(.lineDown)
        }
        let key = wide.key(ofArticle: 1)
        let saved = try #require(wide.positions[key])
        let top = wide.layout!.lines[wide.readingTop]
        #expect(top.start > 0, "the top line starts inside its paragraph, so the test means something")

        // Another run, at 80×24: the seed is reopened from the list.
        var narrow = try state(width: 80, height: 24)
        narrow.adoptPositions([key: saved])
        _ = narrow.apply(.nextArticle)
        let line = narrow.layout!.lines[narrow.readingTop]
        #expect(line.block == top.block, "the same paragraph is at the top")
        #expect(line.start <= top.start && top.start < line.end, "the top line holds the text that was at the top")
        let text = narrow.layout!.blocks[top.block].text
        let firstCharacter = String(text[text.utf8.index(text.startIndex, offsetBy: top.start)])
        #expect(RootView.render(narrow).text(row: 0).contains(firstCharacter))
    }

    @Test func startupPlaceOfTheOpenArticle() throws {
        var s = try state(width: 80, height: 24)
        let key = s.key(ofArticle: 0)
        // The English article's body paragraph (block 3) is where it was left.
        s.adoptPositions([key: ReadingPosition(block: 3, offset: 20, fraction: 0.8)])
        #expect(s.readingTop > 0 || s.maxReadingTop == 0)
        #expect(s.layout!.lines[s.readingTop].block == min(3, s.layout!.lines.last!.block) || s.readingTop == s.maxReadingTop)
    }
}
