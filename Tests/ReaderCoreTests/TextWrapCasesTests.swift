import Testing
@testable import ReaderCore

/// The wrapping cases of docs/typography.md, and the rules they stand for.
@Suite struct TextWrapCasesTests {
    static let cases: [(input: String, width: Int, lines: [String])] = [
        ("一二三四五六七八九，十", 18, ["一二三四五六七八", "九，十"]),
        ("中文中文中文（注释）", 14, ["中文中文中文", "（注释）"]),
        ("他说：“我们明天见。”", 7, ["他说：", "“我们明", "天见。”"]),
        ("一二三四五……六", 11, ["一二三四", "五……六"]),
        ("Hello world 你好世界", 11, ["Hello world", "你好世界"]),
        ("Pneumonoultramicroscopicsilicovolcanoconiosis是一个词", 20,
         ["Pneumonoultramicrosc", "opicsilicovolcanocon", "iosis是一个词"]),
        ("\u{3000}\u{3000}中文段落的首行缩进两个汉字宽度。", 16,
         ["\u{3000}\u{3000}中文段落的首", "行缩进两个汉字", "宽度。"]),
    ]

    @Test(arguments: 0..<cases.count)
    func typographyTable(_ index: Int) {
        let c = Self.cases[index]
        let lines = wrap(c.input, width: c.width)
        #expect(lines.map(\.text) == c.lines, "\(c.input) at width \(c.width)")
        for line in lines {
            #expect(line.width <= c.width)
            #expect(line.width == DisplayWidth.of(line.text))
            let bytes = Array(c.input.utf8)[line.start..<line.end]
            #expect(String(decoding: bytes, as: UTF8.self) == line.text)
        }
    }

    private func texts(_ s: String, _ width: Int, _ options: WrapOptions = WrapOptions()) -> [String] {
        wrap(s, width: width, options: options).map(\.text)
    }

    @Test func dashIsOneUnitThatNeverStartsALine() {
        // Without the rule the break would fall before ——.
        // UAX #14 alone would break before ——; the whole 体—— moves down instead.
        #expect(texts("打造城乡党建共同体——创新", 18) == ["打造城乡党建共同", "体——创新"])
        #expect(texts("一二三——四", 7) == ["一二", "三——四"])
        #expect(texts("一二三……四", 7) == ["一二", "三……四"])
    }

    @Test func interpunctAndConnectorsGlue() {
        #expect(texts("我喜欢达·芬奇", 8) == ["我喜欢", "达·芬奇"])
        #expect(texts("我去北京／上海", 9) == ["我去北", "京／上海"])
        #expect(texts("一二三四～五", 9) == ["一二三", "四～五"])
    }

    @Test func quotesFollowTheirText() {
        #expect(texts("甲乙丙“丁戊”己庚", 8) == ["甲乙丙", "“丁戊”", "己庚"])
        #expect(texts("甲乙丙丁“戊”己庚", 10) == ["甲乙丙丁", "“戊”己庚"])
        // In English the apostrophe stays inside the word.
        #expect(texts("don’t stop", 6) == ["don’t", "stop"])
    }

    @Test func smallKanaAndProlongedSoundMarkNeverStartALine() {
        #expect(texts("アイウエオーカ", 10) == ["アイウエ", "オーカ"])
        #expect(texts("あいうえっか", 8) == ["あいう", "えっか"])
    }

    @Test func numbersWithSignsStayWhole() {
        #expect(texts("增长12.5%以上", 8) == ["增长", "12.5%", "以上"])
        #expect(texts("价格￥100元", 8) == ["价格", "￥100元"])
        #expect(texts("日期2023-01-16发布", 12) == ["日期", "2023-01-16", "发布"])
    }

    @Test func urlMovesDownWholeWhenItFits() {
        let url = "http://www.cpsa.org.cn/default.ashx"
        let lines = texts("详见\(url)。", 40)
        #expect(lines == ["详见", "\(url)。"])
        // Too long for the line: broken at its own opportunities, nothing lost.
        let narrow = wrap("详见\(url)。", width: 16)
        #expect(narrow.allSatisfy { $0.width <= 16 })
        #expect(narrow.map(\.text).joined() == "详见\(url)。")
    }

    @Test func indentIsDroppedWhenThePaneIsTooNarrow() {
        let p = "\u{3000}\u{3000}中文段落"
        let lines = wrap(p, width: 10)
        #expect(lines.map(\.text) == ["中文段落"])
        #expect(lines[0].start == 6)
        #expect(texts(p, 16) == ["\u{3000}\u{3000}中文段落"])
        #expect(texts(p, 16, WrapOptions(keepIndent: false)) == ["中文段落"])
    }

    @Test func spacesHang() {
        let lines = wrap("  alpha beta  gamma ", width: 10)
        #expect(lines.map(\.text) == ["alpha beta", "gamma"])
        #expect(lines[0].start == 2)
    }

    @Test func emptyParagraphGivesOneEmptyLine() {
        #expect(wrap("", width: 10) == [WrappedLine(start: 0, end: 0, text: "", width: 0)])
        #expect(texts("   ", 10) == [""])
    }

    @Test func ambiguousWideOption() {
        let wide = WrapOptions(ambiguousIsWide: true)
        #expect(DisplayWidth.of("“中”", ambiguousIsWide: true) == 6)
        #expect(DisplayWidth.of("“中”") == 4)
        #expect(texts("他说：“我们明天见。”", 8, wide) == ["他说：", "“我们明", "天见。”"])
    }

    @Test func wideCharacterNeverStraddlesTheEdge() {
        #expect(texts("abcd中文", 5) == ["abcd", "中文"])
    }
}
