import Grid
extension AppState {
    /// The theme in use.
    public var theme: Theme { themes.indices.contains(themeIndex) ? themes[themeIndex] : .defaultDark }

    /// Uses the installed theme named `name`; false when there is none.
    @discardableResult
    public mutating func selectTheme(named name: String) -> Bool {
        guard let index = themes.firstIndex(where: { $0.name == name }) else { return false }
        themeIndex = index
        return true
    }

    /// `t`: the next installed theme, named in the status bar.
    mutating func cycleTheme() {
        guard !themes.isEmpty else { return }
        themeIndex = (themeIndex + 1) % themes.count
        message = "theme: \(theme.name) (\(themeIndex + 1)/\(themes.count))"
    }
}
