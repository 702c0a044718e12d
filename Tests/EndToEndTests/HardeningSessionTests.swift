import Foundation
import Testing
import CWidth
#if canImport(Glibc)
import Glibc
#endif

/// What fuzzing and hostile files found, run as a user would: the real binary, real files,
/// a real terminal.
@Suite(.serialized) struct HardeningSessionTests {
    /// Control and format characters that must never be printed as they are.
    static let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{9B}", "\u{200E}", "\u{200F}", "\u{061C}",
                                           "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}"]

    func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for scalar in text.unicodeScalars where Self.unsafe.contains(scalar) {
            Issue.record("\(what) prints U+\(String(scalar.value, radix: 16, uppercase: true)):\n\(text)",
                         sourceLocation: sourceLocation)
            return
        }
    }

    func temporaryDirectory(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "yuedu-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theCommandLinePrintsNoControlFromAFile() throws {
        let dir = try temporaryDirectory("hostile-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let title = "Innocent \u{1B}]2;PWNED\u{07}\u{1B}[8m \u{200E}\u{2028}\u{202E}end"
        try "\(title)\n2024-01-02\n正文\u{200F}一段\u{2029}二段\u{061C}。\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        // A file name with an escape in it, holding what is not an article: reported as skipped.
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00]).write(to: URL(fileURLWithPath: dir + "/x\u{1B}]2;NAME\u{07}.txt"))

        let list = try run([yueduBinary, "list", dir])
        #expect(list.stdout.contains("Innocent"))
        expectClean(list.stdout, "yuedu list")
        #expect(list.stderr.contains("skipped: "))
        expectClean(list.stderr, "yuedu list's skipped lines")

        let render = try run([yueduBinary, "render", dir + "/a.txt", "--width", "40"])
        #expect(render.stdout.contains("正文"))
        expectClean(render.stdout, "yuedu render")

        let wrap = try run([yueduBinary, "wrap", "--width", "20"], input: Data("甲\u{200E}乙\u{200F}丙\u{061C}丁 \u{202E}x\u{1B}[8m\n".utf8))
        #expect(wrap.stdout.contains("甲乙丙丁"))
        expectClean(wrap.stdout, "yuedu wrap")

        let missing = try run([yueduBinary, "render", dir + "/no\u{1B}]2;T\u{07}.txt"])
        #expect(missing.status != 0)
        expectClean(missing.stderr, "an error naming a file")

        // A bookmark whose title came from such an article.
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data + "/yuedu", withIntermediateDirectories: true)
        let escaped = "Innocent \\u001b]2;PWNED\\u0007\\u001b[8m \\u200e\\u2028\\u009b"
        try """
            {"bookmarks": [{"added": "2026-11-29T17:01:02.000Z", "key": {"title": "t"}, "title": "\(escaped)"}], "version": 1}
            """.write(toFile: data + "/yuedu/bookmarks.json", atomically: true, encoding: .utf8)
        let bookmarks = try run([yueduBinary, "bookmarks"], environment: ["XDG_DATA_HOME": data, "HOME": dir])
        #expect(bookmarks.stdout.contains("Innocent"))
        expectClean(bookmarks.stdout, "yuedu bookmarks")
        let json = try run([yueduBinary, "bookmarks", "--json"], environment: ["XDG_DATA_HOME": data, "HOME": dir])
        expectClean(json.stdout, "yuedu bookmarks --json")
    }

    @Test func theReadOnlyBookmarksCommandMovesNothing() throws {
        let dir = try temporaryDirectory("bookmarks-ro")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/yuedu", withIntermediateDirectories: true)
        let text = """
            {"bookmarks": [
              {"added": "2026-11-29T17:01:02.000Z", "key": {"title": "good"}, "title": "good"},
              {"added": "yesterday", "key": {"title": "bad"}, "title": "bad"}
            ], "version": 1}
            """
        try text.write(toFile: dir + "/yuedu/bookmarks.json", atomically: true, encoding: .utf8)
        let result = try run([yueduBinary, "bookmarks"], environment: ["XDG_DATA_HOME": dir, "HOME": dir])
        #expect(result.stdout.hasPrefix("good\t"), "the good entry is listed: \(result.stdout)")
        #expect(result.stderr.contains("damaged"))
        #expect(try String(contentsOfFile: dir + "/yuedu/bookmarks.json", encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/yuedu").sorted() == ["bookmarks.json", "bookmarks.json.lock"])
    }

    /// The display column of each `│` in a row, counted as the terminal counts (wcwidth).
    static func separatorColumns(_ row: String) -> [Int] {
        var columns: [Int] = []
        var x = 0
        for scalar in row.unicodeScalars {
            if scalar == "│" { columns.append(x) }
            x += max(0, Int(cwidth_wcwidth(scalar.value)))
        }
        return columns
    }

    @Test func joinersEmojiAndManyMarksKeepEveryRowInPlace() throws {
        #expect(cwidth_use_utf8_locale() == 1)
        let dir = try temporaryDirectory("clusters")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hostile = "a\u{200D}b 🏳️‍🌈 中" + String(repeating: "\u{308}", count: 50) + " 👍🏽 e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} ❤️ "
        var body: [String] = []
        for i in 0..<60 { body.append("段\(i) " + String(repeating: hostile, count: 1 + i % 3) + "完") }
        try (["Clusters", "2024-01-02", ""] + body).joined(separator: "\n")
            .write(toFile: dir + "/c.txt", atomically: true, encoding: .utf8)
        try "Other\n2024-01-01\n\n正文。\n".write(toFile: dir + "/o.txt", atomically: true, encoding: .utf8)

        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.startReader("\(shellQuoted(yueduBinary)) \(shellQuoted(dir))")
        func checkRows(_ when: String) throws {
            let rows = try tmux.settledScreen()
            let reference = Self.separatorColumns(rows[0])
            #expect(reference.count >= 1, "\(when): the pane separators are on the first row")
            for (y, row) in rows.enumerated() where row.contains("│") && !row.isEmpty {
                #expect(Self.separatorColumns(row) == reference, "\(when): row \(y) is shifted:\n\(rows.joined(separator: "\n"))")
            }
        }
        try checkRows("first page")
        for page in 0..<3 {
            try tmux.send("Space")
            try checkRows("page \(page + 2)")
        }
        try tmux.send("q")
    }

    @Test func listWithoutPathsListsTheConfiguredLibraryAndTildeIsHome() throws {
        let home = try temporaryDirectory("list-home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/articles", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/config/yuedu", withIntermediateDirectories: true)
        try "配置的文章\n2024-05-06\n\n正文。\n".write(toFile: home + "/articles/a.txt", atomically: true, encoding: .utf8)
        try "library = [\"~/articles\"]\n".write(toFile: home + "/config/yuedu/config.toml", atomically: true, encoding: .utf8)
        // HOME differs from the password file's home (root's), as under sudo or in a container.
        let result = try run([yueduBinary, "list"], environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2024-05-06\t配置的文章\t\(home)/articles/a.txt\n", "\(result.stdout)\(result.stderr)")
    }
}
