import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The library index through the real binary: `yuedu index`, `yuedu list` and `yuedu search`
/// with a cache folder of their own; two indexers at once, one killed midway, a cache folder
/// that cannot be written.
@Suite struct IndexCommandTests {
    /// A library of `count` generated articles and a cache folder, removed by `clean()`.
    struct Library {
        let base: String
        var root: String { base + "/library" }
        var cache: String { base + "/cache" }
        var environment: [String: String] {
            var env = ProcessInfo.processInfo.environment
            env["XDG_CACHE_HOME"] = cache
            env["HOME"] = base
            return env
        }

        init(count: Int) throws {
            base = NSTemporaryDirectory() + "yuedu-index-" + UUID().uuidString
            let fm = FileManager.default
            try fm.createDirectory(atPath: cache, withIntermediateDirectories: true)
            var rng = UInt64(42)
            for i in 0..<count {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                let day = Int(rng >> 59) + 1
                let dir = root + "/part-\(i / 100)"
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                let body = String(repeating: "第\(i)篇文章的正文，说的是蟋蟀和乡村振兴。", count: 20)
                try "生成的文章第\(i)篇\n2023-04-\(day < 10 ? "0" : "")\(day)\n测试网\n\n\(body)\n".write(
                    toFile: dir + "/a\(i).txt", atomically: false, encoding: .utf8)
            }
            try fm.createDirectory(atPath: root + "/bad", withIntermediateDirectories: true)
            fm.createFile(atPath: root + "/bad/empty.txt", contents: Data())
        }

        func yuedu(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try run([yueduBinary] + arguments, environment: environment)
        }

        func clean() { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func listFromTheIndexIsWhatTheFilesSayAfterEveryKindOfChange() throws {
        let lib = try Library(count: 120)
        defer { lib.clean() }
        let built = try lib.yuedu(["index", lib.root])
        #expect(built.status == 0)
        #expect(built.stdout.hasPrefix("120 indexed, 0 changed, 0 removed, 1 skipped"), "\(built.stdout)")
        let direct = try lib.yuedu(["list", "--no-index", lib.root])
        var listed = try lib.yuedu(["list", lib.root])
        #expect(listed.stdout == direct.stdout)
        #expect(listed.stderr == direct.stderr)

        // Edited, added, deleted and renamed.
        try "改过的标题\n2023-04-02\n测试网\n\n新的正文。\n".write(toFile: lib.root + "/part-0/a3.txt", atomically: false, encoding: .utf8)
        try "新来的文章\n2024-01-01\n\n正文。\n".write(toFile: lib.root + "/part-1/new.txt", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: lib.root + "/part-0/a5.txt")
        try FileManager.default.moveItem(atPath: lib.root + "/part-0/a7.txt", toPath: lib.root + "/part-1/renamed.txt")
        listed = try lib.yuedu(["list", lib.root])
        #expect(listed.stdout == (try lib.yuedu(["list", "--no-index", lib.root])).stdout)
        #expect(listed.stdout.contains("改过的标题\t\(lib.root)/part-0/a3.txt"))
        #expect(listed.stdout.contains("\(lib.root)/part-1/renamed.txt"))
        #expect(!listed.stdout.contains("a5.txt"))
        // `list` brought the index up to date: nothing left for `index` to do.
        let again = try lib.yuedu(["index", "--no-similar", lib.root])
        #expect(again.stdout.hasPrefix("0 indexed, 0 changed, 0 removed, 0 skipped"), "\(again.stdout)")
    }

    @Test func searchPrintsMatchesAndExitsOneWhenNothingMatches() throws {
        let lib = try Library(count: 30)
        defer { lib.clean() }
        let found = try lib.yuedu(["search", "第12篇", lib.root])
        #expect(found.status == 0)
        #expect(found.stdout.split(separator: "\n").map { $0.split(separator: "\t").dropFirst().first.map(String.init) } == ["生成的文章第12篇"])
        let short = try lib.yuedu(["search", "蟋", lib.root])
        #expect(short.stdout.split(separator: "\n").count == 30)
        let none = try lib.yuedu(["search", "不存在的词", lib.root])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        let json = try lib.yuedu(["search", "--json", "title:第2篇", lib.root])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect((parsed?.first?["snippet"] as? String)?.contains("第2篇") == true)
        let bad = try lib.yuedu(["search", "titel:x", lib.root])
        #expect(bad.status != 0 && bad.status != 1)
        #expect(bad.stderr.contains("titel: is not a field"))
    }

    @Test func twoProcessesIndexingAtOnce() throws {
        let lib = try Library(count: 600)
        defer { lib.clean() }
        let results = Results()
        let threads = (0..<2).map { _ in
            Thread { results.add(try? lib.yuedu(["index", "--no-similar", lib.root])) }
        }
        threads.forEach { $0.start() }
        let deadline = Date().addingTimeInterval(120)
        while results.count < 2, Date() < deadline { usleep(20_000) }
        #expect(results.statuses == [0, 0], "\(results.errors)")
        let listed = try lib.yuedu(["list", lib.root])
        #expect(listed.stdout == (try lib.yuedu(["list", "--no-index", lib.root])).stdout)
        #expect(listed.stdout.split(separator: "\n").count == 600)
    }

    @Test func killedWhileIndexingThenACleanStart() throws {
        let lib = try Library(count: 3000)
        defer { lib.clean() }
        let pid = try spawn([yueduBinary, "index", "--no-similar", lib.root], environment: lib.environment)
        // Wait until some steps are committed, then kill it without warning.
        let cacheDir = lib.cache + "/yuedu"
        let deadline = Date().addingTimeInterval(60)
        var committed = false
        while Date() < deadline, !committed {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: cacheDir)) ?? []
            let wal = files.first { $0.hasSuffix(".sqlite-wal") }.map { cacheDir + "/" + $0 }
            let size = wal.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
            committed = size > 300_000
            if !committed { usleep(10_000) }
        }
        #expect(committed)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        #expect(status & 0x7f == SIGKILL, "the indexer was still running when killed")

