import Foundation
import Testing

/// The real binary in a real pseudo-terminal (tmux), on the bundled seeds.
@Suite(.serialized) struct ReaderSessionTests {
    let seedTitle = "【新视点】基层党建如何推进乡村振兴战略深度融合?"
    let seedFile = "seeds/000_179341d704dc42fe.txt"

    /// Starts yuedu in `dir` with `arguments` and waits for its first screen.
    func start(_ tmux: TmuxSession, _ arguments: String = "", waitFor text: String = "Articles") throws {
        try tmux.startReader("\(shellQuoted(yueduBinary)) \(arguments)", waitFor: text)
    }

    /// After the reader has gone: the exit code it gave, and the terminal back in cooked mode.
    func expectRestored(_ tmux: TmuxSession, exitCode: Int32) throws {
        try tmux.waitFor("the shell prompt after the reader") { $0.last { !$0.isEmpty } == "$" }
        try tmux.shell("echo EXIT:$?; stty -a | tr -s ' ;\\n' '\\n\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo :ST''TY")
        let screen = try tmux.waitFor("exit status and stty") { $0.contains { $0.hasSuffix(":STTY") } }
        #expect(screen.contains { $0 == "EXIT:\(exitCode)" }, "exit code \(exitCode); screen:\n\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0 == "echo icanon :STTY" }, "terminal restored (icanon and echo on); screen:\n\(screen.joined(separator: "\n"))")
    }

    @Test func readOpenResizeQuit() throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try start(tmux)
        // The newest article opens first; K/J walk the list to the sample article.
        var screen = try tmux.screen()
        for _ in 0..<20 where !screen[0].contains("【新视点】") {
            try tmux.send("J")
            try tmux.waitFor("next article") { $0 != screen }
            screen = try tmux.settledScreen()
        }
        // The list, the reading pane and the sidebar's first related title.
        #expect(screen.filter { $0.contains(String(seedTitle.prefix(8))) }.count >= 2, "title in the list and the reading pane")
        #expect(screen.contains { $0.contains("深入学习贯彻习近平总书") }, "the sidebar shows the first related title")
        #expect(screen.last { !$0.isEmpty }?.contains("READ") == true, "status bar")

        // Move with j: the reading pane scrolls.
        let firstRow = screen[0]
        try tmux.send("j")
        try tmux.waitFor("scrolled") { $0[0] != firstRow }

        // Open another article from the list (Shift-Tab to the list, j, Enter).
        try tmux.send("BTab")
        try tmux.waitFor(text: "LIST")
        // The selection is a highlight: compare the screen with its colours.
        let before = try tmux.screen(escapes: true)
        try tmux.send("k")
        try tmux.waitFor("selection moved", escapes: true) { $0 != before }
        try tmux.send("Enter")
        screen = try tmux.waitFor("another article open") { $0.contains { $0.contains(" 10/11 ") } }
        #expect(screen.filter { $0.contains("数字赋能乡村振兴") }.count >= 2, "its title in the list and the reading pane:\n\(screen.joined(separator: "\n"))")

        // Resize to 70×20 and back: the layout follows.
        try tmux.resize(width: 70, height: 20)
        screen = try tmux.waitFor("70 columns layout") { rows in rows.count >= 20 && !rows.contains { $0.contains("Related") } }
        #expect(screen.allSatisfy { $0.count <= 70 })
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor(text: "相关 Related")

        try tmux.send("q")
        try expectRestored(tmux, exitCode: 0)
    }

    @Test func fullscreenAndHelp() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try start(tmux)
        try tmux.send("f")
        var screen = try tmux.waitFor(text: "FULL")
        #expect(!screen.contains { $0.contains("Articles") })
        try tmux.send("?")
        screen = try tmux.waitFor(text: "Esc or ? closes")
        #expect(screen.contains { $0.contains("Fullscreen reading on/off") })
        try tmux.send("Escape")
        try tmux.waitFor("help closed") { !$0.contains { $0.contains("Help —") } }
        try tmux.send("C-c")
        try expectRestored(tmux, exitCode: 0)
    }

    @Test(arguments: [("TERM", 143), ("HUP", 129), ("INT", 130)])
    func signalsRestoreTheTerminal(signal: String, code: Int32) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux)
        let pid = try #require(try tmux.foregroundPID(), "the reader runs in the pane")
        try run(["kill", "-\(signal)", "\(pid)"])
        try tmux.waitFor(text: "$ ")
        try expectRestored(tmux, exitCode: code)
    }

    @Test func noLibraryIsAClearMessage() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-empty-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let copy = empty.appendingPathComponent("yuedu")
        try FileManager.default.copyItem(atPath: yueduBinary, toPath: copy.path)
        let result = try run(["sh", "-c", "cd / && \(shellQuoted(copy.path)) < /dev/null"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no library to open"))
    }

    @Test func renderPrintsTheReadingPaneLayout() throws {
        let result = try run([yueduBinary, "render", repositoryRoot.appendingPathComponent(seedFile).path, "--width", "40"],
                             environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        // The title's two lines are balanced.
        #expect(Array(lines.prefix(2)) == ["【新视点】基层党建如何推", "进乡村振兴战略深度融合?"])
        #expect(lines.contains { $0.hasPrefix("┃ 全面建设社会主义现代化国家") })
        #expect(!lines.contains { $0.hasPrefix("全面建设社会主义现代化国家") }, "the lead is shown once")
    }
}
