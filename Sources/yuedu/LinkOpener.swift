import Foundation
import ReaderCore
import Terminal

/// Opens a link with the browser `$BROWSER` names (see `BrowserCommand`): spawned with an
/// argument vector, never through a shell. A browser that draws in the terminal gets it
/// back until it exits; any other runs detached in a session of its own, its input and output
/// on /dev/null, so it neither scribbles over the reader nor dies with it.
enum LinkOpener {
    /// Runs the first of the commands that starts; returns what to tell the reader.
    static func open(_ url: String, browser: String, terminal: TerminalSession) -> String {
        let commands = BrowserCommand.commands(browser: browser, url: url)
        guard !commands.isEmpty else { return "BROWSER names no command" }
        var failure = ""
        for command in commands {
            if command.usesTerminal {
                var result: Result<Int32, SpawnError> = .failure(SpawnError(message: ""))
                terminal.giveBack { result = runInTerminal(command.arguments) }
                switch result {
                case .success: return "back from \(Printing.field(command.arguments[0]))"
                case .failure(let error): failure = error.message
                }
            } else {
                switch spawn(command.arguments, detached: true) {
                case .success(let pid):
                    // Reap it when it exits, without holding the loop.
                    let reaper = Thread { var status: Int32 = 0; while waitpid(pid, &status, 0) < 0 && errno == EINTR {} }
                    reaper.start()
                    return "opened with \(Printing.field(command.arguments[0]))"
                case .failure(let error):
                    failure = error.message
                }
            }
        }
        return failure
    }

    struct SpawnError: Error { var message: String }

    /// Runs a browser on the terminal and waits for it, ignoring Ctrl-C and Ctrl-\ meanwhile
    /// as `system(3)` does (they are the browser's); its exit status.
    private static func runInTerminal(_ arguments: [String]) -> Result<Int32, SpawnError> {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var savedInt = sigaction(), savedQuit = sigaction()
        sigaction(SIGINT, &ignore, &savedInt)
        sigaction(SIGQUIT, &ignore, &savedQuit)
        defer {
            sigaction(SIGINT, &savedInt, nil)
            sigaction(SIGQUIT, &savedQuit, nil)
        }
        switch spawn(arguments, detached: false) {
        case .success(let pid):
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return .success(status)
        case .failure(let error):
            return .failure(error)
        }
    }

    /// `posix_spawnp` with the default signal dispositions and no signal blocked; detached: a
    /// new session, standard input and output on /dev/null.
    private static func spawn(_ arguments: [String], detached: Bool) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if detached {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH, SIGPIPE, SIGCHLD, SIGTSTP, SIGCONT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // POSIX_SPAWN_SETSID (glibc 2.26) is not imported into Swift: its value, 0x80.
        let setsid: Int32 = detached ? 0x80 : 0
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard rc == 0 else {
            return .failure(SpawnError(message: "cannot run \(Printing.field(arguments[0])): \(String(cString: strerror(rc)))"))
        }
        return .success(pid)
    }
}
