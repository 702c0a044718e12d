import Foundation
import ReaderCore
import Grid
import Testing
@testable import ReaderUI

/// Every scope of every shipped theme, drawn as the terminal will draw it (at each colour
/// depth, on the background the theme meets), read with WCAG contrast: at least 4.5 for text
/// and 3 for borders and dim text.
@Suite struct ThemeContrastTests {
    /// The scopes the views draw with (README's list).
    static let scopes = [
        "ui", "ui.border", "ui.header", "ui.list", "ui.list.date", "ui.list.selected", "ui.list.selected.unfocused",
        "ui.list.current", "ui.reading", "ui.reading.body", "ui.reading.title", "ui.reading.meta", "ui.reading.lead",
        "ui.reading.lead.bar", "ui.reading.heading", "ui.reading.trailer", "ui.reading.preview", "ui.search.match",
        "ui.search.current", "ui.bookmark", "ui.sidebar", "ui.sidebar.part", "ui.sidebar.title",
        "ui.sidebar.title.in-library", "ui.sidebar.summary", "ui.sidebar.selected", "ui.statusbar",
        "ui.statusbar.mode", "ui.statusbar.message", "ui.help", "ui.help.key", "ui.help.title",
    ]
    /// Borders, bars and secondary text: 3 is enough.
    static let secondary: Set<String> = [
        "ui.border", "ui.reading.lead.bar", "ui.list.date", "ui.reading.meta", "ui.reading.trailer",
        "ui.sidebar.summary", "ui.header",
    ]
    /// What must stand out from the terminal's background as a block.
    static let blocks = ["ui.statusbar", "ui.list.selected", "ui.list.selected.unfocused", "ui.sidebar.selected",
                         "ui.search.match", "ui.search.current"]
    static let depths: [ColorDepth] = [.direct, .indexed256, .sixteen, .eight]

    static let shipped: [ThemeSpec] = {
        let folder = repositoryRoot.appendingPathComponent("themes").path
        let catalog = ThemeCatalog(directories: [folder])
        return catalog.names.compactMap { catalog.load($0).theme }
    }()

    /// The colour a resolved colour number shows as (-1: `otherwise`).
    static func rgb(_ number: Int32, depth: ColorDepth, otherwise: RGB) -> RGB {
        if number < 0 { return otherwise }
        if depth == .direct { return RGB(Int(number >> 16) & 0xFF, Int(number >> 8) & 0xFF, Int(number) & 0xFF) }
        return ColorMapping.color(Int(number))
    }

    /// The foreground and background a scope shows with, reverse video applied.
    static func colours(_ style: Style, depth: ColorDepth, on background: TerminalBackground) -> (fg: RGB, bg: RGB, TerminalStyle) {
        let resolved = ColorMapping.resolve(style, depth: depth, background: background)
        var fg = rgb(resolved.foreground, depth: depth, otherwise: background.foreground)
        // Bold in one of the first 8 colours shows as its bright twin on many terminals.
        if depth == .eight || depth == .sixteen, resolved.attributes.contains(.bold), (0..<8).contains(resolved.foreground) {
            fg = ColorMapping.color(Int(resolved.foreground) + 8)
        }
        var bg = rgb(resolved.background, depth: depth, otherwise: background.color)
        if resolved.attributes.contains(.reverse) { swap(&fg, &bg) }
        return (fg, bg, resolved)
    }

    @Test func theShippedThemesAreFound() {
        #expect(Set(Self.shipped.map(\.name)).isSuperset(of: ["default", "light", "high-contrast", "monochrome"]))
    }

