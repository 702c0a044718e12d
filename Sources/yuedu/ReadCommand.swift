import ArgumentParser
import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// `yuedu [PATH...]`: the fullscreen reader, the default subcommand (`read`, hidden from the
/// help, which shows its usage as the command's own). `--theme` and `--config` are the root's
/// `ReaderOptions`, decoded once and shared.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read articles fullscreen (the default): yuedu [<path> ...].", shouldDisplay: false)

    @Argument(help: ArgumentHelp(
        "Files or folders of articles; when omitted, the configured library, else the sample articles.",
        valueName: "path"), completion: .file())
    var paths: [String] = []

    @OptionGroup var options: ReaderOptions

    var theme: String? { options.theme }
    var config: String? { options.config }

    // Not in ReaderOptions: the root command parses those too, and it would take
    // `--no-index` from `yuedu list --no-index`.
    @Flag(help: "Read the files directly, without the library index.")
    var noIndex = false

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
            Printing.warn(error.description)
            throw ExitCode(2)
        }
        let answers = terminal.query(background: setup.configuration.background == .auto,
                                     ambiguousWidth: !setup.configuration.ambiguousWideSet)
        let background = setup.background(answered: answers.background)
        terminal.background = background
        var state = AppState(articles: [], width: terminal.width, height: terminal.height, keymap: setup.keymap)
        setup.apply(to: &state, background: background, ambiguousIsWide: answers.ambiguousIsWide)
        if state.wrapOptions.ambiguousIsWide {
            // ncursesw measures ambiguous characters one cell wide; this terminal draws two.
            terminal.drawnWidth = { DisplayWidth.of($0, ambiguousIsWide: true) }
        }
        if let notice = terminal.notice { state.show(message: notice) }
        terminal.enableMouse(setup.configuration.mouse)
        terminal.hyperlinks = setup.configuration.hyperlinks.isOn(environment: ProcessInfo.processInfo.environment)
        state.browser = ProcessInfo.processInfo.environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 }
        let opened = noIndex ? nil : IndexOpening.open(roots: roots)
        if let message = opened?.message { state.show(message: message) }
        let library = LibraryLoader(roots: roots, index: opened?.index)
        let similarity = BackgroundSimilarity()
        // Index the library once it is all in (and again after each reload).
        library.onLoaded = { similarity.start($0.articles) }
        library.start(&state)
        // The tables search matches with, made ready while the reader starts, so that the
        // first `/` does not wait for them (about a tenth of a second, see ChineseVariants).
        let search = setup.configuration.search
        ParallelWork.detach {
            if search.variants { _ = ChineseVariants.shared }
            if search.pinyin { _ = PinyinTable.shared }
        }
        let loop = ReaderLoop(terminal: terminal, library: library, onWake: [similarity.deliver])
        let code = loop.run(&state)
        terminal.stop()
        loop.reportExitMessages()
        setup.report()
        if let notice = terminal.notice {
            Printing.warn(notice)
        }
        // Exit here, as `yuedu list` does: freeing a large library piece by piece on the way
        // out (a quarter of a second for 100,000 articles) would keep the shell waiting.
        Foundation.exit(code)
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
            out += Printing.field(line.plainText()) + "\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }
}
