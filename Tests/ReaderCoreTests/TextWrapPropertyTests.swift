import Foundation
import Testing
@testable import ReaderCore

/// Properties of wrapping over generated mixed text, at every width from 2 to 200.
@Suite struct TextWrapPropertyTests {
    static let closers: Set<Character> = Set("，。、；：？！）》」』】〕］｝”’,.;:?!)]}")
    static let openers: Set<Character> = Set("（《「『【〔［｛“‘([{")
    static let han = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
    static let kana = Array("あいうえおかきくけこさしすせそっゃゅょアイウエオカキクケコッャュョー")
    static let latin = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// A paragraph of mixed text.
    static func paragraph(_ g: inout SeededGenerator) -> String {
        var s = ""
        if g.int(0...3) == 0 { s += "\u{3000}\u{3000}" }
        for _ in 0..<g.int(5...60) {
            switch g.int(0...17) {
            case 0...4: for _ in 0..<g.int(1...8) { s.append(g.pick(han)) }
            case 5: for _ in 0..<g.int(1...6) { s.append(g.pick(kana)) }
            case 6: s += " " + String((0..<g.int(1...14)).map { _ in g.pick(latin) }) + " "
            case 7: s += g.pick(["12.5%", "￥100", "2023-01-16", "3,000", "$45", "100％", "第3版", "v2.1"])
            case 8, 9: s.append(g.pick(Array(closers)))
            case 10: s.append(g.pick(Array(openers)))
            case 11: s += g.pick(["——", "……", "·", "～", "－", "／", "⸺", "—"])
            case 12:
                s.append(g.pick(han))
                s += g.pick(["http://www.cpsa.org.cn/default.ashx", "https://example.com/a/b?c=d&e=f",
                             "www.example.org", "https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87_(disambiguation)"])
                s += g.pick([" ", "。", "，", "）"])
            case 13: s += g.pick(["😀", "❤️", "🇨🇳", "👍", "✅"])
            case 14: s += g.pick(["e\u{301}", "n\u{303}a", "a\u{308}\u{304}"])
            case 15: s += g.pick(["“", "”", "‘", "’"])
            case 16: s += " "
            default: s += g.pick(["他说：“", "。”", "（注释）", "《书名》", "「引号」"])
            }
        }
        return Sanitizer.displayable(s)
    }

    typealias Line = (text: String, start: Int, end: Int, width: Int, forced: Bool)

    /// Lays a paragraph out and checks every property; returns the problems found.
    static func problems(_ paragraph: String, width: Int, options: WrapOptions = WrapOptions()) -> [String] {
        let bytes = Array(paragraph.utf8)
        let layout = bytes.withUnsafeBufferPointer { LineLayout(utf8: $0, width: width, options: options) }
        let lines = layout.lines.map { line -> Line in
            let s = layout.text.offsets[line.start], e = layout.text.offsets[line.end]
            return (String(decoding: bytes[s..<e], as: UTF8.self), s, e, line.width, line.forced)
        }
        var out = problems(paragraph, lines: lines, width: width, options: options)
        let public_ = wrap(paragraph, width: width, options: options)
        if public_.map(\.text) != lines.map(\.text) || public_.map(\.start) != lines.map(\.start) {
            out.append("wrap() and LineLayout disagree")
        }
        return out
    }

