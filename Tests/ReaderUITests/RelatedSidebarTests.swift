import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// The golden library plus articles with long CJK titles: one that the seed lists as related
/// (retyped: other punctuation and spaces), and several on the seed's subject, so that both
/// parts of the sidebar have entries.
func relatedLibrary() throws -> [Article] {
    var articles = try goldenLibrary()
    func article(_ title: String, _ day: Int, _ body: String) -> Article {
        Article(title: title, date: ArticleDate(year: 2023, month: 2, day: day), site: "乡村发展观察网",
                body: [Block(.paragraph, body)])
    }
    articles += [
        article("深入学习贯彻 习近平总书记关于党的自我革命的重要思想！", 1,
                "党的自我革命,基层党建,全面从严治党,党员干部。"),
        article("乡村振兴的基层党建实践：城乡党建联建共建、党组织建在产业链上与农村人才培养的长篇调查报告", 2,
                "农村基层党建,城乡融合发展共同体,乡村振兴,党建联建,产业链,合作社,人才培养,驻村干部。"),
        article("城乡融合发展共同体如何打造？毗邻党建与结对共建的十个案例", 3,
                "城乡融合发展,结对共建,毗邻党建,基层组织,乡村振兴,要素流动。"),
        article("农村党建工作要下大力气培养引进用好人才", 4,
                "农村党建,人才,村组干部,驻村干部,致富能手,返乡创业,乡村振兴。"),
        article("数字乡村：快递进村与电商服务站", 5, "快递进村,电商,物流,数字乡村,乡村振兴。"),
    ]
    return ArticleStore(articles: articles).articles
}

/// A state on `relatedLibrary()` with its similarity index delivered, opened on the seed.
func relatedState(width: Int, height: Int, indexed: Bool = true, _ commands: [Command] = []) throws -> AppState {
    let articles = try relatedLibrary()
    var s = AppState(articles: articles, width: width, height: height)
    if indexed { s.setSimilarArticles(SimilarArticles.build(articles)) }
    let seed = try #require(articles.firstIndex { $0.title.hasPrefix("【新视点】") })
    s.openArticle(seed, recording: false)
    for c in commands { _ = s.apply(c) }
    return s
}

@Suite struct RelatedSidebarTests {
    // MARK: - Lists

    @Test func partOneMatchesRetypedTitlesAndPartTwoExcludesThem() throws {
        let s = try relatedState(width: 120, height: 40)
        let listed = try #require(s.related.fromArticle.first)
        let matched = try #require(listed.id, "a title with other spaces and punctuation is found")
        #expect(s.library.article(matched)?.title.hasPrefix("深入学习贯彻 习近平") == true)
        #expect(s.related.fromArticle.dropFirst().allSatisfy { $0.id == nil })
        let similar = try #require(s.related.similar)
        #expect(!similar.isEmpty && similar.count <= RelatedState.similarLimit)
        #expect(!similar.contains(s.currentID!), "not the article itself")
        #expect(!similar.contains(matched), "not one already listed in part 1")
        #expect(s.library.article(similar[0])?.title.hasPrefix("乡村振兴的基层党建实践") == true, "the closest first")
        #expect(s.sidebarEntries.count == s.related.fromArticle.count + similar.count)
    }

    @Test func partTwoComputesUntilTheIndexArrives() throws {
        var s = try relatedState(width: 120, height: 40, indexed: false)
        #expect(s.related.similar == nil)
        let rows = RootView.render(s).textLines
        #expect(rows.contains { $0.hasSuffix("│   …") }, "part 2 shows … while computing")
        s.setSimilarArticles(SimilarArticles.build(s.articles))
        #expect(s.related.similar?.isEmpty == false)
        // An index that does not know the open article lists nothing for it.
        var other = try relatedState(width: 120, height: 40, indexed: false)
        other.setSimilarArticles(SimilarArticles.build(other.articles.filter { $0.id != other.currentID }))
        #expect(other.related.similar == nil)
    }

