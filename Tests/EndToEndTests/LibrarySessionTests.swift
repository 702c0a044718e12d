import Foundation
import Testing

/// The reader on a generated library of a few thousand articles and some bad files: the first
/// screen, the skipped files (count and reasons) and `R` after adding a file.
@Suite(.serialized) struct LibrarySessionTests {
    static let articleCount = 3000

    /// Writes `count` small articles in the seed's plain-text layout (dated 2001–2020, 500 per
    /// folder), an empty file and a binary file; returns the folder.
    func makeLibrary(count: Int) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("yuedu-lib-\(getpid())-\(UUID().uuidString)")
        let paragraph = "全面推进乡村振兴、加快建设农业强国，关键在党。要把基层党建同推进乡村振兴战略深度融合。"
        for i in 0..<count {
            let dir = root.appendingPathComponent(String(format: "part-%02d", i / 500))
            if i % 500 == 0 { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
            let date = String(format: "%04d-%02d-%02d", 2001 + i % 20, 1 + i % 12, 1 + i % 28)
            let text = "生成的文章第\(i)篇\n\(date)\n测试网\n导语：第\(i)篇的导语。\n\n\(paragraph)\n\(paragraph)\n"
            try Data(text.utf8).write(to: dir.appendingPathComponent("a\(i).txt"))
        }
        let bad = root.appendingPathComponent("bad")
        try fm.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data().write(to: bad.appendingPathComponent("empty.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]).write(to: bad.appendingPathComponent("program.bin"))
        return root
    }

    @Test func loadsShowsSkippedAndReloads() throws {
        let library = try makeLibrary(count: Self.articleCount)
        defer { try? FileManager.default.removeItem(at: library) }
        let tmux = try TmuxSession(width: 120, height: 30)
        try tmux.shell("\(shellQuoted(yueduBinary)) \(shellQuoted(library.path))")

        // The first screen: the list and an article open; then everything loaded.
        try tmux.waitFor(text: "Articles", timeout: 20)
        var screen = try tmux.waitFor("all articles loaded", timeout: 60) { rows in
            rows.contains { $0.contains("文章 Articles (\(Self.articleCount))") } && !rows.contains { $0.contains("loading") }
        }
        #expect(screen[0].contains("生成的文章第"), "an article is open: \(screen[0])")
        let status = screen.last { !$0.isEmpty } ?? ""
        #expect(status.contains("2 skipped — press S"), "status bar: \(status)")

        // S lists the skipped files with their reasons; Esc closes the list.
        try tmux.send("S")
        screen = try tmux.waitFor("the skipped list") { rows in
            rows.contains { $0.contains("Skipped —") } && rows.contains { $0.contains("j/k scroll · Space/b page") }
        }
        let dump = screen.joined(separator: "\n")
        #expect(screen.contains { $0.contains("bad/empty.txt") }, "\(dump)")
        #expect(screen.contains { $0.contains("empty file") }, "\(dump)")
        #expect(screen.contains { $0.contains("bad/program.bin") }, "\(dump)")
        #expect(screen.contains { $0.contains("binary file") }, "\(dump)")
        try tmux.send("Escape")
        try tmux.waitFor("skipped list closed") { !$0.contains { $0.contains("Skipped —") } }

        // Keys work: open the next article.
        let open = screen[0]
        try tmux.send("J")
        try tmux.waitFor("next article") { $0[0] != open }
        screen = try tmux.settledScreen()
        let nowOpen = screen[0].split(separator: "│").dropFirst().first.map(String.init) ?? "?"
        #expect(nowOpen.contains("生成的文章第"))

        // A new file, the newest of all: R shows it at the top of the list, the open article stays.
        let new = "重新载入后出现的新文章\n2030-01-01\n测试网\n\n新的正文。\n"
        try Data(new.utf8).write(to: library.appendingPathComponent("part-00/new.txt"))
        try tmux.send("R")
        screen = try tmux.waitFor(text: "reloaded: 1 new", timeout: 30)
        #expect(screen.contains { $0.contains("文章 Articles (\(Self.articleCount + 1))") })
        #expect(screen[0].contains(nowOpen), "the open article stays open: \(screen[0])")
        // The selection keeps its row; at the top of the list is the new article.
        try tmux.send("BTab")
        try tmux.send("g", "g")
        screen = try tmux.waitFor("top of the list") { $0[1].contains("重新载入后出现的新文章") }
        #expect(screen[0].contains(nowOpen), "moving in the list does not open: \(screen[0])")

        try tmux.send("q")
        try tmux.waitFor("the shell prompt after the reader") { $0.last { !$0.isEmpty } == "$" }
    }
}
