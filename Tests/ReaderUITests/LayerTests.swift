import Grid
import ReaderCore
import Testing
@testable import ReaderUI

/// Overlays, the preview and the prompt are layers: each takes a command or passes it down,
/// and global commands act the same under every one of them.
@Suite struct LayerTests {
    /// The state with each kind of layer on top, with a name for messages.
    func everyLayer() throws -> [(String, AppState)] {
        var help = try relatedState(width: 80, height: 24)
        _ = help.apply(.help)
        var skipped = try relatedState(width: 80, height: 24)
        skipped.addArticles([], skipped: [SkippedFile(path: "bad.txt", reason: "not text")], filesRead: 1, filesTotal: 1)
        _ = skipped.apply(.showSkipped)
        var overlay = try relatedState(width: 80, height: 24)
        _ = overlay.apply(.related)
        var prompt = try relatedState(width: 80, height: 24)
        _ = prompt.apply(.search)
        var links = try relatedState(width: 80, height: 24)
        _ = links.apply(.links)
        return [("help", help), ("skipped", skipped), ("related overlay", overlay), ("prompt", prompt), ("links", links), ]
    }

    @Test func globalCommandsActTheSameUnderEveryLayer() throws {
        for (name, state) in try everyLayer() {
            #expect(state.topLayer != nil, "\(name) is open")
            for (command, effect) in [(Command.quit, Effect.quit), (.suspend, .suspend), (.redraw, .redraw)] {
                var s = state
                #expect(s.apply(command) == [effect], "\(command.name) under \(name)")
                #expect(s.layers == state.layers, "\(command.name) leaves \(name) open")
            }
        }
    }

    @Test func aModalLayerTakesWhatItDoesNotUse() throws {
        for (name, state) in try everyLayer() {
            var s = state
            _ = s.apply(.nextArticle)
            #expect(s.currentID == state.currentID, "J does not reach the panes under \(name)")
        }
    }

    @Test func thePageKeyMovesTheSidebarAlikeInThePaneAndTheOverlay() throws {
        var pane = try relatedState(width: 120, height: 40, [.related])
        #expect(pane.focus == .sidebar)
        var overlay = try relatedState(width: 80, height: 40, [.related])
        #expect(overlay.showingRelatedOverlay)
        _ = pane.apply(.pageDown)
        _ = overlay.apply(.pageDown)
        #expect(pane.sidebarSelection == overlay.sidebarSelection)
        #expect(pane.sidebarSelection == min(RelatedState.pageSize, pane.sidebarEntries.count - 1))
        _ = pane.apply(.bottom)
        _ = overlay.apply(.bottom)
        #expect(pane.sidebarSelection == pane.sidebarEntries.count - 1)
        #expect(overlay.sidebarSelection == overlay.sidebarEntries.count - 1)
        _ = pane.apply(.top)
        #expect(pane.sidebarSelection == 0)
    }

    @Test func thePromptReadsItsKeysFromTheKeymap() throws {
        let config = Configuration.parse("""
            [keys.prompt]
            prompt-cancel = ["C-g"]
            prompt-accept = ["F2"]
            """)
        #expect(config.issues.isEmpty, "\(config.issues)")
        var keymap = Keymap()
        #expect(keymap.apply(config.keys).isEmpty)
        let seeded = try seedState(width: 80, height: 24)
        var s = AppState(articles: seeded.articles, width: 80, height: 24, keymap: keymap)
        _ = s.apply(.nextArticle)
        _ = s.apply(.search)
        _ = s.press(.escape)
        #expect(s.prompt != nil, "Esc is not prompt-cancel any more")
        for c in "乡村" { _ = s.press(.character(c)) }
        _ = s.press(.function(2))
        #expect(s.prompt == nil && s.search?.query == "乡村", "F2 accepts")
        _ = s.apply(.search)
        _ = s.press(.control("g"))
        #expect(s.prompt == nil, "C-g cancels")
    }

    @Test func unknownKeyTablesAndCommandsOfAnotherContextAreTold() {
        let config = Configuration.parse("""
            [keys.promt]
            prompt-cancel = ["C-g"]

            [keys.prompt]
            quit = ["C-q"]
            """)
        var keymap = Keymap()
        let issues = keymap.apply(config.keys).map(\.description)
        #expect(issues.contains { $0.contains("[keys.promt]") && $0.contains("line 2") }, "\(issues)")
        #expect(issues.contains { $0.contains("\"quit\"") && $0.contains("[keys.prompt]") }, "\(issues)")
    }

    @Test func footersAndMessagesNameTheKeysBound() throws {
        let config = Configuration.parse("""
            [keys]
            help = ["F1"]
            cancel = ["C-g"]
            search = ["F3"]
            """)
        var keymap = Keymap()
        #expect(keymap.apply(config.keys).isEmpty)
        let seeded = try seedState(width: 80, height: 24)
        var s = AppState(articles: seeded.articles, width: 80, height: 24, keymap: keymap)
        _ = s.apply(.help)
        let help = RootView.render(s).textLines.joined(separator: "\n")
        #expect(help.contains("C-g or F1 closes"))
        #expect(!help.contains("Esc or ? closes"))
        _ = s.apply(.cancel)
        _ = s.apply(.searchNext)
        #expect(s.message == "no search: press F3 to search")
    }

    // MARK: - State as a value

    @Test func copiesOfTheStateShareNothing() throws {
        func article(_ title: String, _ day: Int) -> Article {
            Article(title: title, date: ArticleDate(year: 2024, month: 1, day: day), site: "测试",
                    body: [Block(.paragraph, "\(title)的正文。")], path: "/library/\(title).txt")
        }
        var a = AppState(articles: [article("起点", 1)], width: 80, height: 24)
        var b = a
        // Each copy gets a different batch; each then opens the newest article it has.
        a.addArticles([article("甲方", 5)], filesRead: 2, filesTotal: 2)
        b.addArticles([article("乙方", 9)], filesRead: 2, filesTotal: 2)
        _ = a.apply(.top)
        _ = b.apply(.top)
        a.focus = .list; b.focus = .list
        _ = a.apply(.top); _ = b.apply(.top)
        _ = a.apply(.open); _ = b.apply(.open)
        #expect(a.currentArticle?.title == "甲方")
        #expect(b.currentArticle?.title == "乙方")
        let screenA = RootView.render(a).textLines.joined(separator: "\n")
        let screenB = RootView.render(b).textLines.joined(separator: "\n")
        #expect(screenA.contains("甲方的正文") && !screenA.contains("乙方"))
        #expect(screenB.contains("乙方的正文") && !screenB.contains("甲方"))
    }
}
