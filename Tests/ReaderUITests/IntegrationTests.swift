import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// A dated article with a file path and some paragraphs to scroll through.
private func article(_ title: String, month: Int, day: Int = 1, paragraphs: Int = 3,
                     related: [RelatedItem] = []) -> Article {
    Article(title: title, date: ArticleDate(year: 2020, month: month, day: day), site: "测试",
            body: (0..<paragraphs).map { Block(.paragraph, "第\($0 + 1)段。" + String(repeating: "这是一段用来滚动的文字。", count: 6)) },
            related: related, path: "lib/\(title).txt")
}

private let noChanges = LibraryChanges()

/// Cells drawn in the search-match styles.
private func highlightedCells(_ screen: Screen, theme: Theme) -> Int {
    let styles = [theme.style("ui.search.match"), theme.style("ui.search.current")]
    var lit = 0
    for y in 0..<screen.height {
        for x in 0..<screen.width where styles.contains(screen[x, y].style) { lit += 1 }
    }
    return lit
}

/// How features meet: reloads and batches against the sidebar, search, preview and keys;
/// overlays against mouse and keys; counts against history.
@Suite struct IntegrationTests {
    // MARK: - Library changes

    @Test func reloadWithTheSameCountMatchesRelatedTitlesAfresh() {
        let a = article("甲", month: 5, related: [RelatedItem(title: "乙")])
        var s = AppState(articles: [a, article("乙", month: 4), article("丙", month: 3)], width: 120, height: 40)
        #expect(s.related.fromArticle.first?.id == s.library.ids[1])
        // 乙 is gone and 丁 takes its place in the list: three articles before and after.
        s.replaceLibrary(articles: [a, article("丁", month: 4, day: 20), article("丙", month: 3)],
                         skipped: [], changes: noChanges)
        #expect(s.related.fromArticle.first?.item.title == "乙")
        #expect(s.related.fromArticle.first?.id == nil, "乙 is not in the library any more")
    }

    @Test func aSimilarityIndexOfAnOlderLibraryNeverNamesAnArticleThatIsGone() {
        let old = [article("甲 乡村 振兴", month: 5), article("乙 乡村 振兴", month: 4), article("丙 乡村", month: 3)]
        var s = AppState(articles: old, width: 120, height: 40)
        s.setSimilarArticles(SimilarArticles.build(old))
        #expect(s.related.similar?.contains(old[1].id) == true)
        let new = [old[0], article("丁", month: 4, day: 20), old[2]]
        s.replaceLibrary(articles: new, skipped: [], changes: noChanges)
        // The index knows articles by identity: 乙 is gone, so it is not listed, and 丁 takes
        // no place it never had.
        #expect(s.related.similar?.contains(old[1].id) == false)
        #expect(s.sidebarEntries.allSatisfy { $0.id.map { s.library.index(of: $0) != nil } ?? true })
        s.setSimilarArticles(SimilarArticles.build(new))
        #expect(s.related.similarity?.ids == new.map(\.id))
    }

    @Test func reloadThatRemovesOrChangesTheOpenArticleEndsItsSearch() {
        let a = article("甲", month: 5), b = article("乙", month: 4)
        var s = AppState(articles: [a, b], width: 120, height: 40)
        _ = s.apply(.search)
        for c in "滚动" { _ = s.press(.character(c)) }
        _ = s.press(.enter)
        #expect(s.search != nil)
        s.replaceLibrary(articles: [a, b], skipped: [], changes: noChanges)
        #expect(s.search != nil, "the same text: the search stays")

        var edited = a
        edited.body = [Block(.paragraph, "改过的文字。")]
        s.replaceLibrary(articles: [edited, b], skipped: [], changes: LibraryChanges(changed: ["lib/甲.txt"]))
        #expect(s.currentArticle?.title == "甲")
        #expect(s.search == nil, "the matches were of the old text")

        _ = s.apply(.search)
        for c in "文字" { _ = s.press(.character(c)) }
        #expect(s.prompt != nil)
        s.replaceLibrary(articles: [b], skipped: [], changes: LibraryChanges(removed: ["lib/甲.txt"]))
        #expect(s.currentArticle?.title == "乙")
        #expect(s.search == nil && s.prompt == nil)
    }