    /// The problems of a given layout of a paragraph.
    static func problems(_ paragraph: String, lines: [Line], width: Int, options: WrapOptions = WrapOptions()) -> [String] {
        var out: [String] = []
        let bytes = Array(paragraph.utf8)
        func isBlank<C: Collection>(_ c: C) -> Bool where C.Element == UInt8 {
            String(decoding: c, as: UTF8.self).unicodeScalars.allSatisfy { LineLayout.isHangingSpace($0.value) }
        }
        var position = 0
        for (k, line) in lines.enumerated() {
            if line.width > width { out.append("line \(k) is \(line.width) cells: \(line.text)") }
            if line.width != DisplayWidth.of(line.text, ambiguousIsWide: options.ambiguousIsWide) {
                out.append("line \(k) width is wrong")
            }
            if line.start < position || !isBlank(bytes[position..<line.start]) {
                out.append("text lost before line \(k): \(String(decoding: bytes[min(position, line.start)..<line.start], as: UTF8.self))")
            }
            if let last = line.text.unicodeScalars.last, LineLayout.isHangingSpace(last.value),
               !line.text.unicodeScalars.allSatisfy({ $0 == "\u{3000}" }) {
                out.append("line \(k) ends with white space")
            }
            if let first = line.text.unicodeScalars.first, k > 0, LineLayout.isHangingSpace(first.value) {
                out.append("line \(k) starts with white space")
            }
            if line.text.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) {
                out.append("line \(k) holds a control character")
            }
            position = line.end
        }
        if !isBlank(bytes[position...]) { out.append("text lost at the end") }
        for k in 1..<max(lines.count, 1) {
            let a = lines[k - 1], b = lines[k]
            guard !a.forced else { continue }
            if let f = b.text.first, closers.contains(f) { out.append("line \(k) starts with \(f)") }
            if let l = a.text.last, openers.contains(l) { out.append("line \(k - 1) ends with \(l)") }
            for unit in ["—", "…", "⸺"] where a.text.hasSuffix(unit) && b.text.hasPrefix(unit) {
                out.append("\(unit)\(unit) split after line \(k - 1)")
            }
            if let f = b.text.first, f == "—" || f == "…" || f == "·" || f == "⸺" {
                out.append("line \(k) starts with \(f)")
            }
        }
        for k in 1..<max(lines.count, 1) {
            // A Latin word cut in two must be wider than the line.
            guard lines[k - 1].end == lines[k].start else { continue }
            let a = lines[k - 1].text, b = lines[k].text
            let tail = a.reversed().prefix { $0.isASCII && $0.isLetter }
            let head = b.prefix { $0.isASCII && $0.isLetter }
            if !tail.isEmpty && !head.isEmpty && tail.count + head.count <= width {
                out.append("word \(String(tail.reversed()))|\(head) split at width \(width)")
            }
        }
        return out
    }

    @Test func generatedTextAtEveryWidth() {
        var g = SeededGenerator(seed: 20230116)
        var failures: [String] = []
        var layouts = 0
        for _ in 0..<100 {
            let p = Self.paragraph(&g)
            for width in 2...200 {
                layouts += 1
                let ps = Self.problems(p, width: width)
                if !ps.isEmpty, failures.count < 10 {
                    failures.append("width \(width), paragraph \(p.debugDescription):\n  " + ps.prefix(3).joined(separator: "\n  "))
                }
            }
        }
        #expect(layouts == 100 * 199)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func generatedTextWithAmbiguousWide() {
        var g = SeededGenerator(seed: 7)
        var failures: [String] = []
        for _ in 0..<6 {
            let p = Self.paragraph(&g)
            for width in stride(from: 4, through: 200, by: 3) {
                let ps = Self.problems(p, width: width, options: WrapOptions(ambiguousIsWide: true))
                if !ps.isEmpty, failures.count < 10 { failures.append("width \(width) \(p.debugDescription): \(ps.prefix(3))") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The seed article: zero violations at every width from 16 up.
    @Test func seedArticleHasNoViolations() throws {
        let text = try String(contentsOfFile: seedsDirectory + "/000_179341d704dc42fe.txt", encoding: .utf8)
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            let p = Sanitizer.displayable(String(line))
            for width in 16...200 {
                let ps = Self.problems(p, width: width)
                if !ps.isEmpty, failures.count < 10 { failures.append("width \(width): \(ps)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The checker itself sees bad layouts (a property test that cannot fail proves nothing).
    @Test func theCheckerCatchesBadLayouts() {
        func line(_ p: String, _ text: String, forced: Bool = false) -> Line {
            let r = p.range(of: text)!
            let s = p.utf8.distance(from: p.startIndex, to: r.lowerBound)
            return (text, s, s + text.utf8.count, DisplayWidth.of(text), forced)
        }
        let p = "一二三，四五——六 hello"
        let closerFirst = Self.problems(p, lines: [line(p, "一二三"), line(p, "，四五——六 hello")], width: 20)
        #expect(closerFirst.contains { $0.contains("starts with ，") })
        let lost = Self.problems(p, lines: [line(p, "一二三，")], width: 20)
        #expect(lost.contains { $0.contains("lost") })
        let split = Self.problems(p, lines: [line(p, "一二三，四五—"), line(p, "—六 hel"), line(p, "lo")], width: 14)
        #expect(split.contains { $0.contains("—— split") })
        #expect(split.contains { $0.contains("word hel|lo") })
        let wide = Self.problems(p, lines: [line(p, "一二三，四五——六"), line(p, "hello")], width: 10)
        #expect(wide.contains { $0.contains("cells") })
        // Forced lines may break the punctuation rules, never the width.
        let forced = Self.problems(p, lines: [line(p, "一二三", forced: true), line(p, "，四五——六 hello")], width: 20)
        #expect(forced.isEmpty)
    }
}
