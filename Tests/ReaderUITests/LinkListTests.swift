import Foundation
import Grid
import ReaderCore
import Testing
@testable import ReaderUI

/// The link list (`u`), and what `y`, `Y` and `o` copy or open, as commands on the state.
@Suite struct LinkListTests {
    static let markdown = """
        ---
        title: 链接测试
        url: https://example.com/source
        ---
        第一段有[据工信部统计](https://example.com/miit)和 https://example.org/bare 两个链接。

        第二段没有链接，只有文字。

        ```
        code line one
        code line two
        ```
        """

    func markdownState(width: Int = 80, height: Int = 24) throws -> AppState {
        let article = try #require(MarkdownFormat.parse(Self.markdown, path: "links.md"))
        return AppState(articles: [article], width: width, height: height)
    }

    /// Scrolls the reading pane down until its top row satisfies `isWanted`; fails when it
    /// never does.
    func scroll(_ state: inout AppState, until isWanted: (LayoutLine) -> Bool,
                sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<500 {
            if let line = state.layout?.lines[state.readingTop], isWanted(line) { return }
            let before = state.readingTop
            _ = state.apply(.lineDown)
            if state.readingTop == before { break }
        }
        Issue.record("never scrolled to the row wanted", sourceLocation: sourceLocation)
    }