    @Test func previewStaysWhenTheSimilarityIndexOrABatchArrives() {
        let a = article("甲", month: 5, related: [RelatedItem(title: "不在库里", summary: "摘要")])
        let articles = [a, article("乙", month: 4)]
        var s = AppState(articles: articles, width: 120, height: 40)
        _ = s.apply(.related)
        _ = s.apply(.open)
        #expect(s.preview?.title == "不在库里")
        s.setSimilarArticles(SimilarArticles.build(articles))
        #expect(s.preview?.title == "不在库里")
        s.addArticles([article("丙", month: 6)], filesRead: 3, filesTotal: 3)
        #expect(s.currentArticle?.title == "甲")
        #expect(s.preview?.title == "不在库里")
        _ = s.apply(.nextArticle)
        #expect(s.preview == nil, "another article opened")
    }

    @Test func batchesComputeEachArticleKeyOnce() {
        var s = AppState(articles: [], width: 120, height: 40)
        s.beginLoading()
        s.adoptBookmarks([ArticleKey(title: "文3", date: ArticleDate(year: 2020, month: 4, day: 1))])
        var all: [Article] = []
        for part in 0..<4 {
            let batch = (0..<10).map { i in article("文\(part * 10 + i)", month: (i % 12) + 1, day: part + 1) }
            all += batch
            s.addArticles(ArticleStore(articles: batch).articles, filesRead: all.count, filesTotal: 40)
        }
        #expect(s.articles.count == 40)
        #expect(s.bookmarkRows.map { s.articles[$0].title } == ["文3"])
        for i in s.articles.indices { #expect(s.key(ofArticle: i) == ArticleKey(s.articles[i])) }
    }

    @Test func theLibraryAndTheBookmarksAgreeOnWhatIsOneArticle() {
        let date = ArticleDate(year: 2021, month: 3, day: 1)
        let ascii = Article(title: "为什么?", date: date, body: [Block(.paragraph, "一")], path: "a/1.txt")
        let wide = Article(title: "为什么？", date: date, body: [Block(.paragraph, "二")], path: "a/2.txt")
        #expect(ArticleKey(ascii) == ArticleKey(wide))
        let store = ArticleStore(articles: [ascii, wide])
        #expect(store.articles.map(\.path) == ["a/1.txt"], "one article, as bookmarks see it")
        #expect(store.duplicates.map(\.path) == ["a/2.txt"])
        var s = AppState(articles: store.articles, width: 120, height: 40)
        s.adoptBookmarks([ArticleKey(wide)])
        _ = s.apply(.toggleBookmarksOnly)
        #expect(s.listCount == 1)
    }

    // MARK: - Overlays

    @Test func skippedOverlayTakesItsKeysEvenOverAPreview() {
        let a = article("甲", month: 5, related: [RelatedItem(title: "不在库里", summary: "摘要")])
        let skipped = (0..<50).map { SkippedFile(path: "f\($0)", reason: "不是文章") }
        var s = AppState(articles: [a, article("乙", month: 4)], skipped: skipped, width: 80, height: 24)
        _ = s.apply(.related)
        #expect(s.showingRelatedOverlay, "narrow: the related list is an overlay")
        _ = s.apply(.open)
        #expect(s.preview != nil)
        _ = s.apply(.showSkipped)
        _ = s.apply(.lineDown)
        #expect(s.skippedTop == 1)
        #expect(s.preview != nil, "j was the overlay's")
        _ = s.apply(.cancel)
        #expect(!s.showingSkipped)
        #expect(s.preview != nil, "Esc closed the skipped files only")
    }

    @Test func searchHighlightsAreNotDrawnOverAPreview() {
        let a = article("甲", month: 5, related: [RelatedItem(title: "不在库里", summary: "摘要")])
        var s = AppState(articles: [a, article("乙", month: 4)], width: 120, height: 40)
        _ = s.apply(.search)
        _ = s.press(.character("段"))
        _ = s.press(.enter)
        let theme = Theme.defaultDark
        #expect(highlightedCells(RootView.render(s, theme: theme), theme: theme) > 0)
        _ = s.apply(.related)
        _ = s.apply(.open)
        #expect(s.preview != nil)
        #expect(highlightedCells(RootView.render(s, theme: theme), theme: theme) == 0)
        // n shows the article again, at its match.
        _ = s.apply(.searchNext)
        #expect(s.preview == nil)
        #expect(s.search != nil)
        #expect(highlightedCells(RootView.render(s, theme: theme), theme: theme) > 0)
    }

    @Test func slashOverAPreviewSearchesTheArticle() {
        let a = article("甲", month: 5, related: [RelatedItem(title: "不在库里", summary: "摘要")])
        var s = AppState(articles: [a, article("乙", month: 4)], width: 120, height: 40)
        _ = s.apply(.related)
        _ = s.apply(.open)
        _ = s.apply(.search)
        #expect(s.preview == nil)
        #expect(s.prompt != nil)
    }

    // MARK: - Mouse

    @Test func clickOnTheListWhileTheRelatedOverlayIsOpenDoesNothing() throws {
        let articles = [article("甲", month: 5, related: [RelatedItem(title: "丙")]), article("乙", month: 4), article("丙", month: 3)]
        var s = AppState(articles: articles, width: 80, height: 24)
        _ = s.apply(.related)
        #expect(s.showingRelatedOverlay)
        let list = try #require(s.panes.list)
        // Row 0 is the selected row: a click there would open it.
        #expect(s.mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 1)).isEmpty)
        #expect(s.currentArticle?.title == "甲")
        #expect(s.showingRelatedOverlay)
        #expect(s.sidebarSelection == 0)
    }

    @Test func clickWhileTheSkippedOverlayIsOpenDoesNothing() throws {
        let skipped = (0..<5).map { SkippedFile(path: "f\($0)", reason: "不是文章") }
        var s = AppState(articles: (1...5).map { article("文\($0)", month: $0) }, skipped: skipped, width: 100, height: 30)
        _ = s.apply(.showSkipped)
        let list = try #require(s.panes.list)
        _ = s.mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 3))
        #expect(s.selection == 0)
        #expect(s.showingSkipped)
    }

    @Test func clickBelowTheBookmarkedRowsSelectsNothing() throws {
        var s = AppState(articles: (1...10).map { article("文\($0)", month: $0) }, width: 120, height: 40)
        s.adoptBookmarks([ArticleKey(s.articles[2])])
        _ = s.apply(.toggleBookmarksOnly)
        #expect(s.listCount == 1)
        let list = try #require(s.panes.list)
        _ = s.mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 1 + 5))
        #expect(s.selection == 0)
    }

    @Test func wheelScrollsTheSkippedOverlayAWholeStep() {
        let skipped = (0..<50).map { SkippedFile(path: "f\($0)", reason: "不是文章") }
        var s = AppState(articles: [article("甲", month: 5)], skipped: skipped, width: 100, height: 30)
        _ = s.apply(.showSkipped)
        _ = s.mouse(MouseEvent(.wheelDown, x: 50, y: 10))
        #expect(s.skippedTop == AppState.wheelStep)
        _ = s.apply(.lineDown, count: 4)
        #expect(s.skippedTop == AppState.wheelStep + 4)
    }

    // MARK: - Counts, history, saved places

    @Test func countedNextArticleIsOneJumpInTheHistory() {
        var s = AppState(articles: (1...6).map { article("文\($0)", month: 12 - $0) }, width: 120, height: 40)
        _ = s.apply(.nextArticle, count: 3)
        #expect(s.current == 3)
        _ = s.apply(.back)
        #expect(s.current == 0, "back to where the jump started")
        _ = s.apply(.nextArticle, count: 99)
        #expect(s.current == 5, "as far as the list goes")
        _ = s.apply(.nextArticle, count: 2)
        #expect(s.message == "last article")
        _ = s.apply(.previousArticle, count: 2)
        #expect(s.current == 3)
    }

    @Test func aPlaceReachedBySearchIsSaved() {
        let long = article("甲", month: 5, paragraphs: 1)
        var s = AppState(articles: [Article(title: long.title, date: long.date,
                                            body: (0..<40).map { Block(.paragraph, "第\($0)段。普通的文字。") } + [Block(.paragraph, "要找的词在这里。")],
                                            path: long.path)],
                         width: 100, height: 20)
        _ = s.apply(.search)
        for c in "要找" { #expect(s.press(.character(c)).isEmpty) }
        #expect(s.readingTop > 0)
        let effects = s.press(.enter)
        let position = try? #require(s.readingPosition)
        #expect(effects == [.savePosition(s.key(ofArticle: 0), position!), .saveSearchHistory(["要找"])])
        // Esc goes back where the prompt opened: nothing new to save.
        _ = s.apply(.search)
        for c in "第1" { _ = s.press(.character(c)) }
        #expect(s.press(.escape).isEmpty)
    }
}

