import ReaderCore
import Grid

extension Keymap {
    /// The default keymap with the `[keys]` of a configuration applied. A command listed there
    /// gets exactly the keys listed (`[]` unbinds it); a key it takes leaves the command that
    /// had it. Unknown commands and key names are reported with their line and left out.
    public init(configuration: Configuration) {
        self.init()
        _ = apply(configuration.keys, file: configuration.file)
    }

    /// Applies `[keys]` entries; returns what was wrong with them.
    public mutating func apply(_ entries: [Configuration.KeyBinding], file: String? = nil) -> [ConfigIssue] {
        var issues: [ConfigIssue] = []
        var setBy: [KeyContext: [[Key]: (command: Command, line: Int?)]] = [:]
        for entry in entries.sorted(by: { ($0.line ?? 0, $0.command) < ($1.line ?? 0, $1.command) }) {
            guard let context = entry.context.map({ KeyContext(rawValue: $0) }) ?? .reader else {
                let known = KeyContext.allCases.filter { $0 != .reader }.map { "[\($0.configTable)]" }.joined(separator: ", ")
                issues.append(ConfigIssue(file: file, line: entry.line, message: "unknown key table [keys.\(entry.context ?? "")] (tables: [keys], \(known))"))
                continue
            }
            guard let command = Command(rawValue: entry.command), command.info.contexts.contains(context) else {
                let known = Command.table(in: context).map(\.command.name).joined(separator: ", ")
                issues.append(ConfigIssue(file: file, line: entry.line, message: "unknown command \"\(entry.command)\" in [\(context.configTable)] (commands: \(known))"))
                continue
            }
            var parsed: [[Key]] = []
            for name in entry.keys {
                if let keys = Key.sequence(configName: name) {
                    parsed.append(keys)
                } else {
                    issues.append(ConfigIssue(file: file, line: entry.line,
                                              message: "unknown key \"\(name)\" for \(command.name) (keys look like j, J, Space, Enter, C-d, PgDn, F1, \"g g\")"))
                }
            }
            if parsed.isEmpty && !entry.keys.isEmpty { continue }   // all bad: keep the defaults
            unbind(command, in: context)
            listed[context, default: [:]][command] = parsed
            for keys in parsed {
                for clash in bind(keys, to: command, in: context) {
                    guard let earlier = setBy[context]?[clash.keys], earlier.command == clash.command, clash.command != command else { continue }
                    issues.append(ConfigIssue(file: file, line: entry.line,
                        message: "\"\(keys.bindingName)\" for \(command.name) replaces \"\(clash.keys.bindingName)\" for \(clash.command.name)\(earlier.line.map { " (line \($0))" } ?? "")"))
                }
                setBy[context, default: [:]][keys] = (command, entry.line)
            }
        }
        // A configuration may not leave the reader without a way out: quit keeps its own
        // keys when the file left it none.
        if sequences(for: .quit, in: .reader).isEmpty {
            let defaults = Command.quit.info.keys
            for key in defaults { bind([key], to: .quit, in: .reader) }
            listed[.reader, default: [:]][.quit] = nil
            let line = entries.first { $0.command == Command.quit.rawValue && $0.context == nil }?.line
                ?? defaults.lazy.compactMap { key in setBy[.reader]?[[key]]?.line }.first
            issues.append(ConfigIssue(file: file, line: line, message: """
                no key would quit: quit keeps \(defaults.map { [$0].bindingName }.joined(separator: ", "))
                """))
        }
        return issues
    }
}
