import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: ".")
}()

/// The built `yuedu` binary: next to the test bundle, or in `.build/debug`.
let yueduBinary: String = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("yuedu").path,
        Bundle.main.bundleURL.appendingPathComponent("yuedu").path,
        repositoryRoot.appendingPathComponent(".build/debug/yuedu").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

/// Runs a program and returns its exit status and output.
///
/// Spawned directly (posix_spawn, every descriptor above 2 closed, no signal blocked): a
/// daemon the program leaves behind (the tmux server) holds nothing of ours, and the
/// program does not inherit the test runner's blocked signals.
@discardableResult
func run(_ arguments: [String], environment: [String: String]? = nil, input: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let dir = FileManager.default.temporaryDirectory
    let id = UUID().uuidString
    let paths = ["in", "out", "err"].map { dir.appendingPathComponent("yuedu-run-\(id).\($0)").path }
    defer { for p in paths { unlink(p) } }
    FileManager.default.createFile(atPath: paths[0], contents: input ?? Data())
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, paths[0], O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, paths[1], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, paths[2], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for s in [SIGTERM, SIGHUP, SIGINT, SIGWINCH, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var argv = arguments.map { strdup($0) } + [nil]
    var envp = env.map { strdup($0) } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
    guard rc == 0 else { throw TmuxError(message: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let out = (try? String(contentsOfFile: paths[1], encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: paths[2], encoding: .utf8)) ?? ""
    return (code, out, err)
}

/// A real terminal for the real binary: a detached tmux server of its own, one window running
/// a plain `sh` in a UTF-8 locale. Type with `send`, read the screen with `screen()`.
final class TmuxSession {
    let socket: String
    /// The shell's `HOME`: a fresh directory, removed with the session.
    let home: String
    private static let counter = Counter()

    init(width: Int, height: Int, environment: [String: String] = [:]) throws {
        socket = "yuedu-test-\(getpid())-\(Self.counter.next())"
        // A home of its own, so that bookmarks and reading positions do not leak between tests.
        home = (NSTemporaryDirectory() as NSString).appendingPathComponent("yuedu-home-\(socket)")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PS1": "$ ", "HOME": home]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let result = try run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                              "-s", "main", "env \(assignments) sh"])
        guard result.status == 0 else { throw TmuxError(message: "tmux did not start (is it installed?): \(result.stderr)") }
        _ = try run(["tmux", "-L", socket, "set-option", "-g", "status", "off"])
        try waitFor("shell prompt") { $0.contains("$") }
    }

    deinit {
        _ = try? run(["tmux", "-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// Types keys: tmux key names (`Enter`, `Down`, `C-c`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        _ = try run(["tmux", "-L", socket, "send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    /// Types a shell command line and Enter.
    func shell(_ line: String) throws {
        try send(line, literal: true)
        try send("Enter")
    }

    /// The screen as text, one string per row.
    func screen(escapes: Bool = false) throws -> [String] {
        let out = try run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : [])).stdout
        return out.components(separatedBy: "\n")
    }

    func resize(width: Int, height: Int) throws {
        _ = try run(["tmux", "-L", socket, "resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of what runs in the pane's foreground, via the pane's tty.
    func panePID() throws -> Int32? {
        let out = try run(["tmux", "-L", socket, "display-message", "-p", "-t", "main", "#{pane_pid}"]).stdout
        return Int32(out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs the reader from the repository root (`command` is what follows `cd ROOT &&`) and
    /// waits until `text` shows and the library has finished loading.
    @discardableResult
    func startReader(_ command: String, waitFor text: String = "Articles") throws -> [String] {
        try shell("cd \(shellQuoted(repositoryRoot.path)) && \(command)")
        return try waitFor("'\(text)' with the library loaded") { rows in
            rows.contains { $0.contains(text) } && !rows.contains { $0.contains("Loading…") || $0.contains("loading ") }
        }
    }

    /// The screen once it has stopped changing (a frame is not read half drawn, and work the
    /// reader finishes in the background is on it), at most `timeout` seconds.
    func settledScreen(timeout: Double = 3) throws -> [String] {
        var last = try screen()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(150_000)
            let again = try screen()
            if again == last { return again }
            last = again
        }
        return last
    }

    /// The process the pane's shell is running in the foreground (the reader), if any.
    func foregroundPID() throws -> Int32? {
        guard let shell = try panePID() else { return nil }
        let out = try run(["pgrep", "-n", "-P", "\(shell)"]).stdout
        return Int32(out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until the screen satisfies `predicate`, at most `timeout` seconds; fails with the
    /// screen when it never does.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, escapes: Bool = false, _ predicate: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw TmuxError(message: "timed out waiting for \(what); the screen was:\n" + last.joined(separator: "\n"))
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> [String] {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains { $0.contains(text) } }
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Quotes a path for `sh`.
func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