/// Reloading keeps the reader's place by its text, measured in the reloaded article.
@Suite struct ReloadPlaceTests {
    func article(_ title: String, month: Int, paragraphs: Int) -> Article {
        Article(title: title, date: ArticleDate(year: 2020, month: month, day: 1), site: "测试",
                body: (0..<paragraphs).map { Block(.paragraph, "第\($0 + 1)段。" + String(repeating: "这是一段用来滚动的文字。", count: 6)) },
                path: "lib/\(title).txt")
    }

    @Test func theOpenArticleKeepsItsPlaceWhenItMovesUpTheList() {
        let short = article("短", month: 5, paragraphs: 1)
        let long = article("长", month: 4, paragraphs: 80)
        var s = AppState(articles: [short, long], width: 120, height: 40)
        _ = s.layout  // the short article's layout is cached at index 0
        _ = s.apply(.nextArticle)
        for _ in 0..<50 { _ = s.apply(.lineDown) }
        let text = s.layout!.lines[s.readingTop].text
        s.replaceLibrary(articles: [long], skipped: [], changes: LibraryChanges(removed: ["lib/短.txt"]))
        #expect(s.currentArticle?.title == "长")
        #expect(s.readingTop == 50)
        #expect(s.layout!.lines[s.readingTop].text == text)
    }