    @Test func theListHoldsTheArticlesLinksInReadingOrder() throws {
        var s = try markdownState()
        _ = s.apply(.links)
        let list = try #require(s.linkList)
        #expect(list.entries == [
            LinkEntry(text: "据工信部统计", target: "https://example.com/miit"),
            LinkEntry(text: "https://example.org/bare", target: "https://example.org/bare"),
            LinkEntry(text: "https://example.com/source", target: "https://example.com/source"),
        ])
        #expect(list.selection == 0)
    }

    @Test func theSeedsURLLineIsALink() throws {
        var s = try relatedState(width: 80, height: 24)
        _ = s.apply(.links)
        #expect(s.linkList?.entries.map(\.target) == ["http://www.cpsa.org.cn/default.ashx"])
    }

    @Test func enterAndYCopyTheSelectedTargetAndSaySo() throws {
        var s = try markdownState()
        _ = s.apply(.links)
        _ = s.apply(.lineDown)
        #expect(s.linkList?.selection == 1)
        #expect(s.apply(.copy) == [.copyToClipboard("https://example.org/bare")])
        #expect(s.message == "copied link 2 (24 characters)")
        _ = s.apply(.bottom)
        #expect(s.apply(.open) == [.copyToClipboard("https://example.com/source")])
        #expect(s.message == "copied link 3 (26 characters)")
        // Motions stop at the ends; the list stays open after a copy.
        _ = s.apply(.lineDown)
        #expect(s.linkList?.selection == 2)
        _ = s.apply(.top)
        #expect(s.linkList?.selection == 0)
        // A command the list does not use does not reach the panes under it.
        let current = s.currentID
        _ = s.apply(.nextArticle)
        #expect(s.currentID == current && s.linkList != nil)
    }

    @Test func escOrUCloses() throws {
        var s = try markdownState()
        _ = s.apply(.links)
        _ = s.apply(.cancel)
        #expect(s.linkList == nil && s.layers.isEmpty)
        _ = s.apply(.links)
        _ = s.apply(.links)
        #expect(s.linkList == nil)
    }

    @Test func oOpensWithTheBrowserOrSaysItIsNotSet() throws {
        var s = try markdownState()
        _ = s.apply(.links)
        #expect(s.apply(.openLink) == [])
        #expect(s.message == "BROWSER is not set: y copies it")
        s.browser = "firefox --new-tab"
        #expect(s.apply(.openLink) == [.openLink("https://example.com/miit", browser: "firefox --new-tab")])
        // In the panes, o says where links are opened from.
        _ = s.apply(.cancel)
        #expect(s.apply(.openLink) == [])
        #expect(s.message == "u lists the article's links to open")
    }

    @Test func anArticleWithoutLinksSaysSo() throws {
        var s = AppState(articles: [Article(title: "无链接", body: [Block(.paragraph, "只有文字。")])], width: 80, height: 24)
        #expect(s.apply(.links) == [])
        #expect(s.linkList == nil)
        #expect(s.message == "this article has no links")
    }

    // MARK: - Copies from the reading pane

    @Test func yCopiesTheParagraphAtTheTopOfTheView() throws {
        var s = try markdownState(height: 6)
        #expect(s.apply(.copy) == [.copyToClipboard("链接测试")])
        #expect(s.message == "copied the title (4 characters)")
        scroll(&s) { $0.text.hasPrefix("第一段") }
        let first = "第一段有据工信部统计和 https://example.org/bare 两个链接。"
        #expect(s.apply(.copy) == [.copyToClipboard(first)])
        #expect(s.message == "copied the paragraph (\(first.count) characters)")
    }

    @Test func yCopiesACodeBlockWhole() throws {
        var s = try markdownState(height: 4)
        scroll(&s) { $0.role == .code }
        _ = s.apply(.lineDown)  // the second line of the block
        #expect(s.apply(.copy) == [.copyToClipboard("code line one\ncode line two")])
        #expect(s.message?.hasPrefix("copied the code block") == true)
    }

    @Test func yCopiesTheCurrentSearchMatchsParagraph() throws {
        var s = try markdownState()
        search("文字", in: &s)
        #expect(s.search?.current != nil)
        #expect(s.apply(.copy) == [.copyToClipboard("第二段没有链接，只有文字。")])
    }

    @Test func capitalYCopiesTheArticleAsMarkdown() throws {
        var s = try markdownState()
        let effects = s.apply(.copyArticle)
        guard case .copyToClipboard(let text) = effects.first else {
            Issue.record("no copy: \(effects)")
            return
        }
        #expect(text.hasPrefix("# 链接测试\n"))
        #expect(text.contains("[据工信部统计](https://example.com/miit)"))
        #expect(text.contains("<https://example.com/source>"))
        #expect(s.message == "copied the article as Markdown (\(text.count) characters)")
    }

    @Test func markdownCopiesCarryNoControlCharacter() throws {
        let article = Article(title: "标题\u{1B}]52;c;aGk=\u{7}", body: [Block(.paragraph, "正文\u{1B}[2J结束")])
        var s = AppState(articles: [article], width: 80, height: 24)
        guard case .copyToClipboard(let text) = s.apply(.copyArticle).first else {
            Issue.record("no copy")
            return
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("␛"))
    }

    @Test func aCopyOverTheLimitIsCutAndSaysSo() throws {
        let long = String(repeating: "长段落。", count: 10_000)  // 120,000 bytes
        var s = AppState(articles: [Article(title: "长", body: [Block(.paragraph, long)])], width: 80, height: 24)
        scroll(&s) { $0.role == .paragraph }
        guard case .copyToClipboard(let text) = s.apply(.copy).first else {
            Issue.record("no copy")
            return
        }
        #expect(text.utf8.count <= TerminalSequences.clipboardLimit)
        #expect(text.utf8.count > TerminalSequences.clipboardLimit - 3)
        #expect(long.hasPrefix(text))
        #expect(s.message == "copied the paragraph, cut to its first \(text.count) of \(long.count) characters (100 KB at most)")
    }

    // MARK: - The view

    @Test func theListIsDrawnNumberedWithTargetsThatAreLinks() throws {
        var s = try markdownState()
        _ = s.apply(.links)
        _ = s.apply(.lineDown)
        let screen = RootView.render(s)
        assertSnapshot(screen, named: "link-list-80x24")
        // The targets' cells carry the link; the text of a named link does not.
        let row = try #require((0..<screen.height).first { screen.text(row: $0).contains("https://example.com/miit") })
        let linked = (0..<screen.width).filter { screen[$0, row].link == "https://example.com/miit" }
        #expect(linked.count == "https://example.com/miit".count)
    }

    @Test func aLongListScrollsToKeepTheSelectionInView() throws {
        let body = (1...30).map { Block(.paragraph, "第\($0)个 https://example.com/\($0)", spans: []) }
        var article = Article(title: "许多链接", body: body)
        article.body = body.map { block in
            var b = block
            b.spans = Links.bareURLSpans(in: b.text)
            return b
        }
        var s = AppState(articles: [article], width: 80, height: 24)
        _ = s.apply(.links)
        #expect(s.linkList?.entries.count == 30)
        _ = s.apply(.bottom)
        let screen = RootView.render(s)
        #expect(screen.textLines.contains { $0.contains("30. https://example.com/30") })
        #expect(!screen.textLines.contains { $0.contains(" 1. https://example.com/1 ") })
        #expect(screen.textLines.contains { $0.contains("of 30)") })
    }
}
