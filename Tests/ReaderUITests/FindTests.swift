import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// Runs what the executable's background search runs, for the state's last query, over the
/// articles in memory, and hands the results back as the loop does.
func deliverFind(_ state: inout AppState, read: Set<ArticleKey>? = nil) {
    guard let find = state.find else { return }
    let results = LibraryFinding.run(find.query, generation: find.generation, in: .memory(state.articles),
                                     bookmarked: state.bookmarkSet, read: read ?? state.readKeys)
    state.adoptFindResults(results)
}

/// `s`, the query typed key by key, and the results delivered.
func find(_ query: String, in state: inout AppState) {
    _ = state.apply(.find)
    type(query, into: &state)
    deliverFind(&state)
}

let hitStyle = Theme.defaultDark.style("ui.list.hit")

@Suite struct FindTests {
    // MARK: The layer

    @Test func sOpensThePromptOverTheListAndKeysAreText() throws {
        var s = try state(width: 80, height: 24)
        #expect(s.keymap.command(for: .character("s")) == .find)
        _ = s.press(.character("s"))
        guard case .find? = s.topLayer else { Issue.record("no find layer: \(s.layers)"); return }
        #expect(s.focus == .list)
        #expect(s.keyContext == .prompt)
        // `q` and `j` are text here, not quit and down.
        #expect(s.press(.character("q")) == [.findInLibrary(query: "q", generation: 1)])
        #expect(s.press(.character("j")) == [.findInLibrary(query: "qj", generation: 2)])
        #expect(s.findPrompt?.text == "qj")
        _ = s.press(.backspace)
        #expect(s.find?.query == "q" && s.find?.generation == 3)
    }

    @Test func narrowTerminalsGetTheListOverlayUnderThePrompt() throws {
        var s = try state(width: 50, height: 20)
        _ = s.apply(.find)
        #expect(s.showingListOverlay)
        type("乡村", into: &s)
        deliverFind(&s)
        #expect(s.listCount == 1)
        _ = s.press(.enter)
        #expect(!s.showingListOverlay, "Enter opens the match and closes the overlay")
        #expect(s.layers.isEmpty)
        #expect(s.search?.query == "乡村")
    }

    // MARK: Results

    @Test func aNewerKeystrokeSupersedesAnOlderQuery() throws {
        var s = try state(width: 80, height: 24)
        _ = s.apply(.find)
        type("乡", into: &s)
        let first = try #require(s.find)
        type("村", into: &s)
        // The first query's answer arrives late: dropped.
        s.adoptFindResults(LibraryFinding.run(first.query, generation: first.generation, in: .memory(s.articles)))
        #expect(s.find?.searching == true)
        #expect(s.find?.hits.isEmpty == true)
        deliverFind(&s)
        #expect(s.find?.searching == false)
        #expect(s.find?.hits.count == 1)
    }

    @Test func theFirstMatchesShowAtOnceAndTheRestKeepTheSelection() throws {
        let articles = (1...6).map { i in
            Article(title: "第\(i)篇", date: ArticleDate(year: 2024, month: 1, day: i), site: "测试",
                    body: [Block(.paragraph, String(repeating: "蟋蟀，", count: i))])
        }
        var s = AppState(articles: articles, width: 80, height: 24)
        _ = s.apply(.find)
        type("蟋蟀", into: &s)
        let find = try #require(s.find)
        let all = LibraryFinding.run(find.query, generation: find.generation, in: .memory(s.articles))
        #expect(all.hits.count == 6)
        var page = LibraryFinding.run(find.query, generation: find.generation, in: .memory(s.articles), limit: 3)
        #expect(page.truncated)
        #expect(page.hits == Array(all.hits.prefix(3)))
        page.partial = true
        s.adoptFindResults(page)
        #expect(s.find?.searching == true, "the rest is still looked for")
        #expect(s.listCount == 3)
        #expect(RootView.render(s).text(row: 0).contains("(3+…)"), "\(RootView.render(s).text(row: 0))")
        s.selection = 1
        let selected = s.libraryIndex(ofRow: 1)
        s.adoptFindResults(all)
        #expect(s.find?.searching == false)
        #expect(s.listCount == all.hits.count)
        #expect(s.selection == 1 && s.libraryIndex(ofRow: s.selection) == selected, "the selection stays on its article")
        #expect(!RootView.render(s).text(row: 0).contains("…"))
        // A new query starts at the top again.
        type("村", into: &s)
        deliverFind(&s)
        #expect(s.selection == 0)
    }