        // What was committed is kept; the rest is read now.
        let resumed = try lib.yuedu(["index", "--no-similar", lib.root])
        #expect(resumed.status == 0)
        let indexed = Int(resumed.stdout.split(separator: " ").first ?? "") ?? -1
        #expect(indexed > 0 && indexed < 3001, "\(resumed.stdout)")
        let listed = try lib.yuedu(["list", lib.root])
        #expect(listed.stdout == (try lib.yuedu(["list", "--no-index", lib.root])).stdout)
        #expect(listed.stdout.split(separator: "\n").count == 3000)
    }

    /// Killed in the second phase (the list written, the search rows not all): the next run
    /// reads nothing again for the list and writes the search rows of what is left.
    @Test func killedDuringTheFullTextPassThenACleanStartCompletesIt() throws {
        let lib = try Library(count: 3000)
        defer { lib.clean() }
        let log = lib.base + "/index.err"
        let pid = try spawn([yueduBinary, "index", "--no-similar", lib.root], environment: lib.environment, stderr: log)
        let deadline = Date().addingTimeInterval(120)
        var listed = false
        while Date() < deadline, !listed {
            listed = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("list ready after")
            if !listed { usleep(5_000) }
        }
        #expect(listed)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        #expect(status & 0x7f == SIGKILL, "the indexer was still running when killed")
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!said.contains("full text after"), "killed after the second phase: \(said)")