    @Test func partTwoSaysWhenALargeLibraryLeavesItToTheIndex() throws {
        var s = try relatedState(width: 120, height: 40, indexed: false)
        #expect(RootView.render(s).textLines.contains { $0.hasSuffix("│   …") })
        s.similarLeftToIndex()
        #expect(s.related.similar == nil)
        let rows = RootView.render(s).textLines
        #expect(!rows.contains { $0.hasSuffix("│   …") }, "no … for a list that is not being computed")
        #expect(rows.contains { $0.contains("`yuedu index`") }, "\(rows.joined(separator: "\n"))")
    }

    @Test func theSimilarListIsRankedOncePerOpenedArticle() throws {
        var s = try relatedState(width: 120, height: 40, [.focusNext])
        let rankings = s.related.rankings
        for _ in 0..<50 { _ = s.apply(.lineDown); _ = RootView.render(s) }
        for _ in 0..<50 { _ = s.apply(.lineUp); _ = RootView.render(s) }
        #expect(s.related.rankings == rankings, "moving in the sidebar ranks nothing")
        _ = s.apply(.nextArticle)
        #expect(s.related.rankings == rankings + 1)
    }

    // MARK: - Enter

    @Test func enterOpensAnArticleInTheLibrary() throws {
        var s = try relatedState(width: 120, height: 40, [.related])
        #expect(s.focus == .sidebar)
        let target = try #require(s.sidebarEntries[0].id)
        _ = s.apply(.open)
        #expect(s.currentID == target)
        #expect(s.preview == nil)
    }

    @Test func enterOnAnItemNotInTheLibraryPreviewsIt() throws {
        var s = try relatedState(width: 120, height: 40, [.related, .lineDown])
        let seed = s.current
        guard case .fromArticle(let item, nil) = s.sidebarEntries[1] else {
            Issue.record("the second entry is not in the library")
            return
        }
        _ = s.apply(.open)
        #expect(s.current == seed, "nothing opens")
        #expect(s.preview == item)
        let screen = RootView.render(s)
        #expect(screen.textLines.contains { $0.contains(PreviewView.banner) })
        _ = s.apply(.back)
        #expect(s.preview == nil, "h closes the preview")
        #expect(s.current == seed)
        _ = s.apply(.open)
        _ = s.apply(.cancel)
        #expect(s.preview == nil, "so does Esc")
    }

    @Test func enterOnASimilarArticleOpensIt() throws {
        var s = try relatedState(width: 120, height: 40, [.related])
        let first = s.related.fromArticle.count
        let target = try #require(s.related.similar?.first)
        for _ in 0..<first { _ = s.apply(.lineDown) }
        #expect(s.sidebarEntries[s.sidebarSelection] == .similar(target))
        _ = s.apply(.open)
        #expect(s.currentID == target)
    }

    // MARK: - History

    @Test func backAndForwardReturnToThePlaceLeft() throws {
        var s = try relatedState(width: 120, height: 40)
        let seed = s.current
        for _ in 0..<7 { _ = s.apply(.lineDown) }
        let seedTop = s.readingTop
        let seedLine = s.layout!.lines[seedTop]
        _ = s.apply(.related)
        let target = try #require(s.sidebarEntries[0].id)
        _ = s.apply(.open)
        #expect(s.currentID == target && s.readingTop == 0)
        _ = s.apply(.back)
        #expect(s.current == seed)
        #expect(s.readingTop == seedTop, "back at the line left")
        _ = s.apply(.forward)
        #expect(s.currentID == target)
        _ = s.apply(.back)
        #expect(s.current == seed && s.readingTop == seedTop)
        _ = s.apply(.back)
        #expect(s.current == seed && s.message == "no earlier article")

        // The place is kept as text, not as a row: after a resize it is the same text.
        _ = s.apply(.forward)
        s.resize(width: 100, height: 30)
        _ = s.apply(.back)
        let line = s.layout!.lines[s.readingTop]
        #expect(line.block == seedLine.block && line.start <= seedLine.start && seedLine.start < max(line.end, line.start + 1))
    }