    @Test func theListShowsOnlyTheMatchesWithALineOfContext() throws {
        var s = try state(width: 80, height: 24)
        find("乡村", in: &s)
        #expect(s.listCount == 1)
        let index = try #require(s.libraryIndex(ofRow: 0))
        #expect(s.articles[index].title.contains("乡村振兴"))
        let snippet = try #require(s.find?.snippets[s.library.ids[index]])
        let hit = try #require(snippet.hit)
        #expect(String(Array(snippet.text)[hit]) == "乡村")
        #expect(s.listItemHeight == 2)

        let screen = RootView.render(s)
        assertSnapshot(screen, named: "find-80x24", marking: [("^", "ui.list.hit", hitStyle)])
        #expect(screen.text(row: 0).contains("“乡村” (1)"), "the header says the query and the count")
        #expect(text(in: hitStyle, on: screen) == ["乡村"], "the hit is highlighted on its context row")
        #expect(screen.text(row: 23).contains("1 found"))
    }

    @Test func theHitIsVisibleOnEveryShippedTheme() throws {
        let catalog = ThemeCatalog(directories: [repositoryRoot.appendingPathComponent("themes").path])
        for name in catalog.names {
            let spec = try #require(catalog.load(name).theme)
            for light in [false, true] {
                let theme = Theme(spec: spec, lightBackground: light)
                let hit = theme.style("ui.list.hit")
                let context = theme.style("ui.list.context")
                #expect(hit != context, "\(name): the hit differs from its line")
                // Without colour (NO_COLOR, monochrome) an attribute still marks it.
                #expect(!hit.attributes.isEmpty, "\(name) light=\(light): the hit shows without colour")
            }
        }
    }

    @Test func contextLinesAreAskedForAsMatchesComeIntoView() throws {
        var s = try state(width: 80, height: 24)
        _ = s.apply(.find)
        type("的", into: &s)
        let find = try #require(s.find)
        // Results as the background gives them for a long list: no context lines yet.
        var results = LibraryFinding.run(find.query, generation: find.generation, in: .memory(s.articles))
        results.snippets = [:]
        s.adoptFindResults(results)
        let wanted = s.snippetsWanted
        #expect(wanted.count == 2, "the matches on screen")
        #expect(RootView.render(s).text(row: 2).contains("…"), "a match without its line yet")
        let made = LibraryFinding.snippets(for: wanted.compactMap { s.library.article($0) }, text: find.query,
                                           in: .memory(s.articles))
        s.adoptFindSnippets(made, generation: find.generation - 1)
        #expect(s.snippetsWanted == wanted, "lines made for an older query are dropped")
        s.adoptFindSnippets(made, generation: find.generation)
        #expect(s.snippetsWanted.isEmpty)
        #expect(RootView.render(s).text(row: 2).contains("的"))
    }

    @Test func fieldsAndProblemsComeBackFromTheQuery() throws {
        var s = try state(width: 80, height: 24)
        find("titel:乡村", in: &s)
        #expect(s.find?.problem?.contains("not a field") == true)
        #expect(s.listCount == 0)
        let screen = RootView.render(s)
        #expect(screen.text(row: 1).contains("(titel: is not a field"), "the empty list says why")
        _ = s.press(.control("u"))
        type("site:example", into: &s)
        deliverFind(&s)
        #expect(s.listCount == 1)
        #expect(s.libraryIndex(ofRow: 0).map { s.articles[$0].site } == "Example Weekly")
    }

    // MARK: Enter and Esc

