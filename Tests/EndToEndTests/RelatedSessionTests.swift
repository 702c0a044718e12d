import Foundation
import Testing

/// The related-articles sidebar in the real binary: the similar list arrives from its
/// background build, a related article opens from the sidebar, and `h` comes back to the
/// place left.
@Suite(.serialized) struct RelatedSessionTests {
    let ruralTitle = "数字赋能乡村振兴:一个县的直播间与党建联建"
    let seedTitle = "【新视点】基层党建如何推进乡村振兴战略深度融合?"

    func start(_ tmux: TmuxSession) throws {
        try tmux.startReader(shellQuoted(yueduBinary))
    }

    /// True while the sidebar's second part still says it is computing.
    func computing(_ screen: [String]) -> Bool { screen.contains { $0.hasSuffix("│   …") } }

    @Test func openARelatedArticleAndComeBack() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        var screen = try tmux.screen()
        for _ in 0..<20 where !screen[0].contains(String(ruralTitle.prefix(8))) {
            try tmux.send("J")
            try tmux.waitFor("next article") { $0 != screen }
            screen = try tmux.settledScreen()
        }
        #expect(screen[0].contains(String(ruralTitle.prefix(8))), "the rural article is open")
        screen = try tmux.waitFor("the similar list") { !computing($0) && $0.contains { $0.contains("相似文章") } }
        #expect(screen.contains { $0.contains("▸ 【新视点】基层党建") }, "the seed is listed and marked as in the library")

        // Read on a little, then focus the sidebar: this is the place to come back to.
        for _ in 0..<6 { try tmux.send("j") }
        screen = try tmux.waitFor("scrolled") { !$0[0].contains(String(ruralTitle.prefix(8))) }
        try tmux.send("r")
        try tmux.waitFor(text: "RELATED")
        let left = try tmux.settledScreen()

        // Enter opens the first related article: the seed, by its (retyped) title.
        try tmux.send("Enter")
        screen = try tmux.waitFor("the seed open") { $0[0].contains(String(seedTitle.prefix(8))) }
        #expect(screen.contains { $0.contains("深入学习贯彻习近平总书") }, "the seed's own related list")

        // The opened article has the reading pane's focus.
        #expect(screen.last { !$0.isEmpty }?.hasPrefix(" 阅读 READ") == true, "Enter focuses the reading pane")
        // h: back to the rural article, at the same line; r focuses the sidebar as before.
        try tmux.send("h")
        try tmux.waitFor("back") { !$0[0].contains(String(seedTitle.prefix(8))) }
        try tmux.send("r")
        try tmux.waitFor(text: "RELATED")
        screen = try tmux.settledScreen()
        // The header's unread count went down by the article read meanwhile; the rest is the same.
        func withoutUnread(_ rows: [String]) -> [String] {
            rows.map { $0.replacingOccurrences(of: #" · \d+ unread"#, with: "", options: .regularExpression) }
        }
        #expect(withoutUnread(screen) == withoutUnread(left), "the same screen as when it was left:\n\(screen.joined(separator: "\n"))\n---\n\(left.joined(separator: "\n"))")
        // l: forward to the seed again.
        try tmux.send("l")
        try tmux.waitFor("forward") { $0[0].contains(String(seedTitle.prefix(8))) }

        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }

    @Test func overlayOnANarrowTerminal() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try start(tmux)
        try tmux.send("r")
        var screen = try tmux.waitFor(text: "Enter open")
        #expect(screen.contains { $0.contains("相关信息") })
        try tmux.send("Escape")
        screen = try tmux.waitFor("overlay closed") { !$0.contains { $0.contains("Enter open") } }
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }
}
