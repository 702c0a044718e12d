import Foundation
import Testing

/// The reader started from the library index: the list at once, then the files checked in
/// the background; changes picked up by the next start and by `R`; an open article whose file
/// changed or vanished says so.
@Suite struct IndexSessionTests {
    @Test func changesArePickedUpAtStartAndByReload() throws {
        let lib = try IndexCommandTests.Library(count: 40)
        defer { lib.clean() }
        #expect(try lib.yuedu(["index", lib.root]).status == 0)

        // Edited and added while the reader was not running: the next start shows them.
        try "改过的标题\n2023-04-30\n测试网\n\n改过的正文。\n".write(toFile: lib.root + "/part-0/a3.txt", atomically: false, encoding: .utf8)
        try "新来的文章\n2029-01-01\n测试网\n\n新的正文。\n".write(toFile: lib.root + "/part-0/new.txt", atomically: false, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 30, environment: ["XDG_CACHE_HOME": lib.cache])
        try tmux.shell("\(shellQuoted(yueduBinary)) \(shellQuoted(lib.root))")
        var screen = try tmux.waitFor("the refreshed list", timeout: 30) { rows in
            rows.contains { $0.contains("Articles (41)") } && rows.contains { $0.contains("reloaded: 1 new, 1 changed") }
        }
        // The article open from the index stays open; the new one is at the top of the list.
        let open = screen[0].split(separator: "│").dropFirst().first.map(String.init) ?? "?"
        #expect(open.contains("生成的文章第"), "\(screen[0])")
        #expect(screen.contains { $0.contains("改过的标题") })
        // Opened from the list, its body is read from the file.
        try tmux.send("BTab")
        try tmux.send("g", "g")
        try tmux.send("Enter")
        screen = try tmux.waitFor("the new article open") { $0.contains { $0.contains("新的正文。") } }
        #expect(screen[0].contains("新来的文章"))

        // Deleted and renamed while it runs: R picks them up, the open article stays.
        try FileManager.default.removeItem(atPath: lib.root + "/part-0/a3.txt")
        try FileManager.default.moveItem(atPath: lib.root + "/part-0/a4.txt", toPath: lib.root + "/part-0/renamed.txt")
        try tmux.send("R")
        screen = try tmux.waitFor(text: "reloaded: 1 new, 2 removed", timeout: 30)
        #expect(screen.contains { $0.contains("Articles (40)") })
        #expect(!screen.contains { $0.contains("改过的标题") })
        #expect(screen[0].contains("新来的文章"))

        // The open article's file is edited behind the reader's back; the next open reads it
        // as it is now and says so.
        try "新来的文章\n2029-01-01\n测试网\n\n又改了一次的正文。\n".write(toFile: lib.root + "/part-0/new.txt", atomically: false, encoding: .utf8)
        try tmux.send("J")
        try tmux.waitFor("the next article") { !$0[0].contains("新来的文章") }
        try tmux.send("K")
        screen = try tmux.waitFor("the edited article, said so", timeout: 20) { rows in
            rows.contains { $0.contains("又改了一次的正文。") }
                && rows.contains { $0.contains("changed since it was indexed") || $0.contains("reloaded: 1 changed") }
        }
        try tmux.send("q")
        try tmux.waitFor("the shell prompt after the reader") { $0.last { !$0.isEmpty } == "$" }
    }

    /// A start whose check of the files changes nothing in the index keeps the list it showed
    /// (not read again), yet still shows what the walk of the folders could not read.
    @Test func anUnchangedIndexStillShowsWhatTheWalkSkipped() throws {
        let lib = try IndexCommandTests.Library(count: 30)
        defer { lib.clean() }
        #expect(try lib.yuedu(["index", lib.root]).status == 0)
        // Not an article, and never in the index: only the walk finds it.
        #expect(mkfifo(lib.root + "/bad/pipe", 0o644) == 0)
        let tmux = try TmuxSession(width: 120, height: 30, environment: ["XDG_CACHE_HOME": lib.cache])
        try tmux.shell("\(shellQuoted(yueduBinary)) \(shellQuoted(lib.root))")
        let screen = try tmux.waitFor("the pipe among the skipped files", timeout: 30) { rows in
            rows.contains { $0.contains("Articles (30)") } && rows.contains { $0.contains("2 skipped") }
        }
        #expect(!screen.contains { $0.contains("reloaded: 1") })
        try tmux.send("q")
        try tmux.waitFor("the shell prompt after the reader") { $0.last { !$0.isEmpty } == "$" }
    }
}