    @Test func enterOpensTheFirstHitAndNGoesOn() throws {
        var s = try state(width: 80, height: 24)
        find("乡村", in: &s)
        let index = try #require(s.libraryIndex(ofRow: 0))
        let effects = s.press(.enter)
        #expect(effects.contains(.setRead(s.key(ofArticle: index), true)), "opened is read")
        #expect(effects.contains(.saveSearchHistory(["乡村"])))
        #expect(s.current == index)
        #expect(s.focus == .reading)
        #expect(s.layers.isEmpty)
        let search = try #require(s.search)
        #expect(search.query == "乡村")
        #expect(search.current == 0, "on the first hit")
        #expect(search.results.count > 2)
        #expect(s.listCount == 1, "the list still shows the matches")
        _ = s.apply(.searchNext)
        #expect(s.search?.current == 1)
        _ = s.apply(.searchNext)
        #expect(s.search?.current == 2)
        _ = s.apply(.searchPrevious)
        #expect(s.search?.current == 1)
    }

    @Test func aHitFarDownIsScrolledTo() throws {
        var s = try state(width: 80, height: 12)
        find("人才", in: &s)
        _ = s.press(.enter)
        let search = try #require(s.search)
        let match = search.results[0]
        let layout = try #require(s.layout)
        let row = layout.lineIndex(block: match.block, offset: match.range.lowerBound)
        #expect(row >= s.readingTop && row < s.readingTop + s.readingColumn.height, "the first hit is on screen")
        #expect(s.readingTop > 0)
    }

    @Test func escReturnsToTheWholeList() throws {
        var s = try state(width: 80, height: 24)
        find("乡村", in: &s)
        #expect(s.listCount == 1)
        _ = s.press(.escape)
        #expect(s.find == nil)
        #expect(s.layers.isEmpty)
        #expect(s.listCount == 3)
        #expect(s.selection == s.row(of: s.current))

        // After Enter the filter stays; Esc in the list ends it.
        find("乡村", in: &s)
        _ = s.press(.enter)
        _ = s.apply(.focusNext)
        #expect(s.focus == .list)
        #expect(s.listCount == 1)
        _ = s.apply(.cancel)
        #expect(s.find == nil)
        #expect(s.listCount == 3)
    }

    @Test func enterInTheFilteredListOpensAtTheHit() throws {
        var s = try state(width: 80, height: 24)
        find("的", in: &s)
        #expect(s.listCount == 2)
        _ = s.press(.enter)
        _ = s.apply(.focusNext)
        _ = s.apply(.lineDown)
        let second = try #require(s.libraryIndex(ofRow: 1))
        _ = s.apply(.open)
        #expect(s.current == second)
        #expect(s.search?.query == "的")
        #expect(s.search?.current == 0)
        // K goes to the previous match of the list, not of the library, at its hit too.
        _ = s.apply(.previousArticle)
        #expect(s.current == s.libraryIndex(ofRow: 0))
        #expect(s.search?.query == "的" && s.search?.current == 0)
    }

    @Test func emptyEnterRepeatsTheLastQuery() throws {
        var s = try state(width: 80, height: 24)
        s.adoptSearchHistory(["的"])
        _ = s.apply(.find)
        let effects = s.press(.enter)
        #expect(effects.contains(.findInLibrary(query: "的", generation: 1)))
        #expect(s.find?.query == "的")
        #expect(s.message == "searching…")
        deliverFind(&s)
        #expect(s.listCount == 2)
    }

    // MARK: Reloads

    /// A new article that `乡村` finds, dated after the others.
    static let villageLibrary = Article(title: "乡村图书馆", date: ArticleDate(year: 2030, month: 1, day: 1), site: "测试",
                                        body: [Block(.paragraph, "乡村的书。")], path: "lib/新.txt")

