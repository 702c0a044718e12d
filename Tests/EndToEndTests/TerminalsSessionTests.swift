import Foundation
import Testing

/// The reader on more than one terminal: repainting over what others wrote, resizes that keep
/// the reading place, the background the terminal reports, GNU screen (another emulator, with
/// TERM=screen and 8 colours) and a GB18030 locale.
@Suite(.serialized) struct TerminalsSessionTests {
    let session = ReaderSessionTests()
    /// The test runner may run with NO_COLOR set; these tests look at colours.
    let colour = ["NO_COLOR": ""]

    func start(_ tmux: TmuxSession, prefix: String = "", arguments: String = "", waitFor text: String = "Articles") throws {
        try tmux.startReader("\(prefix) \(shellQuoted(yueduBinary)) \(arguments)", waitFor: text)
    }

    /// Writes `bytes` to the pane's terminal as another program would.
    func scribble(_ tmux: TmuxSession, _ bytes: String) throws {
        let tty = try run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", "main", "#{pane_tty}"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let fd = open(tty, O_WRONLY | O_NOCTTY)
        try #require(fd >= 0, "open \(tty)")
        defer { close(fd) }
        let data = Array(bytes.utf8)
        #expect(write(fd, data, data.count) == data.count)
    }

    @Test func ctrlLRepaintsOverWhatAnotherProgramWrote() throws {
        let tmux = try TmuxSession(width: 80, height: 24, environment: colour)
        try start(tmux)
        let before = try tmux.settledScreen()
        try scribble(tmux, "\u{1B}[5;10HGARBAGE-GARBAGE\u{1B}[12;1H########\u{1B}[2J")
        try tmux.waitFor("the garbage on screen") { !$0.contains { $0.contains("Articles") } }
        try scribble(tmux, "\u{1B}[3;3HGARBAGE-AGAIN")
        try tmux.waitFor(text: "GARBAGE-AGAIN")
        try tmux.send("C-l")
        let after = try tmux.waitFor("the reader's screen again") { $0 == before }
        #expect(!after.contains { $0.contains("GARBAGE") })
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func aRoundTripThroughALargerTerminalKeepsTheReadingPlace() throws {
        let tmux = try TmuxSession(width: 80, height: 24, environment: colour)
        try start(tmux)
        let first = try tmux.settledScreen()
        try tmux.send("g")
        try tmux.send("2", "0", "j")
        // Scrolled once the reading percentage has moved (a pending count shows first).
        func percent(_ rows: [String]) -> Substring? {
            guard let bar = rows.last(where: { !$0.isEmpty }), let sign = bar.firstIndex(of: "%") else { return nil }
            let from = bar.index(sign, offsetBy: -3, limitedBy: bar.startIndex) ?? bar.startIndex
            return bar[from...sign]
        }
        let before = try tmux.waitFor("scrolled 20 rows") { percent($0) != nil && percent($0) != percent(first) }
        let settled = try tmux.settledScreen()
        try tmux.resize(width: 200, height: 60)
        try tmux.waitFor("the 200×60 layout") { $0.contains { $0.contains("相关 Related") } }
        try tmux.resize(width: 80, height: 24)
        let after = try tmux.waitFor("the same text at the top at 80×24", timeout: 5) { $0 == settled }
        #expect(after == settled, "before:\n\(before.joined(separator: "\n"))")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    /// The title's colour tells which variant of the default theme is in use: 223 (peach) on
    /// dark, 124 (dark red) on light.
    @Test(arguments: [
        ("bg=#ffffff", "", "38;5;124m", "a light background reported by the terminal (OSC 11)"),
        ("bg=#1e1e1e", "", "38;5;223m", "a dark background reported by the terminal"),
        ("", "", "38;5;223m", "no answer: dark"),
        ("", "background = \"light\"", "38;5;124m", "the configuration says light"),
        ("bg=#ffffff", "background = \"dark\"", "38;5;223m", "the configuration wins over the answer"),
    ])
    func theBackgroundPicksTheThemesVariant(windowStyle: String, config: String, title: String, what: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        if !windowStyle.isEmpty { _ = try run(["tmux", "-L", tmux.socket, "set-option", "-g", "window-style", windowStyle]) }
        let dir = tmux.home + "/.config/yuedu"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try config.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        try start(tmux, prefix: "env -u COLORFGBG")
        let screen = try tmux.screen(escapes: true).joined(separator: "\n")
        let other = title == "38;5;124m" ? "38;5;223m" : "38;5;124m"
        #expect(screen.contains(title) && !screen.contains(other), "\(what)")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    /// Keys typed before the reader has its answers (here: before it even starts) are read
    /// while it waits for them, and kept: `f` still turns fullscreen on.
    @Test func keysTypedDuringTheStartUpQuestionsAreKept() throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        try tmux.send("cd \(shellQuoted(repositoryRoot.path)) && \(shellQuoted(yueduBinary))", literal: true)
        try tmux.send("Enter", "f")
        let screen = try tmux.waitFor(text: "FULL")
        #expect(!screen.contains { $0.contains("Articles") }, "fullscreen: no list")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    /// COLORTERM=truecolor: the terminal type's direct-colour entry (tmux-direct, from
    /// ncurses-term) is used and colours go out as RGB.
    @Test func truecolorWhenCOLORTERMSaysSo() throws {
        try #require(FileManager.default.fileExists(atPath: "/usr/share/terminfo/t/tmux-direct")
                     || FileManager.default.fileExists(atPath: "/lib/terminfo/t/tmux-direct"), "ncurses-term is installed")
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        try start(tmux, prefix: "COLORTERM=truecolor")
        var screen = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(screen.contains("38;2;255;215;175m"), "the title's peach (223) as RGB")
        #expect(!screen.contains("38;5;"))
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
        try start(tmux, prefix: "env -u COLORTERM")
        screen = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(screen.contains("38;5;223m") && !screen.contains("38;2;"), "256 colours without it")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func colorFGBGSaysTheBackgroundWhenTheTerminalDoesNot() throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        try start(tmux, prefix: "COLORFGBG='0;15'")
        let screen = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(screen.contains("38;5;124m"), "light from COLORFGBG")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func withoutColourSearchMatchesAreReverse() throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        try start(tmux, prefix: "NO_COLOR=1")
        try tmux.send("/")
        try tmux.send("书", literal: true)
        try tmux.send("Enter")
        // The status bar is in reverse too: wait for the search's count before looking.
        try tmux.waitFor("the search kept") { $0.last { !$0.isEmpty }?.contains("[1/") == true }
        _ = try tmux.settledScreen()
        let screen = try tmux.screen(escapes: true)
        let text = screen.joined(separator: "\n")
        #expect(!text.contains("38;5;") && !text.contains("48;5;"), "no colour at all")
        let matches = Self.attributedCharacters(screen).filter { $0.character == "书" }
        let current = matches.filter { $0.attributes.contains(7) && !$0.attributes.isDisjoint(with: [1, 4]) }
        let others = matches.filter { $0.attributes.contains(7) && $0.attributes.isDisjoint(with: [1, 4]) }
        #expect(current.count == 1, "one current match, reverse and bold or underlined:\n\(text)")
        #expect(others.count >= 5, "the other matches in reverse")
        #expect(matches.allSatisfy { $0.attributes.contains(7) }, "every match")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    /// Each character of `rows` (as `capture-pane -e` gives them) with the SGR attributes in
    /// force (1 bold, 4 underline, 7 reverse).
    static func attributedCharacters(_ rows: [String]) -> [(character: Character, attributes: Set<Int>)] {
        var out: [(Character, Set<Int>)] = []
        var attributes: Set<Int> = []
        for row in rows {
            var chars = row.makeIterator()
            while let c = chars.next() {
                guard c == "\u{1B}" else { out.append((c, attributes)); continue }
                guard chars.next() == "[" else { continue }
                var parameters = ""
                while let p = chars.next(), p != "m" { parameters.append(p) }
                for code in parameters.split(separator: ";", omittingEmptySubsequences: false).map({ Int($0) ?? 0 }) {
                    switch code {
                    case 0: attributes = []
                    case 1, 4, 7: attributes.insert(code)
                    case 22: attributes.remove(1)
                    case 24: attributes.remove(4)
                    case 27: attributes.remove(7)
                    default: break
                    }
                }
            }
        }
        return out
    }

    // MARK: - GNU screen

    /// GNU screen inside the tmux pane: the reader sees TERM=screen (8 colours) and screen's
    /// own emulation, which tmux then shows.
    @Test func gnuScreenIsAnotherTerminal() throws {
        let tmux = try TmuxSession(width: 100, height: 30, environment: colour)
        let rc = tmux.home + "/screenrc"
        try "startup_message off\nterm screen\nhardstatus off\n".write(toFile: rc, atomically: true, encoding: .utf8)
        try tmux.startReader("SCREENDIR=\(shellQuoted(tmux.home + "/screens")) screen -c \(shellQuoted(rc)) \(shellQuoted(yueduBinary))")
        var screen = try tmux.settledScreen()
        #expect(screen.contains { $0.contains("│") }, "pane borders")
        #expect(screen.last { !$0.isEmpty }?.contains("READ") == true, "status bar:\n\(screen.joined(separator: "\n"))")
        // 8 colours: the status bar stands out in reverse, borders are drawn in a visible grey.
        let colours = try tmux.screen(escapes: true)
        let bar = Self.attributedCharacters([colours.last { !$0.isEmpty } ?? ""])
        #expect(bar.filter { $0.attributes.contains(7) }.count > bar.count / 2, "reverse status bar:\n\(colours.last { !$0.isEmpty } ?? "")")
        #expect(!colours.joined().contains("38;5;"), "no 256-colour codes on an 8-colour terminal")
        #expect(colours.joined().contains("\u{1B}[37m│") || colours.joined().contains("\u{1B}[37m\u{1B}[49m│"), "borders in a visible grey")
        // Scroll, resize through screen and back.
        try tmux.send("j")
        try tmux.waitFor("scrolled") { $0 != screen }
        screen = try tmux.settledScreen()
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("70 columns inside screen") { rows in !rows.contains { $0.contains("Related") } && rows.allSatisfy { $0.count <= 70 } }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("100 columns again", timeout: 5) { $0 == screen }
        try tmux.send("q")
        try tmux.waitFor("screen gone") { $0.contains { $0.contains("screen is terminating") } || $0.last { !$0.isEmpty } == "$" }
    }

    /// GNU screen with `cjkwidth on` draws East Asian ambiguous characters two cells wide and
    /// says so when the reader asks (the cursor moves two cells past `…`): the layout is then the
    /// one `ambiguous-wide = true` gives, not the narrow one.
    @Test func theLayoutFollowsTheTerminalsAmbiguousWidth() throws {
        let library = NSTemporaryDirectory() + "yuedu-ambiguous-\(getpid())"
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: library) }
        let quoted = String(repeating: "“引号”……——", count: 12)
        try "宽窄测试\n2024-01-01\n测试站\n\(quoted)\n\(quoted)\n".write(toFile: library + "/a.txt", atomically: true, encoding: .utf8)
        func frame(_ setting: String) throws -> [String] {
            let tmux = try TmuxSession(width: 90, height: 24, environment: colour)
            let rc = tmux.home + "/screenrc"
            try "startup_message off\nterm screen\ncjkwidth on\n".write(toFile: rc, atomically: true, encoding: .utf8)
            let dir = tmux.home + "/.config/yuedu"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "[wrap]\nambiguous-wide = \(setting)\n".write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
            try tmux.shell("cd \(shellQuoted(repositoryRoot.path)) && SCREENDIR=\(shellQuoted(tmux.home + "/screens")) screen -c \(shellQuoted(rc)) \(shellQuoted(yueduBinary)) \(shellQuoted(library))")
            _ = try tmux.waitFor(text: "READ")
            // Where the setting is wrong for the terminal (`false` here), a status bar drawn
            // over the one before is left garbled by the misplaced characters (a frame with
            // "loading 1/1" can stay on screen): once the reader has settled, Ctrl-L draws
            // the whole screen again, the same way for every setting.
            _ = try tmux.settledScreen()
            try tmux.send("C-l")
            _ = try tmux.waitFor("'READ' with the library loaded") { rows in
                rows.contains { $0.contains("READ") } && !rows.contains { $0.contains("Loading…") || $0.contains("loading ") }
            }
            let screen = try tmux.settledScreen()
            try tmux.send("q")
            try tmux.waitFor("screen gone") { $0.contains { $0.contains("screen is terminating") } || $0.last { !$0.isEmpty } == "$" }
            return screen
        }
        let asked = try frame("\"auto\"")
        #expect(asked == (try frame("true")), "the answer was: wide")
        #expect(asked != (try frame("false")))
        // Drawn where it was laid out: the list's border in one column on every row (ncursesw
        // measures ambiguous characters narrow; they are drawn as look-alikes it can place).
        func width(_ s: Substring) -> Int {
            s.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) || (0x3000...0x30FF).contains($1.value) ? 2 : 1) }
        }
        let borders = asked.dropLast().compactMap { row in row.firstIndex { $0 == "|" || $0 == "│" }.map { width(row[..<$0]) } }
        #expect(borders.count > 10 && Set(borders).count == 1, "border columns \(borders):\n\(asked.joined(separator: "\n"))")
    }

    // MARK: - A GB18030 locale

    /// The environment that makes zh_CN.GB18030 available: nothing when the system has it,
    /// else LOCPATH to one compiled here once (localedef, a few seconds).
    static func gb18030() throws -> [String: String] {
        let installed = try run(["locale", "-a"]).stdout.lowercased()
        if installed.split(separator: "\n").contains("zh_cn.gb18030") { return [:] }
        let dir = NSTemporaryDirectory() + "yuedu-locales"
        let locale = dir + "/zh_CN.GB18030"
        if !FileManager.default.fileExists(atPath: locale + "/LC_CTYPE") {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let made = try run(["localedef", "--no-archive", "-i", "zh_CN", "-f", "GB18030", locale])
            try #require(FileManager.default.fileExists(atPath: locale + "/LC_CTYPE"), "localedef: \(made.stderr)")
        }
        return ["LOCPATH": dir]
    }

    @Test func aGB18030LocaleIsWrittenInGB18030() throws {
        let library = NSTemporaryDirectory() + "yuedu-gb-\(getpid())"
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: library) }
        try "终端表情😀测试\n2024-01-01\n测试站\n正文第一段：中文在国标终端里。\n".write(toFile: library + "/a.txt", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 100, height: 30, environment: try Self.gb18030().merging(colour) { a, _ in a })
        let record = tmux.home + "/pane.bytes"
        _ = try run(["tmux", "-L", tmux.socket, "pipe-pane", "-o", "-t", "main", "cat >> \(shellQuoted(record))"])
        // The article counted in the status bar, not the list's header: the header is drawn
        // while the library loads (the pane is GB18030, so its Chinese cannot be waited for).
        try start(tmux, prefix: "LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030", arguments: shellQuoted(library), waitFor: "1/1")
        try tmux.send("q")
        try tmux.waitFor("the shell after the reader") { $0.last { !$0.isEmpty } == "$" }
        _ = try run(["tmux", "-L", tmux.socket, "pipe-pane", "-t", "main"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: record))
        let decoded = try run(["iconv", "-f", "GB18030", "-t", "UTF-8", record])
        #expect(decoded.status == 0, "the pane got valid GB18030: \(decoded.stderr)")
        #expect(decoded.stdout.contains("文章 Articles"))
        #expect(decoded.stdout.contains("正文第一段：中文在国标终端里。"))
        // The emoji has no width in this locale: a `?` in its two cells, never its bytes.
        #expect(decoded.stdout.contains("终端表情? 测试"), "\(decoded.stdout.suffix(2000))")
        #expect(!decoded.stdout.contains("not UTF-8") && !decoded.stdout.contains("C.UTF-8"))
        #expect(bytes.range(of: Data("文章".utf8)) == nil, "no UTF-8 reached a GB18030 terminal")
        #expect(bytes.range(of: Data("😀".utf8)) == nil)
    }
}
