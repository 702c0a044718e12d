import Foundation
import ReaderUI
import Testing

/// Whether to run the install test: it makes a release build with the Swift runtime linked
/// in, which takes minutes (BENCHMARKS.md, "Installing"). `.ci/run` sets it and runs it once.
let installTestEnabled = ProcessInfo.processInfo.environment["YUEDU_INSTALL_TEST"] == "1"

/// The installation the tests share, made once: `scripts/install.sh` into a temporary PREFIX
/// with a space in its path. Removed when the test process exits.
private let installation: Result<String, TmuxError> = {
    let root = NSTemporaryDirectory() + "yuedu install \(getpid())"
    installRoot = strdup(root)
    atexit {
        if let root = installRoot { _ = try? FileManager.default.removeItem(atPath: String(cString: root)) }
    }
    let prefix = root + "/pre fix"
    do {
        let result = try run(["bash", repositoryRoot.appendingPathComponent("scripts/install.sh").path, prefix])
        guard result.status == 0 else { return .failure(TmuxError(message: "install.sh failed:\n\(result.stderr.suffix(4000))")) }
        return .success(prefix)
    } catch {
        return .failure(TmuxError(message: "\(error)"))
    }
}()
nonisolated(unsafe) private var installRoot: UnsafeMutablePointer<CChar>?

/// The installed binary run from another folder with a bare environment (`env -i` with TERM,
/// LANG and HOME only), and the files installed with it.
@Suite(.serialized, .enabled(if: installTestEnabled, "set YUEDU_INSTALL_TEST=1 (.ci/run does) to build and install"))
final class InstallTests {
    let prefix: String
    /// A HOME and a working folder of this test's own.
    let home: String
    let elsewhere: String
    var bin: String { prefix + "/bin/yuedu" }

    init() throws {
        prefix = try installation.get()
        let own = (prefix as NSString).deletingLastPathComponent + "/test-\(UUID().uuidString)"
        home = own + "/home"
        elsewhere = own + "/elsewhere"
        for dir in [home, elsewhere] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    }

    deinit { try? FileManager.default.removeItem(atPath: (home as NSString).deletingLastPathComponent) }

    /// Runs the installed binary in `elsewhere` with only TERM, LANG and HOME set.
    func bare(_ arguments: [String], binary: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(["sh", "-c", "cd \"$1\" && home=$2 && shift 2 && exec env -i TERM=xterm-256color LANG=C.UTF-8 HOME=\"$home\" \"$@\"",
                 "sh", elsewhere, home, binary ?? bin] + arguments)
    }

