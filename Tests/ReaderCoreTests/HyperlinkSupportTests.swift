import Testing
@testable import ReaderCore

/// `hyperlinks = "auto"`: OSC 8 only where the terminal is known to handle it.
@Suite struct HyperlinkSupportTests {
    func auto(_ environment: [String: String]) -> Bool {
        Configuration.Hyperlinks.auto.isOn(environment: environment)
    }

    @Test func knownTerminalsAreOn() {
        #expect(auto(["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        #expect(auto(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        #expect(auto(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        #expect(auto(["TERM": "xterm-256color", "TERM_PROGRAM": "vscode"]))
        #expect(auto(["TERM": "xterm-ghostty", "TERM_PROGRAM": "ghostty"]))
        #expect(auto(["TERM": "xterm-kitty"]))
        #expect(auto(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]))
        #expect(auto(["TERM": "xterm-256color", "WT_SESSION": "b7e1…"]))
        #expect(auto(["TERM": "foot"]))
        #expect(auto(["TERM": "foot-extra"]))
        #expect(auto(["TERM": "alacritty"]))
        #expect(auto(["TERM": "wezterm"]))
    }

    @Test func unknownAndLimitedTerminalsAreOff() {
        #expect(!auto(["TERM": "xterm-256color"]))  // over SSH: nothing says which terminal
        #expect(!auto(["TERM": "xterm-256color", "VTE_VERSION": "4205"]))  // VTE before 0.50
        #expect(!auto(["TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"]))
        #expect(!auto(["TERM": "linux"]))
        #expect(!auto(["TERM": "dumb"]))
        #expect(!auto(["TERM": "vt100"]))
        #expect(!auto([:]))
    }

    @Test func multiplexersDecideWhateverTheyInherited() {
        // GNU screen passes nothing on, even inside a terminal that would.
        #expect(!auto(["TERM": "screen.xterm-256color", "STY": "123.pts-0", "VTE_VERSION": "7200"]))
        #expect(!auto(["TERM": "screen-256color", "KITTY_WINDOW_ID": "3"]))
        // tmux 3.4 passes hyperlinks on; 3.3a drops them, whatever the outer terminal.
        let tmux = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0", "TERM_PROGRAM": "tmux"]
        #expect(auto(tmux.merging(["TERM_PROGRAM_VERSION": "3.4"]) { $1 }))
        #expect(auto(tmux.merging(["TERM_PROGRAM_VERSION": "3.5a"]) { $1 }))
        #expect(auto(tmux.merging(["TERM_PROGRAM_VERSION": "next-3.6"]) { $1 }))
        #expect(!auto(tmux.merging(["TERM_PROGRAM_VERSION": "3.3a", "VTE_VERSION": "7200"]) { $1 }))
        #expect(!auto(tmux.merging(["TERM_PROGRAM_VERSION": "2.9"]) { $1 }))
        // Inside tmux with TERM_PROGRAM left over from the outer terminal: tmux too old to say.
        #expect(!auto(["TERM": "screen-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "iTerm.app"]))
    }

    @Test func alwaysAndNeverForceIt() {
        #expect(Configuration.Hyperlinks.always.isOn(environment: ["TERM": "linux"]))
        #expect(!Configuration.Hyperlinks.never.isOn(environment: ["TERM": "xterm-kitty"]))
    }

    @Test func theSettingIsParsed() {
        #expect(Configuration.parse("hyperlinks = \"always\"").hyperlinks == .always)
        let bad = Configuration.parse("hyperlinks = \"sometimes\"")
        #expect(bad.hyperlinks == .auto)
        #expect(bad.issues.first?.message.contains("hyperlinks must be") == true)
    }
}

/// `$BROWSER` as argument vectors: never a shell line.
@Suite struct BrowserCommandTests {
    @Test func theLinkIsOneArgumentOfItsOwn() {
        let url = "http://e.org/a;rm -rf ~&b=$(x)"
        #expect(BrowserCommand.commands(browser: "firefox", url: url) == [BrowserCommand(arguments: ["firefox", url])])
        #expect(BrowserCommand.commands(browser: "firefox --new-tab %s", url: url)
                == [BrowserCommand(arguments: ["firefox", "--new-tab", url])])
        #expect(BrowserCommand.commands(browser: "open -u%s 100%%", url: "u")
                == [BrowserCommand(arguments: ["open", "-uu", "100%"])])
    }

    @Test func aListIsTriedInOrder() {
        let commands = BrowserCommand.commands(browser: "xdg-open::w3m", url: "http://a.cn")
        #expect(commands.map(\.arguments) == [["xdg-open", "http://a.cn"], ["w3m", "http://a.cn"]])
        #expect(commands.map(\.usesTerminal) == [false, true])
        #expect(BrowserCommand.commands(browser: " : ", url: "x").isEmpty)
        #expect(BrowserCommand(arguments: ["/usr/bin/lynx", "x"]).usesTerminal)
    }
}

/// A paragraph whose text holds controls keeps its links over the text that shows.
@Suite struct SanitizedSpanTests {
    @Test func linksMoveWithWhatSanitizingChanged() throws {
        let text = "正文\t\t https://e.org/a\u{1B}]52;c;UFdORUQ=\u{7}尾 [链接]"
        let spans = Links.bareURLSpans(in: text) + [InlineSpan(.strong, 0..<6)]
        let article = Article(title: "t", body: [Block(.paragraph, text, spans: spans)])
        let block = try #require(article.readingBlocks.first { $0.role == .paragraph })
        #expect(block.text == "正文 https://e.org/a␛]52;c;UFdORUQ=␇尾 [链接]")
        let utf8 = Array(block.text.utf8)
        let shown = block.spans.map { String(decoding: utf8[$0.range], as: UTF8.self) }
        #expect(shown == ["https://e.org/a", "正文"])
        #expect(block.links.map(\.target) == ["https://e.org/a"])
    }

    @Test func cleanTextKeepsItsSpansAsTheyAre() {
        let spans = [InlineSpan(.link("https://e.org"), 3..<16)]
        let (text, moved) = Sanitizer.displayable("见 https://e.org", spans: spans)
        #expect(text == "见 https://e.org")
        #expect(moved == spans)
        // A span of nothing but dropped characters is dropped.
        #expect(Sanitizer.displayable("a\u{200E}b", spans: [InlineSpan(.emphasis, 1..<4)]).spans.isEmpty)
    }

    @Test func movedSpansStayOnTheTextTheyCovered() {
        var random = SeededGenerator(seed: 17)
        let pieces = ["中", "a", " ", "  ", "\t", "\u{1B}", "\u{7}", "\u{9B}", "\u{202E}", "\u{200E}", "é", "😀", "\n"]
        for _ in 0..<500 {
            let text = (0..<random.int(0...20)).map { _ in random.pick(pieces) }.joined()
            let count = text.utf8.count
            let spans = (0..<random.int(0...4)).compactMap { _ -> InlineSpan? in
                let a = random.int(0...count), b = random.int(0...count)
                return a == b ? nil : InlineSpan(.emphasis, min(a, b)..<max(a, b))
            }
            let (shown, moved) = Sanitizer.displayable(text, spans: spans)
            #expect(shown == Sanitizer.displayable(text))
            for span in moved {
                #expect(!span.range.isEmpty && span.range.upperBound <= shown.utf8.count, "\(text.debugDescription)")
            }
        }
    }
}

