import Foundation
import Testing
@testable import ReaderCore

@Suite struct PlainTextVariantsTests {
    @Test func windowsLineEndsAndBOM() {
        let text = "\u{FEFF}标题\r\n2023/01/16\r\n某网站\r\n导语:导语文字。\r\n\r\n第一段。\r\n第二段。\r\n编辑:李四\r\n"
        let a = PlainTextFormat.parse(text)
        #expect(a?.title == "标题")
        #expect(a?.date == ArticleDate(year: 2023, month: 1, day: 16))
        #expect(a?.site == "某网站")
        #expect(a?.lead == "导语文字。")
        #expect(a?.body.map(\.text) == ["第一段。", "第二段。"])
        #expect(a?.editor == "李四")
    }

    @Test func oldMacLineEnds() {
        let a = PlainTextFormat.parse("标题\r2023年1月16日\r正文一段，很长的句子。\r")
        #expect(a?.date == ArticleDate(year: 2023, month: 1, day: 16))
        #expect(a?.body.map(\.text) == ["正文一段，很长的句子。"])
    }

    @Test func labelledDateLineWithSource() {
        let a = PlainTextFormat.parse("标题\n发布时间：2021-03-05 10:20 来源：新华网\n正文，一段。\n")
        #expect(a?.date == ArticleDate(year: 2021, month: 3, day: 5))
        #expect(a?.source == "新华网")
        #expect(a?.body.map(\.text) == ["正文，一段。"])
    }

