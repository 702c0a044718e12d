import Foundation

/// The user's settings from `config.toml`. A bad setting never stops the reader: it keeps its
/// default and the problem is listed in `issues`, with its line.
///
/// ```toml
/// theme = "light"
/// background = "auto"
/// mouse = true
/// library = ["~/articles"]
///
/// [wrap]
/// indent = true
/// ambiguous-wide = "auto"
///
/// [search]
/// variants = true   # 乡 finds 鄉 (simplified and traditional as one)
/// pinyin = true     # xczx finds 乡村振兴
///
/// [keys]
/// line-down = ["j", "Down", "x"]
/// top = ["g g", "Home"]
///
/// [keys.prompt]
/// prompt-cancel = ["Esc", "C-g"]
/// ```
public struct Configuration: Sendable {
    /// A `[keys]` entry as written: the command's name, its keys, and the line (for messages).
    /// The UI checks the names; the core knows neither commands nor keys.
    public struct KeyBinding: Hashable, Sendable {
        public var command: String
        public var keys: [String]
        public var line: Int?
        /// The sub-table it was written in (`prompt` for `[keys.prompt]`); nil for `[keys]`.
        public var context: String? = nil
    }

    /// The terminal's background as the user says it, or `auto`: ask the terminal.
    public enum Background: String, Sendable, CaseIterable {
        case auto, light, dark
    }

    public var theme: String?
    public var background = Background.auto
    public var mouse = true
    public var wrap = WrapOptions()
    /// The kinds of match search adds to the text as written (`[search]`).
    public var search = MatchOptions()
    /// Whether `wrap.ambiguous-wide` was set (true or false); when not (or "auto"), the reader
    /// asks the terminal how it draws an ambiguous character.
    public var ambiguousWideSet = false
    /// Folders or files to open when no PATH is given, `~` expanded, relative to the config's folder.
    public var library: [String] = []
    public var keys: [KeyBinding] = []
    public var issues: [ConfigIssue] = []
    /// The file the settings came from, when any.
    public var file: String?

    public init() {}

