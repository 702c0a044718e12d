/// How many colours a terminal can show, as the reader uses them.
public enum ColorDepth: Hashable, Sendable, CaseIterable {
    /// No colour (NO_COLOR, or a terminal without colours): attributes only.
    case none
    case eight
    case sixteen
    case indexed256
    /// Any RGB value (a direct-colour terminal).
    case direct

    /// The depth of a terminal that reports `colors` colours.
    public init(colors: Int) {
        switch colors {
        case ..<8: self = .none
        case ..<16: self = .eight
        case ..<256: self = .sixteen
        case ..<0x100_0000: self = .indexed256
        default: self = .direct
        }
    }
}

/// A style as the terminal draws it: colour numbers for its depth (-1: the terminal's
/// default; an RGB value packed as 0xRRGGBB on a direct-colour terminal) and attributes.
public struct TerminalStyle: Hashable, Sendable {
    public var foreground: Int32
    public var background: Int32
    public var attributes: Attributes

    public init(foreground: Int32, background: Int32, attributes: Attributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
