import Foundation
import Testing

/// Bookmarks and reading positions across runs of the real binary, with the data and state
/// directories in a fresh temporary directory.
@Suite(.serialized) struct BookmarkSessionTests {
    let longArticle = "seeds/001_huozi-typesetting.txt"

    /// A fresh directory for `XDG_DATA_HOME` and `XDG_STATE_HOME`.
    func temporaryHome() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-bookmarks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func environment(_ home: URL) -> [String: String] {
        ["XDG_DATA_HOME": home.appendingPathComponent("data").path,
         "XDG_STATE_HOME": home.appendingPathComponent("state").path]
    }

    func start(_ tmux: TmuxSession, _ arguments: String = "", waitFor text: String = "Articles") throws -> [String] {
        try tmux.startReader("\(shellQuoted(yueduBinary)) \(arguments)", waitFor: text)
        return try tmux.settledScreen()
    }

    /// Quits (or waits for the reader to go) and returns the exit code the shell saw.
    func exitCode(_ tmux: TmuxSession) throws -> String {
        try tmux.waitFor("the shell prompt after the reader") { $0.last { !$0.isEmpty } == "$" }
        try tmux.shell("echo EXIT:$?")
        let screen = try tmux.waitFor("the exit status") { $0.contains { $0.hasPrefix("EXIT:") } }
        let code = screen.last { $0.hasPrefix("EXIT:") }.map { String($0.dropFirst(5)) } ?? ""
        // So that the next check cannot read this one's line.
        try tmux.shell("clear")
        try tmux.waitFor("a cleared screen") { !$0.contains { $0.hasPrefix("EXIT:") } }
        return code
    }

    /// The reading pane's rows: the text between the list's border and the sidebar's.
    func readingRows(_ screen: [String], panes: Int) -> [String] {
        screen.map { row in
            let parts = row.components(separatedBy: "│")
            guard parts.count >= panes else { return "" }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }

    /// The first line of text at the top of the reading pane (the top row may be the blank
    /// between two paragraphs).
    func topText(_ screen: [String], panes: Int) -> String {
        readingRows(screen, panes: panes).prefix(3).first { !$0.isEmpty } ?? ""
    }

    /// Presses `key` and returns the screen once it has changed and stopped changing (a
    /// capture can land in the middle of a frame being drawn).
    func press(_ key: String, _ tmux: TmuxSession, from before: [String]) throws -> [String] {
        try tmux.send(key)
        try tmux.waitFor("'\(key)' to change the screen") { $0 != before }
        return try tmux.settledScreen()
    }

    /// The pid of the reader: the child of the pane's shell.
    func readerPID(_ tmux: TmuxSession) throws -> String {
        let shell = try #require(try tmux.panePID())
        let out = try run(["pgrep", "-P", "\(shell)"]).stdout
        return try #require(out.split(separator: "\n").first.map(String.init))
    }

    @Test func bookmarkSurvivesARestartAndIsListed() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 100, height: 30, environment: environment(home))
        var screen = try start(tmux)
        #expect(!screen.contains { $0.contains("✦") })
        try tmux.send("m")
        screen = try tmux.waitFor(text: "bookmarked:")
        #expect(screen[1].contains("✦"), "the open (first) article carries the mark:\n\(screen.joined(separator: "\n"))")
        try tmux.send("q")
        #expect(try exitCode(tmux) == "0")

        screen = try start(tmux, waitFor: "✦")
        #expect(screen[1].contains("✦"), "the mark is back after a restart")
        #expect(screen.filter { $0.contains("✦") }.count == 1)
        try tmux.send("B")
        screen = try tmux.waitFor(text: "书签 Bookmarks (1)")
        let listed = screen[1]
        try tmux.send("q")
        #expect(try exitCode(tmux) == "0")

        let result = try run([yueduBinary, "bookmarks"], environment: environment(home).merging(["LANG": "C.UTF-8"]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let title = String(lines.first?.split(separator: "\t").first ?? "")
        #expect(!title.isEmpty && listed.contains(String(title.prefix(6))), "yuedu bookmarks lists \(title); the list row was \(listed)")
    }

    @Test func placeIsKeptAcrossARestartAtAnotherWidth() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 120, height: 40, environment: environment(home))
        var screen = try start(tmux, longArticle)
        let title = "从泥活字到激光照排"
        #expect(readingRows(screen, panes: 3)[0].contains(title))
        // About halfway: page down until the list shows 45% or more.
        var percent = 0
        for _ in 0..<20 where percent < 45 {
            screen = try press("Space", tmux, from: screen)
            let status = screen.last { !$0.isEmpty } ?? ""
            if let r = status.range(of: #"· [0-9]+%"#, options: .regularExpression) {
                percent = Int(status[r].dropFirst(2).dropLast()) ?? 0
            }
        }
        #expect(percent >= 45 && percent < 100, "read about halfway, not to the end: \(percent)%")
        let top = topText(screen, panes: 3)
        #expect(top.count >= 6 && !top.contains(title))
        // Still running: the place is written about a second after the last key.
        let file = home.appendingPathComponent("state/yuedu/positions.json").path
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: file), Date() < deadline { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: file), "positions saved while reading, not only on exit")
        try tmux.send("q")
        #expect(try exitCode(tmux) == "0")

        try tmux.resize(width: 80, height: 24)
        screen = try start(tmux, longArticle)
        let rows = readingRows(screen, panes: 2)
        let joined = rows.prefix(4).joined()
        #expect(joined.contains(String(top.prefix(6))),
                "the paragraph that was at the top (\(top)) is at the top again:\n\(screen.joined(separator: "\n"))")
        #expect(screen[1].contains("%"), "the list shows how far the article was read")
        try tmux.send("q")
        #expect(try exitCode(tmux) == "0")

        let saved = try String(contentsOf: home.appendingPathComponent("state/yuedu/positions.json"), encoding: .utf8)
        #expect(saved.contains("\"block\""))
    }

    @Test func hangupSavesThePlace() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 100, height: 30, environment: environment(home))
        var screen = try start(tmux, longArticle)
        for _ in 0..<3 {
            screen = try press("Space", tmux, from: screen)
        }
        let top = topText(screen, panes: 3)
        #expect(!top.isEmpty)
        // At once, before the debounced save: the hangup path must write it.
        try run(["kill", "-HUP", try readerPID(tmux)])
        #expect(try exitCode(tmux) == "129")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("state/yuedu/positions.json").path))

        screen = try start(tmux, longArticle)
        #expect(topText(screen, panes: 3) == top, "reopened where it was:\n\(screen.joined(separator: "\n"))")
        try tmux.send("q")
        #expect(try exitCode(tmux) == "0")
    }
}
