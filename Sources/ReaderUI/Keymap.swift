import Grid

/// Which command each key, or sequence of keys (`g g`), gives, in each context.
public struct Keymap: Sendable {
    /// Every binding per context: a sequence of one or more keys → its command.
    private var contexts: [KeyContext: [[Key]: Command]] = [:]
    /// The bindings a configuration listed for a command, in its order (the help shows them so).
    var listed: [KeyContext: [Command: [[Key]]]] = [:]

    /// The default bindings of `Command.table`.
    public init() {
        for row in Command.table {
            for context in row.contexts {
                for key in row.keys { contexts[context, default: [:]][[key]] = row.command }
            }
        }
    }

    /// Every binding of `context`.
    public func sequences(in context: KeyContext = .reader) -> [[Key]: Command] { contexts[context] ?? [:] }

    public func command(for key: Key, in context: KeyContext = .reader) -> Command? { contexts[context]?[[key]] }

    public func command(for keys: [Key], in context: KeyContext = .reader) -> Command? { contexts[context]?[keys] }

    /// Whether `keys` begins a longer binding (so the interpreter waits for the next key).
    public func isPrefix(_ keys: [Key], in context: KeyContext = .reader) -> Bool {
        (contexts[context] ?? [:]).keys.contains { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }
    }

    /// The single keys bound to `command`, in the table's order.
    public func keys(for command: Command, in context: KeyContext = .reader) -> [Key] {
        sequences(for: command, in: context).filter { $0.count == 1 }.map { $0[0] }
    }

    /// How to tell a reader to give `command`: its first binding (`Esc`, `g g`), or nil when
    /// nothing is bound to it.
    public func label(for command: Command, in context: KeyContext = .reader) -> String? {
        sequences(for: command, in: context).first?.bindingName
    }

    /// `label(for:)` of each command that has a binding, joined with " or ": "Esc or ?".
    public func labels(for commands: [Command], in context: KeyContext = .reader) -> String? {
        let names = commands.compactMap { label(for: $0, in: context) }
        return names.isEmpty ? nil : names.joined(separator: " or ")
    }

    /// "j/k scroll", "Esc or S closes": what to press for what, for footers and hints, made
    /// of the keys actually bound; nil when none of `commands` has a key.
    public func hint(_ commands: [Command], _ what: String, joinedBy separator: String = " or ",
                     in context: KeyContext = .reader) -> String? {
        let names = commands.compactMap { keys(for: $0, in: context).first?.name ?? label(for: $0, in: context) }
        return names.isEmpty ? nil : names.joined(separator: separator) + " " + what
    }

    /// Hints joined with ` · `, leaving out those with no key.
    public static func join(_ hints: [String?]) -> String {
        hints.compactMap { $0 }.joined(separator: " · ")
    }

    /// The command table as the help screen and the man page list it: each command with its
    /// bindings in the context it belongs to, and its help line.
    public func helpRows() -> [(command: Command, keys: String, help: String)] {
        Command.table.map { row in
            let context = row.contexts.first ?? .reader
            return (row.command, sequences(for: row.command, in: context).map(\.bindingName).joined(separator: " "), row.help)
        }
    }

    /// Everything bound to `command`: the table's defaults first (in its order), then the rest.
    public func sequences(for command: Command, in context: KeyContext = .reader) -> [[Key]] {
        let bound = contexts[context] ?? [:]
        let defaults = (listed[context]?[command] ?? command.info.keys.map { [$0] }).filter { bound[$0] == command }
        let others = bound.filter { $0.value == command && !defaults.contains($0.key) }.map(\.key)
            .sorted { $0.bindingName < $1.bindingName }
        return defaults + others
    }

    /// Binds `keys` to `command`, taking them (and any binding that is a prefix of them, or
    /// that they are a prefix of) from other commands. Returns the bindings it removed.
    @discardableResult
    public mutating func bind(_ keys: [Key], to command: Command, in context: KeyContext = .reader) -> [(keys: [Key], command: Command)] {
        var bound = contexts[context] ?? [:]
        let clashes = bound.filter { Self.overlap($0.key, keys) }
        for clash in clashes { bound[clash.key] = nil }
        bound[keys] = command
        contexts[context] = bound
        return clashes.filter { $0.key != keys || $0.value != command }.map { ($0.key, $0.value) }
            .sorted { $0.keys.bindingName < $1.keys.bindingName }
    }

    /// Removes every binding of `command`.
    public mutating func unbind(_ command: Command, in context: KeyContext = .reader) {
        contexts[context] = (contexts[context] ?? [:]).filter { $0.value != command }
    }

    /// One sequence is the other or begins it.
    static func overlap(_ a: [Key], _ b: [Key]) -> Bool {
        let n = min(a.count, b.count)
        return Array(a.prefix(n)) == Array(b.prefix(n))
    }
}
