import Foundation
import Testing

/// Searching the seed article in the real binary: Chinese typed into the prompt, the counter,
/// n past the last match, Esc back to where the reader was.
@Suite(.serialized) struct SearchSessionTests {
    let session = ReaderSessionTests()

    /// The status bar: the last row with anything on it.
    func statusBar(_ screen: [String]) -> String { screen.last { !$0.isEmpty } ?? "" }

    /// Where tmux has the cursor, (column, row).
    func cursor(_ tmux: TmuxSession) throws -> (Int, Int) {
        let out = try run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", "main", "#{cursor_x} #{cursor_y}"]).stdout
        let parts = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    /// The `[i/N]` counter in a status bar.
    func counter(_ bar: String) -> (Int, Int)? {
        guard let open = bar.lastIndex(of: "["), let close = bar[open...].firstIndex(of: "]") else { return nil }
        let parts = bar[bar.index(after: open)..<close].split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test func searchTheSeedArticleInChinese() throws {
        // 256 colours (and NO_COLOR emptied, should the test runner set it), so that the
        // theme's highlight colours reach the pane unchanged.
        let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": "screen-256color", "NO_COLOR": ""])
        try session.start(tmux)
        var screen = try tmux.screen()
        for _ in 0..<20 where !screen[0].contains("【新视点】") {
            try tmux.send("J")
            try tmux.waitFor("next article") { $0 != screen }
            screen = try tmux.settledScreen()
        }
        #expect(screen[0].contains(String(session.seedTitle.prefix(12))))

        // `/` opens the prompt on the bottom line, with the cursor after it.
        try tmux.send("/")
        screen = try tmux.waitFor("the prompt") { statusBar($0).hasPrefix("/") }
        #expect(try cursor(tmux) == (1, 29))

        // Chinese, as an input method commits it: several characters in one write.
        try tmux.send("党建", literal: true)
        screen = try tmux.waitFor("the counter") { statusBar($0).hasPrefix("/党建") && counter(statusBar($0)) != nil }
        let (first, total) = try #require(counter(statusBar(screen)))
        #expect(first == 1)
        #expect(total > 5)
        #expect(try cursor(tmux) == (5, 29), "the cursor after two wide characters")
        let colours = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(colours.contains("48;5;208"), "the current match is lit (ui.search.current)")
        #expect(colours.contains("48;5;180"), "the other matches are lit (ui.search.match)")

        // Enter keeps the search; n walks to the last match and then comes round with a notice.
        try tmux.send("Enter")
        screen = try tmux.waitFor("search confirmed") { statusBar($0).contains("READ") && statusBar($0).contains("[1/\(total)]") }
        for _ in 1..<total { try tmux.send("n") }
        try tmux.waitFor("the last match") { statusBar($0).contains("[\(total)/\(total)]") }
        try tmux.send("n")
        screen = try tmux.waitFor(text: "search wrapped to the top")
        #expect(statusBar(screen).contains("[1/\(total)]"))
        try tmux.send("N")
        try tmux.waitFor(text: "search wrapped to the bottom")

        // Esc in the prompt: back to the exact place, highlights gone.
        try tmux.send("Escape")
        try tmux.send("g", "g")   // top is "g g"
        let before = try tmux.waitFor("top, no highlights") { statusBar($0).contains("READ") && counter(statusBar($0)) == nil && $0[0].contains("【新视点】") }
        try tmux.send("j")
        try tmux.waitFor("scrolled a line") { $0[0] != before[0] }
        let place = try tmux.settledScreen()
        try tmux.send("/")
        try tmux.send("科研室", literal: true)
        let jumped = try tmux.waitFor("jumped to the last paragraph") { statusBar($0).contains("[1/1]") }
        #expect(jumped.contains { $0.contains("科研室") })
        #expect(jumped[1] != place[1], "the view moved to the match")
        try tmux.send("Escape")
        try tmux.waitFor("back where the reader was") { statusBar($0).contains("READ") }
        let back = try tmux.settledScreen()
        // The reading pane's rows (the list's percentages may be saved meanwhile).
        func readingPane(_ rows: [String]) -> [String] {
            rows.dropLast(2).map { $0.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? "" }
        }
        #expect(readingPane(back) == readingPane(place), "the same rows as before the search")
        let after = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(!after.contains("48;5;208") && !after.contains("48;5;180"), "no highlights left")

        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }
}
