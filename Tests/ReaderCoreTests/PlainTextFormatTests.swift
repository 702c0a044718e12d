import Foundation
import Testing
@testable import ReaderCore

/// The repository's `seeds/` folder, found from this file's path.
let seedsDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        let seeds = url.appendingPathComponent("seeds").path
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return seeds }
    }
    return "seeds"
}()

@Suite struct PlainTextFormatTests {
    func seed() throws -> Article {
        let path = seedsDirectory + "/000_179341d704dc42fe.txt"
        return try ArticleFile.read(path: path).get()
    }

    @Test func seedHeader() throws {
        let a = try seed()
        #expect(a.title == "【新视点】基层党建如何推进乡村振兴战略深度融合?")
        #expect(a.date == ArticleDate(year: 2023, month: 1, day: 16))
        #expect(a.site == "中国电源产业网")
        #expect(a.lead == "全面建设社会主义现代化国家,最艰巨最繁重的任务在农村。全面推进乡村振兴、加快建设农业强国,关键在党。要把基层党建同推进乡村振兴战略深度融合,以高质量党建引领高质量发展。")
    }

    @Test func seedBodyShowsTheLeadOnce() throws {
        let a = try seed()
        #expect(a.body.count == 11)
        #expect(a.body.first?.text == "创新基层党建联建的组织载体,打造城乡党建共同体——")
        #expect(a.body.last?.text.hasPrefix("多功能乡村振兴共同体既是发展共同体") == true)
        #expect(a.body.last?.text.hasSuffix("共办实事》)") == true)
        #expect(!a.body.contains { $0.text == a.lead })
    }

    @Test func seedTrailer() throws {
        let a = try seed()
        #expect(a.editor == "中国电源产业网")
        #expect(a.source == "电源协会行业党支部")
        #expect(a.tags == [])
    }

    @Test func seedRelatedList() throws {
        let a = try seed()
        #expect(a.related.count == 6)
        #expect(a.related[0].title == "深入学习贯彻习近平总书记关于党的自我革命的重要思想")
        #expect(a.related[0].summary.hasPrefix("《习近平谈治国理政》第五卷"))
        #expect(a.related[5].title == "北京市委全会部署2026年重点任务,要求接续奋斗、开拓进取,奋力实现“十五五”良好开局")
        #expect(a.related[5].summary.hasPrefix("12月22日,中国共产党北京市第十三届委员会"))
    }

    @Test func seedBoilerplateKeptApart() throws {
        let a = try seed()
        #expect(a.boilerplate == [
            "(1)加入中电源云学苑,自助学习,获得全国通用证书并终身有效。感谢转发分享。",
            "中国电源产业网网友交流群:2223934、7921477、9640496、11647415",
        ])
        // The URL line is kept as the article's link, shown in its trailer.
        #expect(a.urls == ["http://www.cpsa.org.cn/default.ashx"])
        let trailer = try #require(a.readingBlocks.last)
        #expect(trailer.role == .trailer && trailer.text == "链接 http://www.cpsa.org.cn/default.ashx")
        #expect(trailer.spans == [InlineSpan(.link("http://www.cpsa.org.cn/default.ashx"), 7..<42)])
    }

    @Test func bareURLsInParagraphsAreLinks() {
        let text = "见http://a.cn/x?y=1。又见 www.b.org/(c) 和(https://d.net/e)."
        let links = Links.bareURLSpans(in: text)
        let utf8 = Array(text.utf8)
        #expect(links.map { String(decoding: utf8[$0.range], as: UTF8.self) } == ["http://a.cn/x?y=1", "www.b.org/(c)", "https://d.net/e"])
        #expect(links.map(\.kind) == [.link("http://a.cn/x?y=1"), .link("http://www.b.org/(c)"), .link("https://d.net/e")])
        let a = PlainTextFormat.parse("标题\n\n正文见 https://example.com/a 一文，很长的一段正文。")!
        #expect(a.body[0].links.map(\.target) == ["https://example.com/a"])
    }

    @Test func missingPartsStillLoad() {
        let a = PlainTextFormat.parse("Only a title\n\nA paragraph, nothing else.\n")
        #expect(a?.title == "Only a title")
        #expect(a?.date == nil)
        #expect(a?.body.map(\.text) == ["A paragraph, nothing else."])
        #expect(PlainTextFormat.parse("\n\n  \n") == nil)
    }

    @Test func fullWidthColonsAndOtherDates() {
        let a = PlainTextFormat.parse("标题\n2023年1月6日\n某网站\n导语：一段导语。\n正文。\n编辑：张三\n来源：某报\n标签：甲 乙\n")
        #expect(a?.date == ArticleDate(year: 2023, month: 1, day: 6))
        #expect(a?.site == "某网站")
        #expect(a?.lead == "一段导语。")
        #expect(a?.editor == "张三")
        #expect(a?.source == "某报")
        #expect(a?.tags == ["甲", "乙"])
        #expect(PlainTextFormat.parseDate("2023/01/16") == ArticleDate(year: 2023, month: 1, day: 16))
        #expect(PlainTextFormat.parseDate("12345") == nil)
    }
}

@Suite struct MetadataLineTests {
    @Test func saysEachPartOnceAndSkipsBlanks() {
        var a = Article(title: "t", date: ArticleDate(year: 2024, month: 11, day: 12), site: "The Review",
                        editor: "Ann", source: "The Review")
        #expect(a.metadataLine == "2024-11-12 · The Review · Editor Ann")
        a.source = "Another Paper"
        #expect(a.metadataLine == "2024-11-12 · The Review · Source Another Paper · Editor Ann")
        a.site = nil
        a.date = nil
        a.editor = ""
        #expect(a.metadataLine == "Source Another Paper")
    }

    @Test func labelsFollowTheArticlesLanguage() {
        var a = Article(title: "标题", source: "某报", tags: ["甲", "乙"])
        a.author = "张三"
        a.editor = "李四"
        #expect(a.metadataLine == "来源 某报 · 作者 张三 · 编辑 李四 · 标签 甲 乙")
        a.title = "縦書きはなぜ消えないのか"
        #expect(a.metadataLine == "出典 某报 · 著者 张三 · 編集 李四 · タグ 甲 乙")
        a.title = "Where Should a Line End?"
        #expect(a.metadataLine == "Source 某报 · By 张三 · Editor 李四 · Tags 甲 乙")
    }
}

@Suite struct IndentTests {
    @Test func bodyParagraphsKeepTheirChineseIndent() throws {
        let text = "　　标题\n2024-01-01\n　　某网站\n　　导语：导语一段。\n\n　　第一段缩进。\n第二段不缩进。\n　　编辑：张三\n"
        let a = try #require(PlainTextFormat.parse(text))
        #expect(a.title == "标题")
        #expect(a.site == "某网站")
        #expect(a.lead == "导语一段。")
        #expect(a.editor == "张三")
        #expect(a.body.map(\.text) == ["　　第一段缩进。", "第二段不缩进。"])
    }

    @Test func theIndentReachesTheReadingPane() throws {
        let a = try #require(PlainTextFormat.parse("标题\n\n　　这一段以两个全角空格缩进开头，后面还有一些文字。\n"))
        let lines = wrap(a.readingBlocks.last!.text, width: 20)
        #expect(lines.first?.text.hasPrefix("　　这一段") == true)
        let narrow = wrap(a.readingBlocks.last!.text, width: 20, options: WrapOptions(keepIndent: false))
        #expect(narrow.first?.text.hasPrefix("这一段") == true, "indent = false in the configuration drops it")
    }
}
