import Foundation
import Testing
import TestSupport

/// Themes, NO_COLOR, a configuration with remapped keys and mistakes, in a real terminal.
@Suite(.serialized) struct ConfigSessionTests {
    /// A config file of its own, so the user's does not matter.
    func configFile(_ text: String) throws -> String {
        let dir = persistenceTemporaryDirectory(prefix: "yuedu-config-")
        let path = dir + "/config.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func start(_ tmux: TmuxSession, _ arguments: String, environment: String = "") throws {
        try tmux.startReader("\(environment) \(shellQuoted(yueduBinary)) \(arguments)")
    }

    /// The colour parameters of every SGR sequence on the screen (30–37, 38, 40–47, 48, 90–97, 100–107).
    func colourCodes(_ rows: [String]) -> [String] {
        var codes: [String] = []
        for row in rows {
            for part in row.components(separatedBy: "\u{1B}[").dropFirst() {
                guard let m = part.firstIndex(of: "m") else { continue }
                for p in part[..<m].split(separator: ";") {
                    guard let n = Int(p) else { continue }
                    if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) {
                        codes.append(String(n))
                    }
                }
            }
        }
        return codes
    }

    @Test func noColorMeansNoColourEscapes() throws {
        let config = try configFile("")
        defer { try? FileManager.default.removeItem(atPath: config) }
        for noColor in [false, true] {
            let tmux = try TmuxSession(width: 100, height: 30, environment: ["TERM": "xterm-256color", "NO_COLOR": ""])
            try start(tmux, "--config \(shellQuoted(config))", environment: noColor ? "NO_COLOR=1" : "")
            let screen = try tmux.screen(escapes: true)
            let codes = colourCodes(screen)
            if noColor {
                #expect(codes.isEmpty, "NO_COLOR=1 still coloured: \(Set(codes))")
                #expect(screen.contains { $0.contains("\u{1B}[") }, "attributes (bold, reverse) remain")
            } else {
                #expect(!codes.isEmpty, "without NO_COLOR the default theme is in colour:\n\(screen.prefix(3).joined(separator: "\n").debugDescription)")
            }
            try tmux.send("q")
            try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
        }
    }

    @Test func aRemappedKeyWorksAndMistakesAreToldWithTheirLine() throws {
        let config = try configFile("""
            theme = "monochrome"
            [keys]
            line-down = ["x"]
            no-such-command = ["z"]
            """)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let tmux = try TmuxSession(width: 120, height: 30)
        try start(tmux, "--config \(shellQuoted(config))")
        var screen = try tmux.waitFor(text: "line 4: unknown command \"no-such-command\"")
        // J to the seed article (long enough to scroll), then j does nothing and x scrolls.
        try tmux.send("J")
        try tmux.waitFor("next article") { $0 != screen }
        screen = try tmux.settledScreen()
        // Keys are handled in order: once x has scrolled, j has had its turn. One line
        // scrolled in all means j did nothing.
        try tmux.send("j")
        try tmux.send("x")
        let before = screen
        try tmux.waitFor("scrolled by x") { $0[0] != before[0] }
        screen = try tmux.settledScreen()
        func reading(_ row: String) -> Substring { row.split(separator: "│", omittingEmptySubsequences: false).dropFirst().first ?? "" }
        #expect(reading(screen[0]) == reading(before[1]), "x scrolled one line and j none:\n\(screen.joined(separator: "\n"))")
        // The help screen lists x for the command.
        try tmux.send("?")
        screen = try tmux.waitFor(text: "Help")
        #expect(screen.contains { $0.contains(" x ") && $0.contains("Scroll down a line") })
        try tmux.send("Escape")
        try tmux.send("q")
        screen = try tmux.waitFor("the message after exit") { $0.contains { $0.contains("yuedu: config:") } }
        // The full path may wrap across rows.
        #expect(screen.joined().contains("config.toml line 4: unknown command \"no-such-command\""), "\(screen)")
    }

    @Test func aCountAndAThemeFromTheCommandLine() throws {
        // A two-key sequence for the top, so that g is a prefix.
        let config = try configFile("[keys]\ntop = [\"g g\", \"Home\"]\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux, "--config \(shellQuoted(config)) --theme light")
        try tmux.send("t")
        try tmux.waitFor(text: "theme: monochrome")
        try tmux.send("5")
        try tmux.waitFor("the count in the status bar") { $0.last { !$0.isEmpty }?.hasSuffix(" 5") == true }
        try tmux.send("g")
        try tmux.waitFor("the count and prefix") { $0.last { !$0.isEmpty }?.hasSuffix(" 5g") == true }
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }

    @Test func aMissingConfiguredFolderIsSkippedNotFatal() throws {
        // Relative library paths are taken from the config file's folder: name the seeds by
        // their full path.
        let seeds = repositoryRoot.appendingPathComponent("seeds").path
        let config = try configFile("library = [\"\(seeds)\", \"/no/such/folder\"]\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let tmux = try TmuxSession(width: 100, height: 30)
        try start(tmux, "--config \(shellQuoted(config))")
        let screen = try tmux.waitFor(text: "1 skipped")
        #expect(screen.contains { $0.contains("文章 Articles (11)") })
        try tmux.send("q")
        try tmux.waitFor("the shell prompt") { $0.last { !$0.isEmpty } == "$" }
    }
}
