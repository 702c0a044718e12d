import Foundation
import Testing

/// yuedu over a real SSH connection: a private `sshd` on 127.0.0.1 with keys made for the
/// run, `ssh -tt` inside tmux, and a connection that drops (the client killed with SIGKILL).
@Suite(.serialized) struct SSHSessionTests {
    /// A throwaway sshd: host key, user key and configuration in a temporary directory.
    final class SSHServer {
        let dir: URL
        let port: Int
        let userKey: String
        private let pidFile: String

        init() throws {
            let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"].first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let sshd else {
                throw TmuxError(message: "sshd is not installed: install openssh-server (.ci/run does) to run the SSH tests")
            }
            guard (try? run(["ssh", "-V"]))?.status == 0 else {
                throw TmuxError(message: "ssh is not installed: install openssh-client (.ci/run does)")
            }
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("yuedu-sshd-\(getpid())-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let hostKey = dir.appendingPathComponent("host_ed25519").path
            userKey = dir.appendingPathComponent("user_ed25519").path
            for key in [hostKey, userKey] {
                let made = try run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key])
                guard made.status == 0 else { throw TmuxError(message: "ssh-keygen failed: \(made.stderr)") }
            }
            let authorized = dir.appendingPathComponent("authorized_keys").path
            try FileManager.default.copyItem(atPath: userKey + ".pub", toPath: authorized)
            // Privilege separation needs this directory.
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            port = try Self.freePort()
            pidFile = dir.appendingPathComponent("sshd.pid").path
            let config = dir.appendingPathComponent("sshd_config").path
            try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKey)
            PidFile \(pidFile)
            AuthorizedKeysFile \(authorized)
            StrictModes no
            UsePAM no
            PermitRootLogin yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PrintMotd no
            PrintLastLog no
            Banner none

            """.write(toFile: config, atomically: true, encoding: .utf8)
            let started = try run([sshd, "-f", config, "-E", dir.appendingPathComponent("sshd.log").path])
            guard started.status == 0 else { throw TmuxError(message: "sshd did not start: \(started.stderr)") }
            let deadline = Date().addingTimeInterval(10)
            while !Self.accepts(port: port) {
                guard Date() < deadline else { throw TmuxError(message: "sshd is not listening on port \(port)") }
                usleep(50_000)
            }
        }

        deinit {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGTERM)
            }
            try? FileManager.default.removeItem(at: dir)
        }

        /// A port nobody listens on now.
        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
                }
            }
            guard bound else { throw TmuxError(message: "no free port") }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        static func accepts(port: Int) -> Bool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        }
    }

    /// The ids of the processes running the binary at `path` (the command line starts with it).
    func processes(_ path: String) throws -> [String] {
        try run(["pgrep", "-f", "^" + path]).stdout.split(separator: "\n").map(String.init)
    }

    @Test func aDroppedConnectionEndsTheReaderWithinASecond() throws {
        let server = try SSHServer()
        // A unique name for the binary, so that pgrep finds this reader and no other.
        let marker = "yuedu-over-ssh-\(UUID().uuidString.prefix(8))"
        let binary = server.dir.appendingPathComponent(marker).path
        try FileManager.default.createSymbolicLink(atPath: binary, withDestinationPath: yueduBinary)
        let exitFile = server.dir.appendingPathComponent("exit-status").path
        // HUP is ignored by the remote shell only, so that it can record how the reader ended;
        // yuedu installs its own handler.
        // Bookmarks and positions go to this run's own folders, not the account's.
        let state = server.dir.appendingPathComponent("state").path
        let data = server.dir.appendingPathComponent("data").path
        let remote = "cd \(shellQuoted(repositoryRoot.path)) && trap '' HUP && LANG=C.UTF-8 XDG_STATE_HOME=\(shellQuoted(state)) XDG_DATA_HOME=\(shellQuoted(data)) XDG_CONFIG_HOME=\(shellQuoted(data)) \(shellQuoted(binary)); echo $? > \(shellQuoted(exitFile))"

        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("ssh -tt -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes -i \(shellQuoted(server.userKey)) -p \(server.port) root@127.0.0.1 \(shellQuoted(remote))")
        var screen = try tmux.waitFor(text: "Articles", timeout: 20)
        #expect(screen.contains { $0.contains("文章 Articles") }, "Chinese over SSH")
        #expect(try processes(binary).count == 1, "the reader runs on the far side")

        // Read: a line, a page.
        let top = screen[0]
        try tmux.send("j")
        screen = try tmux.waitFor("scrolled a line") { $0[0] != top }
        try tmux.send("Space")
        try tmux.waitFor("scrolled a page") { $0 != screen }

        // Search: the prompt, Chinese typed over the connection, the next match.
        try tmux.send("/")
        try tmux.waitFor("the search prompt") { $0.last { !$0.isEmpty }?.hasPrefix("/") == true }
        try tmux.send("的", literal: true)
        try tmux.send("Enter")
        func counter(_ rows: [String]) -> String? {
            let status = rows.last { !$0.isEmpty } ?? ""
            return status.range(of: #"\[[0-9]+/[0-9]+\]"#, options: .regularExpression).map { String(status[$0]) }
        }
        let first = try #require(counter(try tmux.waitFor("a match") { counter($0) != nil }))
        try tmux.send("n")
        try tmux.waitFor("the next match") { counter($0) != nil && counter($0) != first }

        // Resize: the window size travels over SSH.
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("the 70×20 layout") { rows in !rows.contains { $0.contains("Related") } && rows.prefix(20).contains { $0.contains("READ") } }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor(text: "相关 Related")

        // Drop the connection: kill the ssh client outright.
        let shell = try #require(try tmux.panePID())
        let client = try run(["pgrep", "-P", "\(shell)", "-x", "ssh"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!client.isEmpty && !client.contains("\n"), "one ssh client, got '\(client)'")
        let killed = Date()
        try run(["kill", "-KILL", client])
        var left = try processes(binary)
        while !left.isEmpty, Date().timeIntervalSince(killed) < 5 {
            usleep(20_000)
            left = try processes(binary)
        }
        let elapsed = Date().timeIntervalSince(killed)
        #expect(left.isEmpty, "yuedu processes left behind: \(left)")
        #expect(elapsed < 1.0, "the reader took \(elapsed) s to leave")

        // It noticed the hang-up and left through its own exit path (129), not killed by it.
        var status = ""
        let deadline = Date().addingTimeInterval(5)
        while status.isEmpty, Date() < deadline {
            status = ((try? String(contentsOfFile: exitFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if status.isEmpty { usleep(50_000) }
        }
        #expect(status == "129", "exit status after the hang-up: '\(status)'")
        // What it had to save is saved: where the article was left.
        let positions = (try? String(contentsOfFile: state + "/yuedu/positions.json", encoding: .utf8)) ?? ""
        #expect(positions.contains("农家书屋"), "the reading position is saved:\n\(positions)")
    }
}
