/// A colour as a theme file gives it, before it meets a terminal.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 256 indexed colours (0–15 are the ANSI colours).
    case indexed(UInt8)
    /// `#rrggbb`: shown as the nearest of the 256.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI colour names and their indices.
    public static let names: [String: UInt8] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var names: [String: UInt8] = [:]
        for (i, name) in base.enumerated() {
            names[name] = UInt8(i)
            names["bright-" + name] = UInt8(i + 8)
            names["light-" + name] = UInt8(i + 8)
        }
        names["gray"] = 8
        names["grey"] = 8
        return names
    }()

    /// Parses `"red"`, `"bright-blue"`, `"#ffd7af"`, `"default"`, `"244"` or the integer `244`.
    public init?(_ value: ConfigValue) {
        switch value {
        case .integer(let n):
            guard (0...255).contains(n) else { return nil }
            self = .indexed(UInt8(n))
        case .string(let s):
            let name = s.lowercased()
            if name == "default" || name == "reset" { self = .default; return }
            if let index = Self.names[name] { self = .indexed(index); return }
            if let n = UInt8(name) { self = .indexed(n); return }
            guard name.count == 7, name.first == "#", let rgb = UInt32(name.dropFirst(), radix: 16) else { return nil }
            self = .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
        default:
            return nil
        }
    }
}

/// Text attributes a theme can ask for.
public enum ThemeModifier: String, CaseIterable, Hashable, Sendable {
    case bold, dim, italic, underline, reverse
}

/// How one scope looks: colours (nil: the terminal's default) and modifiers.
public struct ThemeScope: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var modifiers: Set<ThemeModifier>

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, modifiers: Set<ThemeModifier> = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }
}

/// A theme with its inheritance applied and every colour resolved: plain values, no terminal.
public struct ThemeSpec: Hashable, Sendable {
    public var name: String
    /// The scopes (on a dark background, when the theme has a light variant).
    public var scopes: [String: ThemeScope]
    /// The scopes on a light background, when the theme has a `[light]` table.
    public var lightScopes: [String: ThemeScope]?
    /// The background the theme is made for (`background =` in its file), or `auto`: it
    /// follows the terminal's.
    public var background: Configuration.Background = .auto

    public init(name: String, scopes: [String: ThemeScope], lightScopes: [String: ThemeScope]? = nil) {
        self.name = name
        self.scopes = scopes
        self.lightScopes = lightScopes
    }

    /// The background the theme will meet on a terminal whose background is `light` or not.
    public func meets(lightBackground light: Bool) -> Bool {
        switch background {
        case .auto: return light
        case .light: return true
        case .dark: return false
        }
    }

    /// The scopes to use on a terminal whose background is light (`light`) or dark.
    public func scopes(lightBackground light: Bool) -> [String: ThemeScope] {
        meets(lightBackground: light) ? (lightScopes ?? scopes) : scopes
    }
}
