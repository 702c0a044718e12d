/// A key the user pressed, decoded from the terminal's input.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter: `.control("c")` for Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete, insert
    case function(Int)

    /// A readable name, as the help screen and configuration spell it: `j`, `Space`, `C-c`, `PgDn`.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }

    /// Decodes a character that arrived as text (`wget_wch` returned OK).
    public static func fromCharacter(_ scalar: UInt32) -> Key? {
        switch scalar {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(scalar + 0x60)!))
        case 0x00...0x1F: return nil
        default:
            guard let s = Unicode.Scalar(scalar) else { return nil }
            return .character(Character(s))
        }
    }
}
