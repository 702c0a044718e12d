import Foundation
import TestSupport
import Testing

/// The real binary under the things a remote terminal does to it: resize storms, tiny
/// windows, a missing locale, odd TERMs, Esc, Ctrl-Z, crashes and long idle stretches.
@Suite(.serialized) struct TerminalBehaviourTests {
    let session = ReaderSessionTests()

    /// Starts yuedu with `prefix` (environment assignments) in front of the command line.
    func start(_ tmux: TmuxSession, prefix: String = "", waitFor text: String = "Articles") throws {
        try tmux.startReader("\(prefix) \(shellQuoted(yueduBinary))", waitFor: text)
    }

    /// The reader's process id: the child of the pane's shell.
    func readerPID(_ tmux: TmuxSession) throws -> String {
        let shell = try #require(try tmux.panePID())
        let pid = try run(["pgrep", "-P", "\(shell)"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!pid.isEmpty && !pid.contains("\n"), "one reader process under the shell, got '\(pid)'")
        return pid
    }

    @Test func resizeStormLeavesACorrectLayout() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux)
        // The reference frame: once the background work (similar articles) has been drawn.
        try tmux.waitFor("the similar articles", timeout: 10) { !$0.contains { $0.hasSuffix("│   …") } }
        let reference = try tmux.settledScreen()
        let started = Date()
        for i in 0..<200 {
            try tmux.resize(width: 30 + (i * 37) % 130, height: 5 + (i * 13) % 50)
        }
        let elapsed = Date().timeIntervalSince(started)
        try tmux.resize(width: 100, height: 30)
        // The final layout is the one a fresh start at 100×30 draws.
        let screen = try tmux.waitFor("the 100×30 layout again", timeout: 5) { $0 == reference }
        #expect(screen == reference)
        _ = try readerPID(tmux)
        #expect(elapsed < 30, "200 resizes took \(elapsed) s")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func tinyTerminalsSayTooSmall() throws {
        let tmux = try TmuxSession(width: 80, height: 24)
        try start(tmux)
        for (width, height, shown) in [(19, 3, "too small"), (5, 2, "too s"), (1, 1, "t")] {
            try tmux.resize(width: width, height: height)
            let screen = try tmux.waitFor("'\(shown)' at \(width)×\(height)") { $0.first == shown }
            #expect(screen.first == shown)
        }
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "Articles")
        _ = try readerPID(tmux)
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test(arguments: ["LANG=C LC_ALL=", "LC_ALL=C", "LC_ALL=POSIX"])
    func aNonUTF8LocaleSwitchesToCUTF8(assignments: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux, prefix: "env -u LANG -u LC_ALL -u LC_CTYPE \(assignments)", waitFor: "not UTF-8")
        let screen = try tmux.screen()
        let status = screen.last { !$0.isEmpty } ?? ""
        #expect(status.contains("is not UTF-8: using C.UTF-8"), "status bar: \(status)")
        #expect(screen.contains { $0.contains("文章 Articles") }, "Chinese shows:\n\(screen.joined(separator: "\n"))")
        #expect(!screen.contains { $0.contains("?") && $0.contains("Articles") })
        // Said once: the next command clears it.
        try tmux.send("j")
        try tmux.waitFor("notice gone") { !$0.contains { $0.contains("not UTF-8") } }
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test(arguments: [("dumb", "TERM is 'dumb'"), ("no-such-terminal-xyz", "unknown terminal type 'no-such-terminal-xyz'")])
    func unusableTermIsAClearMessage(term: String, message: String) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        // The message and the exit code go to files, so that nothing depends on how the
        // shell echoes a command line (a long path would wrap it).
        let err = tmux.home + "/stderr", status = tmux.home + "/status"
        try tmux.shell("cd \(shellQuoted(repositoryRoot.path)) && TERM=\(term) \(shellQuoted(yueduBinary)) 2>\(shellQuoted(err)); echo $? >\(shellQuoted(status))")
        let deadline = Date().addingTimeInterval(10)
        while (persistenceContents(status) ?? "").isEmpty, Date() < deadline { usleep(50_000) }
        #expect(persistenceContents(status)?.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "exit code 2")
        let text = persistenceContents(err) ?? ""
        #expect(text.contains("yuedu: \(message)"), "message:\n\(text)")
    }

    /// The time from pressing Escape to the help overlay closing, in seconds.
    func escapeLatency(_ tmux: TmuxSession) throws -> Double {
        try tmux.send("?")
        try tmux.waitFor(text: "Help —")
        let sent = Date()
        try tmux.send("Escape")
        try tmux.waitFor("help closed", timeout: 5) { !$0.contains { $0.contains("Help —") } }
        return Date().timeIntervalSince(sent)
    }

    @Test func escapeAnswersQuicklyUnlessESCDELAYIsSet() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux, prefix: "env -u ESCDELAY")
        let quick = (0..<5).map { _ in (try? escapeLatency(tmux)) ?? 99 }.sorted()[2]
        // 25 ms in the reader; the rest is tmux and screen polling. ncurses' default is 1 s.
        #expect(quick < 0.3, "median Esc latency \(quick) s")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)

        try start(tmux, prefix: "ESCDELAY=1500")
        let slow = try escapeLatency(tmux)
        #expect(slow > 1.2, "ESCDELAY=1500 is honoured: \(slow) s")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func ctrlZSuspendsAndFgRestoresTheScreen() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("set -m")
        try start(tmux)
        try tmux.send("j")
        try tmux.send("j")
        let before = try tmux.settledScreen()
        try tmux.send("C-z")
        try tmux.waitFor("the shell after Ctrl-Z") { !$0.contains { $0.contains("Articles") } && $0.last { !$0.isEmpty }?.hasPrefix("$") == true }
        try tmux.shell("echo SUSPENDED; stty -a | grep -c -w -e icanon")
        try tmux.waitFor(text: "SUSPENDED")
        try tmux.shell("fg")
        let after = try tmux.waitFor("the same screen after fg") { $0 == before }
        #expect(after == before)
        try tmux.send("C-c")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func aCrashRestoresTheTerminalAndShowsTheError() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("cd \(shellQuoted(repositoryRoot.path)) && YUEDU_TEST_CRASH=1 \(shellQuoted(yueduBinary))")
        let screen = try tmux.waitFor("the shell prompt after the crash") { rows in
            rows.contains { $0.contains("Fatal error") } && rows.last { !$0.isEmpty } == "$"
        }
        let text = screen.joined(separator: "\n")
        #expect(text.contains("Fatal error: YUEDU_TEST_CRASH=1"), "the error is readable on the normal screen:\n\(text)")
        #expect(!text.contains("Articles"), "the alternate screen is gone")
        try tmux.shell("stty -a | tr -s ' ;\\n' '\\n\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo :ST''TY")
        let stty = try tmux.waitFor("stty") { $0.contains { $0.hasSuffix(":STTY") } }
        #expect(stty.contains { $0 == "echo icanon :STTY" }, "cooked mode back:\n\(stty.joined(separator: "\n"))")
    }

    @Test func idleMakesNoSystemCalls() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux)
        try tmux.send("j")
        // The scroll's reading position is written about a second later; then nothing.
        let positions = tmux.home + "/.local/state/yuedu/positions.json"
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: positions), Date() < deadline { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: positions), "the position was saved")
        let pid = try readerPID(tmux)
        let threads = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        #expect(threads.count == 1, "one thread while idle, found \(threads.count)")
        let trace = try run(["timeout", "-s", "INT", "3", "strace", "-f", "-qq", "-p", pid])
        #expect(trace.status != 127, "strace is installed")
        // Attaching and detaching show the interrupted poll; anything else is a wake-up.
        let calls = trace.stderr.split(separator: "\n").filter { line in
            !line.contains("restart_syscall") && !line.contains("resuming interrupted") && !line.contains("<detached")
                && !line.hasPrefix("strace:") && !line.trimmingCharacters(in: .whitespaces).isEmpty
        }
        #expect(trace.stderr.contains("restart_syscall") || trace.stderr.contains("poll"), "strace attached:\n\(trace.stderr)")
        #expect(calls.isEmpty, "system calls while idle:\n\(calls.joined(separator: "\n"))")
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }
}
