extension ColorMapping {
    /// The least contrast a foreground colour is given against what it is drawn on when the
    /// reader picks the colour for a terminal with 8 or 16 colours (WCAG's level for text).
    public static let minimumContrast = 4.5

    /// How `style` is drawn on a terminal of `depth` whose own background is `background`.
    ///
    /// - 256 colours: indexed colours as they are, RGB as the nearest of the 256.
    /// - 8 or 16: the nearest the terminal has (a grey stays a grey, a colour a colour), and for the foreground
    ///   only colours with `minimumContrast` against the background it meets, so text never
    ///   takes the background's own colour. A background shade that would come out as the
    ///   terminal's own becomes reverse video, so that a status bar or a selection still
    ///   stands out (one of the 8 or 16 ANSI colours named by the theme is kept). Bold is
    ///   left off a colour whose bright twin (what many terminals show for bold) would not read.
    /// - No colour: attributes only, and a style that marks something with a background (a
    ///   selection, a search match, the status bar) is drawn in reverse.
    public static func resolve(_ style: Style, depth: ColorDepth, background: TerminalBackground) -> TerminalStyle {
        switch depth {
        case .none:
            var attributes = style.attributes
            if style.background != .default { attributes.insert(.reverse) }
            return TerminalStyle(foreground: -1, background: -1, attributes: attributes)
        case .indexed256:
            return TerminalStyle(foreground: number256(style.foreground), background: number256(style.background),
                                 attributes: style.attributes)
        case .direct:
            return TerminalStyle(foreground: packed(style.foreground), background: packed(style.background),
                                 attributes: style.attributes)
        case .eight, .sixteen:
            let limit = depth == .eight ? 8 : 16
            var bg: Int32 = -1
            var under = background.color
            if let wanted = self.rgb(of: style.background) {
                let native: Int? = if case .indexed(let i) = style.background, Int(i) < limit { Int(i) } else { nil }
                let index = native ?? nearest(to: wanted, limit: limit, against: nil)
                if native == nil, color(index).contrast(with: background.color) < 1.5 {
                    // A shade the terminal cannot tell from its own background (an ANSI colour
                    // the theme names is kept as it is): reverse video.
                    var attributes = style.attributes
                    attributes.insert(.reverse)
                    return TerminalStyle(foreground: -1, background: -1, attributes: attributes)
                }
                bg = Int32(index)
                under = color(index)
            }
            var fg: Int32 = -1
            if let wanted = self.rgb(of: style.foreground) {
                fg = Int32(nearest(to: wanted, limit: limit, against: under))
            } else if bg >= 0, background.foreground.contrast(with: under) < minimumContrast {
                // The terminal's default foreground on a colour of the theme's: pick one that reads.
                fg = Int32(nearest(to: background.foreground, limit: limit, against: under))
            }
            var attributes = style.attributes
            // Many terminals (xterm among them) draw bold text of the first 8 colours in the
            // bright 8: bold black becomes grey. Drop bold where that would not read.
            if attributes.contains(.bold), (0..<8).contains(fg), color(Int(fg) + 8).contrast(with: under) < minimumContrast {
                attributes.remove(.bold)
            }
            return TerminalStyle(foreground: fg, background: bg, attributes: attributes)
        }
    }

    /// The RGB value a colour shows as on an xterm-like terminal; nil for the default.
    public static func rgb(of color: Color) -> RGB? {
        switch color {
        case .default: return nil
        case .indexed(let i): return Self.color(Int(i))
        case .rgb(let r, let g, let b): return RGB(Int(r), Int(g), Int(b))
        }
    }

    /// The RGB value xterm gives an indexed colour, as an `RGB`.
    public static func color(_ index: Int) -> RGB {
        let (r, g, b) = rgb(index)
        return RGB(r, g, b)
    }

    /// The one of the first `limit` colours nearest to `target`: a grey for a grey and a colour
    /// for a colour when it can be; with `against`, only those with `minimumContrast` against it (the most contrasting
    /// when none has).
    static func nearest(to target: RGB, limit: Int, against: RGB?) -> Int {
        let all = Array(0..<limit)
        var candidates = all
        if let against {
            candidates = all.filter { color($0).contrast(with: against) >= minimumContrast }
            if candidates.isEmpty {
                return all.max { color($0).contrast(with: against) < color($1).contrast(with: against) }!
            }
        }
        // A grey stays a grey and a colour a colour (a pastel accent would otherwise turn
        // white, like the text around it).
        let alike = candidates.filter { color($0).isGrey == target.isGrey }
        if !alike.isEmpty { candidates = alike }
        // RGB distance, with lightness weighed in: a dark teal is nearer dark blue than cyan.
        let lightness = target.luminance
        func distance(_ index: Int) -> Double {
            let c = color(index)
            let dr = c.red - target.red, dg = c.green - target.green, db = c.blue - target.blue
            let dl = 255 * (c.luminance - lightness)
            return Double(dr * dr + dg * dg + db * db) + 4 * dl * dl
        }
        return candidates.min { distance($0) < distance($1) }!
    }

    private static func number256(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .indexed(let i): return Int32(i)
        case .rgb(let r, let g, let b): return Int32(nearest256(red: Int(r), green: Int(g), blue: Int(b)))
        }
    }

    private static func packed(_ color: Color) -> Int32 {
        guard let c = rgb(of: color) else { return -1 }
        return Int32(c.red << 16 | c.green << 8 | c.blue)
    }
}
