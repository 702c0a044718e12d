import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// A small article with a file path, dated 2020-`month`-`day`.
private func article(_ title: String, month: Int, day: Int = 1, paragraphs: Int = 1) -> Article {
    Article(title: title, date: ArticleDate(year: 2020, month: month, day: day), site: "测试",
            body: (0..<paragraphs).map { Block(.paragraph, "第\($0 + 1)段。" + String(repeating: "这是一段用来滚动的文字。", count: 6)) },
            path: "lib/\(title).txt")
}

/// Articles in library order, as `LoadProgress.shown` delivers them.
private func batch(_ articles: [Article]) -> [Article] {
    ArticleStore(articles: articles).articles
}

@Suite struct LibraryLoadingTests {
    @Test func firstBatchOpensTheNewestArticle() {
        var s = AppState(articles: [], width: 100, height: 30)
        s.beginLoading()
        s.addArticles(batch([article("一月", month: 1), article("三月", month: 3)]), filesRead: 2, filesTotal: 10)
        #expect(s.articles.map(\.title) == ["三月", "一月"])
        #expect(s.currentArticle?.title == "三月")
        #expect(s.loading == LibraryLoading(filesRead: 2, filesTotal: 10))
        s.finishLoading()
        #expect(s.loading == nil)
    }

    @Test func openAndSelectedArticlesStayWhileBatchesArrive() {
        var s = AppState(articles: [], width: 100, height: 30)
        s.beginLoading()
        s.addArticles(batch([article("五月", month: 5), article("三月", month: 3, paragraphs: 40), article("一月", month: 1)]),
                      filesRead: 3, filesTotal: 9)
        // Open 三月 and scroll into it; then select 一月 in the list.
        _ = s.apply(.nextArticle)
        for _ in 0..<7 { _ = s.apply(.lineDown) }
        _ = s.apply(.focusPrevious)
        #expect(s.focus == .list)
        _ = s.apply(.lineDown)
        #expect(s.currentArticle?.title == "三月")
        #expect(s.articles[s.selection].title == "一月")
        let readingTop = s.readingTop
        #expect(readingTop == 7)
        let selectedRow = s.selection - s.listTop

        // Newer, older and in-between articles arrive: indices move, the articles do not.
        s.addArticles(batch([article("十二月", month: 12), article("四月", month: 4), article("二月", month: 2),
                             article("零月", month: 1, day: 0)]), filesRead: 7, filesTotal: 9)
        #expect(s.articles.map(\.title) == ["十二月", "五月", "四月", "三月", "二月", "一月", "零月"])
        #expect(s.currentArticle?.title == "三月")
        #expect(s.current == 3)
        #expect(s.articles[s.selection].title == "一月")
        #expect(s.listTop == 0 && selectedRow == 2, "the whole list fits")
        #expect(s.readingTop == readingTop)
        #expect(s.layout?.lines.contains { $0.text.contains("第1段") } == true, "the layout is of the open article")
        #expect(s.loading?.filesRead == 7)

        // Keys keep working on the merged list.
        _ = s.apply(.lineUp)
        #expect(s.articles[s.selection].title == "二月")
        _ = s.apply(.open)
        #expect(s.currentArticle?.title == "二月")
    }

    @Test func selectedRowStaysOnScreenWhileBatchesArrive() {
        // 60 articles, 10 list rows: select the 31st, five rows down its page.
        let days = (1...60).map { article("第\($0)篇", month: 6, day: $0) }
        var s = AppState(articles: [], width: 100, height: 12)
        s.addArticles(batch(days), filesRead: 60, filesTotal: 80)
        _ = s.apply(.focusPrevious)
        for _ in 0..<35 { _ = s.apply(.lineDown) }
        for _ in 0..<4 { _ = s.apply(.lineUp) }
        let selected = s.articles[s.selection].title
        let row = s.selection - s.listTop
        #expect(row > 0 && s.listTop > 0)
        // Twenty newer articles arrive: the same article on the same row.
        s.addArticles(batch((1...20).map { article("新\($0)", month: 9, day: $0) }), filesRead: 80, filesTotal: 80)
        #expect(s.articles[s.selection].title == selected)
        #expect(s.selection - s.listTop == row)
        let screen = RootView.render(s)
        #expect(screen.text(row: 1 + row).contains(selected))
    }

    @Test func skippedFilesArriveWithTheirBatches() {
        var s = AppState(articles: [], width: 100, height: 30)
        s.beginLoading()
        s.addArticles([], skipped: [SkippedFile(path: "a.bin", reason: "binary file")], filesRead: 1, filesTotal: 3)
        s.addArticles(batch([article("一月", month: 1)]), skipped: [SkippedFile(path: "b.txt", reason: "empty file")],
                      filesRead: 3, filesTotal: 3)
        #expect(s.skipped.map(\.path) == ["a.bin", "b.txt"])
        let bar = RootView.render(s).text(row: 29)
        #expect(bar.contains("loading 3/3"), "\(bar)")
        #expect(bar.contains("2 skipped — press S"), "\(bar)")
    }

    @Test func statusBarGroupsThousands() {
        #expect(StatusBar.grouped(12288) == "12,288")
        #expect(StatusBar.grouped(100_000) == "100,000")
        #expect(StatusBar.grouped(999) == "999")
        #expect(StatusBar.grouped(0) == "0")
    }

