import Terminal

/// Which command each key gives.
public struct Keymap: Sendable {
    public private(set) var bindings: [Key: Command]

    /// The default bindings of `Command.table`.
    public init() {
        bindings = [:]
        for row in Command.table {
            for key in row.keys { bindings[key] = row.command }
        }
    }

    public func command(for key: Key) -> Command? { bindings[key] }

    /// The keys bound to `command`, in the table's order.
    public func keys(for command: Command) -> [Key] {
        let defaults = command.info.keys.filter { bindings[$0] == command }
        let others = bindings.filter { $0.value == command && !defaults.contains($0.key) }.map(\.key)
            .sorted { $0.name < $1.name }
        return defaults + others
    }
}
