import ArgumentParser
import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// `yuedu [PATH...]`: the fullscreen reader.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read articles fullscreen (the default).")

    @Argument(help: "Files or directories of articles; the bundled seeds/ when omitted.")
    var paths: [String] = []

    @Option(help: "A theme: an installed theme's name or a theme file.")
    var theme: String?

    @Option(help: "The configuration file (default: $XDG_CONFIG_HOME/yuedu/config.toml).")
    var config: String?

    func run() throws {
        let setup = ReaderSetup.load(configPath: config, theme: theme)
        let roots = try LibraryPaths.resolve(paths.isEmpty ? setup.configuration.library : paths)
        // A path on the command line that is not there is a mistake to stop at; a configured
        // one (an unmounted disk) is reported as skipped while the rest opens.
        if !paths.isEmpty { try LibraryPaths.requireExisting(roots) }
        let terminal = TerminalSession()
        do {
            try terminal.start()
        } catch let error as TerminalError {
            FileHandle.standardError.write("yuedu: \(error.description)\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        var state = AppState(articles: [], width: terminal.width, height: terminal.height, keymap: setup.keymap)
        setup.apply(to: &state)
        if let notice = terminal.notice { state.show(message: notice) }
        terminal.enableMouse(setup.configuration.mouse)
        let library = LibraryLoader(roots: roots)
        let similarity = BackgroundSimilarity()
        // Index the library once it is all in (and again after each reload).
        library.onLoaded = { similarity.start($0.articles) }
        library.start(&state)
        let loop = ReaderLoop(terminal: terminal, library: library, onWake: [similarity.deliver])
        let code = loop.run(&state)
        terminal.stop()
        loop.reportExitMessages()
        setup.report()
        if let notice = terminal.notice {
            FileHandle.standardError.write("yuedu: \(notice)\n".data(using: .utf8)!)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// `yuedu render FILE --width N`: the article as the reading pane lays it out, to stdout.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print an article as the reading pane lays it out.")

    @Argument(help: "An article file.")
    var file: String

    @Option(name: .shortAndLong, help: "Width in terminal cells.")
    var width: Int = 80

    func validate() throws {
        guard width >= 1 else { throw ValidationError("--width must be at least 1 (got \(width))") }
    }

    func run() throws {
        let article = try ArticleFile.read(path: file).mapError { Failure("\(file): \($0.reason)") }.get()
        let layout = ArticleLayout(article: article, width: width)
        var out = ""
        for line in layout.lines {
            out += line.plainText() + "\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }
}
