import Foundation
import Testing

/// The mouse, end to end: the terminal's own mouse reports (X10 encoding, as `TERM=screen`
/// describes them) typed into the pane, read by ncurses, acted on by the reader.
@Suite(.serialized) struct MouseSessionTests {
    /// A mouse report: `button` 0 press, 3 release, 64 wheel up, 65 wheel down, at a 1-based
    /// column and row.
    func report(_ button: Int, column: Int, row: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(32 + column)))
            + String(UnicodeScalar(UInt8(32 + row)))
    }

    func start(_ tmux: TmuxSession, config: String = "") throws -> String {
        let dir = NSTemporaryDirectory() + "/yuedu-mouse-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try config.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        try tmux.startReader("\(shellQuoted(yueduBinary)) --config \(shellQuoted(dir + "/config.toml"))")
        return dir
    }

    @Test func theWheelScrollsThePaneUnderItAndAClickOpens() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let dir = try start(tmux)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try tmux.settledScreen()
        // Wheel down over the reading pane (column 50): the text moves, the list does not.
        try tmux.send(report(65, column: 50, row: 10), literal: true)
        let scrolled = try tmux.waitFor("the reading pane scrolled") { $0[0] != before[0] }
        #expect(scrolled[1].hasPrefix(String(before[1].prefix(10))), "the list stayed")
        // A click on the second article of the list selects it; a second click opens it.
        try tmux.send(report(0, column: 5, row: 3) + report(3, column: 5, row: 3), literal: true)
        try tmux.waitFor(text: "LIST")
        try tmux.send(report(0, column: 5, row: 3) + report(3, column: 5, row: 3), literal: true)
        try tmux.waitFor(text: " 2/11 ")
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }

    @Test func theMouseCanBeSwitchedOff() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        let dir = try start(tmux, config: "mouse = false\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mode = try run(["tmux", "-L", tmux.socket, "display-message", "-p", "-t", "main", "#{mouse_any_flag}#{mouse_standard_flag}"])
        #expect(mode.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "00", "no mouse reporting asked of the terminal")
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }
}
