import Testing
@testable import Grid

@Suite struct ColorMappingTests {
    @Test func toSixteenColours() {
        #expect(ColorMapping.nearest(196, available: 16) == 9)    // pure red → bright red
        #expect(ColorMapping.nearest(28, available: 16) == 2)     // green
        #expect(ColorMapping.nearest(231, available: 16) == 15)   // white
        #expect(ColorMapping.nearest(236, available: 16) == 0)    // dark grey → black
        #expect(ColorMapping.nearest(244, available: 16) == 8)    // mid grey → bright black
        #expect(ColorMapping.nearest(12, available: 16) == 12)    // its own
    }

    @Test func toEightColours() {
        #expect(ColorMapping.nearest(196, available: 8) == 1)
        #expect(ColorMapping.nearest(9, available: 8) == 1)       // bright red → red
        #expect(ColorMapping.nearest(231, available: 8) == 7)
        #expect(ColorMapping.nearest(19, available: 8) == 4)      // deep blue → blue
        #expect((0..<256).allSatisfy { ColorMapping.nearest($0, available: 8) < 8 })
        #expect((0..<256).allSatisfy { ColorMapping.nearest($0, available: 16) < 16 })
        #expect(ColorMapping.nearest(200, available: 256) == 200)
    }

    @Test func rgbToTheNearestOf256() {
        #expect(ColorMapping.nearest256(red: 0xFF, green: 0xD7, blue: 0xAF) == 223)
        #expect(ColorMapping.nearest256(red: 0, green: 0, blue: 0) == 16)
        #expect(ColorMapping.nearest256(red: 0x80, green: 0x80, blue: 0x80) == 244)
    }
}

/// How a style is drawn at each depth, on a light or a dark terminal.
@Suite struct ColorResolutionTests {
    @Test func shadesThatVanishBecomeReverse() {
        // A dark grey bar on a dark 8-colour terminal would be black on black.
        let bar = Style(foreground: .indexed(252), background: .indexed(236))
        let resolved = ColorMapping.resolve(bar, depth: .eight, background: .dark)
        #expect(resolved.background == -1 && resolved.attributes.contains(.reverse))
        // On a light one the same grey is a visible bar.
        #expect(ColorMapping.resolve(bar, depth: .eight, background: .light).background == 0)
        // An ANSI colour the theme names is kept.
        #expect(ColorMapping.resolve(Style(background: .indexed(0)), depth: .eight, background: .dark).background == 0)
    }

    @Test func textNeverTakesTheBackgroundsColour() {
        // Peach on a light 8-colour terminal used to become white on white.
        let peach = ColorMapping.resolve(Style(foreground: .indexed(223)), depth: .eight, background: .light)
        #expect(peach.foreground != 7 && peach.foreground != -1)
        #expect(ColorMapping.color(Int(peach.foreground)).contrast(with: RGB(255, 255, 255)) >= 4.5)
        // A grey border on a dark terminal stays a grey, and visible.
        let border = ColorMapping.resolve(Style(foreground: .indexed(242)), depth: .eight, background: .dark)
        #expect(border.foreground == 7)
        #expect(ColorMapping.resolve(Style(foreground: .indexed(242)), depth: .sixteen, background: .dark).foreground == 8)
    }

    @Test func withoutColourHighlightsAreReverse() {
        let match = ColorMapping.resolve(Style(foreground: .indexed(16), background: .indexed(180)), depth: .none, background: .dark)
        #expect(match == TerminalStyle(foreground: -1, background: -1, attributes: .reverse))
        let title = ColorMapping.resolve(Style(foreground: .indexed(223), attributes: .bold), depth: .none, background: .dark)
        #expect(title == TerminalStyle(foreground: -1, background: -1, attributes: .bold))
    }

    @Test func depthsFromColourCounts() {
        #expect(ColorDepth(colors: 0) == .none)
        #expect(ColorDepth(colors: 8) == .eight)
        #expect(ColorDepth(colors: 16) == .sixteen)
        #expect(ColorDepth(colors: 256) == .indexed256)
        #expect(ColorDepth(colors: 0x100_0000) == .direct)
    }

    @Test func wcagContrast() {
        #expect(abs(RGB(0, 0, 0).contrast(with: RGB(255, 255, 255)) - 21) < 0.01)
        #expect(abs(RGB(118, 118, 118).contrast(with: RGB(255, 255, 255)) - 4.54) < 0.01)
    }
}
