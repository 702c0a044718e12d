import Foundation
import Testing

/// Article text comes from the web: none of it may reach the terminal as a control sequence.
@Suite(.serialized) struct UntrustedTextTests {
    /// Escape and control sequences an attacker might put in an article, each tagged so that
    /// its payload can be recognised in the byte stream.
    static let hostile: [(name: String, text: String)] = [
        ("window title (OSC 0)", "\u{1B}]0;PWNED-TITLE\u{07}"),
        ("clipboard (OSC 52)", "\u{1B}]52;c;UFdORUQtQ0xJUA==\u{07}"),
        ("hyperlink (OSC 8)", "\u{1B}]8;;http://evil.example/\u{1B}\\PWNED-LINK\u{1B}]8;;\u{1B}\\"),
        ("colour (CSI)", "\u{1B}[31;1mPWNED-RED\u{1B}[0m"),
        ("clear screen (CSI)", "\u{1B}[2J\u{1B}[H"),
        ("C1 CSI", "\u{9B}32mPWNED-C1"),
        ("C1 OSC", "\u{9D}0;PWNED-C1-TITLE\u{9C}"),
        ("right-to-left override", "\u{202E}DEZIRAHTUA\u{202C}"),
        ("isolates", "\u{2066}PWNED-ISOLATE\u{2069}"),
        ("bell and backspace", "PWNED-BEL\u{07}\u{08}\u{08}"),
    ]

    /// Byte sequences that must never appear in what yuedu writes.
    static let forbidden: [(name: String, bytes: [UInt8])] = [
        ("OSC 0", Array("\u{1B}]0;".utf8)),
        ("OSC 52", Array("\u{1B}]52;".utf8)),
        // The article's own hyperlink (the reader's own OSC 8, where the terminal takes them,
        // links to the address the text shows; see LinkSessionTests).
        ("the article's OSC 8", Array("\u{1B}]8;;http://evil.example/\u{1B}\\PWNED".utf8)),
        ("the article's CSI", Array("\u{1B}[31;1mPWNED".utf8)),
        ("the article's clear screen", Array("\u{1B}[2J".utf8)),
        ("C1 CSI (UTF-8)", [0xC2, 0x9B]),
        ("C1 OSC (UTF-8)", [0xC2, 0x9D]),
        ("C1 CSI (raw)", [0x9B, 0x33]),
        ("U+202E", [0xE2, 0x80, 0xAE]),
        ("U+2066", [0xE2, 0x81, 0xA6]),
        ("BEL", [0x07]),
        // The article's two backspaces in a row. (ncurses itself writes one, in "x BS y BS
        // ICH", to fill the screen's bottom-right cell without scrolling when the status bar
        // there has a style.)
        ("backspace", [0x08, 0x08]),
    ]

    static func article() -> String {
        let all = hostile.map(\.text).joined(separator: " ")
        var lines = ["恶意标题 \(hostile[0].text)\(hostile[3].text)\(hostile[7].text)",
                     "2099-01-01",
                     "来源\(hostile[1].text)",
                     "导语:\(hostile[2].text) 导语结束",
                     ""]
        for (name, text) in hostile { lines.append("正文 \(name): \(text) 段落结束。") }
        lines.append("合并：\(all)")
        lines += ["相关信息", "MORE >>-"]
        for (name, text) in hostile.prefix(5) {
            lines += ["相关标题\(text)\(name)", "相关摘要 \(text) 摘要", "-"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { i in haystack[i..<(i + needle.count)].elementsEqual(needle) }
    }

    @Test func noArticleByteReachesTheTerminalAsAControl() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-hostile-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.article().write(to: dir.appendingPathComponent("hostile.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("seeds/000_179341d704dc42fe.txt"),
                                         to: dir.appendingPathComponent("normal.txt"))
        let record = dir.appendingPathComponent("bytes.out").path

        let tmux = try TmuxSession(width: 120, height: 40)
        _ = try run(["tmux", "-L", tmux.socket, "pipe-pane", "-o", "-t", "main", "cat >> \(shellQuoted(record))"])
        try tmux.shell("\(shellQuoted(yueduBinary)) \(shellQuoted(dir.path))")
        var screen = try tmux.waitFor(text: "恶意标题")
        // Visible placeholders where the controls were, in the reading pane.
        #expect(screen.contains { $0.contains("␛") }, "placeholders shown:\n\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("PWNED-RED") })
        // Reading pane: scroll through; sidebar: focus it and move; list: focus it and move.
        for _ in 0..<4 { try tmux.send("Space") }
        try tmux.send("G")
        try tmux.send("Tab")
        try tmux.waitFor(text: "相关标题")
        for _ in 0..<4 { try tmux.send("j") }
        try tmux.send("BTab")
        try tmux.send("BTab")
        try tmux.send("j")
        try tmux.send("k")
        try tmux.send("f")
        try tmux.send("f")
        screen = try tmux.waitFor(text: "恶意标题")
        try tmux.send("q")
        try ReaderSessionTests().expectRestored(tmux, exitCode: 0)
        _ = try run(["tmux", "-L", tmux.socket, "pipe-pane", "-t", "main"])

        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: record)))
        #expect(bytes.count > 1000, "the session was recorded (\(bytes.count) bytes)")
        #expect(contains(bytes, Array("相关标题".utf8)), "the sidebar's related titles were drawn")
        #expect(contains(bytes, Array("␛".utf8)), "the escape placeholder was drawn")
        for (name, needle) in Self.forbidden {
            #expect(!contains(bytes, needle), "\(name) reached the terminal")
        }
    }
}
