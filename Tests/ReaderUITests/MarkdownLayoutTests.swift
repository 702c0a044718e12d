import Grid
import ReaderCore
import Testing
@testable import ReaderUI

/// Markdown blocks as the reading pane lays them out and draws them.
@Suite struct MarkdownLayoutTests {
    static let source = """
        ---
        title: 排版测试
        author: 张三
        url: https://example.com/a
        tags: [排版, 测试]
        ---
        ## 二级标题

        正文有**粗体**、*斜体*、`代码`和[链接](https://example.com/l)。

        > 引用的第一段。
        >
        > > 引用里的引用。

        ```swift
        func f() {
            if x {
                return 1
            }
        }
        ```

        - 第一项
          - 嵌套的一项，文字很长很长很长很长很长很长很长很长很长很长很长很长很长
        1. 编号

        | 名称 | 数量 | 说明 |
        |:-----|-----:|:----:|
        | 苹果 | 12 | 红 |
        | banana | 3 | 一种很长很长很长很长很长很长的说明文字 |

        ![一张图](pic.png)
        """

    static func rows(width: Int) throws -> [String] {
        let article = try #require(MarkdownFormat.parse(source, path: "a.md"))
        return ArticleLayout(article: article, width: width).lines.map { $0.plainText() }
    }

    @Test func blocksAt40() throws {
        let rows = try Self.rows(width: 40)
        #expect(rows == [
            "排版测试",
            "作者 张三 · 标签 排版 测试",
            "",
            "二级标题",
            "",
            "正文有粗体、斜体、代码和链接。",
            "",
            "│ 引用的第一段。",
            "",
            "│ │ 引用里的引用。",
            "",
            "  func f() {",
            "      if x {",
            "          return 1",
            "      }",
            "  }",
            "",
            " • 第一项",
            "    ◦ 嵌套的一项，文字很长很长很长很长很",
            "      长很长很长很长很长很长很长很长很长",
            "1. 编号",
            "",
            "名称   │ 数量 │           说明",
            "───────┼──────┼─────────────────────────",
            "苹果   │   12 │            红",
            "banana │    3 │ 一种很长很长很长很长很长",
            "       │      │      很长的说明文字",
            "",
            "[图 一张图]",
            "",
            "链接 https://example.com/a",
        ])
    }

    /// Every row fits the pane, and every table row of CJK text lines its columns up.
    @Test func everyWidthFits() throws {
        for width in 12...90 {
            for row in try Self.rows(width: width) {
                #expect(DisplayWidth.of(row) <= width, "width \(width): \(row)")
            }
        }
    }

    /// The article as Markdown reads back as the same article.
    @Test func articleAsMarkdownReadsBack() throws {
        let article = try #require(MarkdownFormat.parse(Self.source, path: "a.md"))
        let again = try #require(MarkdownFormat.parse(article.markdown, path: "b.md"))
        #expect(again.title == article.title)
        // The metadata line and the lead come first, then the same body.
        // (The article's own link comes back as a last paragraph.)
        let body = Array(again.body.drop { $0.text != "二级标题" }.dropLast())
        #expect(body.map(\.text) == article.body.map(\.text))
        #expect(body.map(\.kind) == article.body.map(\.kind))
        #expect(body.map(\.spans) == article.body.map(\.spans))
        #expect(body.map(\.table) == article.body.map(\.table))
        #expect(again.urls.isEmpty && again.body.last?.links.map(\.target) == ["https://example.com/a"])
        let seed = try ArticleFile.read(path: repositoryRoot.appendingPathComponent("seeds/000_179341d704dc42fe.txt").path).get()
        #expect(seed.markdown.hasPrefix("# 【新视点】基层党建如何推进乡村振兴战略深度融合?\n\n2023-01-16 · 中国电源产业网"))
        #expect(seed.markdown.hasSuffix("<http://www.cpsa.org.cn/default.ashx>\n"))
    }

    @Test func spansAreDrawnWithTheirStyles() throws {
        let article = try #require(MarkdownFormat.parse(Self.source, path: "a.md"))
        let layout = ArticleLayout(article: article, width: 40)
        let row = try #require(layout.lines.firstIndex { $0.text.hasPrefix("正文有") })
        var screen = Screen(width: 40, height: 1)
        let theme = Theme.defaultDark
        let line = layout.lines[row]
        let block = layout.blocks[line.block]
        let base = theme.style(ReadingScopes.scope(of: block))
        for piece in line.pieces {
            screen.write(piece.text, x: piece.x, y: 0, maxWidth: 40, style: base)
            ReadingView.styleSpans(block.spans, of: piece, base: base, y: 0, column: Rect(x: 0, y: 0, width: 40, height: 1),
                                   screen: &screen, theme: theme, ambiguousIsWide: false)
        }
        // 正文有 | 粗体 | 、 | 斜体 | 、 | 代码 | 和 | 链接 | 。 (two cells each)
        #expect(screen[6, 0].style.attributes.contains(.bold))
        #expect(screen[12, 0].style.attributes.contains(.italic))
        #expect(screen[26, 0].style.attributes.contains(.underline))
        #expect(!screen[0, 0].style.attributes.contains(.underline))
        // The link's cells carry its target, for the terminal's OSC 8; the others none.
        #expect((24...27).allSatisfy { screen[$0, 0].link == "https://example.com/l" })
        #expect(screen[23, 0].link == nil && screen[28, 0].link == nil)
        #expect(block.links.map(\.target) == ["https://example.com/l"])
    }
}
