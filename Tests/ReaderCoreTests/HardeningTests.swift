import Foundation
import Testing
@testable import ReaderCore
import TestSupport
import TextSafety

/// Inputs found by fuzzing and by trying the program as a new user would: each crashed, hung
/// or gave wrong output before its fix.
@Suite struct HardeningTests {
    // MARK: - TOML that toml++ aborts on

    @Test(arguments: ["[中文]", "[é]", "[!]", "[ #]", "[[é]]", "[\n", "[ \t+x]"])
    func tableHeadersThatAbortTOMLAreReportedWithTheirLine(header: String) {
        let text = "theme = \"light\"\n\n\(header)\nx = 1\n"
        let config = Configuration.parse(text, file: "config.toml")
        let issue = config.issues.first { $0.message.contains("table name") }
        #expect(issue?.line == 3, "\(config.issues)")
        #expect(config.theme == "light", "the rest of the file still applies")

        let (theme, issues) = ThemeCatalog.parse("\(header)\n\"ui.list\" = \"red\"\n", name: "bad")
        #expect(theme == nil)
        #expect(issues.first?.line == 1)
    }

    @Test func headersAndArraysTOMLAcceptsStillParse() throws {
        let text = """
            ["quoted"]
            a = [
              [1, 2],
              ["x"],
            ]
            [ bare ]
            [[list]]
            s = \"\"\"
            [é] inside a string
            \"\"\"
            """
        let table = try ConfigValue.parse(toml: text)
        #expect(table["bare"] != nil && table["list"] != nil && table["quoted"] != nil)
    }

    @Test func aBadUserThemeIsReportedAndSkipped() throws {
        let dir = persistenceTemporaryDirectory()
        try "[中文]\n\"ui.list\" = \"red\"\n".write(toFile: dir + "/broken.toml", atomically: true, encoding: .utf8)
        try "\"ui.list\" = \"red\"\n".write(toFile: dir + "/fine.toml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [dir])
        let (broken, issues) = catalog.load("broken")
        #expect(broken == nil)
        #expect(issues.first?.line == 1)
        #expect(catalog.load("fine").theme?.scopes["ui.list"] != nil)
    }

    // MARK: - Config in linear time

    /// Parsing `count` unknown keys, the fastest of three runs.
    private func secondsToParse(unknownKeys count: Int) -> Double {
        let text = (0..<count).map { "unknown\($0) = 1" }.joined(separator: "\n")
        var best = Double.infinity
        // The thread's own CPU time, not the wall clock: other work on a busy machine does
        // not count against it.
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        for _ in 0..<3 {
            let start = cpu()
            let config = Configuration.parse(text)
            best = min(best, cpu() - start)
            #expect(config.issues.count == count)
        }
        return best
    }

    @Test func manyUnknownKeysCostLinearTime() {
        let small = secondsToParse(unknownKeys: 1_000)
        let large = secondsToParse(unknownKeys: 32_000)
        // 32 times the keys: about 32 times the time when linear, 1,024 times when quadratic;
        // the bound leaves room for a busy machine.
        #expect(large / small < 200, "1,000 keys: \(small) s, 32,000 keys: \(large) s")
    }

    // MARK: - Decoding

    @Test func utf8WithAFewBadBytesStaysUTF8() {
        var bytes = Array("原始字节".utf8)
        bytes.insert(0xFF, at: 3)
        bytes.append(0xC3)
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "原\u{FFFD}始字节\u{FFFD}")

        let mixed = TextDecoding.decode(Array("abc".utf8) + [0xFF, 0xFE, 0xFD] + Array("中文".utf8))
        #expect(mixed.encoding == .utf8)
        #expect(mixed.text.hasSuffix("中文"))
    }

