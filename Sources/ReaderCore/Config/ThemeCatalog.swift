import Foundation

/// The installed themes: TOML files in a list of folders (later folders win), plus the
/// built-in default, which is there even when no folder is.
///
/// A theme file has a `[palette]` of named colours, one entry per scope
/// (`"ui.list.selected" = { fg = "…", bg = "…", modifiers = ["bold"] }`, or a string for the
/// foreground alone) and optionally `inherits = "other"`: the other theme's palette and scopes,
/// with this file's on top.
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The name of the built-in theme.
    public static let defaultName = "default"

    /// The scopes the reader draws with. A scope styles itself and the scopes below it that a
    /// theme leaves out (`ui.reading` styles `ui.reading.body`), so these and every prefix of
    /// them are what a theme may set; any other name is a mistake, reported.
    public static let knownScopes: Set<String> = {
        let drawn = [
            "ui.bookmark", "ui.border", "ui.header", "ui.help.key", "ui.help.title",
            "ui.list.current", "ui.list.date", "ui.list.selected.unfocused",
            "ui.list.context", "ui.list.hit", "ui.list.unread",
            "ui.reading.body", "ui.reading.heading", "ui.reading.lead.bar", "ui.reading.meta",
            "ui.reading.preview", "ui.reading.title", "ui.reading.trailer",
            "ui.reading.heading.1", "ui.reading.heading.2", "ui.reading.heading.3", "ui.reading.heading.4",
            "ui.reading.heading.5", "ui.reading.heading.6", "ui.reading.quote.bar", "ui.reading.code",
            "ui.reading.table.header", "ui.reading.table.border", "ui.reading.emphasis", "ui.reading.strong",
            "ui.reading.strikethrough", "ui.reading.link",
            "ui.search.current", "ui.search.match",
            "ui.sidebar.part", "ui.sidebar.selected", "ui.sidebar.summary", "ui.sidebar.title.in-library",
            "ui.statusbar.message", "ui.statusbar.mode",
        ]
        var names: Set<String> = []
        for scope in drawn {
            var name = Substring(scope)
            while true {
                names.insert(String(name))
                guard let dot = name.lastIndex(of: ".") else { break }
                name = name[..<dot]
            }
        }
        return names
    }()

    /// The issue for a scope no part of the reader draws, naming the closest known one.
    static func unknownScope(_ name: String, at file: String, line: Int?) -> ConfigIssue? {
        guard !knownScopes.contains(name) else { return nil }
        let closest = knownScopes.min { distance($0, name) < distance($1, name) }
        let suggestion = closest.map { distance($0, name) <= 3 ? " (did you mean \"\($0)\"?)" : "" } ?? ""
        return ConfigIssue(file: file, line: line, message: "unknown scope \"\(name)\": ignored\(suggestion)")
    }

    /// Edit distance, for suggestions between short names.
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count < 100, b.count < 100 else { return Int.max }
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    /// The theme names, the default first, then the others sorted.
    public var names: [String] {
        var names: Set<String> = [Self.defaultName]
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return [Self.defaultName] + names.subtracting([Self.defaultName]).sorted()
    }

    /// Loads a theme by name or by path (anything with a `/` or ending in `.toml`).
    /// Returns nil with the reasons when it cannot; otherwise the theme and any problems in it
    /// (a bad scope is left out, the rest applies).
    public func load(_ nameOrPath: String) -> (theme: ThemeSpec?, issues: [ConfigIssue]) {
        var issues: [ConfigIssue] = []
        guard let merged = raw(nameOrPath, chain: [], issues: &issues) else { return (nil, issues) }
        let name = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
            ? ((nameOrPath as NSString).lastPathComponent as NSString).deletingPathExtension : nameOrPath
        return (Self.resolve(merged, name: name, issues: &issues), issues)
    }

    /// Parses theme text on its own (no `inherits`), for the built-in theme and tests.
    public static func parse(_ text: String, name: String) -> (theme: ThemeSpec?, issues: [ConfigIssue]) {
        var issues: [ConfigIssue] = []
        guard let raw = rawTheme(text: text, file: name + ".toml", issues: &issues) else { return (nil, issues) }
        return (resolve(raw, name: name, issues: &issues), issues)
    }

    /// Every colour of a merged theme looked up: its scopes, and those of its light variant.
    private static func resolve(_ raw: RawTheme, name: String, issues: inout [ConfigIssue]) -> ThemeSpec {
        var spec = ThemeSpec(name: name, scopes: scopes(raw.scopes, palette: raw.palette, issues: &issues))
        if raw.hasLight {
            // Problems in what the variant shares with the dark side are told once.
            var lightIssues: [ConfigIssue] = []
            spec.lightScopes = scopes(raw.scopes.merging(raw.lightScopes) { _, light in light },
                                      palette: raw.palette.merging(raw.lightPalette) { _, light in light },
                                      issues: &lightIssues)
            issues += lightIssues.filter { !issues.contains($0) }
        }
        spec.background = raw.background?.value ?? .auto
        return spec
    }

    private static func scopes(_ entries: [String: Entry], palette: [String: Entry],
                               issues: inout [ConfigIssue]) -> [String: ThemeScope] {
        var scopes: [String: ThemeScope] = [:]
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            if let resolved = scope(entry.value, palette: palette, at: entry.origin, issues: &issues) {
                scopes[name] = resolved
            }
        }
        return scopes
    }

    // MARK: - Raw files and inheritance

    private struct Origin { var file: String; var line: Int? }
    private struct Entry { var value: ConfigValue; var origin: Origin }
    private struct RawTheme {
        var inherits: (name: String, origin: Origin)?
        /// `background = "light"` or `"dark"`: the theme is made for that background.
        var background: (value: Configuration.Background, origin: Origin)?
        var palette: [String: Entry] = [:]
        var scopes: [String: Entry] = [:]
        /// `[light]` and `[light.palette]`: what changes on a light background.
        var hasLight = false
        var lightPalette: [String: Entry] = [:]
        var lightScopes: [String: Entry] = [:]
    }

    /// The file for a theme name: the last folder that has it.
    public func path(of name: String) -> String? {
        for dir in directories.reversed() {
            let path = (dir as NSString).appendingPathComponent(name + ".toml")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    private func raw(_ nameOrPath: String, chain: [String], issues: inout [ConfigIssue]) -> RawTheme? {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
        let text: String
        let file: String
        if isPath {
            file = nameOrPath
            guard let t = Self.read(nameOrPath, issues: &issues) else { return nil }
            text = t
        } else if let path = path(of: nameOrPath) {
            file = (path as NSString).lastPathComponent
            guard let t = Self.read(path, issues: &issues) else { return nil }
            text = t
        } else if nameOrPath == Self.defaultName {
            file = "default.toml (built in)"
            text = Self.builtInDefault
        } else {
            issues.append(ConfigIssue(message: "no theme named \"\(nameOrPath)\" (installed: \(names.joined(separator: ", ")))"))
            return nil
        }
        guard var theme = Self.rawTheme(text: text, file: file, issues: &issues) else { return nil }
        guard let parent = theme.inherits else { return theme }
        if chain.contains(parent.name) || chain.count > 16 || parent.name == nameOrPath {
            issues.append(ConfigIssue(file: parent.origin.file, line: parent.origin.line,
                                      message: "inherits = \"\(parent.name)\" makes a loop: ignored"))
            return theme
        }
        guard let base = raw(parent.name, chain: chain + [nameOrPath], issues: &issues) else {
            issues.append(ConfigIssue(file: parent.origin.file, line: parent.origin.line,
                                      message: "cannot inherit from \"\(parent.name)\": ignored"))
            return theme
        }
        // What this file sets wins over the parent's, light variant included: a scope set here
        // for every background is not taken back by the parent's light one.
        let own = theme
        theme.palette = base.palette.merging(own.palette) { _, own in own }
        theme.scopes = base.scopes.merging(own.scopes) { _, own in own }
        theme.lightPalette = base.lightPalette.filter { own.palette[$0.key] == nil }.merging(own.lightPalette) { _, own in own }
        theme.lightScopes = base.lightScopes.filter { own.scopes[$0.key] == nil }.merging(own.lightScopes) { _, own in own }
        theme.hasLight = base.hasLight || own.hasLight
        theme.background = own.background ?? base.background
        return theme
    }

    private static func read(_ path: String, issues: inout [ConfigIssue]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            issues.append(ConfigIssue(file: path, line: nil, message: "cannot read the theme file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            issues.append(ConfigIssue(file: path, line: nil, message: "the theme file is not UTF-8"))
            return nil
        }
        return text
    }

    private static func rawTheme(text: String, file: String, issues: inout [ConfigIssue]) -> RawTheme? {
        let table: [String: ConfigValue]
        do {
            table = try ConfigValue.parse(toml: text)
        } catch {
            var issue = error
            issue.file = file
            issues.append(issue)
            return nil
        }
        let source = ConfigSource(text)
        var theme = RawTheme()
        for (key, value) in table {
            let origin = Origin(file: file, line: source.line(of: key))
            switch key {
            case "inherits":
                if case .string(let name) = value {
                    theme.inherits = (name, origin)
                } else {
                    issues.append(ConfigIssue(file: file, line: origin.line, message: "inherits must be a theme name, found \(value.typeName)"))
                }
            case "background":
                if case .string(let name) = value, let b = Configuration.Background(rawValue: name), b != .auto {
                    theme.background = (b, origin)
                } else {
                    issues.append(ConfigIssue(file: file, line: origin.line, message: "background must be \"light\" or \"dark\" (the background the theme is made for)"))
                }
            case "palette":
                guard case .table(let palette) = value else {
                    issues.append(ConfigIssue(file: file, line: origin.line, message: "palette must be a table of colours"))
                    continue
                }
                for (name, colour) in palette {
                    theme.palette[name] = Entry(value: colour, origin: Origin(file: file, line: source.line(of: name, in: "palette")))
                }
            case "light":
                guard case .table(let light) = value else {
                    issues.append(ConfigIssue(file: file, line: origin.line, message: "light must be a table ([light]: the scopes for a light background)"))
                    continue
                }
                theme.hasLight = true
                for (name, entry) in light {
                    if name == "palette", case .table(let palette) = entry {
                        for (colourName, colour) in palette {
                            theme.lightPalette[colourName] = Entry(value: colour, origin: Origin(file: file, line: source.line(of: colourName, in: "light.palette")))
                        }
                    } else if let issue = unknownScope(name, at: file, line: source.line(of: name, in: "light")) {
                        issues.append(issue)
                    } else {
                        theme.lightScopes[name] = Entry(value: entry, origin: Origin(file: file, line: source.line(of: name, in: "light")))
                    }
                }
            default:
                if let issue = unknownScope(key, at: file, line: origin.line) {
                    issues.append(issue)
                    continue
                }
                theme.scopes[key] = Entry(value: value, origin: origin)
            }
        }
        return theme
    }

    // MARK: - Scopes and colours

    private static func scope(_ value: ConfigValue, palette: [String: Entry], at origin: Origin,
                              issues: inout [ConfigIssue]) -> ThemeScope? {
        func issue(_ message: String) { issues.append(ConfigIssue(file: origin.file, line: origin.line, message: message)) }
        func colour(_ value: ConfigValue, _ what: String) -> ThemeColor? {
            if case .string(let name) = value, let entry = palette[name] {
                if let c = ThemeColor(entry.value) { return c }
                issues.append(ConfigIssue(file: entry.origin.file, line: entry.origin.line,
                                          message: "palette colour \"\(name)\" is not a colour"))
                return nil
            }
            if let c = ThemeColor(value) { return c }
            issue("\(what): \(describe(value)) is not a colour (a name like \"red\", \"#rrggbb\", 0–255 or a palette name)")
            return nil
        }
        switch value {
        case .string, .integer:
            return colour(value, "colour").map { ThemeScope(foreground: $0) }
        case .table(let fields):
            var scope = ThemeScope()
            for (field, v) in fields.sorted(by: { $0.key < $1.key }) {
                switch field {
                case "fg": scope.foreground = colour(v, "fg")
                case "bg": scope.background = colour(v, "bg")
                case "modifiers":
                    guard case .array(let items) = v else { issue("modifiers must be a list, found \(v.typeName)"); continue }
                    for item in items {
                        if case .string(let s) = item, let m = ThemeModifier(rawValue: s) {
                            scope.modifiers.insert(m)
                        } else {
                            issue("unknown modifier \(describe(item)) (bold, dim, italic, underline, reverse)")
                        }
                    }
                default:
                    issue("unknown field \"\(field)\" in a scope (fg, bg, modifiers)")
                }
            }
            return scope
        default:
            issue("a scope is a colour or { fg, bg, modifiers }, found \(value.typeName)")
            return nil
        }
    }

    private static func describe(_ value: ConfigValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .integer(let n): return String(n)
        default: return value.typeName
        }
    }
}
