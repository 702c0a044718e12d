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
    var themes: [Theme]
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
        var (themes, themeIssues) = Theme.installed(catalog)
        var themeName = ThemeCatalog.preferredName(environment: environment, installed: themes.map(\.name))
        if let wanted = theme ?? configuration.theme {
            if let installed = themes.first(where: { $0.name == wanted }) {
                themeName = installed.name
            } else {
                // A path, or a name with problems: load it on its own and say why it failed.
                let (spec, problems) = catalog.load(wanted)
                themeIssues += problems
                if let spec {
                    themes.removeAll { $0.name == spec.name }
                    themes.append(Theme(spec: spec))
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

    /// Puts the themes, wrapping options and the first problem into a new state.
    func apply(to state: inout AppState) {
        state.themes = themes
        state.selectTheme(named: themeName)
        state.wrapOptions = configuration.wrap
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
