import Foundation

extension Configuration.Hyperlinks {
    /// Whether links go to the terminal as OSC 8 hyperlinks: `always` and `never` say so,
    /// `auto` asks `terminalHandlesHyperlinks(environment:)`.
    public func isOn(environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return Self.terminalHandlesHyperlinks(environment: environment)
        }
    }

    /// Whether the terminal the environment describes is known to handle OSC 8 hyperlinks.
    ///
    /// Inside tmux, only a tmux that passes them on (3.4 and later, `TERM_PROGRAM_VERSION`),
    /// whatever the outer terminal: variables such as `VTE_VERSION` may be left over from the
    /// terminal the tmux server was started in. GNU screen, the Linux console, `dumb`, the
    /// VT100 family and any terminal not named below are off. On: VTE 0.50 and later
    /// (GNOME Terminal, Tilix…: `VTE_VERSION` ≥ 5000), iTerm2, WezTerm, VS Code, Ghostty
    /// (`TERM_PROGRAM`), kitty (`KITTY_WINDOW_ID`), Windows Terminal (`WT_SESSION`), and the
    /// terminal types kitty, foot, alacritty and wezterm.
    public static func terminalHandlesHyperlinks(environment: [String: String]) -> Bool {
        func value(_ name: String) -> String {
            (environment[name] ?? "").trimmingCharacters(in: .whitespaces)
        }
        let term = value("TERM").lowercased()
        let program = value("TERM_PROGRAM")
        if !value("TMUX").isEmpty || program == "tmux" {
            guard program == "tmux" else { return false }
            return version(value("TERM_PROGRAM_VERSION"), isAtLeast: [3, 4])
        }
        if !value("STY").isEmpty || term.hasPrefix("screen") || term.hasPrefix("tmux") { return false }
        if term.isEmpty || term == "dumb" || term == "linux" || term.hasPrefix("vt") || term.hasPrefix("cons") { return false }
        if let vte = Int(value("VTE_VERSION")), vte >= 5000 { return true }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(program) { return true }
        if !value("KITTY_WINDOW_ID").isEmpty || !value("WT_SESSION").isEmpty { return true }
        for known in ["xterm-kitty", "kitty", "foot", "alacritty", "wezterm", "xterm-ghostty", "ghostty"]
        where term == known || term.hasPrefix(known + "-") {
            return true
        }
        return false
    }

    /// Whether a dotted version (`3.4`, `3.3a`, `next-3.5`) is at least `minimum`: its
    /// leading digits per part are compared; nothing readable is not.
    static func version(_ text: String, isAtLeast minimum: [Int]) -> Bool {
        let start = text.firstIndex { $0.isNumber } ?? text.endIndex
        let parts = text[start...].split(separator: ".").map { part in Int(part.prefix { $0.isNumber }) }
        guard let first = parts.first, first != nil else { return false }
        for (i, wanted) in minimum.enumerated() {
            let have = i < parts.count ? (parts[i] ?? 0) : 0
            if have != wanted { return have > wanted }
        }
        return true
    }
}