        // The list is complete; search is too (it reads what is left from the files).
        let half = try lib.yuedu(["search", "--cached", "蟋蟀", lib.root])
        #expect(half.stderr.contains("% built ("), "\(half.stderr)")
        #expect(half.stdout.split(separator: "\n").count == 3000)
        let resumed = try lib.yuedu(["index", "--no-similar", lib.root])
        #expect(resumed.stdout.hasPrefix("0 indexed, 0 changed, 0 removed, 0 skipped (3001 unchanged)"), "\(resumed.stdout)")
        #expect(resumed.stderr.contains("full text after"), "\(resumed.stderr)")
        let whole = try lib.yuedu(["search", "--cached", "蟋蟀", lib.root])
        #expect(whole.stderr == "")
        #expect(whole.stdout == half.stdout)
        let one = try lib.yuedu(["search", "--cached", "第2999篇", lib.root])
        #expect(one.stdout.split(separator: "\n").count == 1 && one.stdout.contains("生成的文章第2999篇"), "\(one.stdout)")
    }

    @Test func searchIsCompleteBeforeTheFullTextPassAndTheNextRunFinishesIt() throws {
        let lib = try Library(count: 300)
        defer { lib.clean() }
        let listOnly = try lib.yuedu(["index", "--no-similar", "--no-full-text", lib.root])
        #expect(listOnly.status == 0, "\(listOnly.stderr)")
        #expect(listOnly.stderr.contains("list ready after"))
        #expect(listOnly.stderr.contains("the search index is 0% built (300 articles to go)"), "\(listOnly.stderr)")
        #expect(!listOnly.stderr.contains("full text after"))
        let queries = [["第77篇"], ["--by-date", "--limit", "5", "蟋蟀"], ["--limit", "3", "乡村振兴"], ["title:第12篇"], ["没有的词"]]
        let before = try queries.map { try lib.yuedu(["search", "--cached"] + $0 + [lib.root]) }
        for r in before { #expect(r.stderr.contains("the search index is 0% built"), "\(r.stderr)") }
        #expect(before[0].stdout.split(separator: "\n").count == 1 && before[0].stdout.contains("生成的文章第77篇"))
        #expect(before[1].stdout.split(separator: "\n").count == 5)
        #expect(before[4].status == 1)

        let built = try lib.yuedu(["index", "--no-similar", lib.root])
        #expect(built.stdout.hasPrefix("0 indexed, 0 changed"), "\(built.stdout)")
        #expect(built.stderr.contains("full text after"), "\(built.stderr)")
        let after = try queries.map { try lib.yuedu(["search", "--cached"] + $0 + [lib.root]) }
        for (b, a) in zip(before, after) {
            #expect(a.stderr == "")
            #expect(a.stdout == b.stdout)
            #expect(a.status == b.status)
        }
    }

    /// The cache folder belongs to root and is read-only; the program runs as `nobody` (root
    /// ignores permissions), so it truly cannot write there.
    @Test func aReadOnlyCacheFolderMeansNoIndexSaidOnce() throws {
        let lib = try Library(count: 20)
        defer { lib.clean() }
        #expect(chmod(lib.base, 0o755) == 0)
        #expect(chmod(lib.cache, 0o555) == 0)
        var env = lib.environment
        env["HOME"] = "/nonexistent"
        let asNobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", yueduBinary]
        let listed = try run(asNobody + ["list", lib.root], environment: env)
        #expect(listed.status == 0, "\(listed.stderr)")
        let direct = try lib.yuedu(["list", "--no-index", lib.root])
        #expect(listed.stdout == direct.stdout)
        let notes = listed.stderr.split(separator: "\n").filter { !$0.hasPrefix("skipped:") }
        #expect(notes.count == 1, "\(listed.stderr)")
        #expect(notes.first?.contains("without an index") == true)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: lib.cache)) == [])
    }
}

/// Exit statuses collected from threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(status: Int32, stdout: String, stderr: String)?] = []
    func add(_ r: (status: Int32, stdout: String, stderr: String)?) { lock.withLock { items.append(r) } }
    var count: Int { lock.withLock { items.count } }
    var statuses: [Int32] { lock.withLock { items.map { $0?.status ?? -1 } } }
    var errors: [String] { lock.withLock { items.map { $0?.stderr ?? "did not run" } } }
}

/// Starts a program without waiting for it; returns its pid.
func spawn(_ arguments: [String], environment: [String: String], stderr: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    let env = environment.map { "\($0.key)=\($0.value)" }
    var argv = arguments.map { strdup($0) } + [nil]
    var envp = env.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
    guard rc == 0 else { throw TmuxError(message: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
    return pid
}
