import ReaderCore
import Grid

extension Theme {
    /// The theme a parsed theme file describes, in its variant for a light or a dark
    /// terminal background (`lightBackground`).
    public init(spec: ThemeSpec, lightBackground: Bool = false) {
        var scopes: [String: Style] = [:]
        for (name, scope) in spec.scopes(lightBackground: lightBackground) {
            var attributes: Attributes = []
            for modifier in scope.modifiers {
                switch modifier {
                case .bold: attributes.insert(.bold)
                case .dim: attributes.insert(.dim)
                case .italic: attributes.insert(.italic)
                case .underline: attributes.insert(.underline)
                case .reverse: attributes.insert(.reverse)
                }
            }
            scopes[name] = Style(foreground: Self.color(scope.foreground), background: Self.color(scope.background),
                                 attributes: attributes)
        }
        self.init(name: spec.name, scopes: scopes)
    }

    static func color(_ color: ThemeColor?) -> Color {
        switch color {
        case nil, .default?: return .default
        case .indexed(let i)?: return .indexed(i)
        case .rgb(let r, let g, let b)?: return .rgb(r, g, b)
        }
    }

    /// Loads the themes of `catalog` in its order; a theme that does not load is left out and
    /// its problems are returned. The default is always there (built in when no file has it).
    public static func installed(_ catalog: ThemeCatalog, lightBackground: Bool = false) -> (themes: [Theme], issues: [ConfigIssue]) {
        var themes: [Theme] = []
        var issues: [ConfigIssue] = []
        for name in catalog.names {
            let (spec, problems) = catalog.load(name)
            issues += problems
            if let spec { themes.append(Theme(spec: spec, lightBackground: lightBackground)) }
        }
        if !themes.contains(where: { $0.name == ThemeCatalog.defaultName }) {
            themes.insert(.builtIn(lightBackground: lightBackground), at: 0)
        }
        return (themes, issues)
    }
}

extension Theme: Equatable {
    public static func == (a: Theme, b: Theme) -> Bool { a.name == b.name && a.scopes == b.scopes }
}
