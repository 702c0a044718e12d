import Foundation
import ReaderCore

extension ReaderOptions {
    /// The installed theme names, for the shells' completion of `--theme` (the shell runs
    /// `yuedu ---completion` with the words typed so far and filters what this returns).
    @Sendable static func themeNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog(directories: ThemeCatalog.folders(
            installed: SharedFiles.themes, configFile: Configuration.defaultPath(environment: environment),
            environment: environment))
        return catalog.names.filter { $0.hasPrefix(prefix) }
    }
}