    @Test func gb18030IsStillRecognized() {
        // 中文阅读 in GB18030.
        let decoded = TextDecoding.decode([0xD6, 0xD0, 0xCE, 0xC4, 0xD4, 0xC4, 0xB6, 0xC1])
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.text == "中文阅读")
    }

    // MARK: - Wrapping combining marks on spaces

    @Test func aMarkOnASpaceAtTheEndIsKept() {
        let lines = wrap("abc \u{308}", width: 80)
        #expect(lines.map(\.text).joined().unicodeScalars.contains("\u{308}"))
    }

    @Test func noLineStartsWithALoneMark() {
        let lines = wrap("aaaa \u{308}bbbb", width: 5)
        for line in lines {
            #expect(line.text.unicodeScalars.first != "\u{308}", "\(lines.map(\.text))")
            #expect(line.width <= 5)
        }
        #expect(lines.map(\.text).joined().unicodeScalars.filter { $0 == "\u{308}" }.count == 1)
    }

    // MARK: - The control-character policy in the sanitizer

    @Test func bidiMarksAndSeparatorsLeaveTheSanitizedText() {
        let text = Sanitizer.displayable("a\u{200E}b\u{200F}c\u{61C}d\u{2028}e\u{2029}f\u{202E}g\u{1B}]2;x\u{7}")
        #expect(text == "abcd e f\u{FFFD}g␛]2;x␇")
        for scalar in text.unicodeScalars { #expect(ControlPolicy.isSafe(scalar)) }
    }

    // MARK: - Met as a new user

    @Test func anUnquotedValueGetsAHint() {
        let config = Configuration.parse("theme = light\nmouse = false\n", file: "config.toml")
        #expect(config.issues.count == 1)
        #expect(config.issues.first?.line == 1)
        #expect(config.issues.first?.message.contains("theme = \"light\"") == true, "\(config.issues)")
        #expect(config.mouse == false, "the rest still applies")
    }

    @Test func aMisspelledScopeIsReported() {
        let (theme, issues) = ThemeCatalog.parse("\"ui.reading.meta\" = \"red\"\n\"ui.readin.meta\" = \"blue\"\n", name: "mine")
        #expect(theme?.scopes["ui.reading.meta"] != nil)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.message.contains("did you mean \"ui.reading.meta\"") == true, "\(issues)")
    }

    @Test func theBundledThemesUseOnlyKnownScopes() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        let catalog = ThemeCatalog(directories: [themes])
        for name in catalog.names {
            let (theme, issues) = catalog.load(name)
            #expect(theme != nil && issues.isEmpty, "\(name): \(issues)")
        }
    }
}

/// Markdown's inline parser in time linear in its input, whatever the nesting.
@Suite struct MarkdownLinearTests {
    /// Seconds to parse `text` as Markdown, the fastest of three runs.
    private func seconds(_ text: String) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Date()
            _ = MarkdownFormat.parse("# T\n\n" + text + "\n")
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }

    private func nestedLinks(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + "x" + String(repeating: "](u)", count: depth)
    }

    @Test(arguments: ["nested links", "open brackets", "backticks", "angle brackets", "reference brackets"])
    func pathologicalInlinesCostLinearTime(kind: String) {
        func input(_ n: Int) -> String {
            switch kind {
            case "nested links": return nestedLinks(n)
            case "open brackets": return String(repeating: "[", count: n)
            case "backticks": return String(repeating: "`a", count: n)
            case "angle brackets": return String(repeating: "<", count: n)
            default: return String(repeating: "[a][", count: n)
            }
        }
        let small = seconds(input(20_000))
        let large = seconds(input(160_000))
        // 8 times the input: about 8 times the time when linear, 64 times when quadratic.
        #expect(large / max(small, 0.01) < 24, "\(kind): 20,000: \(small) s, 160,000: \(large) s")
    }

    @Test func halfAMegabyteOfNestedLinksParses() {
        let article = MarkdownFormat.parse("# T\n\n" + nestedLinks(100_000) + "\n")
        #expect(article?.body.first?.text.contains("x") == true)
    }

    @Test func ordinaryLinksStillResolve() {
        // CommonMark: a link inside a link's text makes the outer one plain text; the inner wins.
        let article = MarkdownFormat.parse("# T\n\n前 [外 [内](a) 链](b) 后 `代码` <https://e.x>\n")
        #expect(article?.body.first?.text == "前 [外 内 链](b) 后 代码 https://e.x")
        #expect(article?.body.first?.links.map(\.target) == ["a", "https://e.x"])
    }
}