    @Test func anArticleThatShrankOnDiskIsNotReadPastItsEnd() {
        let long = article("长", month: 4, paragraphs: 80)
        var s = AppState(articles: [long], width: 120, height: 40)
        for _ in 0..<200 { _ = s.apply(.lineDown) }
        var shrunk = long
        shrunk.body = [Block(.paragraph, "短了。")]
        s.replaceLibrary(articles: [shrunk], skipped: [], changes: LibraryChanges(changed: ["lib/长.txt"]))
        #expect(s.readingTop <= s.maxReadingTop)
    }
}

@Suite struct BatchCacheTests {
    @Test func aBatchDoesNotRewrapOrReindexTheOpenArticle() throws {
        var s = try state(width: 100, height: 30)
        _ = s.layout
        _ = s.apply(.search)
        _ = s.press(.character("a"))
        let builds = s.layoutBuilds
        let title = s.currentArticle?.title
        // An older article arrives: the open one keeps its index here, a newer one moves it.
        let newer = Article(title: "Newest of all", date: ArticleDate(year: 2030, month: 1, day: 1),
                            body: [Block(.paragraph, "New text.")], path: "new.txt")
        s.addArticles([newer], filesRead: 4, filesTotal: 4)
        #expect(s.currentArticle?.title == title, "the open article stays open")
        _ = s.layout
        #expect(s.layoutBuilds == builds, "its layout followed it to its new index")
        _ = s.press(.character("b"))
        #expect(s.search != nil)
    }
}