    @Test func aReloadRunsTheSearchAgainUnderThePrompt() throws {
        var s = try state(width: 80, height: 24)
        find("乡村", in: &s)
        #expect(s.listCount == 1)
        let generation = try #require(s.find?.generation)
        let effects = s.replaceLibrary(articles: ArticleStore(articles: s.articles + [Self.villageLibrary]).articles,
                                       skipped: [], changes: LibraryChanges(added: ["lib/新.txt"]))
        #expect(effects == [.findInLibrary(query: "乡村", generation: generation + 1)])
        #expect(s.find?.searching == true)
        // The old library's answer, late, is dropped; the new one shows the new match too.
        s.adoptFindResults(FindResults(generation: generation, hits: []))
        #expect(s.listCount == 1)
        deliverFind(&s)
        #expect(s.listCount == 2)
        #expect((0..<2).compactMap { s.libraryIndex(ofRow: $0).map { s.articles[$0].title } }.contains("乡村图书馆"))
        guard case .find? = s.topLayer else { Issue.record("the prompt stays: \(s.layers)"); return }
        #expect(s.findPrompt?.text == "乡村")
    }

    @Test func aReloadRunsTheSearchAgainInTheFilteredListAndKeepsTheSelection() throws {
        var s = try state(width: 80, height: 24)
        find("的", in: &s)
        _ = s.press(.enter)
        _ = s.apply(.focusNext)
        _ = s.apply(.lineDown)
        let selected = try #require(s.libraryIndex(ofRow: s.selection).map { s.library.ids[$0] })
        let effects = s.replaceLibrary(articles: ArticleStore(articles: s.articles + [Self.villageLibrary]).articles,
                                       skipped: [], changes: LibraryChanges(added: ["lib/新.txt"]))
        #expect(effects.count == 1)
        deliverFind(&s)
        #expect(s.listCount == 3, "the new article has 的 too")
        #expect(s.libraryIndex(ofRow: s.selection).map { s.library.ids[$0] } == selected)

        // Without a search, a reload asks for nothing.
        _ = s.apply(.cancel)
        #expect(s.find == nil)
        #expect(s.replaceLibrary(articles: s.articles, skipped: [], changes: LibraryChanges()).isEmpty)
    }

    // MARK: Read state

    @Test func unreadFiltersByReadMarks() throws {
        var s = try state(width: 80, height: 24)
        #expect(s.unreadCount == 3)
        _ = s.apply(.nextArticle)
        #expect(s.unreadCount == 2)
        #expect(s.isRead(1))
        find("is:unread", in: &s)
        #expect(s.listCount == 2)
        #expect(s.row(of: 1) == nil, "the article just read is not listed")
        // `U` on the open article: unread again, and listed by the next search.
        _ = s.press(.escape)
        _ = s.apply(.focusNext)   // to the reading pane
        if s.focus == .list { _ = s.apply(.focusNext) }
        #expect(s.apply(.toggleRead) == [.setRead(s.key(ofArticle: 1), false)])
        #expect(s.unreadCount == 3)
        find("is:unread", in: &s)
        #expect(s.listCount == 3)
    }

    @Test func uTogglesTheSelectedArticleInTheList() throws {
        var s = try state(width: 80, height: 24)
        _ = s.apply(.focusNext)
        #expect(s.focus == .list)
        _ = s.apply(.lineDown)
        #expect(s.apply(.toggleRead) == [.setRead(s.key(ofArticle: 1), true)])
        #expect(s.current == 0, "nothing was opened")
        #expect(ListView.title(s).contains("2 unread"))
        #expect(s.apply(.toggleRead) == [.setRead(s.key(ofArticle: 1), false)])
        #expect(ListView.title(s).contains("3 unread"))
        s.adoptReadState(Set(s.library.indices.map { s.library.key(at: $0) }))
        #expect(s.unreadCount == 0)
        #expect(!ListView.title(s).contains("unread"))
    }

    @Test func theUnreadCountFollowsBatchesAndMarks() throws {
        var s = AppState(articles: [], width: 80, height: 24)
        let all = sortLibrary()
        s.adoptReadState([ArticleKey(all[0]), ArticleKey(all[5])])
        s.addArticles(Array(all.prefix(4)), filesRead: 4, filesTotal: 8)
        #expect(s.unreadCount == 3)
        s.addArticles(Array(all.suffix(4)), filesRead: 8, filesTotal: 8)
        #expect(s.unreadCount == 6)
        s.adoptReadState([])
        #expect(s.unreadCount == 8)
    }