    @Test func everyFileIsInItsPlace() throws {
        let files = [
            "bin/yuedu", "share/man/man1/yuedu.1",
            "share/bash-completion/completions/yuedu", "share/zsh/site-functions/_yuedu",
            "share/fish/vendor_completions.d/yuedu.fish",
        ] + ["default", "light", "high-contrast", "monochrome"].map { "share/yuedu/themes/\($0).toml" }
        for file in files {
            let attributes = try FileManager.default.attributesOfItem(atPath: prefix + "/" + file)
            #expect((attributes[.size] as? Int ?? 0) > 0, "\(file) is empty")
        }
        #expect(FileManager.default.isExecutableFile(atPath: bin))
        let seeds = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/yuedu/seeds")
        let repoSeeds = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("seeds").path)
        #expect(seeds.sorted() == repoSeeds.sorted())
        // The completions know the subcommands and the reader's options.
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/yuedu", encoding: .utf8)
        for word in ["render", "wrap", "list", "bookmarks", "--theme", "--config"] { #expect(bash.contains(word), "\(word)") }
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/yuedu.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'yuedu'"))
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_yuedu", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef yuedu"))
    }

    @Test func shellsCompleteThemeNamesFromTheInstalledThemes() throws {
        // What the completion scripts run for `yuedu --theme <Tab>`.
        let all = try bare(["---completion", "--", "--theme", "2", "0", "yuedu", "--theme", ""])
        #expect(all.stdout.split(separator: "\n") == ["default", "high-contrast", "light", "monochrome"], "\(all)")
        let h = try bare(["---completion", "--", "--theme", "2", "1", "yuedu", "--theme", "h"])
        #expect(h.stdout.split(separator: "\n") == ["high-contrast"], "\(h)")
    }

    @Test func theBinaryNeedsOnlySystemCLibraries() throws {
        let ldd = try run(["ldd", bin])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").compactMap { $0.split(whereSeparator: \.isWhitespace).first.map(String.init) }
        // The C library and its parts, the terminal, and the C libraries features use.
        let system = ["linux-vdso.so", "libc.so", "libm.so", "ld-linux", "libpthread.so", "libdl.so", "librt.so",
                      "libutil.so", "libncursesw.so", "libtinfo.so", "libstdc++.so", "libgcc_s.so",
                      "libsqlite3.so", "libcmark-gfm.so", "libcmark-gfm-extensions.so", "libopencc.so",
                      "libmarisa.so", "libz.so"]
        #expect(!libraries.isEmpty)
        for library in libraries {
            let name = (library as NSString).lastPathComponent
            #expect(system.contains { name.hasPrefix($0) }, "\(name) is not a system C library:\n\(ldd.stdout)")
            #expect(!name.contains("swift") && !name.contains("Foundation") && !name.contains("dispatch"))
        }
        #expect(!ldd.stdout.contains("not found"))
    }

    @Test func versionNamesTheCommit() throws {
        let result = try bare(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let head = try run(["git", "-C", repositoryRoot.path, "rev-parse", "--short=12", "HEAD"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stdout.hasPrefix("0.2.0-dev (commit \(head)"), "\(result.stdout)")
    }

    @Test func helpShowsHowToReadAndTheSubcommands() throws {
        let result = try bare(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: yuedu [<path> ...] [--theme <name|path>] [--config <path>]"), "\(result.stdout)")
        for word in ["--theme", "--config", "--version", "SUBCOMMANDS:", "render", "wrap", "list", "bookmarks"] {
            #expect(result.stdout.contains(word), "\(word)")
        }
    }

    @Test func listsTheInstalledSamplesAndAnyLibrary() throws {
        let samples = try bare(["list"])
        #expect(samples.status == 0, "\(samples.stderr)")
        let rows = samples.stdout.split(separator: "\n")
        #expect(rows.count == 11, "\(samples.stdout)")
        #expect(rows.allSatisfy { $0.hasSuffix(".txt") && $0.contains(self.prefix + "/share/yuedu/seeds/") })
        let named = try bare(["list", repositoryRoot.appendingPathComponent("seeds").path])
        #expect(named.stdout.split(separator: "\n").count == 11)
        let render = try bare(["render", "--width", "40", prefix + "/share/yuedu/seeds/001_huozi-typesetting.txt"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("泥活字"), "\(render.stdout.prefix(400))")
    }

    @Test func manPageKeyTableIsTheCommandTable() throws {
        let man = try run(["sh", "-c", "MANWIDTH=300 LANG=C.UTF-8 man -l \"$1\" 2>&1", "sh", prefix + "/share/man/man1/yuedu.1"])
        #expect(man.status == 0, "\(man.stdout)")
        // As man shows it: whitespace runs as one space, typographic hyphens and quotes as typed.
        let text = man.stdout.replacingOccurrences(of: "\u{2010}", with: "-").replacingOccurrences(of: "\u{2212}", with: "-")
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "CONFIGURATION", "FILES", "ENVIRONMENT", "EXAMPLES", "EXIT STATUS"] {
            #expect(text.contains(heading), "\(heading)")
        }
        let keymap = Keymap()
        for row in Command.table {
            let context = row.contexts.first ?? .reader
            let keys = keymap.sequences(for: row.command, in: context).map(\.bindingName).joined(separator: " ")
            let table = context == .reader ? "" : " in [\(context.configTable)]"
            let line = "\(keys) \(row.help) (\(row.command.name)\(table))"
            #expect(text.contains(line), "\(line)")
        }
        for option in ["--theme", "--config", "render", "bookmarks", "NO_COLOR", "COLORFGBG", "XDG_CONFIG_HOME"] {
            #expect(text.contains(option), "\(option)")
        }
    }

    @Test func readerFindsItsThemesAndTheUsersInABareEnvironment() throws {
        let userThemes = home + "/.local/share/yuedu/themes"
        try FileManager.default.createDirectory(atPath: userThemes, withIntermediateDirectories: true)
        try "inherits = \"light\"\n".write(toFile: userThemes + "/paper.toml", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("cd \(shellQuoted(elsewhere)) && env -i TERM=\"$TERM\" LANG=C.UTF-8 HOME=\(shellQuoted(home)) \(shellQuoted(bin)) --theme nosuch; echo exit=$?")
        // The first problem shows in the status bar, naming every theme found.
        // The samples installed next to it are its library (the guide is one of them).
        _ = try tmux.waitFor("the samples and the theme message") { rows in
            rows.contains { $0.contains("Articles (11)") } && rows.contains { $0.contains("阅读器使用指南") }
                && rows.contains { $0.contains("no theme named") }
        }
        try tmux.send("q")
        let after = try tmux.waitFor(text: "exit=0")
        let message = after.joined(separator: "\n").replacingOccurrences(of: "\n", with: "")
        #expect(message.contains("installed: default, high-contrast, light, monochrome, paper"), "\(after.joined(separator: "\n"))")
    }

    @Test func aLoneCopyOfTheBinaryStillHasItsDefaultTheme() throws {
        let lone = elsewhere + "/yuedu"
        try FileManager.default.copyItem(atPath: bin, toPath: lone)
        let list = try bare(["list"], binary: lone)
        #expect(list.status != 0)
        #expect(list.stderr.contains("no library to open"), "\(list.stderr)")
        let tmux = try TmuxSession(width: 100, height: 30)
        try tmux.shell("cd \(shellQuoted(elsewhere)) && env -i TERM=\"$TERM\" LANG=C.UTF-8 HOME=\(shellQuoted(home)) ./yuedu --theme light \(shellQuoted(prefix + "/share/yuedu/seeds")); echo exit=$?")
        _ = try tmux.waitFor("the reader on the samples, saying light is missing") { rows in
            rows.contains { $0.contains("Articles (11)") } && rows.contains { $0.contains("no theme named \"light\" (installed: default)") }
        }
        let colours = try tmux.screen(escapes: true).joined()
        #expect(colours.contains("\u{1B}["), "the compiled-in default theme draws in colour")
        try tmux.send("q")
        _ = try tmux.waitFor(text: "exit=0")
    }
}
