import Terminal

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

    /// The built-in dark theme.
    public static let defaultDark = Theme(name: "default", scopes: [
        "ui": Style(),
        "ui.border": Style(foreground: .indexed(240)),
        "ui.header": Style(foreground: .indexed(244), attributes: [.bold]),
        "ui.list.date": Style(foreground: .indexed(244)),
        "ui.list.selected": Style(foreground: .indexed(230), background: .indexed(24), attributes: [.bold]),
        "ui.list.selected.unfocused": Style(foreground: .indexed(252), background: .indexed(238)),
        "ui.list.current": Style(foreground: .indexed(180)),
        "ui.bookmark": Style(foreground: .indexed(214), attributes: [.bold]),
        "ui.reading.title": Style(foreground: .indexed(223), attributes: [.bold]),
        "ui.reading.meta": Style(foreground: .indexed(244)),
        "ui.reading.lead": Style(foreground: .indexed(151)),
        "ui.reading.lead.bar": Style(foreground: .indexed(65)),
        "ui.reading.heading": Style(foreground: .indexed(180), attributes: [.bold]),
        "ui.reading.trailer": Style(foreground: .indexed(244)),
        "ui.sidebar.title": Style(foreground: .indexed(252)),
        "ui.sidebar.title.in-library": Style(foreground: .indexed(152), attributes: [.bold]),
        "ui.sidebar.summary": Style(foreground: .indexed(244)),
        "ui.sidebar.part": Style(foreground: .indexed(180), attributes: [.bold]),
        "ui.reading.preview": Style(foreground: .indexed(16), background: .indexed(222), attributes: [.bold]),
        "ui.sidebar.selected": Style(foreground: .indexed(230), background: .indexed(24), attributes: [.bold]),
        "ui.statusbar": Style(foreground: .indexed(252), background: .indexed(236)),
        "ui.statusbar.mode": Style(foreground: .indexed(16), background: .indexed(108), attributes: [.bold]),
        "ui.statusbar.message": Style(foreground: .indexed(222), background: .indexed(236)),
        "ui.search.match": Style(foreground: .indexed(16), background: .indexed(180)),
        "ui.search.current": Style(foreground: .indexed(16), background: .indexed(208), attributes: [.bold]),
        "ui.help": Style(foreground: .indexed(252), background: .indexed(235)),
        "ui.help.key": Style(foreground: .indexed(222), background: .indexed(235), attributes: [.bold]),
        "ui.help.title": Style(foreground: .indexed(223), background: .indexed(235), attributes: [.bold]),
    ])
}
