#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An RGB colour, 0–255 a channel.
public struct RGB: Hashable, Sendable {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    public var luminance: Double {
        func channel(_ c: Int) -> Double {
            let v = Double(max(0, min(255, c))) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2 contrast ratio with `other`, 1 (the same) to 21 (black on white).
    public func contrast(with other: RGB) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Within a few steps of grey (a colour without hue).
    var isGrey: Bool { max(red, green, blue) - min(red, green, blue) < 40 }
}

/// The terminal's own background (and the foreground that goes with it): light or dark, and
/// its colour when the terminal said it.
public struct TerminalBackground: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case light, dark
    }

    public var kind: Kind
    /// The background colour: as the terminal reported it, else white or black.
    public var color: RGB
    /// The terminal's default foreground, assumed: black on light, xterm's light grey on dark.
    public var foreground: RGB { kind == .light ? RGB(0, 0, 0) : RGB(229, 229, 229) }

    public init(_ kind: Kind, color: RGB? = nil) {
        self.kind = kind
        self.color = color ?? (kind == .light ? RGB(255, 255, 255) : RGB(0, 0, 0))
    }

    /// A reported colour's background: light when its luminance is above the middle grey's.
    public init(color: RGB) {
        self.init(color.luminance > 0.18 ? .light : .dark, color: color)
    }

    public static let dark = TerminalBackground(.dark)
    public static let light = TerminalBackground(.light)
}
