import Testing
@testable import ReaderCore

/// No lone last character (孤字), and balanced titles: docs/typography.md, "Filling".
@Suite struct TextLoneCharacterTests {
    private func texts(_ s: String, _ width: Int, _ options: WrapOptions = WrapOptions(), balanced: Bool = false) -> [String] {
        wrap(s, width: width, options: options, balanced: balanced).map(\.text)
    }

    @Test func theLineAboveGivesOneCharacter() {
        let p = "以高质量党建引领高质量发展。"
        #expect(texts(p, 24, WrapOptions(avoidLoneCharacter: false)) == ["以高质量党建引领高质量发", "展。"])
        #expect(texts(p, 24) == ["以高质量党建引领高质量", "发展。"])
        // What must stay with the character above comes down with it: the quoted word.
        #expect(texts("甲乙丙“丁戊”己庚", 8, WrapOptions(avoidLoneCharacter: false)) == ["甲乙丙", "“丁戊”己", "庚"])
        #expect(texts("甲乙丙“丁戊”己庚", 8) == ["甲乙丙", "“丁戊”", "己庚"])
    }

    @Test func onlyALoneCharacterMoves() {
        // Two characters, a Latin word, a number: nothing moves.
        #expect(texts("一二三四五六七八九十", 16) == ["一二三四五六七八", "九十"])
        #expect(texts("一二三四五六七八 word", 16) == ["一二三四五六七八", "word"])
        #expect(texts("一二三四五六七八9", 16) == ["一二三四五六七八", "9"])
    }

    @Test func aForcedBreakOrAShortLineAboveStays() {
        // The line above is a run wider than the line, cut by force: left as it is.
        #expect(texts("abcdefghijklmnop中", 16) == ["abcdefghijklmnop", "中"])
        // Moving would leave the line above narrower than the last one.
        #expect(texts("一 二三", 4) == ["一", "二三"])
    }

    @Test func twoLineTitlesAreBalanced() {
        let title = "中国农业科技创新的百年难题迎来转机"
        #expect(texts(title, 32, WrapOptions(avoidLoneCharacter: false)) == ["中国农业科技创新的百年难题迎来转", "机"])
        #expect(texts(title, 32, balanced: true) == ["中国农业科技创新的", "百年难题迎来转机"])
        // A title that fits stays on one line; three lines stay three.
        #expect(texts(title, 40, balanced: true) == [title])
        #expect(texts(title, 14, balanced: true).count == texts(title, 14).count)
    }

    /// Over generated Chinese prose at widths 20 to 78: greedy filling leaves lone characters
    /// (so the check can fail), the rule leaves none, and the layouts keep every other property.
    @Test func generatedProseHasNoLoneLastCharacter() {
        var g = SeededGenerator(seed: 18)
        let han = TextWrapPropertyTests.han
        var greedyLone = 0, lone = 0, multi = 0
        var failures: [String] = []
        for _ in 0..<120 {
            var p = g.int(0...1) == 0 ? "\u{3000}\u{3000}" : ""
            for _ in 0..<g.int(1...10) {
                for _ in 0..<g.int(3...18) { p.append(g.pick(han)) }
                p += g.pick(["，", "，", "。", "、", "；", "：", "？", "！", "”", "》"])
            }
            for width in 20...78 {
                let options = WrapOptions(avoidLoneCharacter: false)
                let greedy = wrap(p, width: width, options: options)
                let lines = wrap(p, width: width)
                guard lines.count > 1 else { continue }
                multi += 1
                if Self.isLone(greedy.last!.text) { greedyLone += 1 }
                if Self.isLone(lines.last!.text) { lone += 1 }
                let problems = TextWrapPropertyTests.problems(p, width: width)
                if !problems.isEmpty, failures.count < 5 { failures.append("width \(width): \(problems)") }
            }
        }
        #expect(greedyLone > multi / 20, "greedy filling: \(greedyLone) of \(multi)")
        #expect(lone == 0, "\(lone) of \(multi) multi-line paragraphs end with a lone character")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// One ideograph, then only closing punctuation.
    static func isLone(_ line: String) -> Bool {
        let letters = line.filter { !"，。、；：？！）》」』】”’…—".contains($0) }
        return letters.count == 1 && letters.unicodeScalars.first!.properties.isIdeographic
    }
}
