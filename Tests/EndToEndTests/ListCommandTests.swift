import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `yuedu list` run as a program, on a temporary library holding every kind of bad file.
@Suite struct ListCommandTests {
    /// `yuedu list ARGUMENTS`, run as a program.
    /// Its library index goes to a cache folder of its own.
    func list(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let cache = NSTemporaryDirectory() + "yuedu-list-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = cache
        return try run([yueduBinary, "list"] + arguments, environment: env)
    }

    @Test func everyBadFileHasOneReasonAndTheRestIsListed() throws {
        let root = NSTemporaryDirectory() + "yuedu-list-" + UUID().uuidString
        let fm = FileManager.default
        defer { try? fm.removeItem(atPath: root) }
        func put(_ name: String, _ data: Data) throws {
            let path = root + "/" + name
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }
        try put("news/old.txt", Data("旧闻\n2019年5月4日\n某网站\n导语：导语。\n正文。\n".utf8))
        try put("news/new.md", Data("---\ntitle: 新闻\ndate: 2024-02-03\n---\n正文。\n".utf8))
        try put("news/gbk.txt", "国标\r\n2021/07/08\r\n正文，第一段。\r\n".data(using: String.Encoding(rawValue: 0x8000_0632))!)
        try put("news/flawed.txt", Data("有坏字节\n2020-01-01\n正文".utf8) + Data([0xFF]) + Data("。\n".utf8))
        try put("news/copy/new.md", Data("---\ntitle: 新闻\ndate: 2024-02-03\n---\n另一份。\n".utf8))
        try put("news/long.txt", Data(String(repeating: "长", count: 1_000_000).utf8))
        try put("bad/empty.txt", Data())
        try put("bad/binary.dat", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]))
        try put(".hidden/secret.txt", Data("不该出现\n".utf8))
        #expect(fm.createFile(atPath: root + "/bad/huge.txt", contents: nil))
        #expect(truncate(root + "/bad/huge.txt", 33 * 1024 * 1024) == 0)
        // Permission failures cannot be made for root (who ignores chmod 000), so the
        // unreadable entries are a named pipe and a dangling link.
        #expect(mkfifo(root + "/bad/pipe", 0o644) == 0)
        try fm.createSymbolicLink(atPath: root + "/bad/dangling", withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: root + "/bad/loop", withDestinationPath: "..")
        let badName = Array((root + "/bad/name-").utf8) + [0xB1, 0xEA] + Array(".txt".utf8)
        let fd = open(badName.map { CChar(bitPattern: $0) } + [0], O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        _ = "非 UTF-8 文件名\n".withCString { Glibc.write(fd, $0, strlen($0)) }
        close(fd)

        let started = Date()
        let run = try list([root])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 0)
        #expect(run.stdout == """
            2024-02-03\t新闻\t\(root)/news/copy/new.md
            2021-07-08\t国标\t\(root)/news/gbk.txt
            2020-01-01\t有坏字节\t\(root)/news/flawed.txt
            2019-05-04\t旧闻\t\(root)/news/old.txt
            \t\(String(repeating: "长", count: 60))…\t\(root)/news/long.txt

            """)
        let skipped = run.stderr.split(separator: "\n").map(String.init).sorted()
        #expect(skipped == [
            "skipped: \(root)/bad/binary.dat: binary file, not text (it contains NUL bytes)",
            "skipped: \(root)/bad/dangling: dangling symbolic link (its target does not exist)",
            "skipped: \(root)/bad/empty.txt: empty file",
            "skipped: \(root)/bad/huge.txt: too large to be an article (34603008 bytes; the limit is 33554432 bytes, 32 MB)",
            "skipped: \(root)/bad/loop: directory loop: it leads back to \(root), which is being read",
            "skipped: \(root)/bad/name-\\xB1\\xEA.txt: file name is not valid UTF-8 (shown with \\x escapes); rename it to read it",
            "skipped: \(root)/bad/pipe: not a regular file (a named pipe)",
        ])
    }

    @Test func theNextListSeesWhatChangedOnDisk() throws {
        // One cache for every run: the first list writes the index, the next check it.
        let base = NSTemporaryDirectory() + "yuedu-relist-" + UUID().uuidString
        let root = base + "/library"
        let fm = FileManager.default
        defer { try? fm.removeItem(atPath: base) }
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = base + "/cache"
        func put(_ name: String, _ title: String, _ date: String = "2024-01-02") throws {
            let path = root + "/" + name
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("\(title)\n\(date)\n正文。\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        // Names with bytes below `/` beside folders of the same start.
        for name in ["a/x.txt", "a.txt", "a-b.txt", "b c.txt", "b/y.txt", "c.txt"] { try put(name, "原来 \(name)") }
        let first = try run([yueduBinary, "list", root], environment: env)
        #expect(first.status == 0)
        #expect(first.stdout.split(separator: "\n").count == 6)

        try put("a.txt", "改过的标题", "2024-02-03")                                   // changed
        try put("a+.txt", "新的一篇")                                                  // new
        try put("b/z.txt", "又一篇")                                                   // new, in a folder
        try fm.removeItem(atPath: root + "/a-b.txt")                                  // deleted
        try fm.moveItem(atPath: root + "/c.txt", toPath: root + "/d.txt")             // renamed
        let again = try run([yueduBinary, "list", root], environment: env)
        let direct = try run([yueduBinary, "list", "--no-index", root], environment: env)
        #expect(again.status == 0)
        #expect(again.stdout == direct.stdout)
        #expect(again.stdout.hasPrefix("2024-02-03\t改过的标题\t\(root)/a.txt\n"))
        for title in ["新的一篇", "又一篇", "原来 c.txt\t\(root)/d.txt"] { #expect(again.stdout.contains(title)) }
        #expect(!again.stdout.contains("a-b.txt"))
        #expect(again.stdout.split(separator: "\n").count == 7)
        #expect(again.stderr == "")
        // And once more with nothing changed: the same.
        #expect(try run([yueduBinary, "list", root], environment: env).stdout == again.stdout)
    }

    @Test func aPathThatDoesNotExistIsAnError() throws {
        let missing = NSTemporaryDirectory() + "yuedu-missing-" + UUID().uuidString
        let run = try list([missing])
        #expect(run.status != 0)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("\(missing): no such file or directory"))
    }

    @Test func aCacheThatCannotHoldTheIndexIsSaidInOneLineAndTheFilesAreListed() throws {
        // A file where the cache folder would be: the index cannot be kept (chmod does not
        // stop root, a file in the way does).
        let blocker = NSTemporaryDirectory() + "yuedu-not-a-folder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = blocker
        let seeds = repositoryRoot.appendingPathComponent("seeds").path
        let run = try run([yueduBinary, "list", seeds], environment: env)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\t【新视点】基层党建如何推进乡村振兴战略深度融合?\t"))
        #expect(run.stderr == "yuedu: the library index cannot be kept in \(blocker)/yuedu (Not a directory): reading the files without an index\n")
    }

    @Test func theSeedsByDefault() throws {
        let run = try list([repositoryRoot.appendingPathComponent("seeds").path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("2023-01-16\t【新视点】基层党建如何推进乡村振兴战略深度融合?\t") })
        let dates = lines.map { $0.prefix(10) }
        #expect(dates == dates.sorted(by: >), "newest first")
        #expect(run.stderr == "")
    }
}

@Suite struct CommandLineErrorTests {
    @Test func aMistypedSubcommandIsAnErrorNotAnEmptyReader() throws {
        let result = try run([yueduBinary, "lsit"], environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no such file or directory: lsit"))
        #expect(!result.stderr.contains("USAGE"), "a plain error, not the usage text")
    }

    @Test func renderErrorsAreOneLine() throws {
        let result = try run([yueduBinary, "render", "/nonexistent/article.txt"], environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/article.txt"))
        #expect(!result.stderr.contains("USAGE"))
    }

    @Test func noBookmarksIsAnEmptyJSONArray() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-nobookmarks-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try run([yueduBinary, "bookmarks", "--json"], environment: ["XDG_DATA_HOME": dir, "HOME": dir])
        #expect(result.status == 0)
        #expect(result.stdout == "[]\n")
    }
}
