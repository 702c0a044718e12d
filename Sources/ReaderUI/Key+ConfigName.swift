import Grid

extension Key {
    /// Reads a key name as the configuration writes it: `j`, `J`, `Space`, `Enter`, `Tab`,
    /// `S-Tab`, `Esc`, `Backspace`, `Del`, `Ins`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`,
    /// `Home`, `End`, `F1`…`F63`, `C-x`. Nil for anything else.
    public init?(configName name: String) {
        if name.count == 1, let c = name.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            self = .character(c)
            return
        }
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "ret": .enter, "tab": .tab,
            "s-tab": .backTab, "backtab": .backTab, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "bs": .backspace, "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
            "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        ]
        if let key = named[name.lowercased()] { self = key; return }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last?.lowercased().first, c.isASCII, c.isLetter {
            // Ctrl-I, Ctrl-M and Ctrl-[ arrive as Tab, Enter and Esc.
            guard !["i", "m", "j", "h"].contains(c) else { return nil }
            self = .control(c)
            return
        }
        if name.count >= 2, name.first == "F" || name.first == "f", let n = Int(name.dropFirst()), (1...63).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// Reads a binding: one key name, or several separated by spaces (`"g g"`).
    public static func sequence(configName: String) -> [Key]? {
        let parts = configName.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var keys: [Key] = []
        for part in parts {
            guard let key = Key(configName: String(part)) else { return nil }
            keys.append(key)
        }
        return keys
    }
}

extension Array where Element == Key {
    /// How the help screen shows a binding: `g g`, `C-d`, `PgDn`.
    public var bindingName: String { map(\.name).joined(separator: " ") }
}
