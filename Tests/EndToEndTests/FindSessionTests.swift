import Foundation
import Testing

/// The library search in the real binary: `s`, a query typed as an input method commits it,
/// the list filtered with context lines, Enter at the first hit, `n` on from there; the
/// article opened is read, and stays read in the next run.
@Suite(.serialized) struct FindSessionTests {
    let session = ReaderSessionTests()

    func statusBar(_ screen: [String]) -> String { screen.last { !$0.isEmpty } ?? "" }

    /// The `[i/N]` counter in a status bar.
    func counter(_ bar: String) -> (Int, Int)? {
        guard let open = bar.lastIndex(of: "["), let close = bar[open...].firstIndex(of: "]") else { return nil }
        let parts = bar[bar.index(after: open)..<close].split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// `· N unread` in the list header.
    func unread(_ screen: [String]) -> Int? {
        guard let range = screen[0].range(of: " unread") else { return nil }
        let digits = screen[0][..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "," }
        return Int(String(digits.reversed()).replacingOccurrences(of: ",", with: ""))
    }

    func findTypeEnterN(_ arguments: String) throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        try session.start(tmux, arguments)
        var screen = try tmux.settledScreen()
        let before = try #require(unread(screen), "the header counts the unread: \(screen[0])")

        try tmux.send("s")
        try tmux.waitFor("the find prompt") { statusBar($0).hasPrefix("找") }
        try tmux.send("乡村", literal: true)
        screen = try tmux.waitFor("the matches") { $0[0].contains("找 Find “乡村”") && statusBar($0).contains("found") }
        let found = try #require(Int(statusBar(screen).split(separator: " ").dropLast().last ?? ""), "\(statusBar(screen))")
        #expect(found >= 2 && found < 11, "some seeds, not all: \(found)")
        #expect(screen[0].contains("(\(found))"), "the header says the count")
        // Each match has a line of its text under its title, around the hit.
        let contexts = screen[1...].filter { $0.hasPrefix("  ") && $0.contains("乡村") }
        #expect(contexts.count >= 1, "\(screen.joined(separator: "\n"))")
        #expect(screen[1].contains("乡村") || screen[2].contains("乡村"))

        // Enter: the first match opens at its first hit, the in-article search set.
        try tmux.send("Enter")
        screen = try tmux.waitFor("the article at its first hit") { statusBar($0).contains("READ") && counter(statusBar($0))?.0 == 1 }
        let total = try #require(counter(statusBar(screen))).1
        #expect(total >= 2)
        #expect(screen[0].contains("找 Find “乡村”"), "the list still shows the matches")
        try tmux.send("n")
        try tmux.waitFor("n goes on") { counter(statusBar($0))?.0 == 2 }

        // Quit: the article opened is read, and the next run counts one unread fewer.
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
        let marks = tmux.home + "/.local/state/yuedu/read.json"
        let text = (FileManager.default.contents(atPath: marks)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(text.contains("\"read\" : true"), "read.json: \(text)")
        // `yuedu search is:unread` counts by the same marks.
        let environment = ["HOME": tmux.home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let listed = try run([yueduBinary, "search", "is:unread"], environment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == before - 1, "\(listed.stdout)")

        try session.start(tmux, arguments)
        screen = try tmux.waitFor("the header with one unread fewer") { unread($0) == before - 1 }

        // `U` on the open article (the first, shown at start): unread if it was the one read
        // through the search, else read; and back.
        try tmux.send("U")
        screen = try tmux.waitFor("marked") { $0.last { !$0.isEmpty }?.contains("marked") == true }
        let wasRead = statusBar(screen).contains("marked unread")
        try tmux.waitFor("the count after U") { unread($0) == (wasRead ? before : before - 2) }
        try tmux.send("U")
        try tmux.waitFor("the count after U again") { unread($0) == before - 1 }

        // `O` sorts by title, and the next run keeps that order.
        try tmux.send("O")
        let sorted = try tmux.waitFor("sorted by title") { statusBar($0).contains("sorted by title") }
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
        try session.start(tmux, arguments)
        let again = try tmux.waitFor("the list as it was sorted") { unread($0) == before - 1 }
        // The list's rows, without the mark of the open article in front.
        func titles(_ screen: [String]) -> [String] {
            screen[1...5].map { row -> String in String(row.dropFirst().prefix(30)) }
        }
        let expected = titles(sorted)
        #expect(titles(again) == expected, "the same first rows, by title")
        try tmux.send("O")
        try tmux.waitFor("the next order after title") { statusBar($0).contains("sorted by site") }
        try tmux.send("q")
        try session.expectRestored(tmux, exitCode: 0)
    }

    @Test func findWithTheIndex() throws {
        try findTypeEnterN("")
    }

    @Test func findWithoutAnIndex() throws {
        try findTypeEnterN("--no-index")
    }
}