    @Test func unreadTitlesAreBoldReadOnesAreNot() throws {
        var s = try state(width: 80, height: 24)
        s.adoptReadState([s.key(ofArticle: 2)])
        let screen = RootView.render(s)
        // Row 2 is the seed (unread), row 3 the short one (read); neither is selected.
        #expect(screen[12, 2].style.attributes.contains(.bold))
        #expect(!screen[12, 3].style.attributes.contains(.bold))
    }

    // MARK: Sort

    func sortLibrary() -> [Article] {
        let titles: [(String, String?, Int)] = [
            ("香蕉", "新华网", 1), ("苹果", "人民网", 2), ("Apple", nil, 3), ("安静", "Example", 4),
            ("zoo", "新华网", 5), ("北京", "澎湃", 6), ("西安", nil, 7), ("先生", nil, 8),
        ]
        return ArticleStore(articles: titles.map {
            Article(title: $0.0, date: ArticleDate(year: 2024, month: 1, day: $0.2), site: $0.1)
        }).articles
    }

    func titles(_ s: AppState) -> [String] {
        (0..<s.listCount).map { s.articles[s.libraryIndex(ofRow: $0)!].title }
    }

    @Test func titleOrderIsPinyinThenLatinWithoutCase() throws {
        var s = AppState(articles: sortLibrary(), width: 80, height: 24)
        #expect(s.effectiveOrder == .date)
        #expect(titles(s).first == "先生", "newest first")
        #expect(s.apply(.cycleOrder) == [.saveListOrder(.title)])
        // an-jing, apple, bei-jing, ping-guo, xi-an, xian-sheng, xiang-jiao, zoo
        #expect(titles(s) == ["安静", "Apple", "北京", "苹果", "西安", "先生", "香蕉", "zoo"])
        #expect(ListView.title(s).contains("by title"))
    }

    @Test func siteAndProgressOrdersAndBackToDate() throws {
        var s = AppState(articles: sortLibrary(), width: 80, height: 24)
        _ = s.apply(.cycleOrder)
        #expect(s.apply(.cycleOrder) == [.saveListOrder(.site)])
        // Example, 澎湃 (peng), 人民网 (ren), 新华网 (xin: newest first), then no site.
        #expect(titles(s) == ["安静", "北京", "苹果", "zoo", "香蕉", "先生", "西安", "Apple"])
        let key = { (title: String) in ArticleKey(s.articles.first { $0.title == title }!) }
        s.adoptPositions([key("苹果"): ReadingPosition(block: 0, offset: 0, fraction: 0.4),
                          key("zoo"): ReadingPosition(block: 0, offset: 0, fraction: 1)])
        #expect(s.apply(.cycleOrder) == [.saveListOrder(.progress)])
        #expect(Array(titles(s).prefix(2)) == ["zoo", "苹果"])
        #expect(s.apply(.cycleOrder) == [.saveListOrder(.date)])
        #expect(titles(s).first == "先生")
    }

    @Test func aSearchIsBestFirstAndMaySortByDateOrTitle() throws {
        var s = try state(width: 80, height: 24)
        find("的", in: &s)
        #expect(s.effectiveOrder == .relevance)
        #expect(ListView.title(s).contains("best first"))
        let best = titles(s)
        #expect(best.count == 2)
        _ = s.press(.enter)
        #expect(s.apply(.cycleOrder).isEmpty, "a search's order is not kept")
        #expect(s.effectiveOrder == .date)
        #expect(titles(s) == best.sorted { a, b in
            s.articles.firstIndex { $0.title == a }! < s.articles.firstIndex { $0.title == b }!
        })
        _ = s.press(.escape)
        #expect(s.effectiveOrder == .date, "the list's own order again")
        #expect(s.listOrder == .date)
    }

    @Test func anOrderFromAnEarlierRunIsAdopted() throws {
        var s = AppState(articles: sortLibrary(), width: 80, height: 24)
        s.adoptListOrder(.title)
        #expect(titles(s).first == "安静")
        s.adoptListOrder(.relevance)
        #expect(s.listOrder == .title, "relevance is for searches only")
    }
}
