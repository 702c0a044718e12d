import Foundation
import Testing

/// Chinese-aware search in the real binary: a pinyin query and a simplified query typed into
/// the prompt find an article written in traditional characters; `[search]` turns each off.
@Suite(.serialized) struct SearchChineseSessionTests {
    /// A library of one article in traditional characters, and a config file, in a folder of
    /// their own.
    func library(config: String) throws -> (dir: String, config: String) {
        let dir = NSTemporaryDirectory() + "/yuedu-chinese-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/articles", withIntermediateDirectories: true)
        try """
            鄉村圖書館的新生活
            2024-03-08
            地方新聞

            這座鄉村圖書館開館以後，村裡的孩子放學後都來這裡讀書。
            館長說，鄉村振興不只是修路蓋房，也要讓書走進鄉村。
            """.write(toFile: dir + "/articles/library.txt", atomically: true, encoding: .utf8)
        try config.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        return (dir, dir + "/config.toml")
    }

    /// The status bar: the last row with anything on it.
    func statusBar(_ screen: [String]) -> String { screen.last { !$0.isEmpty } ?? "" }

    func start(_ tmux: TmuxSession, _ files: (dir: String, config: String)) throws {
        try tmux.startReader("\(shellQuoted(yueduBinary)) --config \(shellQuoted(files.config)) \(shellQuoted(files.dir + "/articles"))")
        try tmux.waitFor("the article open") { $0.contains { $0.contains("鄉村圖書館的新生活") } }
    }

    @Test func pinyinAndSimplifiedQueriesFindTraditionalText() throws {
        let files = try library(config: "")
        defer { try? FileManager.default.removeItem(atPath: files.dir) }
        let tmux = try TmuxSession(width: 100, height: 20, environment: ["TERM": "screen-256color", "NO_COLOR": ""])
        try start(tmux, files)

        // Pinyin, typed letter by letter as on any keyboard, spaces and all.
        try tmux.send("/")
        try tmux.waitFor("the prompt") { statusBar($0).hasPrefix("/") }
        try tmux.send("xiang cun zhen xing", literal: true)
        var screen = try tmux.waitFor("a pinyin match") { statusBar($0).hasPrefix("/xiang cun zhen xing") && statusBar($0).hasSuffix("[1/1 拼音]") }
        let lit = try tmux.screen(escapes: true).joined(separator: "\n")
        #expect(lit.contains("48;5;208"), "the current match is lit (ui.search.current)")
        try tmux.send("Enter")
        screen = try tmux.waitFor("search confirmed") { statusBar($0).contains("[1/1 拼音]") && !statusBar($0).hasPrefix("/") }

        // Initials, then a simplified query for traditional text.
        try tmux.send("/")
        try tmux.send("tsg", literal: true)
        try tmux.waitFor("initials") { statusBar($0).hasPrefix("/tsg") && statusBar($0).hasSuffix("[1/2 拼音]") }
        try tmux.send("C-u")
        try tmux.send("乡村图书馆", literal: true)
        screen = try tmux.waitFor("a variant match") { statusBar($0).hasPrefix("/乡村图书馆") && statusBar($0).hasSuffix("[1/2 繁简]") }
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }

    @Test func eachKindTurnsOffInTheConfig() throws {
        let files = try library(config: "[search]\nvariants = false\npinyin = false\n")
        defer { try? FileManager.default.removeItem(atPath: files.dir) }
        let tmux = try TmuxSession(width: 100, height: 20)
        try start(tmux, files)
        try tmux.send("/")
        try tmux.send("xczx", literal: true)
        try tmux.waitFor("no pinyin match") { statusBar($0).hasPrefix("/xczx") && statusBar($0).contains("no match for 'xczx'") }
        try tmux.send("C-u")
        try tmux.send("乡村", literal: true)
        try tmux.waitFor("no variant match") { statusBar($0).hasPrefix("/乡村") && statusBar($0).contains("no match for '乡村'") }
        try tmux.send("C-u")
        try tmux.send("鄉村", literal: true)
        try tmux.waitFor("the text as written") { statusBar($0).hasPrefix("/鄉村") && statusBar($0).hasSuffix("[1/4]") }
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }
}