    @Test func undecodableArticlesAreFlaggedInTheList() throws {
        var flagged = article("乱码", month: 2)
        flagged.decodingNote = "3 invalid bytes shown as �"
        let s = AppState(articles: batch([article("一月", month: 1), flagged]), width: 80, height: 24)
        let lines = RootView.render(s).textLines
        // At 80 columns the list is too narrow for dates: the flag goes before the title.
        #expect(lines[1].hasPrefix("▸!乱码"), "\(lines[1])")
        #expect(lines[2].hasPrefix(" 一月"), "\(lines[2])")
        // With dates, it takes the place of the space after the date.
        let wide = RootView.render(AppState(articles: s.articles, width: 120, height: 24)).textLines
        #expect(wide[1].hasPrefix("▸20-02-01!乱码"), "\(wide[1])")
        #expect(wide[2].hasPrefix(" 20-01-01 一月"), "\(wide[2])")
    }

    @Test func anUndatedUndecodableArticleHasOneFlag() throws {
        var undated = article("乱码", month: 2)
        undated.date = nil
        undated.decodingNote = "3 invalid bytes shown as �"
        let s = AppState(articles: batch([undated]), width: 120, height: 24)
        let row = RootView.render(s).textLines[1]
        #expect(row.hasPrefix("▸        !乱码"), "\(row)")
        #expect(row.filter { $0 == "!" }.count == 1, "\(row)")
    }

    // MARK: - Skipped overlay

    private func skippedState() -> AppState {
        let skipped = (1...12).map { i in
            SkippedFile(path: "library/bad/file-\(i).txt",
                        reason: i % 2 == 0 ? "empty file" : "binary file, not text (it contains NUL bytes)")
        }
        return AppState(articles: batch([article("一月", month: 1)]), skipped: skipped, width: 80, height: 24)
    }

    @Test func skippedOverlayListsFilesWithReasons() {
        var s = skippedState()
        #expect(RootView.render(s).text(row: 23).contains("12 skipped — press S"))
        _ = s.apply(.showSkipped)
        #expect(s.showingSkipped)
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "skipped-80x24")
        #expect(screen.textLines.contains { $0.contains("library/bad/file-1.txt") })
        #expect(screen.textLines.contains { $0.contains("binary file, not text") })
        #expect(!screen.textLines.contains { $0.contains("file-12.txt") }, "only a page of files shows")
    }

    @Test func skippedOverlayScrollsAndCloses() {
        var s = skippedState()
        _ = s.apply(.showSkipped)
        let perPage = s.skippedPageSize
        #expect(perPage == 9)
        _ = s.apply(.lineDown)
        #expect(s.skippedTop == 1)
        #expect(s.currentArticle?.title == "一月", "j scrolls the overlay, not the article")
        _ = s.apply(.bottom)
        #expect(s.skippedTop == 12 - perPage)
        let screen = RootView.render(s)
        #expect(screen.textLines.contains { $0.contains("file-12.txt") })
        #expect(screen.textLines.contains { $0.contains("(4–12 of 12)") })
        _ = s.apply(.lineDown)
        #expect(s.skippedTop == 12 - perPage, "stops at the last page")
        _ = s.apply(.cancel)
        #expect(!s.showingSkipped)
        #expect(!RootView.render(s).textLines.contains { $0.contains("Skipped —") })
    }

    @Test func skippedKeyWithNothingSkippedSaysSo() {
        var s = AppState(articles: batch([article("一月", month: 1)]), width: 80, height: 24)
        _ = s.apply(.showSkipped)
        #expect(!s.showingSkipped)
        #expect(s.message == "no files skipped")
    }

    // MARK: - Reload

    @Test func reloadKeepsTheOpenArticleAndPlace() {
        let long = article("三月", month: 3, paragraphs: 40)
        var s = AppState(articles: batch([article("五月", month: 5), long, article("一月", month: 1)]), width: 100, height: 30)
        _ = s.apply(.nextArticle)
        for _ in 0..<9 { _ = s.apply(.lineDown) }
        #expect(s.apply(.reload) == [.reload])
        #expect(s.loading?.reloading == true)
        #expect(s.apply(.reload) == [], "one reload at a time")
        #expect(s.message == "already reloading")

        // 六月 is new, 五月 changed, 一月 is gone.
        var changed = article("五月", month: 5)
        changed.body = [Block(.paragraph, "改过了。")]
        let new = batch([article("六月", month: 6), changed, long])
        let changes = LibraryChanges(added: ["lib/六月.txt"], changed: ["lib/五月.txt"], removed: ["lib/一月.txt"])
        s.replaceLibrary(articles: new, skipped: [SkippedFile(path: "x", reason: "empty file")], changes: changes)
        #expect(s.currentArticle?.title == "三月")
        #expect(s.current == 2)
        #expect(s.readingTop == 9)
        #expect(s.loading == nil)
        #expect(s.message == "reloaded: 1 new, 1 changed, 1 removed")
        #expect(s.skipped.count == 1)
        #expect(RootView.render(s).text(row: 29).contains("reloaded: 1 new, 1 changed, 1 removed"))
    }

    @Test func reloadWhenTheOpenArticleIsGone() {
        var s = AppState(articles: batch([article("五月", month: 5), article("三月", month: 3)]), width: 100, height: 30)
        _ = s.apply(.nextArticle)
        _ = s.apply(.reload)
        s.replaceLibrary(articles: batch([article("五月", month: 5)]), skipped: [],
                         changes: LibraryChanges(removed: ["lib/三月.txt"]))
        #expect(s.currentArticle?.title == "五月")
        #expect(s.message == "reloaded: 1 removed; the open article is gone")
    }

    @Test func reloadIsRefusedWhileLoading() {
        var s = AppState(articles: [], width: 100, height: 30)
        s.beginLoading()
        #expect(s.apply(.reload) == [])
        #expect(s.message == "still loading — reload when it is done")
    }
}
