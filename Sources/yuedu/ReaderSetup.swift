import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// The user's configuration, keymap and themes, loaded before the reader starts; every
/// problem found on the way is kept to be told (status bar at start, stderr at exit).
struct ReaderSetup {
    var configuration: Configuration
    var keymap: Keymap
    /// The installed themes as parsed; each becomes a `Theme` once the background is known.
    var themes: [ThemeSpec]
    var themeName: String
    var issues: [ConfigIssue]

    /// Loads `--config PATH` (or the default file, which may be missing) and the themes;
    /// `--theme` wins over the configuration's `theme`.
    static func load(configPath: String?, theme: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ReaderSetup {
        let path = configPath ?? Configuration.defaultPath(environment: environment)
        let configuration = Configuration.load(path: path, required: configPath != nil)
        var issues = configuration.issues
        var keymap = Keymap()
        issues += keymap.apply(configuration.keys, file: configuration.file)

        let catalog = ThemeCatalog(directories: ThemeCatalog.folders(
            installed: SharedFiles.themes, configFile: path, environment: environment))
        var themes: [ThemeSpec] = []
        var themeIssues: [ConfigIssue] = []
        for name in catalog.names {
            let (spec, problems) = catalog.load(name)
            themeIssues += problems
            if let spec { themes.append(spec) }
        }
        if !themes.contains(where: { $0.name == ThemeCatalog.defaultName }),
           let builtIn = ThemeCatalog.parse(ThemeCatalog.builtInDefault, name: ThemeCatalog.defaultName).theme {
            themes.insert(builtIn, at: 0)
        }
        // The default theme follows the terminal's background (see `background(answered:)`).
        var themeName = ThemeCatalog.defaultName
        if let wanted = theme ?? configuration.theme {
            if let installed = themes.first(where: { $0.name == wanted }) {
                themeName = installed.name
            } else {
                // A path, or a name with problems: load it on its own and say why it failed.
                let (spec, problems) = catalog.load(wanted)
                themeIssues += problems
                if let spec {
                    themes.removeAll { $0.name == spec.name }
                    themes.append(spec)
                    themeName = spec.name
                }
            }
        }
        // Problems in themes that are not in use are not worth a word at start.
        for issue in themeIssues where !issues.contains(issue) {
            if issue.file.map({ $0.hasPrefix(themeName + ".") || $0 == wanted(theme, configuration) }) ?? true {
                issues.append(issue)
            }
        }
        return ReaderSetup(configuration: configuration, keymap: keymap, themes: themes, themeName: themeName, issues: issues)
    }

    private static func wanted(_ theme: String?, _ configuration: Configuration) -> String? {
        theme ?? configuration.theme
    }

    /// The terminal's background: as configured, else as the terminal answered (OSC 11), else
    /// as `COLORFGBG` says, else dark.
    func background(answered: RGB?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalBackground {
        switch configuration.background {
        case .light: return answered.map { TerminalBackground(.light, color: $0) } ?? .light
        case .dark: return answered.map { TerminalBackground(.dark, color: $0) } ?? .dark
        case .auto:
            if let answered { return TerminalBackground(color: answered) }
            return ThemeCatalog.backgroundIsLight(colorFGBG: environment["COLORFGBG"]) == true ? .light : .dark
        }
    }

    /// Puts the themes (in their variant for `background`), wrapping options and the first
    /// problem into a new state; `ambiguousIsWide` is what the terminal answered, used
    /// unless the configuration says.
    func apply(to state: inout AppState, background: TerminalBackground = .dark, ambiguousIsWide: Bool? = nil) {
        state.themes = themes.map { Theme(spec: $0, lightBackground: background.kind == .light) }
        state.selectTheme(named: themeName)
        state.wrapOptions = configuration.wrap
        if !configuration.ambiguousWideSet, let ambiguousIsWide { state.wrapOptions.ambiguousIsWide = ambiguousIsWide }
        state.matchOptions = configuration.search
        if var first = issues.first {
            first.file = first.file.map { ($0 as NSString).lastPathComponent }
            let more = issues.count > 1 ? " (+\(issues.count - 1) more, listed on exit)" : ""
            state.show(message: "config: \(first)\(more)")
        }
    }

    /// Writes every problem to stderr, one a line.
    func report() {
        for issue in issues {
            Printing.warn("config: \(issue)")
        }
    }
}
