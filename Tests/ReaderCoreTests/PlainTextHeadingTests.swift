import Foundation
import Testing
@testable import ReaderCore

/// Subheadings of the plain-text layout (the rule in docs/typography.md, "Headings").
@Suite struct PlainTextHeadingTests {
    /// Every seed article's subheadings, read by hand: the rule finds exactly these, so no
    /// ordinary paragraph becomes a heading and no heading stays body text.
    static let expected: [String: [String]] = [
        "000_179341d704dc42fe.txt": [
            "创新基层党建联建的组织载体,打造城乡党建共同体——", "畅通城乡要素流动的平台机制,打造城乡融合发展共同体——",
            "拓展农村整体性党建路径方法,打造多功能乡村振兴共同体——",
        ],
        "001_huozi-typesetting.txt": [
            "一块胶泥，写进了《梦溪笔谈》——", "木活字与转轮排字架：“以字就人”——", "聚珍版与铜活字：宫廷里的大工程——",
            "铅与火：美华书馆和元宝式字架——", "字号、字体与标点：排字房里的规矩——", "“告别铅与火，迎来光与电”——",
            "屏幕上的新问题：从字模到字形——", "尾声：活字的精神还在——",
        ],
        "002_yuedu-guide.txt": ["它是什么——", "打开一个文件夹——", "按键一览——", "命令行小工具——", "文章的格式——"],
        "003_rural-digital-economy.txt": [
            "把党支部建在产业链上,让小散农户抱团发展——", "城乡党建联建,把资源送到田间地头——", "培育\"新农人\",让人才在乡村扎根——",
            "数字经济进村,治理也跟着\"上网\"——", "专家点评:以高质量党建引领乡村数字经济——",
        ],
        "004_gb18030-one-year.txt": [
            "一个“䶮”字难倒一套系统——", "新标准“新”在哪里——", "改造一年：进展与难点——", "终端与网页：字能显示，还得显示对——",
            "下一步：从“能用”到“好用”——",
        ],
        "005_reading-small-screens.txt": [
            "The page that weighed more than a novel", "An old medium with new readers", "Where the terminal falls short",
            "Tools that take typography seriously", "What readers give up, and what they keep",
        ],
        "006_line-breaking.txt": [
            "The rules have a name", "Chinese: break anywhere, except where you must not",
            "Japanese: small letters and long sounds", "Widths, not characters", "Links and long words", "Why it matters",
        ],
        "007_tategaki.txt": ["「縦で読むと、文章の呼吸が変わる」――", "行頭に来てはいけない文字――", "ルビと約物――", "画面の上の縦書き――", "これからの組版――"],
        "008_terminal-tui-column.txt": [
            "为什么是终端——", "坑1：忘了setlocale，中文全变成乱码——", "坑2：String.count不是屏幕宽度——", "坑3：标点不能落在行首——",
            "坑4：窗口大小变了，程序没反应——", "坑5：程序崩溃后终端“坏了”——", "坑6：tmux里的颜色不对——", "坑7：文章里藏着控制字符——",
            "写在最后——",
        ],
        "009_nongjia-shuwu.txt": ["东坡村：书架旁多了一块屏——", "西河村：读书会开到了田埂上——", "南岭村：孩子们的“故事屋”——", "让书屋“活”起来——"],
        "010_change6-far-side-samples.txt": ["53天，一次“背面”往返——", "钻取加表取，两种方式采样——", "国际载荷同行——"],
    ]

    @Test func seedHeadings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsDirectory).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == Self.expected.count)
        for name in names {
            let article = try ArticleFile.read(path: seedsDirectory + "/" + name).get()
            let headings = article.body.filter { $0.kind == .heading }
            #expect(headings.map(\.text) == Self.expected[name], "\(name)")
            #expect(headings.allSatisfy { $0.level == 2 })
        }
    }

    @Test func theRule() {
        let paragraph = "农村基层党建存在小弱散的困境,党建资源也相对有限。这就需要秉持开放式党建理念,扩大城乡党建联建共建的载体和覆盖范围。"
        // A dash or a colon at the end.
        #expect(PlainTextFormat.isSubheading("打造城乡党建共同体——", before: paragraph))
        #expect(PlainTextFormat.isSubheading("专家点评：", before: paragraph))
        // No sentence punctuation at all.
        #expect(PlainTextFormat.isSubheading("Why it matters", before: "A much longer paragraph follows it here."))
        // Sentences are not headings, however short.
        #expect(!PlainTextFormat.isSubheading("他笑了。", before: paragraph))
        #expect(!PlainTextFormat.isSubheading("真的吗？他问", before: paragraph))
        #expect(!PlainTextFormat.isSubheading("“走吧，”", before: paragraph))
        #expect(!PlainTextFormat.isSubheading("It was late,", before: "A much longer paragraph follows it here."))
        // Nor a line as wide as what follows, or a long one.
        #expect(!PlainTextFormat.isSubheading("打造城乡党建共同体——", before: "短的一段。"))
        #expect(!PlainTextFormat.isSubheading(String(repeating: "长", count: 41) + "——", before: paragraph + paragraph))
        // The last block is never a heading.
        var body = [Block(.paragraph, paragraph), Block(.paragraph, "结尾没有标点")]
        PlainTextFormat.markSubheadings(&body)
        #expect(body.map(\.kind) == [.paragraph, .paragraph])
    }
}
