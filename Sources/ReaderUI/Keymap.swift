import Grid

/// Which command each key, or sequence of keys (`g g`), gives.
public struct Keymap: Sendable {
    /// Every binding: a sequence of one or more keys → its command.
    public private(set) var sequences: [[Key]: Command]
    /// The bindings a configuration listed for a command, in its order (the help shows them so).
    var listed: [Command: [[Key]]] = [:]

    /// The default bindings of `Command.table`.
    public init() {
        sequences = [:]
        for row in Command.table {
            for key in row.keys { sequences[[key]] = row.command }
            for sequence in row.sequences where !sequence.isEmpty { sequences[sequence] = row.command }
        }
    }

    /// The single-key bindings.
    public var bindings: [Key: Command] {
        var single: [Key: Command] = [:]
        for (keys, command) in sequences where keys.count == 1 { single[keys[0]] = command }
        return single
    }

    public func command(for key: Key) -> Command? { sequences[[key]] }

    public func command(for keys: [Key]) -> Command? { sequences[keys] }

    /// Whether `keys` begins a longer binding (so the interpreter waits for the next key).
    public func isPrefix(_ keys: [Key]) -> Bool {
        sequences.keys.contains { $0.count > keys.count && Array($0.prefix(keys.count)) == keys }
    }

    /// The single keys bound to `command`, in the table's order.
    public func keys(for command: Command) -> [Key] {
        sequences(for: command).filter { $0.count == 1 }.map { $0[0] }
    }

    /// Everything bound to `command`: the table's defaults first (in its order), then the rest.
    public func sequences(for command: Command) -> [[Key]] {
        let info = command.info
        let defaults = (listed[command] ?? info.keys.map { [$0] } + info.sequences).filter { sequences[$0] == command }
        let others = sequences.filter { $0.value == command && !defaults.contains($0.key) }.map(\.key)
            .sorted { $0.bindingName < $1.bindingName }
        return defaults + others
    }

    /// Binds `keys` to `command`, taking them (and any binding that is a prefix of them, or
    /// that they are a prefix of) from other commands. Returns the bindings it removed.
    @discardableResult
    public mutating func bind(_ keys: [Key], to command: Command) -> [(keys: [Key], command: Command)] {
        let clashes = sequences.filter { Self.overlap($0.key, keys) }
        for clash in clashes { sequences[clash.key] = nil }
        sequences[keys] = command
        return clashes.filter { $0.key != keys || $0.value != command }.map { ($0.key, $0.value) }
            .sorted { $0.keys.bindingName < $1.keys.bindingName }
    }

    /// Removes every binding of `command`.
    public mutating func unbind(_ command: Command) {
        sequences = sequences.filter { $0.value != command }
    }

    /// One sequence is the other or begins it.
    static func overlap(_ a: [Key], _ b: [Key]) -> Bool {
        let n = min(a.count, b.count)
        return Array(a.prefix(n)) == Array(b.prefix(n))
    }
}