    /// `$HOME`, or the password file's home when it is not set.
    static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// `$XDG_CONFIG_HOME/yuedu/config.toml`, or `~/.config/yuedu/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/yuedu/config.toml"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/yuedu/config.toml"
    }

    /// Reads the settings at `path`. A missing file is fine (`required` false: the defaults,
    /// no message) unless the user named it.
    public static func load(path: String, required: Bool) -> Configuration {
        guard FileManager.default.fileExists(atPath: path) else {
            var config = Configuration()
            if required { config.issues.append(ConfigIssue(file: path, message: "no such file: using the defaults")) }
            return config
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            var config = Configuration()
            config.issues.append(ConfigIssue(file: path, message: "cannot read it as UTF-8 text: using the defaults"))
            return config
        }
        return parse(text, file: path, directory: (path as NSString).deletingLastPathComponent)
    }

    /// Parses settings from TOML text; `directory` anchors relative library paths.
    public static func parse(_ text: String, file: String? = nil, directory: String = ".") -> Configuration {
        var config = Configuration()
        config.file = file
        // A line TOML cannot read is reported and left out, and the rest is read again: one
        // mistake costs that setting, not the whole file.
        var text = text
        var table: [String: ConfigValue] = [:]
        for attempt in 0...20 {
            do {
                table = try ConfigValue.parse(toml: text)
                break
            } catch {
                var issue = error
                issue.file = file
                var lines = text.components(separatedBy: "\n")
                guard attempt < 20, let line = error.line, lines.indices.contains(line - 1) else {
                    issue.message += ": using the defaults"
                    config.issues.append(issue)
                    return config
                }
                issue.message += ": that line is left out" + Self.hint(forLine: lines[line - 1])
                config.issues.append(issue)
                lines[line - 1] = ""
                text = lines.joined(separator: "\n")
            }
        }
        let source = ConfigSource(text)
        func issue(_ message: String, key: String, table: String = "") {
            let line = source.line(of: key, in: table) ?? source.line(ofTable: table.isEmpty ? key : table)
            config.issues.append(ConfigIssue(file: file, line: line, message: message))
        }
        func bool(_ value: ConfigValue, _ key: String, in table: String = "") -> Bool? {
            if case .boolean(let b) = value { return b }
            issue("\(table.isEmpty ? key : table + "." + key) must be true or false\(key == "ambiguous-wide" ? " (or \"auto\")" : ""), found \(value.typeName)", key: key, table: table)
            return nil
        }
        for (key, value) in table.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "theme":
                if case .string(let name) = value, !name.isEmpty { config.theme = name }
                else { issue("theme must be a theme name or a path, found \(value.typeName)", key: key) }
            case "mouse":
                if let b = bool(value, key) { config.mouse = b }
            case "background":
                if case .string(let name) = value, let b = Background(rawValue: name) { config.background = b }
                else { issue("background must be \"auto\", \"light\" or \"dark\", found \(describe(value))", key: key) }
            case "library":
                var items: [ConfigValue] = []
                switch value {
                case .string: items = [value]
                case .array(let list): items = list
                default: issue("library must be a list of paths, found \(value.typeName)", key: key)
                }
                for item in items {
                    guard case .string(let path) = item, !path.isEmpty else {
                        issue("library must be a list of paths, found \(item.typeName) in it", key: key)
                        continue
                    }
                    config.library.append(expand(path, directory: directory))
                }
            case "wrap":
                guard case .table(let wrap) = value else { issue("wrap must be a table ([wrap])", key: key); continue }
                for (name, v) in wrap.sorted(by: { $0.key < $1.key }) {
                    switch name {
                    case "indent": if let b = bool(v, name, in: "wrap") { config.wrap.keepIndent = b }
                    case "ambiguous-wide":
                        if case .string("auto") = v { config.ambiguousWideSet = false; continue }
                        if let b = bool(v, name, in: "wrap") { config.wrap.ambiguousIsWide = b; config.ambiguousWideSet = true }
                    default: issue("unknown setting wrap.\(name) (indent, ambiguous-wide)", key: name, table: "wrap")
                    }
                }
            case "search":
                guard case .table(let search) = value else { issue("search must be a table ([search])", key: key); continue }
                for (name, v) in search.sorted(by: { $0.key < $1.key }) {
                    switch name {
                    case "variants": if let b = bool(v, name, in: "search") { config.search.variants = b }
                    case "pinyin": if let b = bool(v, name, in: "search") { config.search.pinyin = b }
                    default: issue("unknown setting search.\(name) (variants, pinyin)", key: name, table: "search")
                    }
                }
            case "keys":
                guard case .table(let keys) = value else { issue("keys must be a table ([keys])", key: key); continue }
                func bindings(_ entries: [String: ConfigValue], context: String?) {
                    let table = context.map { "keys.\($0)" } ?? "keys"
                    for (name, v) in entries.sorted(by: { $0.key < $1.key }) {
                        let line = source.line(of: name, in: table)
                        var strings: [String] = []
                        switch v {
                        case .string(let s): strings = [s]
                        case .array(let list):
                            for item in list {
                                if case .string(let s) = item { strings.append(s) }
                                else { issue("\(table).\(name): a key is a string like \"j\" or \"C-d\", found \(item.typeName)", key: name, table: table) }
                            }
                        case .table(let sub) where context == nil:
                            bindings(sub, context: name)
                            continue
                        default:
                            issue("\(table).\(name) must be a list of keys, found \(v.typeName)", key: name, table: table)
                            continue
                        }
                        config.keys.append(KeyBinding(command: name, keys: strings, line: line, context: context))
                    }
                }
                bindings(keys, context: nil)
            default:
                issue("unknown setting \"\(key)\" (theme, background, mouse, library, [wrap], [search], [keys])", key: key)
            }
        }
        config.issues.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return config
    }

    /// A hint for the commonest mistake, a string without quotes (`theme = light`).
    static func hint(forLine line: String) -> String {
        guard let eq = line.firstIndex(of: "=") else { return "" }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, let first = value.unicodeScalars.first,
              first.properties.isAlphabetic || first == "~" || first == "/" || first == ".",
              value != "true", value != "false", Double(value) == nil else { return "" }
        return " (a text value is quoted: \(key) = \"\(value)\")"
    }

    private static func describe(_ value: ConfigValue) -> String {
        if case .string(let s) = value { return "\"\(s)\"" }
        return value.typeName
    }

    private static func expand(_ path: String, directory: String) -> String {
        // `~` is $HOME, as the shell has it (not the password file's home).
        if path == "~" || path.hasPrefix("~/") { return home() + path.dropFirst() }
        if path.hasPrefix("/") { return path }
        return (directory as NSString).appendingPathComponent(path)
    }
}