    @Test(arguments: depths)
    func everyScopeReadsOnTheBackgroundItMeets(depth: ColorDepth) {
        var failures: [String] = []
        for spec in Self.shipped {
            for kind in TerminalBackground.Kind.allCases {
                let light = kind == .light
                // A theme made for one background meets it whatever the terminal's; the rest
                // follow the terminal.
                if spec.background != .auto, spec.meets(lightBackground: light) != light { continue }
                let theme = Theme(spec: spec, lightBackground: light)
                let background = TerminalBackground(kind)
                for scope in Self.scopes {
                    let (fg, bg, _) = Self.colours(theme.style(scope), depth: depth, on: background)
                    let needed = Self.secondary.contains(scope) || theme.style(scope).attributes.contains(.dim) ? 3.0 : 4.5
                    let contrast = fg.contrast(with: bg)
                    if contrast < needed {
                        failures.append("\(spec.name) on \(kind) at \(depth): \(scope) \(fg) on \(bg) = \(String(format: "%.2f", contrast)) < \(needed)")
                    }
                }
                // Blocks stand out from the pane they are drawn on (the terminal's background,
                // or the theme's own where it paints one).
                let pane = Self.colours(theme.style("ui"), depth: depth, on: background).bg
                for scope in Self.blocks {
                    let (_, bg, _) = Self.colours(theme.style(scope), depth: depth, on: background)
                    if theme.style(scope).background != .default || theme.style(scope).attributes.contains(.reverse),
                       bg.contrast(with: pane) < 1.3 {
                        failures.append("\(spec.name) on \(kind) at \(depth): \(scope) does not stand out (\(bg) on \(pane))")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) problems:\n\(failures.joined(separator: "\n"))")
    }

    @Test func bodyTextIsInTheTerminalsOwnColours() {
        for light in [false, true] {
            let theme = Theme(spec: Self.shipped.first { $0.name == "default" }!, lightBackground: light)
            for scope in ["ui", "ui.reading", "ui.reading.body", "ui.list", "ui.sidebar.title"] {
                #expect(theme.style(scope).foreground == .default && theme.style(scope).background == .default,
                        "\(scope) on \(light ? "light" : "dark")")
            }
        }
    }

    @Test func theDefaultThemeHasALightVariant() {
        let spec = Self.shipped.first { $0.name == "default" }!
        #expect(spec.lightScopes != nil)
        let dark = Theme(spec: spec, lightBackground: false), light = Theme(spec: spec, lightBackground: true)
        #expect(dark.style("ui.reading.title") != light.style("ui.reading.title"))
        // Picked by the background: dark text on light, light text on dark.
        let onLight = ColorMapping.rgb(of: light.style("ui.reading.title").foreground)!
        let onDark = ColorMapping.rgb(of: dark.style("ui.reading.title").foreground)!
        #expect(onLight.luminance < 0.2 && onDark.luminance > 0.4)
    }

    /// With NO_COLOR (and in the monochrome theme) matches and selections are reverse video;
    /// the current match is also bold or underlined.
    @Test func withoutColourMatchesAndSelectionsAreReverse() {
        for spec in Self.shipped {
            for light in [false, true] {
                let theme = Theme(spec: spec, lightBackground: light)
                func look(_ scope: String) -> Attributes {
                    ColorMapping.resolve(theme.style(scope), depth: .none, background: light ? .light : .dark).attributes
                }
                for scope in ["ui.search.match", "ui.search.current", "ui.list.selected", "ui.list.selected.unfocused"] {
                    #expect(look(scope).contains(.reverse), "\(spec.name): \(scope) in reverse")
                }
                #expect(!look("ui.search.current").isDisjoint(with: [.bold, .underline]), "\(spec.name): the current match stands out")
                #expect(look("ui.search.current") != look("ui.search.match"), "\(spec.name)")
            }
        }
    }

    /// The 8- and 16-colour mappings never give text the background's own colour, whatever
    /// the colour asked for.
    @Test func lowDepthsNeverPickTheBackgroundForText() {
        for depth in [ColorDepth.eight, .sixteen] {
            for background in [TerminalBackground.dark, .light] {
                for index in 0..<256 {
                    let style = Style(foreground: .indexed(UInt8(index)))
                    let resolved = ColorMapping.resolve(style, depth: depth, background: background)
                    let fg = Self.rgb(resolved.foreground, depth: depth, otherwise: background.foreground)
                    #expect(fg.contrast(with: background.color) >= ColorMapping.minimumContrast,
                            "colour \(index) at \(depth) on \(background.kind)")
                }
            }
        }
    }
}
