import ReaderCore
import Grid

/// Styles for the parts of the screen, by scope name (`ui.list.selected`). A scope that is not
/// set falls back to its parent (`ui.list.selected` → `ui.list` → `ui`).
public struct Theme: Sendable {
    public var name: String
    public var scopes: [String: Style]

    public init(name: String, scopes: [String: Style]) {
        self.name = name
        self.scopes = scopes
    }

    /// The style of `scope`, or of its nearest parent that has one.
    public func style(_ scope: String) -> Style {
        var name = Substring(scope)
        while true {
            if let style = scopes[String(name)] { return style }
            guard let dot = name.lastIndex(of: ".") else { return .plain }
            name = name[..<dot]
        }
    }

    /// The built-in default theme (themes/default.toml, compiled in), for a dark background.
    public static let defaultDark = builtIn(lightBackground: false)

    /// The built-in default theme in its variant for a light or a dark background.
    public static func builtIn(lightBackground: Bool) -> Theme {
        let (spec, _) = ThemeCatalog.parse(ThemeCatalog.builtInDefault, name: ThemeCatalog.defaultName)
        return spec.map { Theme(spec: $0, lightBackground: lightBackground) }
            ?? Theme(name: ThemeCatalog.defaultName, scopes: ["ui": Style()])
    }
}
