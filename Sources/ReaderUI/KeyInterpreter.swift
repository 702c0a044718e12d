import Grid

/// Turns keys into commands: a count typed first (`5j`), then a key or a sequence of keys
/// (`g g`). No timeouts: after a prefix, the next key decides. The loop feeds it every key
/// that is not for a prompt; `pending` is what the status bar shows meanwhile.
public struct KeyInterpreter: Sendable {
    /// What a key came to.
    public enum Outcome: Equatable, Sendable {
        /// Run this command `count` times (or with this count); `counted` when a count was
        /// typed (`1G` is line 1, `G` the end).
        case command(Command, count: Int, counted: Bool = false)
        /// Part of a count or of a sequence: wait for more.
        case pending
        /// Bound to nothing (the keys typed so far are dropped).
        case unbound([Key])
    }

    /// The largest count kept: more digits are ignored.
    public static let maxCount = 9999

    public private(set) var count: Int?
    public private(set) var prefix: [Key] = []

    public init() {}

    /// The count and keys typed so far (`5g`), or nil when nothing is pending.
    public var pending: String? {
        guard count != nil || !prefix.isEmpty else { return nil }
        return (count.map(String.init) ?? "") + prefix.bindingName
    }

    /// Feeds one key.
    public mutating func feed(_ key: Key, keymap: Keymap) -> Outcome {
        if key == .escape, count != nil || !prefix.isEmpty {
            reset()
            return .pending
        }
        if prefix.isEmpty, case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII,
           keymap.command(for: key) == nil, !keymap.isPrefix([key]), digit > 0 || count != nil {
            count = min(Self.maxCount, (count ?? 0) * 10 + digit)
            return .pending
        }
        let keys = prefix + [key]
        if let command = keymap.command(for: keys) {
            let n = count ?? 1
            let counted = count != nil
            reset()
            return .command(command, count: n, counted: counted)
        }
        if keymap.isPrefix(keys) {
            prefix = keys
            return .pending
        }
        reset()
        return .unbound(keys)
    }

    public mutating func reset() {
        count = nil
        prefix = []
    }
}