    @Test func aNewVisitEndsTheWayForward() throws {
        var s = try relatedState(width: 120, height: 40)
        _ = s.apply(.nextArticle)
        _ = s.apply(.back)
        #expect(s.related.forwardStack.count == 1)
        _ = s.apply(.previousArticle)
        #expect(s.related.forwardStack.isEmpty)
        _ = s.apply(.forward)
        #expect(s.message == "nothing ahead")
    }

    // MARK: - Overlay

    @Test func overlayWhenTheSidebarIsFoldedAway() throws {
        var s = try relatedState(width: 80, height: 24, [.related])
        #expect(s.panes.sidebar == nil && s.showingRelatedOverlay)
        let top = s.readingTop
        _ = s.apply(.lineDown)
        #expect(s.sidebarSelection == 1 && s.readingTop == top, "j moves in the overlay")
        _ = s.apply(.lineUp)
        _ = s.apply(.cancel)
        #expect(!s.showingRelatedOverlay)
        _ = s.apply(.related)
        let target = try #require(s.sidebarEntries[0].id)
        _ = s.apply(.open)
        #expect(!s.showingRelatedOverlay && s.currentID == target)

        // Fullscreen folds the sidebar too; widening the terminal gives the overlay's place to it.
        var wide = try relatedState(width: 120, height: 40, [.toggleFullscreen, .related])
        #expect(wide.showingRelatedOverlay)
        _ = wide.apply(.toggleFullscreen)
        #expect(wide.fullscreen, "the overlay takes the keys")
        _ = wide.apply(.cancel)
        _ = wide.apply(.toggleFullscreen)
        _ = wide.apply(.related)
        #expect(wide.focus == .sidebar && !wide.showingRelatedOverlay)
        var narrow = try relatedState(width: 80, height: 24, [.related])
        narrow.resize(width: 120, height: 40)
        #expect(!narrow.showingRelatedOverlay && narrow.focus == .sidebar)
    }

    // MARK: - Golden screens

    @Test func sidebarWithLongTitlesAt120x40() throws {
        let s = try relatedState(width: 120, height: 40, [.related, .lineDown, .lineDown])
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "related-sidebar-120x40")
        expectSidebarStaysInItsPane(screen, s)
        // The third entry is selected: its title rows, and only those, are highlighted.
        let sidebar = s.panes.sidebar!
        let selected = Theme.defaultDark.style("ui.sidebar.selected")
        let highlighted = (0..<sidebar.height).filter { screen[sidebar.x + 2, $0].style == selected }
        #expect(highlighted.map { screen.text(row: $0) }.allSatisfy { $0.contains("· 强化组织引领") || $0.contains("心高质量发展新征程") })
        #expect(highlighted.count == 2, "\(highlighted.map { screen.text(row: $0) })")
    }

    @Test func sidebarScrolledToPartTwoAt100x30() throws {
        let s = try relatedState(width: 100, height: 30, [.related, .bottom])
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "related-sidebar-100x30")
        expectSidebarStaysInItsPane(screen, s)
        #expect(screen.textLines.contains { $0.contains("相似文章") }, "scrolled to show part 2")
    }

    @Test func overlayAt80x24() throws {
        let s = try relatedState(width: 80, height: 24, [.related, .lineDown])
        assertSnapshot(RootView.render(s), named: "related-overlay-80x24")
    }

    @Test func previewAt120x40() throws {
        let s = try relatedState(width: 120, height: 40, [.related, .lineDown, .open])
        assertSnapshot(RootView.render(s), named: "related-preview-120x40")
    }

    /// Every sidebar row ends inside the sidebar: the border before it is intact, and the
    /// reading pane's last cell before the border is never a CJK character cut in two.
    func expectSidebarStaysInItsPane(_ screen: Screen, _ s: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let sidebar = s.panes.sidebar!
        for y in 0..<sidebar.height {
            #expect(screen[sidebar.x - 1, y].text == "│", "border intact at row \(y)", sourceLocation: sourceLocation)
            let used = (sidebar.x..<(sidebar.x + sidebar.width)).reduce(0) { $0 + (screen[$1, y].text == " " ? 0 : 1) }
            #expect(used <= sidebar.width, sourceLocation: sourceLocation)
        }
    }
}