    @Test func labelsAsOtherSitesAndEnglishOnesWriteThem() throws {
        let english = try #require(PlainTextFormat.parse("""
            Terminals Are Back
            2024-11-01
            Site: Example News

            The terminal is back, and people read in it.

            Author: Jane Doe
            Source: Example Wire
            Tags: terminals, reading
            Editor: John Roe
            """))
        #expect(english.site == "Example News")
        #expect(english.author == "Jane Doe" && english.source == "Example Wire" && english.editor == "John Roe")
        #expect(english.tags == ["terminals", "reading"])
        #expect(english.body.map(\.text) == ["The terminal is back, and people read in it."])
        let chinese = try #require(PlainTextFormat.parse("标题\n2023-01-16\n来源：新华社\n\n　　正文，一段。\n\n责任编辑：王五\n关键词：甲 乙\n"))
        #expect(chinese.site == nil, "a source line is not the site")
        #expect(chinese.source == "新华社" && chinese.editor == "王五" && chinese.tags == ["甲", "乙"])
        #expect(chinese.body.count == 1)
    }

    @Test func noDateNoLeadNoTrailerNoRelated() {
        let a = PlainTextFormat.parse("　　标题在全角空格后\n\n　　第一段，有缩进。\n\n第二段。\n")
        #expect(a?.title == "标题在全角空格后")
        #expect(a?.date == nil)
        #expect(a?.lead == nil)
        #expect(a?.body.map(\.text) == ["　　第一段，有缩进。", "第二段。"], "the Chinese indent is kept for the reading pane")
        #expect(a?.related == [])
        #expect(a?.editor == nil && a?.source == nil)
    }

    @Test func aFirstLineTooLongToBeATitleIsKeptAsBody() {
        let line = String(repeating: "长", count: 100) + "。" + String(repeating: "文", count: 1000)
        let a = PlainTextFormat.parse(line)
        #expect(a?.title == String(repeating: "长", count: 60) + "…")
        #expect(a?.body.map(\.text) == [line])
    }

    @Test func millionCharacterLineLoadsQuickly() throws {
        let line = String(repeating: "字", count: 1_000_000)
        let start = Date()
        let a = try #require(PlainTextFormat.parse(line))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(a.body.first?.text.count == 1_000_000)
    }
}

@Suite struct MarkdownFormatTests {
    let sample = """
        ---
        title: "Markdown 标题"
        date: 2024年3月9日
        source: 某报
        author: 张三
        tags: [甲, 乙]
        related:
          - 另一篇文章
          - "第三篇"
        ---

        # 小标题

        第一段有**强调**和*斜体*，还有[链接](https://example.com/a "说明")。
        第一段的第二行。

        Second paragraph with `code` and a [reference][ref] and snake_case_name.

        - 列表一
        1. 编号一

        > 引用的话

        ![图片说明](img.png)

        [ref]: https://example.com/ref
        """

    @Test func frontMatter() throws {
        let a = try #require(MarkdownFormat.parse(sample, path: "x.md"))
        #expect(a.title == "Markdown 标题")
        #expect(a.date == ArticleDate(year: 2024, month: 3, day: 9))
        #expect(a.source == "某报")
        #expect(a.author == "张三")
        #expect(a.tags == ["甲", "乙"])
        #expect(a.related.map(\.title) == ["另一篇文章", "第三篇"])
        #expect(a.path == "x.md")
    }

    @Test func frontMatterAsWebClippersWriteIt() throws {
        // The fields a browser's Markdown clipper writes: the saving day, the page's address
        // as `source`, a byline and an excerpt.
        let clipped = try #require(MarkdownFormat.parse("""
            ---
            created: 2024-05-03T10:20:00+08:00
            tags: [新闻]
            source: https://news.example.com/a/123.html
            author: 李四
            excerpt: "摘要：一句话。"
            ---
            # 剪藏的文章

            正文。
            """))
        #expect(clipped.title == "剪藏的文章")
        #expect(clipped.date == ArticleDate(year: 2024, month: 5, day: 3))
        #expect(clipped.source == nil, "an address is not a source's name")
        #expect(clipped.urls == ["https://news.example.com/a/123.html"])
        #expect(clipped.author == "李四")
        #expect(clipped.lead == "摘要：一句话。")
        // The day it was published wins over the day it was saved, wherever it is.
        let both = try #require(MarkdownFormat.parse("---\nclipped: 2025-01-01\npublished: 2023-06-07\nsource: 新华社\n---\n# T\n"))
        #expect(both.date == ArticleDate(year: 2023, month: 6, day: 7))
        #expect(both.source == "新华社")
    }

    @Test func blocksAndInlineText() throws {
        let a = try #require(MarkdownFormat.parse(sample))
        #expect(a.body.map(\.kind) == [.heading, .paragraph, .paragraph, .listItem, .listItem, .paragraph, .paragraph])
        #expect(a.body.map(\.text) == [
            "小标题",
            "第一段有强调和斜体，还有链接。第一段的第二行。",
            "Second paragraph with code and a reference and snake_case_name.",
            "列表一",
            "编号一",
            "引用的话",
            "[图 图片说明]",
        ])
        #expect(a.body[0].level == 1)
        #expect(a.body[3].marker == "•" && a.body[3].listDepth == 1)
        #expect(a.body[4].marker == "1." && a.body[4].listDepth == 1)
        #expect(a.body[5].quoteDepth == 1 && a.body[2].quoteDepth == 0)
    }

    /// The text a span covers.
    func covered(_ block: Block, _ kind: InlineSpan.Kind) -> [String] {
        let utf8 = Array(block.text.utf8)
        return block.spans.filter { $0.kind == kind }.map { String(decoding: utf8[$0.range], as: UTF8.self) }
    }

    @Test func emphasisAndCodeAreSpans() throws {
        let a = try #require(MarkdownFormat.parse(sample))
        #expect(covered(a.body[1], .strong) == ["强调"])
        #expect(covered(a.body[1], .emphasis) == ["斜体"])
        #expect(covered(a.body[2], .code) == ["code"])
        let s = try #require(MarkdownFormat.parse("# T\n\n~~删去~~ 和 ***两者***\n"))
        #expect(covered(s.body[0], .strikethrough) == ["删去"])
        #expect(covered(s.body[0], .strong) == ["两者"] && covered(s.body[0], .emphasis) == ["两者"])
    }

    @Test func linkTargetsAreKept() throws {
        let a = try #require(MarkdownFormat.parse(sample))
        #expect(covered(a.body[1], .link("https://example.com/a")) == ["链接"])
        #expect(covered(a.body[2], .link("https://example.com/ref")) == ["reference"])
        #expect(covered(a.body[6], .link("img.png")) == ["[图 图片说明]"])
        // GitHub's autolinks, and a target cut at its first space or control character.
        let b = try #require(MarkdownFormat.parse("# T\n\n见 https://example.com/x 和 <https://e.org/a%20b>。\n"))
        #expect(b.body[0].links.map(\.target) == ["https://example.com/x", "https://e.org/a%20b"])
        #expect(Links.safeTarget("https://e.org/a\u{1B}]52;c;x\u{7}") == "https://e.org/a")
        #expect(Links.safeTarget("https://e.org/a b") == "https://e.org/a")
    }

    @Test func titleFromTheFirstHeadingWithoutFrontMatter() throws {
        let a = try #require(MarkdownFormat.parse("# 只有标题\n\n正文。\n\nSetext\n---\n"))
        #expect(a.title == "只有标题")
        #expect(a.body == [Block(.paragraph, "正文。"), Block(.heading, "Setext", level: 2)])
        #expect(MarkdownFormat.parse("\n\n") == nil)
    }

    @Test func relatedSectionInTheBody() throws {
        let a = try #require(MarkdownFormat.parse("# T\n\n正文。\n\n## 相关阅读\n\n- 甲文\n- [乙文](b.md)\n"))
        #expect(a.body.map(\.text) == ["正文。"])
        #expect(a.related.map(\.title) == ["甲文", "乙文"])
    }

    @Test func chosenByExtensionOrFrontMatter() {
        #expect(ArticleFile.isMarkdown(path: "a.md", text: "x"))
        #expect(ArticleFile.isMarkdown(path: "a", text: "\u{FEFF}---\ntitle: x\n---\n"))
        #expect(!ArticleFile.isMarkdown(path: "a.txt", text: "---\ntitle: x\n---\n"))
        #expect(!ArticleFile.isMarkdown(path: "a", text: "标题\n---\n"))
    }
}

@Suite struct TextDecodingTests {
    func gb18030(_ s: String) -> [UInt8] {
        Array(s.data(using: TextDecoding.gb18030)!)
    }

    @Test func utf8WithAndWithoutBOM() {
        let plain = TextDecoding.decode(Array("中文".utf8))
        #expect(plain.text == "中文" && plain.encoding == .utf8 && plain.invalidSequences == 0)
        let bom = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("中文".utf8))
        #expect(bom.text == "中文" && bom.note == nil)
    }

    @Test func gb18030IsDetectedAndDecoded() {
        let text = "标题\r\n2023年1月16日\r\n正文：全角标点，€ 与 😀。"
        let bytes = gb18030(text)
        #expect(bytes.prefix(2) == [0xB1, 0xEA]) // 标 in GB2312
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == text)
        #expect(decoded.invalidSequences == 0)
    }

    @Test func invalidBytesBecomeReplacementAndAreCounted() {
        let gb = TextDecoding.decode(gb18030("中文测试内容") + [0xFF] + gb18030("结束"))
        #expect(gb.encoding == .gb18030)
        #expect(gb.text == "中文测试内容\u{FFFD}结束")
        #expect(gb.invalidSequences == 1)
        #expect(gb.note == "1 invalid byte sequence in GB18030 shown as \u{FFFD}")

        let utf8 = TextDecoding.decode(Array("中文测试".utf8) + [0xC3] + Array("内容".utf8))
        #expect(utf8.encoding == .utf8)
        #expect(utf8.text == "中文测试\u{FFFD}内容")
        #expect(utf8.invalidSequences == 1)
    }

    @Test func utf16WithBOM() {
        let le = TextDecoding.decode([0xFF, 0xFE] + Array("标题".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(le.text == "标题" && le.encoding == .utf16)
        let be = TextDecoding.decode([0xFE, 0xFF] + Array("标题".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(be.text == "标题")
    }

    @Test func flaggedArticleStillLoads() throws {
        let bytes = Array("标题\n正文，".utf8) + [0xFF] + Array("继续。\n".utf8)
        let a = try ArticleFile.article(from: bytes, path: "a.txt").get()
        #expect(a.title == "标题")
        #expect(a.body.first?.text == "正文，\u{FFFD}继续。")
        #expect(a.decodingNote == "1 invalid byte sequence in UTF-8 shown as \u{FFFD}")
    }
}
